#!/usr/bin/env bash
# Issue 19's benchmarks: the site at arXiv's size beside the 40k sample, as one table.
#   bash scripts/bench_scale.sh [N]          (N papers, default 2,700,000)
# Builds two SQLite stores once and keeps them under $COOLPAPERS_SCALE_DIR (default
# $TMPDIR/coolpapers-scale; it needs ~5 GB at 2.7M): the 40,717 real records of ../shared alone,
# and those plus synthetic papers up to N (bench/scale_store_builder.cc: ids of 2015-2023, 25,000
# a month, ~1.75 listings a paper). A store is rebuilt only when the generator's version or N
# changes; a new migration is applied to it in place. Then, for each store, it starts `coolpapers serve
# --no-harvest --page-cache-mb 0` (nothing cached: every answer is rendered; no search index, so
# nothing indexes in the background) and runs the row groups below, one function each.
# rows_search also indexes each store once (`coolpapers index rebuild`, ~30 minutes at 2.7M on
# 2 quiet cores, ~25 GB) into $COOLPAPERS_SCALE_INDEX_DIR/index-N (default $COOLPAPERS_SCALE_DIR)
# and searches it from a second serve (docs/search.md, "At arXiv's size").
# COOLPAPERS_BENCH_VENUES=1 imports ../shared's conference lists once for the venue rows.
# COOLPAPERS_BENCH_REQUESTS (default 300) requests of each kind; COOLPAPERS_BENCH_ONLY=TEXT
# measures only the request kinds whose name contains TEXT. COOLPAPERS_BENCH_INDEX_MAP_MB (default
# 4096) is the resident bound of the search rows with the index mapped (--index-map-mb).
#
# To add rows: write a row group `rows_NAME STORE_DIR PORT` that prints "name<TAB>value" lines
# and add it to row_groups. The table keeps the rows in the order they were first printed.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data/metadata/daily-arxiv-cs-2025
[[ -d $shared ]] || { echo "bench_scale: needs $shared beside the checkout" >&2; exit 1; }
build=${COOLPAPERS_BUILD_DIR:-build}
bin=$build/src/cli/coolpapers
papers=${1:-2700000}
scale=${COOLPAPERS_SCALE_DIR:-${TMPDIR:-/tmp}/coolpapers-scale}
requests=${COOLPAPERS_BENCH_REQUESTS:-300}
only=${COOLPAPERS_BENCH_ONLY:-}
index_map_mb=${COOLPAPERS_BENCH_INDEX_MAP_MB:-4096}
# Bump when bench/scale_store_builder.cc makes other ids, days or listings.
generator_version=1
row_groups=(rows_store rows_pages)
# rows_index and rows_memory (the index's build, serve's resident memory) live in their own file;
# the index rows come before the search rows, so that the index the search rows read is built
# (and timed) once.
source scripts/bench_scale_index.sh
row_groups+=(rows_search)

work=$(mktemp -d)
server_pid=
cleanup() { [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# What a store of `papers` is made by: the generator, and the schema.
content_stamp() { echo "generator $generator_version, papers $1"; }
schema_stamp() {
  echo "schema $(ls src/store/migrations/*.sql | wc -l) ($(ls src/store/migrations | tail -n 1))"
}

# Builds the store of `papers` papers in `dir` unless the one there was made by the same
# generator; one of an older schema is migrated in place (as a deployed store would be, which
# also times the migration), not rebuilt.
ensure_store() {
  local papers=$1 dir=$2
  if [[ -f $dir/stamp && $(head -n 1 "$dir/stamp") == "$(content_stamp "$papers")" ]]; then
    if [[ $(tail -n 1 "$dir/stamp") != "$(schema_stamp)" ]]; then
      echo "bench_scale: migrating the store in $dir to $(schema_stamp)" >&2
      "$build/bench/scale_store_builder" --migrate "$dir" >"$dir/migrate.tsv"
      printf '%s\n%s\n' "$(content_stamp "$papers")" "$(schema_stamp)" >"$dir/stamp"
    fi
    return
  fi
  echo "bench_scale: building the store of $papers papers in $dir" >&2
  rm -rf "$dir"
  mkdir -p "$dir"
  nice -n 10 "$build/bench/scale_store_builder" --metadata "$shared" --data "$dir" \
    --papers "$papers" >"$dir/build.tsv"
  printf '%s\n%s\n' "$(content_stamp "$papers")" "$(schema_stamp)" >"$dir/stamp"
}

# A site that harvested every day it lists has a harvest-state row per (category, day), which
# the home page and every day page read: record each listed day as harvested and complete, with
# its counts, as the harvester would (store/harvest_state.h). Once per store (the mark file).
ensure_harvest_state() {
  [[ -f $1/harvested ]] && return
  python3 - "$1/coolpapers.sqlite" <<'PY'
import sqlite3, sys
store = sqlite3.connect(sys.argv[1])
store.execute("""
  INSERT OR REPLACE INTO category_days (category, day, feed_new, feed_cross, feed_replace,
    stored_new, stored_cross, stored_replace, complete, attempts, checked_ms)
  SELECT category, day, SUM(announce_type = 0), SUM(announce_type = 1), SUM(announce_type = 2),
    SUM(announce_type = 0), SUM(announce_type = 1), SUM(announce_type = 2), 1, 1,
    CAST(strftime('%s', day, '+1 day') AS INTEGER) * 1000
  FROM listings GROUP BY category, day""")
store.commit()
PY
  touch "$1/harvested"
}

# The conference lists of ../shared (Paper Copilot's), imported once (the mark file), for the
# venue rows: `coolpapers venue import` links them to the store's arXiv papers by title.
# At 2.7M papers the first import links by title against every paper (over 10 minutes on a
# loaded machine), so it is asked for: COOLPAPERS_BENCH_VENUES=1.
ensure_venues() {
  [[ ${COOLPAPERS_BENCH_VENUES:-0} == 1 && ! -f $1/venues ]] || return 0
  "$bin" venue import --data "$1" ../shared/data/venues/papercopilot/*.json >"$1/venues.log" 2>&1
  touch "$1/venues"
}

# Starts serve on the store in `dir`; sets server_pid and port. With `index` (a folder
# ensure_timed_index made) it searches that index; without, search is off.
start_server() {
  local dir=$1 index=${2:-} run=$work/run${2:+-search}
  shift $(($# < 2 ? $# : 2))  # the rest: more options for serve
  rm -rf "$run"
  mkdir -p "$run"
  if [[ -n $index ]]; then
    ln -s "$index" "$run/index"
  else
    touch "$run/index"  # a file where the index would be: search is off, nothing is indexed
  fi
  # One client asks for thousands of renders: no per-client buckets.
  printf '[limits]\nrenders_per_minute = 0\nsearches_per_minute = 0\n' >"$run/coolpapers.toml"
  "$bin" serve --data "$run" --store "sqlite:$dir/coolpapers.sqlite" --host 127.0.0.1 --port 0 \
    --no-harvest --page-cache-mb 0 "$@" >"$run/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 600); do grep -qs 'serving http://' "$run/serve.log" && break; sleep 0.1; done
  port=$(grep -o 'serving http://127.0.0.1:[0-9]*' "$run/serve.log" | grep -o '[0-9]*$')
}

stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=; }

# Row group: the store itself and how long it took to build.
rows_store() {
  local dir=$1
  cat "$dir/build.tsv"
  [[ -f $dir/migrate.tsv ]] && cat "$dir/migrate.tsv"
  printf 'store size on disk\t%s\n' "$(du -sh "$dir" | cut -f1)"
}

# Row group: every page and API answer, uncached (scripts/bench_scale_requests.py).
rows_pages() {
  local dir=$1 port=$2
  python3 scripts/bench_scale_requests.py --port "$port" --store "$dir/coolpapers.sqlite" \
    --requests "$requests" --only "$only"
}

# Row group: search (issue 19 target 3) on the store's index, kept in
# $COOLPAPERS_SCALE_INDEX_DIR/index-N (default $scale). The engine alone (bench/index_scale_bench:
# 1-3 words, 2-10 words and phrases of real titles, warm), then /api/search's first page over HTTP
# from a serve of the store and that index (scripts/bench_scale_search.py: distinct queries of
# 2-10 words, nothing cached), each with the CPU time beside the wall time. The engine's run also
# checks every query's first page against Xapian reading every match (--check 1).
rows_search() {
  local dir=$1 index saved_pid=$server_pid saved_port=$port
  [[ -z $only || search == *"$only"* ]] || return 0
  index=$(kept_index "$dir")
  ensure_timed_index "$dir" "$index"
  ensure_block_bounds "$dir" "$index"
  # The block cache serve gives itself (search_service.h: a 64th of the index, at most 32 MiB).
  local cache_mb
  cache_mb=$(du -sb "$index" | awk '{ mb = int($1 / 64 / 1048576); print (mb > 32 ? 32 : mb) }')
  "$build/bench/index_scale_bench" --metadata "$shared" --index "$index" --papers 1 --reuse 1 \
    --check 1 --index-cache-mb "$cache_mb" 2>"$work/engine.log" | sed 's/^/engine, /'
  # Beside it, every block read from the files (no block cache, as before issue 19's session 32).
  "$build/bench/index_scale_bench" --metadata "$shared" --index "$index" --papers 1 --reuse 1 \
    2>>"$work/engine.log" | sed 's/^/engine without the block cache, /'
  # Beside it, the index read from mappings of its files with room for what the searches read
  # (--index-map-mb; docs/search.md, "Reading from mappings"), and the memory that took.
  /usr/bin/time -f "engine with the index mapped (--index-map-mb $index_map_mb), max RSS	%M kB" \
    "$build/bench/index_scale_bench" --metadata "$shared" --index "$index" --papers 1 --reuse 1 \
    --index-map-mb "$index_map_mb" 2>&1 >"$work/engine-mapped.out" | grep '^engine with' || true
  sed 's/^/engine with the index mapped, /' "$work/engine-mapped.out"
  # Beside it, Xapian reading every match (no block bounds or tiers): what they changed.
  "$build/bench/index_scale_bench" --metadata "$shared" --index "$index" --papers 1 --reuse 1 \
    --blocks 0 2>>"$work/engine.log" | sed 's/^/engine without block bounds or tiers, /'
  start_server "$dir" "$index"
  python3 scripts/bench_scale_search.py --port "$port" --pid "$server_pid" --metadata "$shared" \
    --requests "$requests" --label ", serve's own block cache"
  stop_server
  start_server "$dir" "$index" --index-cache-mb 0
  python3 scripts/bench_scale_search.py --port "$port" --pid "$server_pid" --metadata "$shared" \
    --requests "$requests" --label ", serve --index-cache-mb 0"
  stop_server
  # And with the index mapped, as above, with serve's peak memory.
  start_server "$dir" "$index" --index-map-mb "$index_map_mb"
  python3 scripts/bench_scale_search.py --port "$port" --pid "$server_pid" --metadata "$shared" \
    --requests "$requests" --label ", serve --index-map-mb $index_map_mb"
  stop_server
  server_pid=$saved_pid port=$saved_port
}

# Measures every row group on the store of `papers` papers into $work/column.<papers>.
measure() {
  local papers=$1 dir=$scale/store-$1
  ensure_store "$papers" "$dir"
  ensure_harvest_state "$dir"
  ensure_venues "$dir"
  start_server "$dir"
  for group in "${row_groups[@]}"; do "$group" "$dir" "$port"; done >"$work/column.$papers"
  stop_server
}

measure 40717
measure "$papers"

printf '\nissue 19 (load average: %s; %s requests of each kind, uncached)\n' \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$requests"
python3 - "$work/column.40717" "$work/column.$papers" "$papers" <<'PY'
import sys
columns = []
for path in sys.argv[1:3]:
    rows = {}
    for line in open(path):
        name, _, value = line.rstrip("\n").partition("\t")
        rows[name] = value
    columns.append(rows)
names = list(dict.fromkeys([*columns[0], *columns[1]]))
header = ["what", "40k papers", f"{int(sys.argv[3]):,} papers"]
table = [header] + [[name, columns[0].get(name, "-"), columns[1].get(name, "-")] for name in names]
widths = [max(len(row[i]) for row in table) for i in range(3)]
for i, row in enumerate(table):
    print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    if i == 0:
        print("  ".join("-" * width for width in widths))
PY
