#!/usr/bin/env bash
# The run command (README line 1): installs what is missing, builds, and serves the site from
# the embedded default (SQLite + local files under ./var) on http://127.0.0.1:8080/.
# On the very first run, when the team's sample data sits beside the checkout (../shared), it is
# imported so the site has something to show; import more with `coolpapers import`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_deps.sh
bash scripts/build.sh
bin=${COOLPAPERS_BUILD_DIR:-build}/src/cli/coolpapers
data_dir=${COOLPAPERS_DATA:-var}
sample=../shared/data/metadata
if [[ ! -e $data_dir/coolpapers.sqlite && -d $sample ]]; then
  echo "serve: first run, importing the sample data in $sample"
  "$bin" import --data "$data_dir" "$sample"/daily-arxiv-cs-2025/*.jsonl "$sample"/*.jsonl
fi
exec "$bin" serve --data "$data_dir" --host "${COOLPAPERS_HOST:-127.0.0.1}" --port "${COOLPAPERS_PORT:-8080}"
