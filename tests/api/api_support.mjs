// What the API tests share: the real coolpapers binary ($COOLPAPERS_BINARY) importing real
// records from ../shared/data (a month of daily lists and the Kaggle sample, whose papers carry
// version dates) into a temporary store, its search index built, and `coolpapers serve` on a
// loopback port. Processes are started and stopped with the browser tests' helpers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { sharedDir, startProcess, stopProcess } from '../e2e/e2e_support.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repository = resolve(here, '../..');
export const binary = process.env.COOLPAPERS_BINARY ?? join(repository, 'build/src/cli/coolpapers');
const metadataDir = join(sharedDir, 'data/metadata');
const recordFiles = [
  join(metadataDir, 'daily-arxiv-cs-2025/2025-05.jsonl'),
  join(metadataDir, 'kaggle-oai-snapshot-sample-0704.jsonl'),
];

// Why the suite cannot run here, or null: node:test's `skip` takes it as the message.
export function skipReason() {
  const missing = recordFiles.find((file) => !existsSync(file));
  return missing ? `needs ${missing} (../shared/data not found)` : null;
}

// Runs the binary to completion; throws with its output when it fails.
export function runCoolpapers(args, timeout = 300000) {
  const run = spawnSync(binary, args, { encoding: 'utf8', timeout });
  if (run.status !== 0) {
    throw new Error(`coolpapers ${args.join(' ')} failed (${run.status}): ${run.stderr}${run.stdout}`);
  }
  return run;
}

// A data folder holding the real records, imported and indexed; {data, remove()}.
export function makeInstance() {
  const work = mkdtempSync(join(tmpdir(), 'coolpapers-api-'));
  const data = join(work, 'var');
  runCoolpapers(['import', '--data', data, ...recordFiles]);
  runCoolpapers(['index', 'rebuild', '--data', data]);
  // Tests never leave loopback: "arXiv" is a closed local port.
  writeFileSync(join(data, 'coolpapers.toml'),
    '[arxiv]\nfeed_base_url = "http://127.0.0.1:9/atom/"\napi_url = "http://127.0.0.1:9/api/query"\n' +
    'oai_url = "http://127.0.0.1:9/oai"\n');
  return { data, remove: () => rmSync(work, { recursive: true, force: true }) };
}

// `coolpapers serve` on the instance's data folder; {url, stop()}.
export async function serve(data) {
  const server = await startProcess(binary,
    ['serve', '--data', data, '--host', '127.0.0.1', '--port', '0'],
    /serving (http:\/\/127\.0\.0\.1:\d+)\//, 'coolpapers serve');
  return { url: server.url, stop: () => stopProcess(server.child) };
}
