// What the browser tests share: the real coolpapers binary ($COOLPAPERS_BINARY) importing one
// month of ../shared/data/metadata into a temporary store and serving it on a loopback port,
// Debian's Chromium driven by playwright-core, console errors collected per page (a test fails
// on any), and screenshots saved as artifacts ($COOLPAPERS_E2E_ARTIFACTS). Every wait is bounded.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, '../..');
const { chromium } = await import(join(repository, 'frontend/node_modules/playwright-core/index.mjs'));

export const sharedDir = resolve(process.env.COOLPAPERS_SHARED_DIR ?? join(repository, '../shared'));
export const metadataDir = join(sharedDir, 'data/metadata/daily-arxiv-cs-2025');
export const artifactsDir = resolve(process.env.COOLPAPERS_E2E_ARTIFACTS ?? join(tmpdir(), 'coolpapers-e2e'));
const binary = process.env.COOLPAPERS_BINARY ?? join(repository, 'build/src/cli/coolpapers');

// Why the suite cannot run here, or null: node:test's `skip` takes it as the message.
export function skipReason() {
  if (!existsSync(metadataDir)) return `needs ${metadataDir} (../shared/data not found)`;
  return null;
}

// Imports `months` (["2025-05"]; none: only the venues) and starts `coolpapers serve`; returns
// {url, data, stop()}
// (data: the instance's data directory, e.g. for a PDF put in its cache, data/pdf/).
// `config` is more TOML for the config file serve reads with --config (e.g. a [site] table);
// `venues` are venue files under ../shared/data/venues (`coolpapers venue import`).
export async function startServer(months, { config = '', venues = [] } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'coolpapers-e2e-'));
  const data = join(work, 'var');
  mkdirSync(data, { recursive: true });
  const files = months.map((month) => join(metadataDir, `${month}.jsonl`));
  const imported = files.length
    ? spawnSync(binary, ['import', '--data', data, ...files], { encoding: 'utf8', timeout: 120000 })
    : { status: 0 };
  if (imported.status !== 0) {
    throw new Error(`coolpapers import failed (${imported.status}): ${imported.stderr}${imported.stdout}`);
  }
  if (venues.length) {
    const venueFiles = venues.map((file) => join(sharedDir, 'data/venues', file));
    const venueImport = spawnSync(binary, ['venue', 'import', '--data', data, ...venueFiles],
      { encoding: 'utf8', timeout: 120000 });
    if (venueImport.status !== 0) {
      throw new Error(`coolpapers venue import failed (${venueImport.status}): ${venueImport.stderr}${venueImport.stdout}`);
    }
  }
  // Tests never leave loopback: "arXiv" is a closed local port, so on-demand fetches stay pending.
  // One browser makes every request from one address: the per-address search bucket
  // (docs/limits.md, tested in site_limits_test.cc) would refuse a test's quick searches.
  const configFile = join(data, 'coolpapers.toml');
  writeFileSync(configFile,
    '[arxiv]\nfeed_base_url = "http://127.0.0.1:9/atom/"\napi_url = "http://127.0.0.1:9/api/query"\n' +
    'oai_url = "http://127.0.0.1:9/oai"\n[limits]\nsearches_per_minute = 0\n' + config);
  const server = await startProcess(binary,
    ['serve', '--data', data, '--config', configFile, '--host', '127.0.0.1', '--port', '0',
      '--no-harvest'],
    /serving (http:\/\/127\.0\.0\.1:\d+)\//, 'coolpapers serve');
  return {
    url: server.url,
    data,
    async stop() {
      await stopProcess(server.child);
      rmSync(work, { recursive: true, force: true });
    },
  };
}

// The file the pdf job caches a venue paper's PDF in under the data folder's pdf/ (pdf/pdf_cache.h
// VenuePdfFileName): every byte of the id but [A-Za-z0-9.@-] written %XX. A test puts a real PDF
// there in place of the source's, which it cannot download.
export function venuePdfFileName(id) {
  const escaped = [...new TextEncoder().encode(id)].map((byte) => {
    const c = String.fromCharCode(byte);
    return /[A-Za-z0-9.@-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
  return `venue_${escaped}.pdf`;
}

// Debian's Chromium with the flags this machine needs (no background networking: its network is
// closed); playwright-core gives it a new empty profile directory.
export async function launchBrowser() {
  const executablePath = process.env.COOLPAPERS_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: run scripts/install_deps.sh (installs Debian's chromium)`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    timeout: 30000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A page whose console errors and uncaught exceptions are collected in page.errors. `allow`
// tells messages the test expects (a resource the server does not have yet).
export async function openPage(browser, options = {}, allow = () => false) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.errors = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = `${message.text()} (${message.location().url ?? ''})`;
    if (!allow(text)) page.errors.push(text);
  });
  page.on('pageerror', (error) => page.errors.push(`uncaught: ${error.message}`));
  return page;
}

// Opening [PDF] or [FAQ] adds the paper's keywords to the reader's word cloud from
// /api/related/<id>, which answers an error (503, or 404 for a paper not indexed yet) until serve
// has built its search index in the background: tests that open papers early expect that.
export const allowRelatedWarmup = (text) =>
  text.startsWith('Failed to load resource') && /\b(404|503)\b/.test(text) && text.includes('/api/related/');

// Waits (bounded) until /api/related answers for `id`, i.e. the search index is up; returns
// the answer.
export async function waitForSearchIndex(url, id, timeoutMs = 90000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/api/related/${id}?show=1`);
    if (response.ok) return response.json();
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the search index did not come up within ${timeoutMs / 1000} s`);
}

export async function screenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

// Spawns `command` and resolves with {child, url, output} once its output matches `pattern`
// (url: the first group), within 20 s. `output` keeps growing with everything it prints.
export function startProcess(command, args, pattern, what) {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const state = { child, output: '', lines: [] };
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 20 s:\n${state.output}`)), 20000);
    const onData = (chunk) => {
      state.output += chunk;
      state.lines = state.output.split('\n');
      const match = pattern.exec(state.output);
      if (match && !state.url) {
        clearTimeout(timer);
        state.url = match[1];
        resolvePromise(state);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!state.url) reject(new Error(`${what} exited (${code}):\n${state.output}`));
    });
  });
}

// SIGTERM, then SIGKILL after 10 s; resolves once the child has exited.
export async function stopProcess(child) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
  await exited;
  clearTimeout(timer);
}

// The calls the loopback model server (tests/support/openai_server_main.cc, started with
// startProcess) answered so far, with the wall-clock time each one's first delta was sent.
export function modelCalls(model) {
  return model.output.split('\n')
    .map((line) => /^request (\d+) first_delta_ms (\d+)$/.exec(line))
    .filter(Boolean)
    .map((match) => ({ index: Number(match[1]), firstDeltaMs: Number(match[2]) }));
}
