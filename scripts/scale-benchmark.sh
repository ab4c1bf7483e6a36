#!/bin/sh
# Population-scale figures (issue 4): batch and whatif end to end on the release CLI,
# wall time and peak memory (GNU time's "Maximum resident set size"), for 1M and 10M
# persons; then evaluation alone from the benchmark executable.
#
#   swift build -c release --product carepolicy
#   swift build -c release --product CarePolicyBenchmarks
#   scripts/scale-benchmark.sh [directory-for-generated-files] [sizes…]
#
# Generated populations and outputs go to the directory (default /tmp/carepolicy-scale),
# never into the repository.
set -eu
dir=${1:-/tmp/carepolicy-scale}
shift 2>/dev/null || true
sizes=${*:-1000000 10000000}
bin=.build/release/carepolicy
mkdir -p "$dir"

measure() {  # label, command…
    label=$1; shift
    /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$@" > "$dir/stdout.txt" 2> "$dir/stderr.txt" || true
    read -r wall rss < "$dir/time.txt"
    printf '%-46s %7.2f s wall  %7.1f MB peak\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)"
}

for size in $sizes; do
    pop="$dir/population-$size.csv"
    [ -f "$pop" ] || $bin population --size "$size" --seed 1 --out "$pop" 2>/dev/null
    echo "== $size persons ($(du -h "$pop" | cut -f1) CSV)"
    for workers in 1 2; do
        measure "batch anqing CSV->JSONL, $workers worker(s)" $bin batch policies/anqing.yaml --input "$pop" --as-of 2026-06-01 --out "$dir/out.jsonl" --workers $workers --quiet
    done
    measure "batch anqing CSV->CSV, 2 workers" $bin batch policies/anqing.yaml --input "$pop" --as-of 2026-06-01 --out "$dir/out.csv" --workers 2 --quiet
    measure "whatif anqing vs gov-purchase-tekun, report" $bin whatif policies/anqing.yaml policies/variants/anqing-gov-purchase-tekun.yaml \
        --input "$pop" --as-of 2026-06-01 --by residence,subsistence --report "$dir/report" --workers 2
    measure "whatif anqing vs hourly-rate-10, report" $bin whatif policies/anqing.yaml policies/variants/anqing-hourly-rate-10.yaml \
        --input "$pop" --as-of 2026-06-01 --by residence,subsistence --report "$dir/report-rate" --workers 2
    measure "cat (reading the file alone)" cat "$pop"
done
echo "== evaluation alone"
.build/release/CarePolicyBenchmarks scale 1000000 policies/anqing.yaml
