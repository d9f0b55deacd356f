#!/usr/bin/env bash
# The benchmarks of issue #2, printed as one table:
#   import rate and memory on the 40,717 real daily-listing records;
#   uncached render time of the largest single-category day (bench/render_bench);
#   HTTP throughput and p99 latency of that page, cached (wrk: 64 connections, 2 threads, 10 s);
#   resident memory of `serve` with every record loaded.
# Needs ../shared/data beside the checkout. COOLPAPERS_BENCH_STORE=postgresql runs it all on a
# PostgreSQL 15 started for the run (scripts/bench_store.sh); the default is SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data/metadata
[[ -d $shared ]] || { echo "bench: needs $shared beside the checkout" >&2; exit 1; }
if [[ -z ${COOLPAPERS_BENCH_NO_BUILD:-} ]]; then  # set it to use the build as it is
  bash scripts/install_deps.sh >/dev/null
  bash scripts/build.sh >/dev/null
fi
build=${COOLPAPERS_BUILD_DIR:-build}
bin=$build/src/cli/coolpapers
work=$(mktemp -d)
server_pid=
source scripts/bench_store.sh
cleanup() { [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null; bench_store_stop; rm -rf "$work"; }
trap cleanup EXIT
bench_store_start "$work"

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# 1. Import: wall time, and resident memory sampled every 100 ms (flat = the late samples are
#    no higher than the early ones).
records=$(cat "$shared"/daily-arxiv-cs-2025/*.jsonl | wc -l)
start=$(date +%s.%N)
"$bin" import --data "$work/var" "${store_args[@]}" "$shared"/daily-arxiv-cs-2025/*.jsonl >"$work/import.log" 2>&1 &
import_pid=$!
samples=()
while kill -0 "$import_pid" 2>/dev/null; do
  kb=$(rss_kb "$import_pid"); [[ $kb -gt 0 ]] && samples+=("$kb")
  sleep 0.1
done
wait "$import_pid"
end=$(date +%s.%N)
"$bin" import --data "$work/var" "${store_args[@]}" "$shared"/kaggle-oai-snapshot-sample-0704.jsonl >/dev/null 2>&1
import_rate=$(python3 -c "print(f'{$records/($end-$start):,.0f}')")
n=${#samples[@]}
import_mem=$(printf '%s\n' "${samples[@]}" | python3 -c "
import sys
s=[int(x) for x in sys.stdin.read().split()]
q=max(1,len(s)//4)
print(f'{max(s[:q])/1024:.0f} MB in the first quarter, {max(s[-q:])/1024:.0f} MB in the last ({len(s)} samples)')")

# 2. The largest single-category day of the data.
read -r day category count ids < <(python3 - "$shared/daily-arxiv-cs-2025" <<'PY'
import collections, glob, json, sys
counts = collections.Counter()
for f in glob.glob(sys.argv[1] + "/*.jsonl"):
    for line in open(f):
        r = json.loads(line)
        for c in r["categories"]:
            counts[(r["listing_date"], c)] += 1
(day, cat), n = counts.most_common(1)[0]
ids = []
for f in sorted(glob.glob(sys.argv[1] + "/*.jsonl")):
    for line in open(f):
        r = json.loads(line)
        if r["listing_date"] == day and cat in r["categories"] and len(ids) < 25:
            ids.append(r["id"])
print(day, cat, n, ",".join(ids))
PY
)

# 3. Uncached render of that day (the default first slice and the whole day), and of the other
#    page kinds (render_bench's comment).
render=$("$build/bench/render_bench" --data "$work/var" "${store_args[@]}" --expr "$category" \
  --date "$day" --ids "$ids")

# 4. Serve, warm the cache, and load it with wrk.
"$bin" serve --data "$work/var" "${store_args[@]}" --host 127.0.0.1 --port 0 --no-harvest >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q 'serving http://' "$work/serve.log" && break; sleep 0.1; done
port=$(grep -o 'serving http://127.0.0.1:[0-9]*' "$work/serve.log" | grep -o '[0-9]*$')
wrk_row() {  # url -> "req/s p99"
  curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$1"; sleep 1  # fill the cache and its gzip
  wrk -t2 -c64 -d10s --latency -H 'Accept-Encoding: gzip' "$1" >"$work/wrk.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  echo "$rps req/s, p99 $p99"
}
page="http://127.0.0.1:$port/arxiv/$category?date=$day"
cached_default=$(wrk_row "$page")
cached_full=$(wrk_row "$page&show=2000")
serve_rss=$(( $(rss_kb "$server_pid") / 1024 ))

printf '\n%-58s %s\n' "benchmark (issue #2), store: $bench_store" "measured (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-58s %s\n' "----------------------------------------------------------" "--------------------------------"
printf '%-58s %s\n' "import, $records daily records" "$import_rate records/s"
printf '%-58s %s\n' "import resident memory" "$import_mem"
printf '%-58s %s\n' "largest single-category day" "$category $day ($count papers)"
while IFS=$'\t' read -r name value; do printf '%-58s %s\n' "$name" "$value"; done <<<"$render"
printf '%-58s %s\n' "cached page, first 25 cards (wrk -t2 -c64 -d10s, gzip)" "$cached_default"
printf '%-58s %s\n' "cached page, whole day (show=2000)" "$cached_full"
printf '%-58s %s\n' "serve resident memory, $(( records + 200 )) papers loaded" "$serve_rss MB"
