#!/usr/bin/env bash
# Fuzzes every decoder of untrusted input for a set number of executions and prints, per target,
# executions, time, coverage (libFuzzer's edges and features), corpus size and crashes.
#   C++:    tests/fuzz/fuzz_*.cpp, built with Debian's clang 14 against libFuzzer with AddressSanitizer
#           and UBSan (-DEVCHARGE_FUZZ=ON, in build/fuzz), one target at a time
#   Python: tools/fuzz/py_fuzz.py (serve.py's parsers: guest list CSV, OICP CSV, request bodies,
#           request targets and query strings)
# Usage: tools/fuzz/run.sh [--runs N] [--py-runs N] [--only NAME[,NAME]] [--no-python]
# The working corpus grows in build/fuzz/corpus/NAME (seeded from tests/fuzz/corpus/NAME, which CI
# replays); crashes are written to build/fuzz/crashes/NAME. Exit status 1 if anything crashed.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=1000000
py_runs=20000
only=""
python=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --py-runs) py_runs=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --no-python) python=0; shift ;;
    *) echo "usage: $0 [--runs N] [--py-runs N] [--only NAME[,NAME]] [--no-python]" >&2; exit 2 ;;
  esac
done
targets=(api_bodies ocpi scan deploy_config basemap receipts)
[ -n "$only" ] && IFS=, read -r -a targets <<< "$only"
out=build/fuzz
mkdir -p "$out/corpus" "$out/crashes" "$out/logs"

cxx=$(command -v clang++-14 || command -v clang++ || true)
[ -n "$cxx" ] || { echo "clang++ not found: run bash tools/setup.sh" >&2; exit 1; }
cmake -S . -B "$out/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVCHARGE_FUZZ=ON \
  -DCMAKE_CXX_COMPILER="$cxx" > "$out/logs/configure.txt"
wanted=()
for t in "${targets[@]}"; do [ -f "tests/fuzz/fuzz_$t.cpp" ] && wanted+=("fuzz_$t"); done
cmake --build "$out/build" -j"$(nproc 2>/dev/null || echo 2)" --target "${wanted[@]}" > "$out/logs/build.txt"

status=0
printf '%-14s %12s %9s %10s %7s %7s %7s %8s\n' target executions seconds exec/s edges features corpus crashes
for t in "${targets[@]}"; do
  [ -f "tests/fuzz/fuzz_$t.cpp" ] || continue
  corpus="$out/corpus/$t" crashes="$out/crashes/$t" log="$out/logs/$t.txt"
  mkdir -p "$corpus" "$crashes"
  cp -n tests/fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
  began=$(date +%s.%N)
  set +e
  # -timeout: an input taking longer is a hang and counts as a crash; -rss_limit_mb likewise for memory
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$out/build/fuzz_$t" "$corpus" -runs="$runs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$crashes/" > "$log" 2>&1
  rc=$?
  set -e
  seconds=$(awk -v a="$began" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  executions=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  last=$(grep -E '(DONE|pulse|NEW|REDUCE|INITED) +cov:' "$log" | tail -n1)
  edges=$(echo "$last" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+' || echo 0)
  features=$(echo "$last" | grep -oE 'ft: [0-9]+' | grep -oE '[0-9]+' || echo 0)
  found=$(find "$crashes" -type f | wc -l)
  [ "$rc" -ne 0 ] && [ "$found" -eq 0 ] && found="rc=$rc"
  size=$(find "$corpus" -type f | wc -l)
  rate=$(awk -v n="$executions" -v s="$seconds" 'BEGIN { printf "%d", (s > 0 ? n / s : 0) }')
  printf '%-14s %12s %9.1f %10s %7s %7s %7s %8s\n' "$t" "$executions" "$seconds" "$rate" "$edges" "$features" "$size" "$found"
  if [ "$rc" -ne 0 ] || [ "$found" != 0 ]; then status=1; echo "  see $log and $crashes" >&2; fi
done

if [ "$python" = 1 ]; then
  echo
  python3 tools/fuzz/py_fuzz.py --runs "$py_runs" --out "$out/py" || status=1
fi
exit $status
