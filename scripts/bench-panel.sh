#!/bin/sh
# The panel of many municipalities at once: kivijalka's batch over the long
# table of 300 synthetic municipalities (443 568 rows) against pandas reading
# and grouping the same file, in one go, each under GNU time (wall time,
# peak memory, and the CPU time of the fastest run).
#
#   scripts/bench-panel.sh [KIVIJALKA_BINARY]
#
# Without a binary it builds the release one. pandas comes from the
# system's python3 if it has it, else from the virtual environment in
# ~/.cache/kivijalka-numpy (made, and pandas installed, once); without a
# python3 the pandas line is skipped. COUNT (default 300) sets the
# municipalities, REPS (default 5) the repetitions; the fastest is shown.
set -e
[ -n "$1" ] && given=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.."
count=${COUNT:-300}
reps=${REPS:-5}
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --example synth
if [ -n "$1" ]; then
    bin=$given
else
    cargo build --release --quiet
    bin=$target/release/kivijalka
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$target/release/examples/synth" --count "$count" --seed 7 --long "$dir/all.csv" >/dev/null 2>&1
rows=$(($(wc -l <"$dir/all.csv") - 1))
echo "$(nproc) cores; $count municipalities, $rows rows, $(du -k "$dir/all.csv" | cut -f1) KB"

# The fastest of `reps` runs and the largest peak memory.
measure() {
    label=$1
    shift
    : >"$dir/times"
    i=0
    while [ $i -lt "$reps" ]; do
        /usr/bin/time -f "%e %M %U %S" -o "$dir/one" "$@" >/dev/null 2>&1
        tail -n 1 "$dir/one" >>"$dir/times"
        i=$((i + 1))
    done
    sort -n "$dir/times" | awk -v l="$label" '
        NR == 1 { t = $1; c = $3 + $4 } $2 > m { m = $2 }
        END { printf "%s: %.2f s, %d MB peak, %.2f s CPU\n", l, t, m / 1024, c }'
}

measure "kivijalka batch, summary only" "$bin" batch "$dir/all.csv" --report none --out "$dir/out"
measure "kivijalka batch, summary and the panel (polars) as CSV" "$bin" batch "$dir/all.csv" --report none --out "$dir/out" --panel "$dir/panel.csv"

py=""
if command -v python3 >/dev/null; then
    if python3 -c "import pandas" 2>/dev/null; then
        py=python3
    else
        venv=$HOME/.cache/kivijalka-numpy
        [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
        "$venv/bin/python" -c "import pandas" 2>/dev/null ||
            "$venv/bin/pip" install --quiet pandas
        py=$venv/bin/python
    fi
fi
if [ -n "$py" ]; then
    # Read, scale thousands to euros, and one value per municipality, entity,
    # year and line: the least a panel needs before any indicator.
    cat >"$dir/group.py" <<'EOF'
import sys
import pandas as pd
df = pd.read_csv(sys.argv[1])
scale = df["unit"].map({"t€": 1000}).fillna(1)
df["value"] = df["value"] * scale
g = df.groupby(["municipality", "entity", "year", "item"], sort=True)["value"].sum()
print(len(g))
EOF
    measure "pandas $("$py" -c 'import pandas; print(pandas.__version__)') read and group" "$py" "$dir/group.py" "$dir/all.csv"
else
    echo "pandas: skipped (no python3)"
fi
