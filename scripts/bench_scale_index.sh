# Issue 19's rows for the search index's build (target 4) and serve's resident memory (target 6),
# sourced by scripts/bench_scale.sh (it uses that script's $bin, $work, $scale, $requests and
# start/stop helpers' conventions).
#
# rows_index: the store's search index, kept in $COOLPAPERS_SCALE_INDEX_DIR/index-N (default
# $scale) between runs like the stores and rebuilt when the index format (kIndexFormat) or the
# store's content changes, with `coolpapers index rebuild` under /usr/bin/time: wall, CPU and the
# largest resident set of the build, and the load average it ran under, recorded beside it
# (index-N.timing) and printed on every run; COOLPAPERS_BENCH_REINDEX=1 times a fresh rebuild.
#
# rows_memory: `coolpapers serve` with its default page caches, its resident memory sampled each
# second while scripts/bench_scale_requests.py sends its request mix (COOLPAPERS_BENCH_REQUESTS
# of each kind, repeated until the time is up): first on the store and its kept index (caught up:
# nothing to write), then while serve's updater fills an empty index from the store, the largest
# catch-up there is (COOLPAPERS_BENCH_CATCHUP_SECONDS of it, default 120; that index is deleted).

# The index format the code makes and the store content it was made of: an index made otherwise
# is rebuilt.
index_made_of() {
  echo "format $(sed -n 's/.*kIndexFormat = \([0-9]*\);.*/\1/p' src/search/term_prefixes.h)," \
    "$(head -n 1 "$1/stamp")"
}

kept_index() { echo "${COOLPAPERS_SCALE_INDEX_DIR:-$scale}/index-${1##*store-}"; }

# Rebuilds the index of the store in `dir` into `index`, timed, unless the one there is current.
ensure_timed_index() {
  local dir=$1 index=$2 made data=$work/indexing
  made=$(index_made_of "$dir")
  if [[ ${COOLPAPERS_BENCH_REINDEX:-0} != 1 && -d $index &&
        $(cat "$index.format" 2>/dev/null) == "$made" ]]; then
    # Current, but made without the timing (by another row group, whose `.format` line is the
    # same): not rebuilt for it, which takes half an hour at 2.7M.
    [[ -f $index.timing ]] ||
      printf 'index rebuild\tnot timed (made untimed; COOLPAPERS_BENCH_REINDEX=1 times it)\n' \
        >"$index.timing"
    return
  fi
  if [[ -e $index && ! -f $index.format ]]; then
    # Not one this script made: someone else's index is not deleted.
    echo "bench_scale: $index was not made by this script; to use it as it is, write" \
         "'$made' into $index.format" >&2
    exit 1
  fi
  echo "bench_scale: indexing the store in $dir into $index (timed)" >&2
  rm -rf "$index" "$index.format" "$index.timing" "$data"
  mkdir -p "$index" "$data"
  ln -s "$index" "$data/index"
  nice -n 5 /usr/bin/time -v "$bin" index rebuild --data "$data" \
    --store "sqlite:$dir/coolpapers.sqlite" >"$data/rebuild.log" 2>&1
  python3 - "$data/rebuild.log" "$index" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$index.timing" <<'PY'
import re, subprocess, sys
log, index, load = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3]
def field(name):
    return re.search(re.escape(name) + r": (.*)", log).group(1).strip()
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
seconds = 0.0
for part in wall.split(":"):
    seconds = seconds * 60 + float(part)
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss_mb = int(field("Maximum resident set size (kbytes)")) // 1024
papers = int(re.search(r"index rebuilt: (\d+) papers indexed", log).group(1))
size = subprocess.run(["du", "-sh", index], capture_output=True, text=True).stdout.split()[0]
print(f"index rebuild\t{seconds:.0f} s wall ({papers / seconds:,.0f} papers/s), "
      f"{cpu:.0f} s CPU ({cpu / papers * 1e6:.0f} us a paper), max RSS {rss_mb} MB; load {load}")
print(f"index size on disk\t{size}")
PY
  echo "$made" >"$index.format"
}

# The kept index's block bounds (docs/search.md, "Reading by blocks"): a rebuild makes them,
# and an index kept from before them gets them here, from `coolpapers index update --bounds`,
# timed (index-N.bounds, printed by rows_index); COOLPAPERS_BENCH_REBOUND=1 times them again.
ensure_block_bounds() {
  local dir=$1 index=$2 data=$work/bounding
  # Bounds of another format (BlockBounds::kFormat, which names the tiers' file) are built again:
  # serve's searches would read neither.
  local format
  format=$(sed -n 's/.*kFormat = "\([a-z0-9]*\)".*/\1/p' src/search/block_bounds.h)
  if [[ -f $index.bounds && ${COOLPAPERS_BENCH_REBOUND:-0} != 1 ]] &&
    compgen -G "$index/gen-*/word-tiers-$format-*" >/dev/null; then
    return
  fi
  rm -rf "$data"
  mkdir -p "$data"
  ln -s "$index" "$data/index"
  /usr/bin/time -v "$bin" index update --bounds --data "$data" \
    --store "sqlite:$dir/coolpapers.sqlite" >"$data/update.log" 2>&1
  python3 - "$data/update.log" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$index.bounds" <<'PY'
import re, sys
log, load = open(sys.argv[1]).read(), sys.argv[2]
built = re.search(r"block bounds and word tiers built in ([0-9.]+) s", log).group(1)
cpu = sum(float(re.search(name + r": (.*)", log).group(1))
          for name in ("User time \\(seconds\\)", "System time \\(seconds\\)"))
rss_mb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", log).group(1)) // 1024
print(f"block bounds and word tiers\t{built} s wall (`index update --bounds`, {cpu:.0f} s CPU for the whole "
      f"update), max RSS {rss_mb} MB; load {load}")
PY
}

# Row group: the kept index's build.
rows_index() {
  local dir=$1 index
  [[ -z $only || index == *"$only"* ]] || return 0
  index=$(kept_index "$dir")
  ensure_timed_index "$dir" "$index"
  ensure_block_bounds "$dir" "$index"
  cat "$index.timing" "$index.bounds"
}

# Starts serve (default page caches) on the store in `dir` with `index` as its index folder;
# echoes "PID PORT". (Started in a subshell: stop it with stop_memory_server.)
start_memory_server() {
  local dir=$1 index=$2 run=$3
  rm -rf "$run"
  mkdir -p "$run"
  ln -s "$index" "$run/index"
  printf '[limits]\nrenders_per_minute = 0\nsearches_per_minute = 0\n' >"$run/coolpapers.toml"
  "$bin" serve --data "$run" --store "sqlite:$dir/coolpapers.sqlite" --host 127.0.0.1 --port 0 \
    --no-harvest >"$run/serve.log" 2>&1 &
  local pid=$! port=
  for _ in $(seq 600); do grep -qs 'serving http://' "$run/serve.log" && break; sleep 0.1; done
  port=$(grep -o 'serving http://127.0.0.1:[0-9]*' "$run/serve.log" | grep -o '[0-9]*$')
  echo "$pid $port"
}

stop_memory_server() {
  kill "$1" 2>/dev/null || true
  while kill -0 "$1" 2>/dev/null; do sleep 0.2; done
}

# Samples the resident memory of `pid` each second for `seconds` while the request mix runs
# against `port` (and, with a 5th argument "search", scripts/bench_scale_search.py's searches
# after each round: the searcher then holds the index's block bounds); prints "max X MB,
# median Y MB (N samples, R rounds of the request mix)".
sample_memory_under_requests() {
  local dir=$1 pid=$2 port=$3 seconds=$4 search=${5:-} samples=$work/rss.$2
  : >"$samples"
  local end=$((SECONDS + seconds))
  (while ((SECONDS < end)) && kill -0 "$pid" 2>/dev/null; do
     awk '/^VmRSS/ {print $2}' "/proc/$pid/status" >>"$samples" 2>/dev/null
     sleep 1
   done) &
  local sampler=$! rounds=0
  while ((SECONDS < end)) && kill -0 "$pid" 2>/dev/null; do
    python3 scripts/bench_scale_requests.py --port "$port" --store "$dir/coolpapers.sqlite" \
      --requests "$requests" --seed "$SECONDS" >/dev/null 2>&1 && rounds=$((rounds + 1))
    if [[ $search == search ]]; then
      python3 scripts/bench_scale_search.py --port "$port" --pid "$pid" --metadata "$shared" \
        --requests "$requests" >/dev/null 2>&1
    fi
  done
  wait "$sampler"
  python3 - "$samples" "$rounds" <<'PY'
import statistics, sys
kb = [int(line) for line in open(sys.argv[1]) if line.strip()]
print(f"max {max(kb) // 1024} MB, median {int(statistics.median(kb)) // 1024} MB "
      f"({len(kb)} samples, {sys.argv[2]} rounds of the request mix)" if kb else "no samples")
PY
}

# Row group: serve's resident memory, caught up and catching up.
rows_memory() {
  local dir=$1 index catchup=${COOLPAPERS_BENCH_CATCHUP_SECONDS:-120} pid port value
  [[ -z $only || memory == *"$only"* ]] || return 0
  index=$(kept_index "$dir")
  if [[ -d $index ]]; then
    read -r pid port < <(start_memory_server "$dir" "$index" "$work/memory-kept")
    value=$(sample_memory_under_requests "$dir" "$pid" "$port" "$catchup" search)
    stop_memory_server "$pid"
    printf 'serve resident memory, index caught up, request mix and searches\t%s\n' "$value"
  fi
  local empty=$work/memory-empty-index
  rm -rf "$empty"
  mkdir -p "$empty"
  read -r pid port < <(start_memory_server "$dir" "$empty" "$work/memory-catchup")
  value=$(sample_memory_under_requests "$dir" "$pid" "$port" "$catchup")
  stop_memory_server "$pid"
  local indexed
  indexed=$(grep -o 'search index[^0-9]*[0-9]* of' "$work/memory-catchup/serve.log" | tail -n 1 |
            grep -o '[0-9]*' || echo 0)
  printf 'serve resident memory, catching up an empty index (%s s, %s papers), request mix\t%s\n' \
    "$catchup" "${indexed:-0}" "$value"
  rm -rf "$empty"
}

row_groups+=(rows_index rows_memory)
