#!/bin/bash
# Writes every command's output on the shipped example and scenarios into
# one folder, so two builds can be compared with `diff -r`. Usage:
#   scripts/outputs.sh OUT_DIR [KIVIJALKA_BINARY]
# Without a binary it builds this tree. Exit codes are recorded beside the
# output, since a changed exit code is a changed behaviour too.
set -u
cd "$(dirname "$0")/.."
out=$1
bin=${2:-}
if [ -z "$bin" ]; then
  cargo build --quiet --example synth || exit 3
  cargo build --quiet || exit 3
  bin=${CARGO_TARGET_DIR:-target}/debug/kivijalka
fi
synth=$(dirname "$bin")/examples/synth
rm -rf "$out"
mkdir -p "$out"
wb=data/kivikoski.xlsx
run() { # name, args...
  name=$1; shift
  "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo $? >"$out/$name.rc"
}
for lang in fi en; do
  for fmt in table csv json; do
    s=$lang.$fmt
    run indicators.$s indicators $wb --lang $lang --format $fmt
    run indicators-long.$s indicators data/kivikoski --lang $lang --format $fmt
    run ratios.$s ratios $wb --lang $lang --format $fmt
    run check.$s check $wb --lang $lang --format $fmt
    run statements.$s statements $wb --lang $lang --format $fmt
    run compare.$s compare $wb scenarios/*.toml --lang $lang --format $fmt
    for sc in scenarios/*.toml; do
      b=$(basename "$sc" .toml)
      run forecast-$b.$s forecast $wb --scenario "$sc" --lang $lang --format $fmt
      run forecast-statements-$b.$s forecast $wb --scenario "$sc" --show statements --lang $lang --format $fmt
    done
    run solve.$s solve $wb --scenario scenarios/interest_shock.toml --lever tax-rate --lang $lang --format $fmt
    run solve-savings.$s solve $wb --scenario scenarios/baseline.toml --lever savings --lang $lang --format $fmt
    for sc in uncertain uncertain_tax_rise; do
      run simulate-$sc.$s simulate $wb --scenario scenarios/$sc.toml --paths 200 --seed 1 --lang $lang --format $fmt
      run sensitivity-$sc.$s sensitivity $wb --scenario scenarios/$sc.toml --lang $lang --format $fmt
    done
  done
  run indicators-explain.$lang indicators $wb --explain --lang $lang
  run ratios-explain.$lang ratios $wb --explain --lang $lang
  run forecast-explain.$lang forecast $wb --scenario scenarios/baseline.toml --explain --lang $lang
  run lines.$lang lines --lang $lang
  run report-html.$lang report $wb --scenario scenarios/baseline.toml --scenario scenarios/tax_rise.toml --out "$out/report.$lang.html" --lang $lang
  run report-sim-html.$lang report $wb --scenario scenarios/uncertain.toml --simulate 200 --seed 1 --out "$out/report-sim.$lang.html" --lang $lang
  run report-plain-html.$lang report $wb --out "$out/report-plain.$lang.html" --lang $lang
  run report-xlsx.$lang report $wb --scenario scenarios/baseline.toml --scenario scenarios/tax_rise.toml --out "$out/report.$lang.xlsx" --lang $lang
  [ -f "$out/report.$lang.xlsx" ] && mkdir -p "$out/report.$lang.xlsx.d" && (cd "$out/report.$lang.xlsx.d" && unzip -q ../report.$lang.xlsx) && rm "$out/report.$lang.xlsx"
done
run scenario-keys scenario keys
for sc in scenarios/*.toml; do run scenario-show-$(basename "$sc" .toml) scenario show "$sc"; done
run scenario-diff scenario diff scenarios/baseline.toml scenarios/tax_rise.toml
# A long table of synthetic municipalities: the figures read from a long
# table go through the long reader's own rounding.
if [ -x "$synth" ]; then
  "$synth" --count 40 --seed 7 --long "$out/synth-long.csv" >/dev/null 2>&1
  "$synth" --count 40 --seed 7 --out "$out/synth-in" >/dev/null 2>&1
  run batch-long batch "$out/synth-long.csv" --scenario scenarios/baseline.toml --report none --jobs 1 --out "$out/batch-long"
  run batch-wb batch "$out/synth-in" --scenario scenarios/uncertain.toml --simulate 100 --jobs 1 --out "$out/batch-wb"
  run batch-data batch data/kivikoski.xlsx --scenario scenarios/baseline.toml --report xlsx --jobs 1 --out "$out/batch-data"
  for f in "$out"/batch-data/*.xlsx; do [ -f "$f" ] && mkdir -p "$f.d" && (cd "$f.d" && unzip -q "../$(basename "$f")") && rm "$f"; done
  rm -rf "$out/synth-in"
fi
# Paths printed in messages name the output folder; make them comparable.
grep -rlI -- "$out" "$out" 2>/dev/null | while read -r f; do sed -i "s#$out#OUT#g" "$f"; done
echo "outputs in $out"
