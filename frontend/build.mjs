// Bundles the front end for the server to embed: `node build.mjs OUT_DIR`.
// Writes OUT_DIR/assets/<name>-<hash>.<ext> (minified, content-hashed, so the server can mark
// them immutable), a .gz beside each compressible one, and OUT_DIR/embedded_assets.cc: the table
// web/static_files.cc serves from, the bytes pulled in with the assembler's .incbin.
// The main bundle stays small: pdf.js (and its worker) and KaTeX are separate chunks loaded on
// first use, their URLs passed in at build time with `define`.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlib } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(process.argv[2] ?? join(here, 'dist'));
const assetDir = join(outDir, 'assets');

const kContentTypes = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};
// Already compressed formats gain nothing from gzip.
const kCompressible = new Set(['.js', '.mjs', '.css', '.ttf']);

function extensionOf(name) {
  return name.slice(name.lastIndexOf('.'));
}

function shortHash(bytes) {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 10).replace(/[-_]/g, 'x');
}

rmSync(assetDir, { recursive: true, force: true });
mkdirSync(assetDir, { recursive: true });

// The pdf.js worker is loaded by URL, so it is copied as it ships (already minified).
const workerSource = readFileSync(join(here, 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs'));
const workerName = `pdf_worker-${shortHash(workerSource)}.mjs`;
writeFileSync(join(assetDir, workerName), workerSource);

const common = {
  bundle: true,
  minify: true,
  outdir: assetDir,
  logLevel: 'warning',
  legalComments: 'none',
  target: ['chrome110', 'firefox115', 'safari16'],
};

// Style sheets first: main.css is linked by every page, katex.css only once a page has math.
const css = await esbuild.build({
  ...common,
  entryPoints: [join(here, 'css/main.css'), join(here, 'css/katex.css')],
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  loader: { '.woff2': 'file', '.woff': 'empty', '.ttf': 'empty' },
  metafile: true,
});
const cssOutputs = Object.keys(css.metafile.outputs).map((path) => path.slice(path.lastIndexOf('/') + 1));
const katexCss = cssOutputs.find((name) => name.startsWith('katex-') && name.endsWith('.css'));

// citation-js (the star list's exports) imports node-fetch for Node.js; a browser uses its own.
const nodeFetchInBrowser = {
  name: 'node-fetch-in-browser',
  setup(build) {
    build.onResolve({ filter: /^node-fetch$/ }, () => ({ path: join(here, 'js/node_fetch_shim.js') }));
  },
};

const js = await esbuild.build({
  ...common,
  plugins: [nodeFetchInBrowser],
  entryPoints: [join(here, 'js/main.js')],
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  splitting: true,
  define: {
    __KATEX_CSS_URL__: JSON.stringify(`/assets/${katexCss}`),
    __PDF_WORKER_URL__: JSON.stringify(`/assets/${workerName}`),
  },
  metafile: true,
});
const mainJs = Object.keys(js.metafile.outputs)
  .map((path) => path.slice(path.lastIndexOf('/') + 1))
  .find((name) => name.startsWith('main-') && name.endsWith('.js'));
const mainCss = cssOutputs.find((name) => name.startsWith('main-') && name.endsWith('.css'));

// The table: logical names for the pages' links, then every file with its gzip twin.
const files = readdirSync(assetDir).filter((name) => kContentTypes[extensionOf(name)]).sort();
const rows = [];
let assembly = '';
files.forEach((name, index) => {
  const bytes = readFileSync(join(assetDir, name));
  let gzipSize = 0;
  const path = join(assetDir, name);
  if (kCompressible.has(extensionOf(name))) {
    const gzip = gzipSync(bytes, { level: zlib.Z_BEST_COMPRESSION });
    writeFileSync(`${path}.gz`, gzip);
    gzipSize = gzip.length;
  }
  const quoted = JSON.stringify(path).slice(1, -1);
  assembly += `"  .balign 16\\n"\n"coolpapers_asset_${index}:\\n"\n"  .incbin \\"${quoted}\\"\\n"\n`;
  if (gzipSize) {
    assembly += `"  .balign 16\\n"\n"coolpapers_asset_${index}_gz:\\n"\n"  .incbin \\"${quoted}.gz\\"\\n"\n`;
  }
  rows.push({ name, index, size: bytes.length, gzipSize, type: kContentTypes[extensionOf(name)] });
});

const declarations = rows
  .map((row) => `extern "C" const char coolpapers_asset_${row.index}[];` +
    (row.gzipSize ? ` extern "C" const char coolpapers_asset_${row.index}_gz[];` : ''))
  .join('\n');
const entries = rows
  .map((row) => `    {"${row.name}", "${row.type}", {coolpapers_asset_${row.index}, ${row.size}}, ` +
    (row.gzipSize ? `{coolpapers_asset_${row.index}_gz, ${row.gzipSize}}},` : '{}},'))
  .join('\n');

const source = `// Generated by frontend/build.mjs from the bundle in ${assetDir}; do not edit.
#include <array>
#include <span>

#include "web/static_files.h"

__asm__(
"  .pushsection .rodata\\n"
${assembly}"  .popsection\\n");

${declarations}

namespace coolpapers::web {
namespace {

constexpr std::array<StaticAsset, ${rows.length}> kAssets = {{
${entries}
}};

}  // namespace

std::span<const StaticAsset> EmbeddedAssets() { return kAssets; }

std::string_view MainScriptName() { return "${mainJs}"; }

std::string_view MainStyleName() { return "${mainCss}"; }

}  // namespace coolpapers::web
`;
const generated = join(outDir, 'embedded_assets.cc');
writeFileSync(generated, source);

const report = rows
  .filter((row) => row.name === mainJs || row.name === mainCss)
  .map((row) => `${row.name} ${row.size} B (${row.gzipSize} B gzip)`)
  .join(', ');
if (process.env.COOLPAPERS_BUNDLE_VERBOSE) console.log(`frontend: ${rows.length} assets; ${report}`);
