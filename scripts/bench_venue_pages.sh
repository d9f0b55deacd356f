#!/usr/bin/env bash
# Issue #14's page target: a cached 5,000-paper venue edition page served as fast as the largest
# arXiv day. One store holds May 2025 of ../shared/data/metadata (its largest single-category
# day is the arXiv side) and a synthetic 5,000-paper edition ICLR.2030 (the CoRL 2025 Paper
# Copilot list's 263 records repeated under new ids, so the cards are real-sized); `serve`
# answers both, cached, under wrk (2 threads, 64 connections, 10 s, gzip) for the first slice
# (25 cards) and the whole page (show=2000). Prints one table with the load average.
# COOLPAPERS_BENCH_NO_BUILD=1 uses the build as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data
[[ -d $shared/venues ]] || { echo "bench_venue_pages: needs $shared beside the checkout" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench_venue_pages: needs wrk (scripts/install_deps.sh)" >&2; exit 1; }
if [[ -z ${COOLPAPERS_BENCH_NO_BUILD:-} ]]; then
  bash scripts/install_deps.sh >/dev/null
  bash scripts/build.sh >/dev/null
fi
build=${COOLPAPERS_BUILD_DIR:-build}
bin=$build/src/cli/coolpapers
papers=${COOLPAPERS_BENCH_VENUE_PAPERS:-5000}
work=$(mktemp -d)
server_pid=
cleanup() { [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$bin" import --data "$work/var" "$shared/metadata/daily-arxiv-cs-2025/2025-05.jsonl" >/dev/null 2>&1
python3 - "$shared/venues/papercopilot/corl2025-openreview.json" "$papers" "$work/iclr2030.json" <<'PY'
import json, sys
source, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
records = json.load(open(source))
made = []
for i in range(count):
    record = dict(records[i % len(records)])
    forum = f"bench{i:05d}x"  # 10 characters, like an OpenReview forum id
    record["id"] = forum
    record["site"] = f"https://openreview.net/forum?id={forum}"
    record["title"] = f"{record['title']} ({i})"
    record["status"] = ["Oral", "Spotlight", "Poster", "Poster"][i % 4]
    made.append(record)
json.dump(made, open(out, "w"))
PY
"$bin" venue import --data "$work/var" --edition ICLR.2030 "$work/iclr2030.json" >/dev/null 2>&1

read -r day category count < <(python3 - "$shared/metadata/daily-arxiv-cs-2025/2025-05.jsonl" <<'PY'
import collections, json, sys
counts = collections.Counter()
for line in open(sys.argv[1]):
    r = json.loads(line)
    for c in r["categories"]:
        counts[(r["listing_date"], c)] += 1
(day, cat), n = counts.most_common(1)[0]
print(day, cat, n)
PY
)

"$bin" serve --data "$work/var" --host 127.0.0.1 --port 0 --no-harvest >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 200); do grep -q 'serving http://' "$work/serve.log" && break; sleep 0.1; done
port=$(grep -o 'serving http://127.0.0.1:[0-9]*' "$work/serve.log" | grep -o '[0-9]*$')
wrk_row() {  # url -> "req/s, p99, KB"
  local bytes
  bytes=$(curl -s -H 'Accept-Encoding: gzip' "$1" | wc -c); sleep 1  # fill the cache and its gzip
  wrk -t2 -c64 -d10s --latency -H 'Accept-Encoding: gzip' "$1" >"$work/wrk.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  echo "$rps req/s, p99 $p99 ($(( bytes / 1024 )) KB gzipped)"
}
base="http://127.0.0.1:$port"
arxiv_first=$(wrk_row "$base/arxiv/$category?date=$day")
arxiv_whole=$(wrk_row "$base/arxiv/$category?date=$day&show=2000")
venue_first=$(wrk_row "$base/venue/ICLR.2030")
venue_whole=$(wrk_row "$base/venue/ICLR.2030?show=2000")
venue_group=$(wrk_row "$base/venue/ICLR.2030?group=Poster&show=2000")

printf '\n%-62s %s\n' "venue pages (issue #14)" "measured (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-62s %s\n' "--------------------------------------------------------------" "--------------------------------"
printf '%-62s %s\n' "arXiv: $category $day ($count papers), first 25 cards" "$arxiv_first"
printf '%-62s %s\n' "arXiv: the same day whole (show=2000)" "$arxiv_whole"
printf '%-62s %s\n' "venue: ICLR.2030 ($papers papers), first 25 cards" "$venue_first"
printf '%-62s %s\n' "venue: ICLR.2030 first 2,000 papers (show=2000)" "$venue_whole"
printf '%-62s %s\n' "venue: ICLR.2030 group Poster, 2,000 of 2,500 (show=2000)" "$venue_group"
