#!/bin/sh
# Township-scale figures for `carepolicy compliance` (issue 14): 10,000 elders, their
# service records for about a month (~1M records) and for a year (~11M records), judged
# by the release CLI on one and two workers; wall time, records/s, peak memory and CPU
# use (GNU time's "Maximum resident set size", "Percent of CPU" and user + system
# seconds: on a machine shared with other work, CPU seconds say more than wall time).
#
#   swift build -c release --product carepolicy
#   swift build -c release --product CarePolicyBenchmarks
#   scripts/compliance-benchmark.sh [directory-for-generated-files] [elders]
#
# The townships are made by `CarePolicyBenchmarks compliance-data` (deterministic: seed 1)
# into the directory (default /tmp/carepolicy-compliance), never into the repository:
# the year's records are about 1.1 GB.
set -eu
dir=${1:-/tmp/carepolicy-compliance}
elders=${2:-10000}
bin=.build/release/carepolicy
gen=.build/release/CarePolicyBenchmarks
policy=policies/sunhe.yaml
mkdir -p "$dir"

measure() {  # label, records, command…
    label=$1; records=$2; shift 2
    if ! /usr/bin/time -f "%e %M %P %U %S" -o "$dir/time.txt" "$@" > "$dir/stdout.txt" 2> "$dir/stderr.txt"; then
        echo "$label: failed"; tail -5 "$dir/stderr.txt"; return 0
    fi
    read -r wall rss cpu user system < "$dir/time.txt"
    printf '%-36s %7.2f s wall %9.0f records/s %7.1f MB peak %5s CPU %6.2f s CPU (%.0f records per CPU-second)\n' "$label" "$wall" \
        "$(echo "$records / $wall" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$cpu" "$(echo "$user + $system" | bc -l)" \
        "$(echo "$records / ($user + $system + 0.001)" | bc -l)"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for township in "month 2025-01-01 2025-02-02" "year 2025-01-01 2025-12-31"; do
    set -- $township
    name=$1; from=$2; to=$3
    data="$dir/$name-$elders"
    [ -f "$data/records.jsonl" ] || $gen compliance-data "$policy" "$data" "$elders" "$from" "$to" 3 1
    records=$(wc -l < "$data/records.jsonl")
    echo "== $elders elders, $from to $to: $records records ($(du -h "$data/records.jsonl" | cut -f1) JSON Lines)"
    for workers in 1 2; do
        measure "compliance, $workers worker(s)" "$records" $bin compliance "$policy" --elders "$data/elders.jsonl" \
            --records "$data/records.jsonl" --from "$from" --to "$to" --workers $workers --quiet
    done
    measure "compliance, 2 workers, --report" "$records" $bin compliance "$policy" --elders "$data/elders.jsonl" \
        --records "$data/records.jsonl" --from "$from" --to "$to" --workers 2 --quiet --report "$dir/report-$name" --spot-check 10 --seed 1
    echo "   (output $(du -h "$dir/stdout.txt" | cut -f1) JSON, $(grep -c refused: "$dir/stderr.txt" || true) refused records on standard error)"
    measure "cat (reading the file alone)" "$records" sh -c 'cat "$0" > /dev/null' "$data/records.jsonl"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
