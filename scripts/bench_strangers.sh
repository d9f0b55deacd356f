#!/usr/bin/env bash
# The "strangers" benchmark of issue #18 (docs/limits.md): a real `coolpapers serve` over a
# month of real records, a loopback model (tests/support/openai_server_main.cc) and a loopback
# arXiv (bench/strangers_origin.py); then bench/strangers.py runs each abusive scenario (budget
# spending, stream flood, expression CPU, PDF slow readers, job flood, search flood, click
# inflation, slowloris) with two abusive clients while a normal reader fetches a cached page,
# and prints the reader's p50/p99 before and during, /healthz, model calls, RSS and fds.
#   bash scripts/bench_strangers.sh [scenario ...]      (all by default)
# Environment: STRANGERS_SECONDS (attack length, default 20), STRANGERS_BUDGET (daily model
# calls, default 40). Needs ../shared/data beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d ../shared/data ]] || { echo "bench_strangers: needs ../shared/data beside the checkout" >&2; exit 1; }
build=${COOLPAPERS_BUILD_DIR:-build}
if [[ ! -x "$build/src/cli/coolpapers" || ! -x "$build/tests/openai_server_main" ]]; then
  ninja -C "$build" coolpapers openai_server_main >/dev/null
fi
seconds=${STRANGERS_SECONDS:-20}
budget=${STRANGERS_BUDGET:-40}
work=$(mktemp -d /tmp/coolpapers-strangers.XXXXXX)
pids=()
cleanup() {
  exec 3>&-
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ -n "${STRANGERS_KEEP:-}" ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
# The abusers hold thousands of sockets; serve's connection cap follows its own limit.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n 65536 2>/dev/null || true
ulimit -n 8192 2>/dev/null || true

records=../shared/data/metadata/daily-arxiv-cs-2025/2025-05.jsonl
"$build/src/cli/coolpapers" import --data "$work/data" "$records" >/dev/null
# The search index built before serve starts: otherwise serve builds it during the first
# scenario's quiet phase, whose reader then measures the build, not a quiet server.
"$build/src/cli/coolpapers" index rebuild --data "$work/data" >/dev/null
python3 - "$records" > "$work/ids" <<'PY'
import json, sys
with open(sys.argv[1]) as f:
    for i, line in enumerate(f):
        if i >= 400: break
        print(json.loads(line)["id"])
PY

python3 bench/strangers_origin.py ../shared/data/pdfs/2304.02623v1.pdf "$work/origin.port" &
pids+=($!)
# The model server serves until its stdin closes: a fifo this script holds open (fd 3).
mkfifo "$work/model.stdin"
"$build/tests/openai_server_main" --piece-delay-ms 5 < "$work/model.stdin" > "$work/model.log" &
pids+=($!)
exec 3> "$work/model.stdin"
for _ in $(seq 100); do
  [[ -s "$work/origin.port" ]] && grep -q listening "$work/model.log" && break
  sleep 0.1
done
origin="http://127.0.0.1:$(cat "$work/origin.port")"
model=$(sed -n 's/^listening //p' "$work/model.log")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

cat > "$work/coolpapers.toml" <<TOML
[arxiv]
api_url = "$origin/api/query"
min_interval = "100ms"
[pdf]
source = "$origin/{id}v{version}.pdf"
[llm]
base_url = "$model"
model = "loopback"
[translate]
enabled = true
[limits]
daily_generations = $budget
TOML

"$build/src/cli/coolpapers" serve --data "$work/data" --config "$work/coolpapers.toml" \
  --host 127.0.0.1 --port "$port" 2> "$work/serve.log" &
serve=$!
pids+=($serve)
for _ in $(seq 200); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.1
done
pdf_id="$(head -1 "$work/ids")v1"
for _ in $(seq 100); do  # the PDF in the cache before its slow readers
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/pdf/$pdf_id")" == 200 ]] && break
  sleep 0.2
done

echo "coolpapers serve pid $serve, open-file limit $(ulimit -n), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
scenario_args=()
for name in "$@"; do scenario_args+=(--scenario "$name"); done
python3 bench/strangers.py --server "http://127.0.0.1:$port" --pid "$serve" \
  --model-log "$work/model.log" --budget "$budget" --ids "$work/ids" --pdf-id "$pdf_id" \
  --page /arxiv/cs.CL --seconds "$seconds" "${scenario_args[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
