#!/usr/bin/env bash
# Issue #14's search target: venue search p99 within the arXiv search's at 40k papers.
# One SQLite store holds the 40,717 daily-arXiv records of ../shared/data/metadata and every
# venue sample of ../shared/data/venues (5,356 venue papers); its index is rebuilt once. Then,
# with distinct 2- to 10-word queries cut from real titles of each branch (bench/venue_search_bench):
#   engine (Searcher::Search, warm, 25 results): arXiv titles on the default branch, the same
#     with branch:arxiv, venue titles with branch:venue, both lists with branch:both;
#   HTTP through `serve` (each query asked once, so never from the page cache, one connection):
#     /api/search?query=<arXiv title>, /api/venue/search?query=<venue title>,
#     /api/search?query=branch:both <either>;
#   the venue re-index a small venue import costs (`coolpapers venue import` of 10 new papers into
#     the store above, which syncs the index's venue papers at its end: "search index: N venue
#     papers indexed" and its wall time).
# Prints one table with the load average. Needs ../shared/data beside the checkout; uses the
# build in $COOLPAPERS_BUILD_DIR (default build), targets coolpapers and venue_search_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data
[[ -d $shared/venues && -d $shared/metadata ]] ||
  { echo "bench_venue_search: needs $shared beside the checkout" >&2; exit 1; }
build=${COOLPAPERS_BUILD_DIR:-build}
bin=$build/src/cli/coolpapers
work=$(mktemp -d)
server_pid=
cleanup() { [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
now() { date +%s.%N; }

"$bin" import --data "$work/var" "$shared"/metadata/daily-arxiv-cs-2025/*.jsonl >/dev/null 2>&1
mapfile -t venue_files < <(find "$shared/venues" -name '*.json' -o -name '*.xml' -o -name '*.bib' | sort)
"$bin" venue import --data "$work/var" "${venue_files[@]}" >/dev/null 2>&1
start=$(now)
"$bin" index rebuild --data "$work/var" >"$work/rebuild.log" 2>&1
end=$(now)
rebuild=$(python3 -c "print(f'{$end-$start:.1f} s')")

mkdir -p "$work/queries"
engine=$("$build/bench/venue_search_bench" --metadata "$shared/metadata/daily-arxiv-cs-2025" \
  --data "$work/var" --queries-out "$work/queries")

# One client asks for thousands of searches: no per-client buckets.
printf '[limits]\nsearches_per_minute = 0\n' >"$work/var/coolpapers.toml"
"$bin" serve --data "$work/var" --host 127.0.0.1 --port 0 --no-harvest >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 200); do grep -q 'serving http://' "$work/serve.log" && break; sleep 0.1; done
port=$(grep -o 'serving http://127.0.0.1:[0-9]*' "$work/serve.log" | grep -o '[0-9]*$')
http=$(python3 - "$port" "$work/queries" <<'PY'
import http.client, sys, time, urllib.parse
port, queries = int(sys.argv[1]), sys.argv[2]
def lines(name):
    return [l.rstrip("\n") for l in open(f"{queries}/{name}") if l.strip()]
def run(label, path, prefix, qs):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    ms, bad = [], 0
    for q in qs:
        target = path + "?query=" + urllib.parse.quote(prefix + q)
        start = time.perf_counter()
        conn.request("GET", target)
        response = conn.getresponse()
        response.read()
        ms.append((time.perf_counter() - start) * 1000)
        bad += response.status != 200
    ms.sort()
    at = lambda q: ms[int(q * (len(ms) - 1))]
    note = f", {bad} not 200" if bad else ""
    print(f"{label} ({len(qs)} queries)\t{at(0.5):.2f} ms, {at(0.99):.2f} ms{note}")
run("GET /api/search, arXiv titles", "/api/search", "", lines("arxiv.txt"))
run("GET /api/venue/search, venue titles", "/api/venue/search", "", lines("venue.txt"))
run("GET /api/search, branch:both", "/api/search", "branch:both ", lines("both.txt"))
PY
)
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=

# A small venue change: 10 new papers of a new edition (CoRL 2025's first 10 records re-dated).
python3 - "$shared/venues/papercopilot/corl2025-openreview.json" "$work/corl2031.json" <<'PY'
import json, sys
records = json.load(open(sys.argv[1]))[:10]
for i, record in enumerate(records):
    record["id"] = f"reindex{i:03d}"
    record["site"] = f"https://openreview.net/forum?id=reindex{i:03d}"
json.dump(records, open(sys.argv[2], "w"))
PY
start=$(now)
"$bin" venue import --data "$work/var" --edition CoRL.2031 "$work/corl2031.json" >"$work/small.log" 2>&1
end=$(now)
small_import=$(python3 -c "print(f'{$end-$start:.2f} s')")
small_indexed=$(grep -o 'search index: [0-9]* venue papers indexed' "$work/small.log" | grep -o '[0-9]*' || echo '?')

printf '\n%-62s %s\n' "venue search (issue #14), SQLite" "measured (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-62s %s\n' "--------------------------------------------------------------" "--------------------------------"
printf '%-62s %s\n' "index rebuild (arXiv and venue papers)" "$rebuild"
while IFS=$'\t' read -r name value; do printf '%-62s %s\n' "engine: $name" "$value"; done <<<"$engine"
while IFS=$'\t' read -r name value; do printf '%-62s %s\n' "HTTP p50, p99: $name" "$value"; done <<<"$http"
printf '%-62s %s\n' "venue import of 10 new papers, with its venue re-index" "$small_import wall, $small_indexed venue papers indexed"
