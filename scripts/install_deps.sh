#!/usr/bin/env bash
# Installs every Debian package coolpapers needs to build, test, benchmark and serve.
# Idempotent: a package already present is left alone. Runs as root, or through sudo.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-dev libsqlite3-dev sqlite3 zlib1g-dev
  # The PostgreSQL backend of the store (src/store/pg_*) and the server its tests start.
  libpqxx-dev postgresql
  nlohmann-json3-dev libcli11-dev libfmt-dev
  libcurl4-openssl-dev libpugixml-dev libxapian-dev libtomlplusplus-dev
  libhowardhinnant-date-dev tzdata libicu-dev
  # clang 16 for the thread-safety analysis (tests/architecture) and libFuzzer.
  clang-16 libclang-rt-16-dev
  python3-feedparser libpoppler-cpp-dev
  # /metrics read by the Prometheus project's own text parser (tests/metrics/).
  python3-prometheus-client
  # The star list's exports are checked with other tools' readers (tests/citations/).
  pandoc python3-pybtex python3-bibtexparser
  libgtest-dev libgmock-dev libbenchmark-dev
  wrk curl python3 procps
  # /usr/bin/time: the peak memory of the scale benchmarks' runs (scripts/bench_scale*.sh).
  time
  # The load balancer of the multi-node test (tests/integration/two_nodes_test.cc) and of deploy/.
  nginx
  # The browser tests (tests/e2e/) drive Debian's Chromium through playwright-core; fonts so
  # that their screenshots show text, Chinese (FAQ answers, translations) included. Playwright's
  # own browser download is never used.
  chromium fonts-dejavu-core fonts-wqy-microhei
  # The extension's browser test serves stand-ins of the paper sites over HTTPS with a
  # certificate it makes for the run; its Firefox package is loaded in Debian's Firefox ESR.
  openssl firefox-esr
)

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "install_deps: installing ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "install_deps: all Debian packages present"
fi

# The npm packages, from each folder's package-lock.json (the npm registry): the front end's,
# which the build bundles, the extension's tools (web-ext: lint and packages) and the API's
# checkers (tests/api: the OpenAPI validator, ajv, the MCP SDK's client); and Node.js
# itself when the machine lacks it. npm ci runs only when a lock file is newer than what is
# installed.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "install_deps: installing nodejs npm"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for folder in frontend extension tests/api; do
  installed_lock="$root/$folder/node_modules/.package-lock.json"
  if [[ ! -f "$installed_lock" || "$root/$folder/package-lock.json" -nt "$installed_lock" ]]; then
    echo "install_deps: npm ci in $folder/"
    (cd "$root/$folder" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
