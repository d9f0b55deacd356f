#!/usr/bin/env bash
# The benchmarks of issue 6 on the real data, printed as one table:
#   index rebuild rate and size for the 40,717 daily records (`coolpapers index rebuild`);
#   warm search latency p50/p99 for 1-, 2- and 3-word queries and 2- and 3-word phrases from real
#   titles (bench/search_bench);
#   an incremental update of a 1,200-paper day (`coolpapers index update` after an import);
#   an uncached 500-entry search feed, feed generation alone for 500 entries (bench/feed_bench),
#   and cached list-feed requests/s (wrk -t2 -c64 -d10s), with and without gzip (feed readers
#   ask for gzip).
# The 2.7M-paper synthetic corpus is not built here (see the closing note of issue 6).
# Needs ../shared/data beside the checkout; uses the build in $COOLPAPERS_BUILD_DIR (default build).
# COOLPAPERS_BENCH_STORE=postgresql runs it on a PostgreSQL 15 started for the run
# (scripts/bench_store.sh); the default is SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data/metadata
[[ -d $shared ]] || { echo "bench_search: needs $shared beside the checkout" >&2; exit 1; }
build=${COOLPAPERS_BUILD_DIR:-build}
bin=$build/src/cli/coolpapers
work=$(mktemp -d)
server_pid=
source scripts/bench_store.sh
cleanup() { [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null; bench_store_stop; rm -rf "$work"; }
trap cleanup EXIT
bench_store_start "$work"
now() { date +%s.%N; }

"$bin" import --data "$work/var" "${store_args[@]}" "$shared"/daily-arxiv-cs-2025/*.jsonl >/dev/null 2>&1
records=$(cat "$shared"/daily-arxiv-cs-2025/*.jsonl | wc -l)

# 1. Full rebuild.
start=$(now)
"$bin" index rebuild --data "$work/var" "${store_args[@]}" >"$work/rebuild.log" 2>&1
end=$(now)
rebuild_rate=$(python3 -c "print(f'{$records/($end-$start):,.0f} papers/s ({$end-$start:.0f} s wall)')")
index_size=$(du -sm "$work/var/index" | cut -f1)

# 2. Search latency on the rebuilt index (warm: search_bench runs each query set once first).
latency=$("$build/bench/search_bench" --metadata "$shared/daily-arxiv-cs-2025" \
  --index "$work/var/index" --benchmark_filter=none 2>/dev/null | grep -E '^(search|phrase)')

# 3. A 1,200-paper day arriving: import it, then index only what changed.
# 1,200 real records given new ids on a new day, as a big day's announcements would arrive.
python3 - "$shared/daily-arxiv-cs-2025/2025-05.jsonl" >"$work/day.jsonl" <<'PY'
import json, sys
for n, line in enumerate(open(sys.argv[1])):
    if n == 1200: break
    r = json.loads(line)
    r["id"] = f"2601.{n + 1:05d}"
    r["pdf"] = "https://arxiv.org/pdf/" + r["id"]
    r["abs"] = "https://arxiv.org/abs/" + r["id"]
    r["listing_date"] = "2026-01-05"
    print(json.dumps(r))
PY
"$bin" import --data "$work/var" "${store_args[@]}" "$work/day.jsonl" >/dev/null 2>&1
start=$(now)
"$bin" index update --data "$work/var" "${store_args[@]}" >"$work/update.log" 2>&1
end=$(now)
update_time=$(python3 -c "print(f'{$end-$start:.1f} s')")
update_count=$(grep -o 'index updated: [0-9]* papers' "$work/update.log" | grep -o '[0-9]*')

# 4. Feeds: generation alone, then through the server.
generation=$("$build/bench/feed_bench" --data "$work/var" "${store_args[@]}" --entries 500 | cut -f2)
"$bin" serve --data "$work/var" "${store_args[@]}" --host 127.0.0.1 --port 0 --no-harvest >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q 'serving http://' "$work/serve.log" && break; sleep 0.1; done
port=$(grep -o 'serving http://127.0.0.1:[0-9]*' "$work/serve.log" | grep -o '[0-9]*$')
base="http://127.0.0.1:$port"
feed500=$(curl -s -o "$work/feed.xml" -w '%{time_total}' "$base/arxiv/search/feed?query=learning&show=500")
entries=$(grep -o '<entry>' "$work/feed.xml" | wc -l)
curl -s -o /dev/null "$base/arxiv/cs.AI/feed"; sleep 1
wrk -t2 -c64 -d10s --latency "$base/arxiv/cs.AI/feed" >"$work/wrk.txt"
feed_rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$work/wrk.txt")
feed_p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
wrk -t2 -c64 -d10s --latency -H 'Accept-Encoding: gzip' "$base/arxiv/cs.AI/feed" >"$work/wrk_gzip.txt"
gzip_rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$work/wrk_gzip.txt")
gzip_p99=$(awk '$1 == "99%" {print $2}' "$work/wrk_gzip.txt")
gzip_bytes=$(curl -s -H 'Accept-Encoding: gzip' "$base/arxiv/cs.AI/feed" | wc -c)
feed_entries=$(curl -s "$base/arxiv/cs.AI/feed" | grep -o '<entry>' | wc -l)

printf '\n%-58s %s\n' "benchmark (issue 6), store: $bench_store" "measured (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-58s %s\n' "----------------------------------------------------------" "--------------------------------"
printf '%-58s %s\n' "index rebuild, $records real papers" "$rebuild_rate"
printf '%-58s %s\n' "index size, $records papers" "$index_size MB"
while IFS=$'\t' read -r name value; do printf '%-58s %s\n' "$name (p50, p99; $records papers)" "$value"; done <<<"$latency"
printf '%-58s %s\n' "incremental update, 1,200-paper day ($update_count indexed)" "$update_time (process start to exit)"
printf '%-58s %s\n' "search feed, $entries entries, uncached (search+load+render)" "$(python3 -c "print(f'{$feed500*1000:.1f} ms')")"
printf '%-58s %s\n' "feed generation alone (render only)" "$generation"
printf '%-58s %s\n' "cached list feed ($feed_entries entries, wrk -t2 -c64 -d10s)" "$feed_rps req/s, p99 $feed_p99"
printf '%-58s %s\n' "  the same with Accept-Encoding: gzip ($gzip_bytes bytes)" "$gzip_rps req/s, p99 $gzip_p99"
