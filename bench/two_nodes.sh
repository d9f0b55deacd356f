#!/usr/bin/env bash
# Two nodes behind nginx against one (issue #17): cached page throughput with wrk, on a store of
# real records in a PostgreSQL server started for the run (the tests' server: initdb + pg_ctl in
# a temporary folder, Unix socket only), through the nginx site we ship
# (deploy/nginx-coolpapers.conf, ports put in as the two-node test does). Measures, each for
# DURATION seconds (default 10) with CONNECTIONS connections (default 64) and 2 wrk threads:
#   1. one node, direct
#   2. one node through nginx
#   3. two nodes through nginx
#   4. and, when the machine has at least 4 cores, 1 and 3 again with each node pinned to its
#      own cores (taskset), which is the set-up the 1.6x target is about
# and prints requests/s with the 1-minute load average before each run.
# Usage: bash bench/two_nodes.sh [DURATION] [CONNECTIONS]   (after a build; needs ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-64}
build=${COOLPAPERS_BUILD_DIR:-build}
bin=$build/src/cli/coolpapers
pg=$build/tests/pg_test_server_main
records=../shared/data/metadata/daily-arxiv-cs-2025/2025-05.jsonl
for need in "$bin" "$pg" /usr/sbin/nginx /usr/bin/wrk "$records"; do
  [[ -e $need ]] || { echo "two_nodes: needs $need (build first; scripts/install_deps.sh)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/coolpapers-two-nodes-XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$pg" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"$pg" start "$work/pg" >/dev/null
su_psql=(psql -h "$work/pg" -U postgres -d postgres -qAt)
command -v psql >/dev/null || su_psql=("/usr/lib/postgresql/15/bin/psql" -h "$work/pg" -U postgres -d postgres -qAt)
"${su_psql[@]}" -c "CREATE DATABASE bench"
url="postgresql://postgres@/bench?host=$work/pg"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Each node: its own folder (search index), the shared store.
for node in a b; do
  mkdir -p "$work/$node"
  printf '[store]\nurl = "%s"\n[harvest]\nenabled = false\n' "$url" >"$work/$node/coolpapers.toml"
done
"$bin" import --data "$work/a" "$records" >"$work/import.log" 2>&1

# Starts a node on a free port, under `taskset -c CPUS` when CPUS is given; sets `started` to
# its port. (Not in a command substitution: the process must be this shell's child.)
start_node() {
  local node=$1 cpus=${2:-} port
  port=$(free_port)
  local run=("$bin" serve --data "$work/$node" --host 127.0.0.1 --port "$port")
  [[ -n $cpus ]] && run=(taskset -c "$cpus" "${run[@]}")
  "${run[@]}" >"$work/$node.log" 2>&1 &
  pids+=($!)
  await "$port" "node $node" "$work/$node.log"
}

# Waits (10 s at most) until PORT answers /healthz, then sets `started`; else prints LOG, exits.
await() {
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && { started=$1; return; }
    sleep 0.1
  done
  echo "two_nodes: $2 did not start:" >&2; cat "$3" >&2; exit 1
}

# nginx with the deploy/ site for the given node ports; sets `started` to its port.
start_nginx() {
  local port servers="" dir="$work/nginx-$RANDOM"
  port=$(free_port)
  mkdir -p "$dir/temp"
  for node_port in "$@"; do
    servers+="    server 127.0.0.1:$node_port max_fails=1 fail_timeout=5s;\n"
  done
  python3 - "$dir/site.conf" "$port" "$servers" <<'PY'
import re, sys
site = open("deploy/nginx-coolpapers.conf").read()
out, port, servers = sys.argv[1], sys.argv[2], sys.argv[3].replace("\\n", "\n")
site = re.sub(r"(# nodes: begin\n).*?(\n\s*# nodes: end)", lambda m: m.group(1) + servers.rstrip("\n") + m.group(2), site, flags=re.S)
site = re.sub(r"(# listen: begin\n).*?(\n\s*# listen: end)", lambda m: m.group(1) + f"    listen 127.0.0.1:{port};" + m.group(2), site, flags=re.S)
open(out, "w").write(site)
PY
  # One nginx worker per core, as Debian's default (worker_processes auto).
  cat >"$dir/nginx.conf" <<EOF
$( [[ $(id -u) == 0 ]] && echo "user root;" )
daemon off;
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/temp/body; proxy_temp_path $dir/temp/proxy;
  fastcgi_temp_path $dir/temp/fastcgi; uwsgi_temp_path $dir/temp/uwsgi; scgi_temp_path $dir/temp/scgi;
  include $dir/site.conf;
}
EOF
  ${helper_cpus:+taskset -c "$helper_cpus"} /usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >/dev/null 2>&1 &
  pids+=($!)
  await "$port" nginx "$dir/error.log"
}

stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}

# The busiest cs.CL day of the records, one cached page (gzip, as browsers ask).
day=$(python3 - "$records" <<'PY'
import collections, json, sys
c = collections.Counter(json.loads(l)["listing_date"] for l in open(sys.argv[1]) if '"cs.CL"' in l)
print(c.most_common(1)[0][0])
PY
)
target="/arxiv/cs.CL?date=$day"

# Runs wrk against PORT; prints "requests/s  load".
measure() {
  local port=$1 load
  for _ in 1 2 3; do curl -s -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$target"; done
  sleep 1  # the cached page's gzip twin is made in the background
  load=$(cut -d' ' -f1 /proc/loadavg)
  local rps
  rps=$(${helper_cpus:+taskset -c "$helper_cpus"} wrk -t2 -c"$connections" -d"${duration}s" -H 'Accept-Encoding: gzip' \
          "http://127.0.0.1:$port$target" | awk '/Requests\/sec/ {print $2}')
  printf '%10.0f  %s' "$rps" "$load"
}

# Lets a node that just started settle (its index writer catches up, its cache is empty).
settle() { sleep 3; }

echo "two nodes behind nginx: wrk -t2 -c$connections -d${duration}s $target (gzip), $(nproc) cores"
printf '%-44s %10s  %s\n' "set-up" "requests/s" "load (1 min) before"
row() { printf '%-44s %s\n' "$1" "$2"; }

# Each node builds its search index from the store at its first start; let both finish that
# before anything is measured.
start_node a; start_node b; sleep 20; stop_all

start_node a; a=$started; settle
row "one node, direct" "$(measure "$a")"
start_nginx "$a"; n=$started
row "one node through nginx" "$(measure "$n")"
stop_all
start_node a; a=$started; start_node b; b=$started; settle
start_nginx "$a" "$b"; n=$started
row "two nodes through nginx" "$(measure "$n")"
stop_all

cores=$(nproc)
helper_cpus=
if ((cores >= 4)); then
  # Each node on its own cores (a quarter each), nginx and wrk on the other half.
  quarter=$((cores / 4))
  a_cpus="0-$((quarter - 1))"; b_cpus="$quarter-$((2 * quarter - 1))"
  helper_cpus="$((2 * quarter))-$((cores - 1))"
  start_node a "$a_cpus"; a=$started; settle
  start_nginx "$a"; n=$started
  row "one node on cpus $a_cpus through nginx" "$(measure "$n")"
  stop_all
  start_node a "$a_cpus"; a=$started; start_node b "$b_cpus"; b=$started; settle
  start_nginx "$a" "$b"; n=$started
  row "two nodes on cpus $a_cpus, $b_cpus through nginx" "$(measure "$n")"
  stop_all
  echo "(nginx and wrk on cpus $helper_cpus)"
else
  echo "(only $cores cores: the pinned runs need 4 or more; docs/deploy.md explains the bound)"
fi
