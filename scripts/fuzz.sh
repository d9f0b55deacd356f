#!/usr/bin/env bash
# The libFuzzer targets (docs/fuzzing.md), built with clang-16 under ASan+UBSan in ./build-fuzz.
#   scripts/fuzz.sh [SECONDS]      fuzz every target SECONDS (default 60), seeded with the repo's
#                                  corpus (fuzz/corpus), the unit-test fixtures and ../shared/data;
#                                  prints executions, coverage and crashes per target
#   scripts/fuzz.sh --regression   CI (CTest fuzz_regression): replay each repo corpus and the
#                                  crashes fixed so far (fuzz/crashes), then fuzz each target 3 s
#   FUZZ_TARGETS="sse query" scripts/fuzz.sh ...   only those targets
#   FUZZ_RUNS=10000000 scripts/fuzz.sh 3600         stop each target at that many executions or
#                                                   after SECONDS, whichever comes first
# New inputs go to build-fuzz/corpus/<target>, crashes to build-fuzz/crashes/; the repo's corpus
# is never written. Exits 1 when any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${COOLPAPERS_FUZZ_BUILD_DIR:-$root/build-fuzz}
shared=${COOLPAPERS_SHARED_DIR:-$root/../shared}
mode=run
seconds=60
if [[ ${1:-} == --regression ]]; then mode=regression; seconds=3; elif [[ -n ${1:-} ]]; then seconds=$1; fi

clang=${COOLPAPERS_FUZZ_CLANG:-clang++-16}
if ! command -v "$clang" >/dev/null; then
  echo "fuzz.sh: $clang not found: scripts/install_deps.sh installs Debian's clang-16" >&2
  exit 2
fi
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# The objects do not depend on the build folder: let ccache share them between folders (CTest's
# <build>/fuzz and ./build-fuzz), although -g would otherwise hash the folder in.
export CCACHE_NOHASHDIR=1
if [[ ! -f $build/build.ninja ]]; then
  cmake -S fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$clang" "${launcher[@]}" >/dev/null
fi
ninja -C "$build" -j "${COOLPAPERS_FUZZ_JOBS:-2}" >/dev/null

all_targets=(arxiv_id category_expr query atom announcement_feed oai_pmh jsonl_record venue sse
             toml_config http_request)
read -r -a targets <<< "${FUZZ_TARGETS:-${all_targets[*]}}"

# The files beside the repo's corpus that seed a target: fixtures and ../shared/data (read in
# place; absent shared data only means fewer seeds).
extra_seeds() {
  local testdata=$root/src/ingest/testdata
  case $1 in
    atom) echo "$testdata/api_atom_sample.xml"; find "$shared/data/raw/api-atom" -type f 2>/dev/null ;;
    announcement_feed) echo "$testdata/rss_atom_sample.xml"; find "$shared/data/raw/rss" -type f 2>/dev/null ;;
    oai_pmh) echo "$testdata/oai_pmh_list_records_sample.xml"; find "$shared/data/raw/oai-pmh" -type f 2>/dev/null ;;
    venue) find "$testdata/venues" -type f
           find "$shared/data/venues" -type f -size -512k 2>/dev/null | head -200 ;;
    toml_config) find "$root/docs" -name 'configuration.md' ;;
  esac
}

# One line of JSON Lines per seed file: the fixtures' and the first lines of the shared samples.
jsonl_seeds() {
  local into=$1 n=0
  while IFS= read -r line; do
    printf '%s' "$line" > "$into/line$((n++))"
  done < <(cat "$root"/src/ingest/testdata/*.jsonl
           find "$shared/data/metadata" -name '*.jsonl' 2>/dev/null | head -3 |
             while read -r f; do head -n 50 "$f"; done)
}

# The longest input a target is given. An execution costs about its input's length (every
# comparison is traced), so the targets that read whole documents get documents of a few
# entries, which reach every branch of the parser: 64 KB Atom feeds and venue files made atom
# and venue 5 to 10 times slower per execution. The query language refuses more than
# search::kMaxQueryBytes (1 KB) at once.
max_len() {
  case $1 in
    query) echo 1024 ;;
    atom) echo 16384 ;;
    venue) echo 8192 ;;
    *) echo 65536 ;;
  esac
}

status=0
summary=()
for target in "${targets[@]}"; do
  binary=$build/${target}_fuzz
  repo_corpus=$root/fuzz/corpus/$target
  crashes=$build/crashes
  mkdir -p "$crashes"
  log=$build/logs/$target.log
  mkdir -p "$(dirname "$log")"
  flags=(-print_final_stats=1 -rss_limit_mb=2048 -timeout=10 "-max_len=$(max_len "$target")"
         "-artifact_prefix=$crashes/$target-")
  [[ $mode == run && -n ${FUZZ_RUNS:-} ]] && flags+=("-runs=$FUZZ_RUNS")
  if [[ $mode == regression ]]; then
    # libFuzzer first runs every input of the corpus directories, then fuzzes from them; new
    # inputs go to a scratch directory, never into the repo.
    replay=("$repo_corpus")
    [[ -d $root/fuzz/crashes/$target ]] && replay+=("$root/fuzz/crashes/$target")
    scratch=$(mktemp -d)
    if ! "$binary" "${flags[@]}" -max_total_time="$seconds" "$scratch" "${replay[@]}" > "$log" 2>&1; then
      status=1
      echo "fuzz.sh: $target failed (log: $log):" >&2
      tail -n 30 "$log" >&2
    fi
    rm -rf "$scratch"
  else
    corpus=$build/corpus/$target
    seeds=$build/seeds/$target
    rm -rf "$seeds"
    mkdir -p "$corpus" "$seeds"
    n=0
    while IFS= read -r file; do
      [[ -f $file ]] && cp "$file" "$seeds/extra$((n++))"
    done < <(extra_seeds "$target")
    [[ $target == jsonl_record ]] && jsonl_seeds "$seeds"
    if ! "$binary" "${flags[@]}" -max_total_time="$seconds" "$corpus" "$repo_corpus" "$seeds" > "$log" 2>&1; then
      status=1
    fi
  fi
  runs=$(grep -a 'stat::number_of_executed_units' "$log" | tail -n 1 | awk '{print $2}' || true)
  cov=$(grep -aoE 'cov: [0-9]+' "$log" | tail -n 1 | awk '{print $2}' || true)
  found=$(grep -ac 'ERROR: \(AddressSanitizer\|LeakSanitizer\|libFuzzer\)\|runtime error:' "$log" || true)
  took=$(grep -a 'Done [0-9]* runs in' "$log" | tail -n 1 | grep -oE 'in [0-9]+ second' | awk '{print $2}' || true)
  summary+=("$(printf '%-18s %12s execs  %6s s  cov %6s  crashes %s' "$target" "${runs:-?}" "${took:-?}" "${cov:-?}" "$found")")
done
printf '%s\n' "${summary[@]}"
[[ $status == 0 ]] || echo "fuzz.sh: crashes or failures: see $build/logs and $build/crashes" >&2
exit $status
