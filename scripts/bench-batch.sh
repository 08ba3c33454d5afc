#!/bin/sh
# Batch over 300 synthetic municipalities: whole-process time and peak
# memory (GNU time). Run from anywhere; needs only the Rust toolchain and
# /usr/bin/time.
set -e
cd "$(dirname "$0")/.."
cargo build --release --quiet --example synth
cargo build --release --quiet
dir=$(mktemp -d)
./target/release/examples/synth --count 300 --seed 7 --out "$dir/in"
./target/release/examples/synth --count 300 --seed 7 --long "$dir/all.csv"
t() { label=$1; shift; /usr/bin/time -f "$label: %e s, %M KB peak" "$@" 2>&1 >/dev/null | grep -v "^\[" | tail -1; }
t "300 workbooks, indicators, HTML report each" ./target/release/kivijalka batch "$dir/in" --out "$dir/out1"
t "300 workbooks, forecast to 2035, HTML report each" ./target/release/kivijalka batch "$dir/in" --scenario scenarios/baseline.toml --out "$dir/out2"
t "300 workbooks, forecast, Excel report each" ./target/release/kivijalka batch "$dir/in" --scenario scenarios/baseline.toml --report xlsx --out "$dir/out3"
t "long table of 300 (443 568 rows), summary only" ./target/release/kivijalka batch "$dir/all.csv" --report none --out "$dir/out4"
t "300 workbooks, one worker" ./target/release/kivijalka batch "$dir/in" --jobs 1 --out "$dir/out5"
t "300 workbooks, 1 000 simulated paths each, HTML report each" ./target/release/kivijalka batch "$dir/in" --scenario scenarios/uncertain.toml --simulate 1000 --out "$dir/out6"
rm -rf "$dir"
