# Sourced by scripts/bench.sh and scripts/bench_search.sh: the store a benchmark runs on.
#   COOLPAPERS_BENCH_STORE=sqlite       (default) DATA/coolpapers.sqlite
#   COOLPAPERS_BENCH_STORE=postgresql   a PostgreSQL 15 started for the run by the tests' fixture
#                                       (initdb + pg_ctl in the work folder, Unix socket only,
#                                       fsync off as in the tests), stopped by bench_store_stop
# bench_store_start WORK sets store_args, given to every coolpapers command and benchmark
# program (--store URL; empty for SQLite). Needs $build.
bench_store=${COOLPAPERS_BENCH_STORE:-sqlite}
store_args=()
bench_pg_dir=

bench_store_start() {
  case $bench_store in
    sqlite) ;;
    postgresql)
      local pg=$build/tests/pg_test_server_main psql=psql
      [[ -x $pg ]] || { echo "bench: needs $pg (ninja -C $build pg_test_server_main)" >&2; exit 1; }
      command -v psql >/dev/null || psql=/usr/lib/postgresql/15/bin/psql
      chmod 755 "$1"  # the server runs as the postgres user
      bench_pg_dir=$1/pg
      "$pg" start "$bench_pg_dir" >/dev/null
      [[ -S $bench_pg_dir/.s.PGSQL.5432 ]] ||
        { echo "bench: PostgreSQL 15 did not start (scripts/install_deps.sh installs it)" >&2; exit 1; }
      "$psql" -h "$bench_pg_dir" -U postgres -d postgres -qAt -c "CREATE DATABASE bench"
      store_args=(--store "postgresql://postgres@/bench?host=$bench_pg_dir")
      ;;
    *) echo "bench: COOLPAPERS_BENCH_STORE is sqlite or postgresql, not '$bench_store'" >&2; exit 1 ;;
  esac
}

bench_store_stop() {
  [[ -n $bench_pg_dir ]] && "$build/tests/pg_test_server_main" stop "$bench_pg_dir" >/dev/null 2>&1
  return 0
}
