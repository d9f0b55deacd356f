#!/usr/bin/env bash
# The benchmark of issue #4's PDF text extraction on the real PDFs in ../shared/data/pdfs:
# wall and CPU time per PDF (targets: the largest <= 300 ms, a ~20-page paper <= 150 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d ../shared/data/pdfs ]] || { echo "bench_pdf: needs ../shared/data/pdfs beside the checkout" >&2; exit 1; }
bash scripts/install_deps.sh >/dev/null
bash scripts/build.sh >/dev/null
build=${COOLPAPERS_BUILD_DIR:-build}
"$build/bench/pdf_text_bench" --pdfs ../shared/data/pdfs --runs 20
