// scripts/package_extension.sh: both zips are built, the Firefox tree passes `web-ext lint`
// (the script stops otherwise), and each zip holds the manifest its browser reads.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = mkdtempSync(join(tmpdir(), 'coolpapers-extension-package-'));
after(() => rmSync(out, { recursive: true, force: true }));

// The names in a zip and its manifest.json, read by Python's zipfile (python3 is a dependency).
function readZip(path) {
  const listed = spawnSync('python3', ['-c', `import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({"names": z.namelist(), "manifest": json.loads(z.read("manifest.json"))}))`, path],
  { encoding: 'utf8', timeout: 20000 });
  assert.equal(listed.status, 0, listed.stderr);
  return JSON.parse(listed.stdout);
}

const kFiles = ['manifest.json', 'src/background.js', 'src/paper_path.js', 'src/instance_url.js',
  'src/options.html', 'src/options.js', 'src/options.css', 'icons/icon16.png', 'icons/icon128.png'];

test('package_extension.sh lints the Firefox tree and builds both zips', { timeout: 120000 }, () => {
  const built = spawnSync('bash', [join(repository, 'scripts/package_extension.sh'), out],
    { encoding: 'utf8', timeout: 110000 });
  assert.equal(built.status, 0, `${built.stdout}${built.stderr}`);
  assert.match(built.stdout, /errors\s+0\s+notices\s+0\s+warnings\s+0/, 'web-ext lint: no error, notice or warning');

  const chromium = readZip(join(out, 'coolpapers-chromium.zip'));
  for (const file of kFiles) assert.ok(chromium.names.includes(file), `chromium zip holds ${file}`);
  assert.equal(chromium.manifest.manifest_version, 3);
  assert.deepEqual(chromium.manifest.background, { service_worker: 'src/background.js', type: 'module' });
  assert.equal(chromium.manifest.browser_specific_settings, undefined);

  const firefox = readZip(join(out, 'coolpapers-firefox.zip'));
  for (const file of kFiles) assert.ok(firefox.names.includes(file), `firefox zip holds ${file}`);
  assert.deepEqual(firefox.manifest.background, { scripts: ['src/background.js'], type: 'module' });
  assert.equal(firefox.manifest.browser_specific_settings.gecko.id, 'extension@coolpapers');
  assert.ok(!firefox.names.some((name) => name.startsWith('node_modules/') || name.startsWith('tests/')));
  assert.ok(existsSync(join(out, 'firefox/manifest.json')), 'the unpacked Firefox tree stays for about:debugging');
});
