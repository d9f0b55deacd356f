#!/usr/bin/env bash
# Builds the browser extension's packages: OUT/coolpapers-chromium.zip and
# OUT/coolpapers-firefox.zip (OUT: the first argument, default build/extension).
# extension/manifest.json loads unpacked in both browsers, so it names both a service worker
# (Chromium) and background scripts (Firefox); each package keeps only what its browser reads.
# The Firefox tree must pass `web-ext lint` with no warning before anything is zipped.
# Needs extension/node_modules (web-ext): scripts/install_deps.sh installs it.
set -euo pipefail
export NO_UPDATE_NOTIFIER=1  # web-ext would otherwise ask the registry for a newer web-ext
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "${1:-$root/build/extension}" && cd "${1:-$root/build/extension}" && pwd)"
web_ext="$root/extension/node_modules/.bin/web-ext"
if [[ ! -x "$web_ext" ]]; then
  echo "package_extension: $web_ext not found: run scripts/install_deps.sh" >&2
  exit 1
fi

# stage BROWSER: copies what the extension needs into OUT/BROWSER with that browser's manifest.
stage() {
  local browser="$1" dir="$out/$1"
  rm -rf "$dir" && mkdir -p "$dir"
  cp -R "$root/extension/src" "$root/extension/icons" "$dir/"
  node --input-type=module -e '
    import { readFileSync, writeFileSync } from "node:fs";
    const [source, target, browser] = process.argv.slice(1);
    const manifest = JSON.parse(readFileSync(source, "utf8"));
    if (browser === "firefox") {
      delete manifest.background.service_worker;
    } else {
      delete manifest.background.scripts;
      delete manifest.browser_specific_settings;
    }
    writeFileSync(target, JSON.stringify(manifest, null, 2) + "\n");
  ' "$root/extension/manifest.json" "$dir/manifest.json" "$browser"
}

stage chromium
stage firefox
"$web_ext" lint --source-dir "$out/firefox" --warnings-as-errors --no-config-discovery --output text
for browser in chromium firefox; do
  "$web_ext" build --source-dir "$out/$browser" --artifacts-dir "$out" \
    --filename "coolpapers-$browser.zip" --overwrite-dest --no-config-discovery >/dev/null
  echo "package_extension: $out/coolpapers-$browser.zip"
done
