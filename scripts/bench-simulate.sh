#!/bin/sh
# kivijalka's Monte Carlo against a vectorised numpy model of the same year
# step (scripts/simulate_numpy.py): 10 000 paths x 10 years on one core,
# then 100 000 paths to show how memory grows with the paths.
#
#   scripts/bench-simulate.sh [KIVIJALKA_BINARY]
#
# Without a binary it builds the release one (cargo build --release). numpy
# comes from the system's python3 if it has it, else from a virtual
# environment made once in ~/.cache/kivijalka-numpy. Needs /usr/bin/time;
# taskset, where there is one, holds every run to one core.
# REPS (default 5) sets the repetitions, PATHS (default 10000) the paths;
# NO_CARGO_BENCH=1 leaves out cargo bench when it builds kivijalka.
set -e
# The binary as given from where the script was called, before moving to the
# repository's root (its data/ and scenarios/).
[ -n "$1" ] && given=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.."
reps=${REPS:-5}
paths=${PATHS:-10000}
cores=$(nproc)
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

if [ -n "$1" ]; then
    bin=$given
else
    cargo build --release --quiet
    bin=${CARGO_TARGET_DIR:-target}/release/kivijalka
fi
if python3 -c "import numpy" 2>/dev/null; then
    py=python3
else
    venv=$HOME/.cache/kivijalka-numpy
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/python" -c "import numpy" 2>/dev/null || "$venv/bin/pip" install --quiet numpy
    py=$venv/bin/python
fi
one=""
command -v taskset >/dev/null && one="taskset -c 0"

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
wb=data/kivikoski.xlsx
sc=scenarios/uncertain.toml
"$py" scripts/simulate_numpy.py prepare --kivijalka "$bin" --workbook $wb --scenario $sc --out "$dir/start.json"
# The comparison is fair only if the two compute the same step: with every
# driver at its central value, the numpy model must give the deterministic
# forecast's year figures and indicators to the cent.
"$py" scripts/simulate_numpy.py run --start "$dir/start.json" --check ||
    { echo "the numpy model no longer computes kivijalka's step: see above" >&2; exit 1; }

# Runs a command n times under GNU time; prints the median and the fastest
# wall time, the median CPU time (user + system: on a shared machine the
# wall time also counts the other work's turns on the core) and the largest
# peak memory.
measure() {
    label=$1
    n=$2
    shift 2
    : >"$dir/times"
    i=0
    while [ $i -lt "$n" ]; do
        # simulate's exit code 1 says a target is missed, not that it
        # failed (GNU time then writes a line of its own before the figures).
        /usr/bin/time -f "%e %M %U %S" -o "$dir/one" $one "$@" >/dev/null || [ $? -eq 1 ]
        tail -n 1 "$dir/one" >>"$dir/times"
        i=$((i + 1))
    done
    awk '{ print $3 + $4 }' "$dir/times" | sort -n >"$dir/cpu"
    sort -n "$dir/times" | awk -v label="$label" -v n="$n" -v out="$dir/median" -v cpus="$dir/cpu" '
        { t[NR] = $1; if ($2 > m) m = $2 }
        END {
            while ((getline c < cpus) > 0) u[++k] = c
            printf "%-44s median %6.2f s   fastest %6.2f s   CPU %6.2f s   peak %7d KB   (%d runs)\n", label, t[int((NR + 1) / 2)], t[1], u[int((k + 1) / 2)], m, n
            print t[int((NR + 1) / 2)], u[int((k + 1) / 2)], m > out
        }'
}
kiv="$bin simulate $wb --scenario $sc --jobs 1 --format json"
num="$py scripts/simulate_numpy.py run --start $dir/start.json --quiet"

echo "$cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $($py -c 'import numpy, platform; print("Python", platform.python_version(), "numpy", numpy.__version__)')"
echo "whole process, one core, $paths paths x 10 years:"
measure "kivijalka simulate" "$reps" $kiv --paths "$paths"
whole=$(cat "$dir/median")
measure "kivijalka simulate, 1 path (start-up)" "$reps" $kiv --paths 1
start=$(cat "$dir/median")
measure "numpy model (python start, import, model)" "$reps" $num --paths "$paths"
numpy_whole=$(cat "$dir/median")
measure "numpy model, 1 path (start-up)" "$reps" $num --paths 1
echo "the model alone, one core:"
$one "$py" scripts/simulate_numpy.py run --start "$dir/start.json" --quiet --paths "$paths" --repeat "$reps" | sed 's/^model:/numpy model:/'
if [ -z "$1" ] && [ -z "$NO_CARGO_BENCH" ]; then
    $one cargo bench --quiet --bench read_and_compute 2>/dev/null | grep '^simulate' | sed 's/^/kivijalka /'
else
    echo "kivijalka model: $(echo "$whole $start" | awk '{ printf "%.2f s, CPU %.2f s", $1 - $4, $2 - $5 }') (the whole process less its 1-path start-up)"
fi
echo "memory in paths:"
measure "kivijalka simulate, $((paths * 10)) paths" 1 $kiv --paths $((paths * 10))
tenfold=$(cat "$dir/median")
measure "numpy model, $((paths * 10)) paths" 1 $num --paths $((paths * 10))

echo "the numpy model against kivijalka, $paths paths:"
$kiv --paths "$paths" >"$dir/kivijalka.json" || [ $? -eq 1 ]
"$py" scripts/simulate_numpy.py run --start "$dir/start.json" --paths "$paths" --compare "$dir/kivijalka.json" |
    sed -n '1p;/^numpy against/,/^largest/p'

# The goal (docs/benchmarks.md, "The decision"), at the default 10 000 paths:
# the model within 0,35 s of CPU, the whole process within twice the numpy
# model's CPU, and the same peak memory (within a tenth) at ten times the paths.
echo "the goal, $paths paths:"
echo "$whole $start $numpy_whole $tenfold" | awk '{
    model = $2 - $5; whole = $2; numpy = $8; flat = $12 <= $3 * 1.1
    printf "  model %.2f s of CPU (goal 0,35 s): %s\n", model, model <= 0.35 ? "met" : "MISSED"
    printf "  whole process %.2f s of CPU, numpy model %.2f s (goal at most twice): %s\n", whole, numpy, whole <= 2 * numpy ? "met" : "MISSED"
    printf "  peak memory %d KB, %d KB at ten times the paths (goal flat): %s\n", $3, $12, flat ? "met" : "MISSED"
}'
