#!/bin/bash
# Every command's output on the shipped example and scenarios, with stderr
# and exit code, into one folder, so two builds can be diffed whole:
#   scripts/same-outputs.sh path/to/kivijalka-before out-before
#   scripts/same-outputs.sh path/to/kivijalka-after  out-after
#   diff -r out-before out-after
# Excel files are unzipped, so their parts compare as text.
set -u
# The language of help and usage errors follows the environment: fix it.
unset KIVIJALKA_LANG LC_ALL LC_MESSAGES LANG
bin=$(realpath "$1")
out=$(realpath -m "$2")
cd "$(dirname "$0")/.."
rm -rf "$out"
mkdir -p "$out"
wb=data/kivikoski.xlsx
n=0

# One run: stdout, stderr and exit code under the given name.
run() {
    local name=$1
    shift
    "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"
    echo $? >"$out/$name.rc"
    n=$((n + 1))
}

# A file written with --out: its bytes, or its parts when it is a zip.
keep() {
    local name=$1 file=$2
    if [ ! -f "$file" ]; then
        echo "(none)" >"$out/$name.file"
    elif [ "${file##*.}" = xlsx ]; then
        mkdir -p "$out/$name.unzipped"
        unzip -q -o "$file" -d "$out/$name.unzipped"
    else
        cp "$file" "$out/$name.file"
    fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run lines-fi lines
run lines-en lines --lang en
for cmd in indicators ratios check statements; do
    for fmt in table csv json; do
        for lang in fi en; do
            run "$cmd-$fmt-$lang" "$cmd" "$wb" --format "$fmt" --lang "$lang"
        done
    done
    run "$cmd-years" "$cmd" "$wb" --years 2022-2024
    run "$cmd-allow" "$cmd" "$wb" --allow-unknown --targets data/targets.toml --index data/kphi.csv
    run "$cmd-noworkbook" "$cmd"
    run "$cmd-explain" "$cmd" --explain
    run "$cmd-explain-en" "$cmd" --explain --lang en --format csv
    run "$cmd-explain-wb" "$cmd" "$wb" --explain
    run "$cmd-missing" "$cmd" does-not-exist.xlsx
    run "$cmd-out" "$cmd" "$wb" --out "$tmp/$cmd.txt"
    keep "$cmd-out" "$tmp/$cmd.txt"
done

scenarios=(scenarios/*.toml)
for sc in "" "${scenarios[@]}"; do
    s=$(basename "${sc:-default}" .toml)
    flag=()
    [ -n "$sc" ] && flag=(--scenario "$sc")
    for show in indicators drivers statements; do
        for fmt in table csv json; do
            run "forecast-$s-$show-$fmt" forecast "$wb" "${flag[@]}" --show "$show" --format "$fmt"
        done
    done
    run "forecast-$s-en" forecast "$wb" "${flag[@]}" --lang en
    run "forecast-$s-range" forecast "$wb" "${flag[@]}" --start 2024 --horizon 2030 --years 2026-2029
done
run forecast-explain forecast "$wb" --explain
run forecast-noworkbook forecast --scenario scenarios/baseline.toml
run forecast-missing-scenario forecast "$wb" --scenario nope.toml

for fmt in table csv json; do
    run "compare-$fmt" compare "$wb" "${scenarios[@]}" --format "$fmt"
done
run compare-en compare "$wb" scenarios/baseline.toml scenarios/tax_rise.toml --lang en --horizon 2030
run compare-none compare "$wb"
run compare-explain compare "$wb" scenarios/baseline.toml --explain

for lever in tax-rate savings investment-cap "tax-rate:0.5" "savings:3 M€" "investment-cap:5000000"; do
    for fmt in table csv json; do
        run "solve-${lever//[^a-z0-9]/_}-$fmt" solve "$wb" --scenario scenarios/baseline.toml --lever "$lever" --format "$fmt"
    done
done
run solve-two solve "$wb" --scenario scenarios/interest_shock.toml --lever tax-rate:0.2 --lever savings --by 2030 --from 2026 --indicators 1,2,5
run solve-default solve "$wb" --lever tax-rate --lang en
run solve-badlever solve "$wb" --lever wages
run solve-badbound solve "$wb" --lever tax-rate:99
run solve-badind solve "$wb" --lever tax-rate --indicators 1,9

for sc in scenarios/uncertain.toml scenarios/uncertain_tax_rise.toml; do
    s=$(basename "$sc" .toml)
    for fmt in table csv json; do
        run "simulate-$s-$fmt" simulate "$wb" --scenario "$sc" --paths 200 --seed 7 --jobs 2 --format "$fmt"
        run "sensitivity-$s-$fmt" sensitivity "$wb" --scenario "$sc" --format "$fmt"
    done
done
run simulate-en simulate "$wb" --scenario scenarios/uncertain.toml --paths 50 --seed 3 --lang en --horizon 2030
run simulate-certain simulate "$wb" --scenario scenarios/baseline.toml --paths 50
run sensitivity-certain sensitivity "$wb" --scenario scenarios/baseline.toml

for kind in html xlsx; do
    run "report-plain-$kind" report "$wb" --out "$tmp/plain.$kind"
    keep "report-plain-$kind" "$tmp/plain.$kind"
    run "report-all-$kind" report "$wb" --scenario scenarios/uncertain.toml --scenario scenarios/baseline.toml \
        --scenario scenarios/tax_rise.toml --simulate 100 --seed 5 --sensitivity --out "$tmp/all.$kind"
    keep "report-all-$kind" "$tmp/all.$kind"
    run "report-en-$kind" report "$wb" --scenario scenarios/savings.toml --lang en \
        --targets data/targets.toml --index data/kphi.csv --out "$tmp/en.$kind"
    keep "report-en-$kind" "$tmp/en.$kind"
done
run report-noout report "$wb"
run report-badext report "$wb" --out "$tmp/r.pdf"
run report-simcertain report "$wb" --scenario scenarios/baseline.toml --simulate 10 --out "$tmp/x.html"
run report-sensnone report "$wb" --sensitivity --out "$tmp/y.html"

# Batch over the shipped folder (the workbook and, as a long table that
# fails, the price index) and over the example's long table.
for kind in html xlsx none; do
    run "batch-$kind" batch data --scenario scenarios/baseline.toml --report "$kind" --jobs 1 --out "$tmp/batch-$kind"
    for f in "$tmp/batch-$kind"/*; do
        keep "batch-$kind-$(basename "$f")" "$f"
    done
done
run batch-sim batch "$wb" --scenario scenarios/uncertain.toml --simulate 50 --jobs 2 --out "$tmp/batch-sim"
for f in "$tmp/batch-sim"/*; do
    keep "batch-sim-$(basename "$f")" "$f"
done
run batch-simcertain batch "$wb" --scenario scenarios/baseline.toml --simulate 50 --out "$tmp/batch-x"
run batch-empty batch scenarios --out "$tmp/batch-empty"

for fmt in table csv json; do
    run "statutory-$fmt" statutory "$wb" --format "$fmt"
    run "statutory-scenario-$fmt" statutory "$wb" --scenario scenarios/uncertain.toml --format "$fmt" --lang en
done

run scenario-keys scenario keys
run scenario-keys-en scenario keys --lang en
for sc in "${scenarios[@]}"; do
    run "scenario-show-$(basename "$sc" .toml)" scenario show "$sc"
done
run scenario-diff-1 scenario diff scenarios/baseline.toml scenarios/tax_rise.toml
run scenario-diff-2 scenario diff scenarios/uncertain.toml scenarios/uncertain_tax_rise.toml
run scenario-diff-missing scenario diff scenarios/baseline.toml nope.toml

# Swedish: every command's words once, with its errors.
run sv-lines lines --lang sv
for cmd in indicators ratios check statements; do
    run "sv-$cmd" "$cmd" "$wb" --lang sv
    run "sv-$cmd-explain" "$cmd" --explain --lang sv
done
run sv-check-missing check does-not-exist.xlsx --lang sv
run sv-forecast forecast "$wb" --scenario scenarios/tax_rise.toml --show drivers --lang sv
run sv-forecast-ind forecast "$wb" --scenario scenarios/savings.toml --lang sv
run sv-compare compare "$wb" "${scenarios[@]}" --lang sv
run sv-solve solve "$wb" --scenario scenarios/baseline.toml --lever savings --lang sv
run sv-simulate simulate "$wb" --scenario scenarios/uncertain.toml --paths 100 --seed 7 --lang sv
run sv-statutory statutory "$wb" --scenario scenarios/uncertain.toml --lang sv
run sv-scenario-keys scenario keys --lang sv
run sv-scenario-show scenario show scenarios/tax_rise.toml --lang sv
run sv-scenario-diff scenario diff scenarios/baseline.toml scenarios/tax_rise.toml --lang sv
run sv-help-forecast forecast --help --lang sv
run sv-badflag forecast "$wb" --horizon x --lang sv
for kind in html xlsx; do
    run "sv-report-$kind" report "$wb" --scenario scenarios/uncertain.toml --simulate 50 --seed 5 --lang sv --out "$tmp/sv.$kind"
    keep "sv-report-$kind" "$tmp/sv.$kind"
done
run sv-batch batch data --scenario scenarios/baseline.toml --report xlsx --jobs 1 --lang sv --out "$tmp/batch-sv"
for f in "$tmp/batch-sv"/*; do
    keep "sv-batch-$(basename "$f")" "$f"
done

# 40 synthetic municipalities, as workbooks and as a long table (the synth
# example beside the binary, if it was built: cargo build --example synth).
synth=$(dirname "$bin")/examples/synth
if [ -x "$synth" ]; then
    "$synth" --count 40 --seed 7 --long "$tmp/synth-long.csv" >/dev/null 2>&1
    "$synth" --count 40 --seed 7 --out "$tmp/synth-in" >/dev/null 2>&1
    run batch-synth-long batch "$tmp/synth-long.csv" --scenario scenarios/baseline.toml --report none --jobs 1 --out "$tmp/batch-synth-long"
    run batch-synth-wb batch "$tmp/synth-in" --scenario scenarios/uncertain.toml --simulate 100 --jobs 1 --out "$tmp/batch-synth-wb"
    for d in "$tmp/batch-synth-long" "$tmp/batch-synth-wb"; do
        for f in "$d"/*; do
            keep "$(basename "$d")-$(basename "$f")" "$f"
        done
    done
fi

# The temporary folder's name appears in messages; it is not a difference.
sed -i "s|$tmp|TMP|g" "$out"/*.out "$out"/*.err
find "$out" -name "*.file" -exec sed -i "s|$tmp|TMP|g" {} +
echo "$n runs into $out"
