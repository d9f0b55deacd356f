#!/usr/bin/env bash
# Issue #19 target 5: cached pages at >= 0.9x nginx. `coolpapers serve` (SQLite, the 40,717 real
# daily-listing records) answers the largest single-category day's first page from its cache;
# nginx, on another loopback port from a temp dir, serves the very bytes serve sent (gzip_static
# on, the .gz saved from serve's gzip answer). One wrk setting for both, side by side, in turn
# for a few rounds (the best of each counts; each round's ratio shows the spread), with the load
# average and each side's CPU time per request beside the figures.
#   scripts/bench_nginx.sh            (COOLPAPERS_BENCH_NO_BUILD=1: use the build as it is;
#                                      WRK_ARGS="-t2 -c64 -d10s" by default; ROUNDS=3 by default)
# Needs ../shared/data beside the checkout, nginx and wrk (scripts/install_deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data/metadata
[[ -d $shared ]] || { echo "bench_nginx: needs $shared beside the checkout" >&2; exit 1; }
if [[ -z ${COOLPAPERS_BENCH_NO_BUILD:-} ]]; then
  bash scripts/install_deps.sh >/dev/null
  bash scripts/build.sh >/dev/null
fi
build=${COOLPAPERS_BUILD_DIR:-build}
bin=${COOLPAPERS_BIN:-$build/src/cli/coolpapers}  # COOLPAPERS_BIN: another build to compare
nginx=${COOLPAPERS_NGINX:-/usr/sbin/nginx}
read -r -a wrk_args <<<"${WRK_ARGS:--t2 -c64 -d10s}"
work=$(mktemp -d)
server_pid=
nginx_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null
  [[ -n $nginx_pid ]] && kill "$nginx_pid" 2>/dev/null
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" import --data "$work/var" "$shared"/daily-arxiv-cs-2025/*.jsonl >"$work/import.log" 2>&1
read -r day category < <(python3 - "$shared/daily-arxiv-cs-2025" <<'PY'
import collections, glob, json, sys
counts = collections.Counter()
for f in glob.glob(sys.argv[1] + "/*.jsonl"):
    for line in open(f):
        r = json.loads(line)
        for c in r["categories"]:
            counts[(r["listing_date"], c)] += 1
(day, cat), n = counts.most_common(1)[0]
print(day, cat)
PY
)

# serve, as scripts/bench.sh runs it (its access log to a file, as a deployment keeps one).
"$bin" serve --data "$work/var" --host 127.0.0.1 --port 0 --no-harvest >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 300); do grep -q 'serving http://' "$work/serve.log" && break; sleep 0.1; done
port=$(grep -o 'serving http://127.0.0.1:[0-9]*' "$work/serve.log" | grep -o '[0-9]*$')
# Its background index catch-up would take a core from the measurement: wait until serve's CPU
# time stops growing (at most 10 minutes on a busy machine), and note its memory then.
ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
for _ in $(seq 300); do
  before=$(ticks); sleep 2; (( $(ticks) - before < 10 )) && break
done
idle_rss=$(( $(awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status") / 1024 ))
page="http://127.0.0.1:$port/arxiv/$category?date=$day"
curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$page"; sleep 2  # cached, then compressed
mkdir -p "$work/www"
curl -s -H 'Accept-Encoding: gzip' -D "$work/serve.headers" -o "$work/www/page.html.gz" "$page"
grep -qi '^content-encoding: gzip' "$work/serve.headers" ||
  { echo "bench_nginx: serve did not answer gzip" >&2; exit 1; }
gunzip -c "$work/www/page.html.gz" >"$work/www/page.html"

# nginx: one worker per core, as serve runs one thread per core; access log on, like serve's.
nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx/temp"
cat >"$work/nginx/nginx.conf" <<CONF
$( [[ $(id -u) == 0 ]] && echo "user root;" )
daemon off;
worker_processes $(nproc);
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log $work/nginx/access.log;
  client_body_temp_path $work/nginx/temp/body;
  proxy_temp_path $work/nginx/temp/proxy;
  fastcgi_temp_path $work/nginx/temp/fastcgi;
  uwsgi_temp_path $work/nginx/temp/uwsgi;
  scgi_temp_path $work/nginx/temp/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    location = /page {
      default_type "text/html; charset=utf-8";
      gzip_static on;
      alias $work/www/page.html;
    }
  }
}
CONF
"$nginx" -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>>"$work/nginx/error.log" &
nginx_pid=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$nginx_port/page" && break; sleep 0.1; done
nginx_url="http://127.0.0.1:$nginx_port/page"
cmp <(curl -s -H 'Accept-Encoding: gzip' "$nginx_url") "$work/www/page.html.gz" ||
  { echo "bench_nginx: nginx does not send serve's gzip bytes" >&2; exit 1; }

# One wrk run against `url`: "requests/s CPU-µs-per-request", the CPU time (user + system) the
# given processes spent during the run divided by the requests answered.
measure() {  # url pid... -> rps us
  local url=$1; shift
  cpu_ticks() { for pid in "$@"; do awk '{print $14 + $15}' "/proc/$pid/stat"; done | awk '{t += $1} END {print t}'; }
  local before out after
  before=$(cpu_ticks "$@")
  out=$(wrk "${wrk_args[@]}" -H 'Accept-Encoding: gzip' "$url")
  after=$(cpu_ticks "$@")
  python3 -c "import sys; rps, n = sys.argv[1:3]; print(f'{float(rps):.0f} {($after - $before) / $(getconf CLK_TCK) / int(n) * 1e6:.1f}')" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '/requests in/ {print $1}' <<<"$out")"
}
mapfile -t nginx_workers < <(pgrep -P "$nginx_pid")
best_serve=0; best_nginx=0
for round in $(seq "${ROUNDS:-3}"); do
  read -r s s_us < <(measure "$page" "$server_pid")
  read -r n n_us < <(measure "$nginx_url" "${nginx_workers[@]}")
  echo "round $round: serve $s req/s ($s_us us CPU each), nginx $n req/s ($n_us us CPU each)," \
    "ratio $(python3 -c "print(f'{$s/$n:.2f}')") (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  (( s > best_serve )) && best_serve=$s
  (( n > best_nginx )) && best_nginx=$n
done
printf '\n%-52s %s\n' "cached page vs nginx gzip_static (wrk ${wrk_args[*]}, gzip)" \
  "$category $day, $(stat -c %s "$work/www/page.html.gz") bytes gzip"
printf '%-52s %s req/s\n' "coolpapers serve" "$best_serve"
printf '%-52s %s req/s\n' "nginx $("$nginx" -v 2>&1 | sed 's/.*\///')" "$best_nginx"
printf '%-52s %s (target >= 0.90)\n' "ratio" "$(python3 -c "print(f'{$best_serve/$best_nginx:.2f}')")"
echo "serve resident memory: $idle_rss MB with the index caught up, $(( $(awk '/^VmRSS/ {print $2}' /proc/$server_pid/status) / 1024 )) MB after wrk"
