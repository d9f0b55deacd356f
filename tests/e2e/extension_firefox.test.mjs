// The extension's Firefox package in Debian's Firefox ESR: web-ext installs it as a temporary
// add-on in a headless Firefox and its background module runs without a JavaScript error.
// What it does on a page is tested in Chromium (extension.test.mjs): Firefox gives a test no
// way to click the action. Every connection Firefox makes goes to a closed loopback port.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const firefox = process.env.COOLPAPERS_FIREFOX ?? '/usr/bin/firefox-esr';
const webExt = join(repository, 'extension/node_modules/.bin/web-ext');
const skip = !existsSync(firefox) ? `needs ${firefox} (scripts/install_deps.sh installs firefox-esr)` :
  !existsSync(webExt) ? `needs ${webExt} (scripts/install_deps.sh)` : false;

// Proxies to port 9 of loopback (nothing listens) for every protocol, DNS through the proxy,
// and Firefox's own checks off: its update and telemetry calls fail there, unsent.
const kLoopbackOnlyPrefs = {
  'network.proxy.type': 1, 'network.proxy.share_proxy_settings': true,
  'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': 9,
  'network.proxy.socks': '127.0.0.1', 'network.proxy.socks_port': 9, 'network.proxy.socks_remote_dns': true,
  'network.trr.mode': 5, 'network.dns.disablePrefetch': true,
  'network.captive-portal-service.enabled': false, 'network.connectivity-service.enabled': false,
};

const work = mkdtempSync(join(tmpdir(), 'coolpapers-extension-firefox-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('Firefox ESR installs the Firefox package and runs its background without an error', { skip, timeout: 150000 }, async () => {
  const packaged = spawnSync('bash', [join(repository, 'scripts/package_extension.sh'), work], { encoding: 'utf8', timeout: 90000 });
  assert.equal(packaged.status, 0, `${packaged.stdout}${packaged.stderr}`);

  const profiles = join(work, 'tmp');
  mkdirSync(profiles, { recursive: true });
  const prefs = Object.entries(kLoopbackOnlyPrefs).flatMap(([name, value]) => ['--pref', `${name}=${value}`]);
  const run = spawn(webExt, ['run', '--target', 'firefox-desktop', '--firefox', firefox,
    '--source-dir', join(work, 'firefox'), '--no-reload', '--no-input', '--no-config-discovery', '--verbose',
    '--start-url', 'about:blank', ...prefs],
  // Its own process group, so that stopping it stops the Firefox it starts too; its temporary
  // profile goes under `work` (TMPDIR), which the test removes, since a stopped web-ext leaves
  // its firefox-profile* folder behind.
  { detached: true, env: { ...process.env, TMPDIR: profiles, MOZ_HEADLESS: '1', NO_UPDATE_NOTIFIER: '1' } });
  let output = '';
  let timer;
  const installed = new Promise((resolvePromise) => {
    const onData = (chunk) => {
      output += chunk;
      if (/Installed .* as a temporary add-on/.test(output)) resolvePromise(true);
    };
    run.stdout.on('data', onData);
    run.stderr.on('data', onData);
    run.on('exit', () => resolvePromise(false));
    timer = setTimeout(() => resolvePromise(false), 60000);
  }).finally(() => clearTimeout(timer));
  try {
    assert.ok(await installed, `Firefox installed the add-on within 60 s:\n${output.slice(-3000)}`);
    // The background module has run by the time the add-on is reported installed; a moment
    // more for an error raised in a listener it registered at startup.
    await new Promise((r) => setTimeout(r, 3000));
    const errors = output.split('\n').filter((line) => /JavaScript (error|warning): moz-extension:/.test(line));
    assert.deepEqual(errors, []);
  } finally {
    await stopGroup(run);
  }
});

// SIGTERM to the child's process group (web-ext and Firefox), SIGKILL after 10 s; resolves once
// web-ext has exited.
async function stopGroup(child) {
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // The group is gone already.
    }
  };
  const exited = child.exitCode === null ? new Promise((r) => child.once('exit', r)) : Promise.resolve();
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 10000);
  await exited;
  clearTimeout(timer);
  signal('SIGKILL');
}
