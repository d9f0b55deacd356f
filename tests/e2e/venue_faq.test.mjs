// [FAQ] on a venue card in a real browser (issue #14) against the loopback model server
// (tests/support/openai_server_main.cc, $COOLPAPERS_OPENAI_SERVER): CoRL 2025 imported from
// PMLR's bib, a real PDF from ../shared/data/pdfs put in the instance's PDF cache under a venue
// paper's id (the source's site cannot be reached from here). A reader opens the edition, clicks
// [FAQ] on a card and reads the answers; the click is counted, survives a reload and drives the
// ★ sort; a second reader opening the paper's page with #faq gets the stored answer without a
// model call.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  launchBrowser, modelCalls, openPage, screenshot, sharedDir, skipReason, startProcess, startServer,
  stopProcess, venuePdfFileName,
} from './e2e_support.mjs';

const kDesktop = { viewport: { width: 1280, height: 900 } };
const kEdition = '/venue/CoRL.2025';
const kModel = 'loopback-model';
const kPdf = join(sharedDir, 'data/pdfs/1111.2011v2.pdf');
const kAnswers = [
  'The paper asks how well a **classic** relation holds.',
  'Earlier measurements of the same quantity.',
  'A detector and a simple model.',
  'Runs on simulated and real data.',
  'Larger energies.',
  'A careful check of a classic result.',
];

const modelBinary = process.env.COOLPAPERS_OPENAI_SERVER ?? resolve('../../build/tests/openai_server_main');
const skip = skipReason() ??
  (existsSync(modelBinary) ? null : `needs ${modelBinary} (build the openai_server_main target)`) ??
  (existsSync(kPdf) ? null : `needs ${kPdf}`);

let work;
let model;
let server;
let browser;

describe('[FAQ] on a venue paper', { skip: skip ?? false, timeout: 240000 }, () => {
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'coolpapers-e2e-venue-faq-'));
    const answersFile = join(work, 'answers.json');
    writeFileSync(answersFile, JSON.stringify(kAnswers));
    model = await startProcess(modelBinary, ['--answers', answersFile, '--piece-delay-ms', '5',
      '--piece-bytes', '8', '--model', kModel], /listening (http:\/\/127\.0\.0\.1:\d+\/v1)/, 'the model server');
    server = await startServer([], {
      venues: ['pmlr/v305-corl2025/corl25.bib'],
      config: `[llm]\nbase_url = "${model.url}"\nmodel = "${kModel}"\napi_key = "loopback"\n`,
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await stopProcess(model?.child);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('click [FAQ] on an edition card, read the answers, and the click counts', async () => {
    const page = await openPage(browser, kDesktop);
    await page.goto(`${server.url}${kEdition}`);
    // The second card: the ★ sort below must move it to the top.
    const card = page.locator('#papers div.panel.paper').nth(1);
    const id = await card.getAttribute('id');
    assert.match(id, /@v305@PMLR$/);
    mkdirSync(join(server.data, 'pdf'), { recursive: true });
    copyFileSync(kPdf, join(server.data, 'pdf', venuePdfFileName(id)));
    assert.equal(modelCalls(model).length, 0, 'no model call before a reader asks');

    await card.locator('.title-faq button').click();
    const panel = card.locator('.faq-panel');
    await card.locator('.faq-panel[data-state="answered"]').waitFor({ timeout: 90000 });
    assert.equal(await panel.locator('.faq-item').count(), 6);
    assert.equal((await panel.locator('.faq-item').first().locator('.faq-answer').textContent()).trim(),
      'The paper asks how well a classic relation holds.');
    assert.equal(await panel.locator('.faq-item').first().locator('.faq-answer strong').textContent(), 'classic');
    const meta = await panel.locator('.faq-meta').textContent();
    assert.ok(meta.includes(`Answered by ${kModel}`), meta);
    assert.ok(meta.includes(id) && !meta.includes(`${id}v`), `a venue paper has no versions: ${meta}`);
    assert.equal(modelCalls(model).length, 6);
    await screenshot(page, 'venue-faq');

    // The [FAQ] click was counted, as on an arXiv card.
    const faqCount = card.locator('sup.click-count[data-kind=faq]');
    await page.waitForFunction((cardId) =>
      document.getElementById(cardId)?.querySelector('sup.click-count[data-kind=faq]')?.textContent === '1', id);
    assert.equal(await faqCount.isHidden(), false);
    assert.deepEqual(page.errors, []);

    // After a reload the edition's counts come back from the server, and ★ puts the paper first.
    await page.reload();
    await page.waitForFunction((cardId) =>
      document.getElementById(cardId)?.querySelector('sup.click-count[data-kind=faq]')?.textContent === '1', id);
    await page.locator('p.info .sort-modes button', { hasText: '★' }).click();
    await page.waitForFunction(() => document.getElementById('papers').dataset.sort === 'stars');
    assert.equal(await page.locator('#papers div.panel.paper').first().getAttribute('id'), id);
    assert.match(page.url(), /sort=stars/);
    assert.deepEqual(page.errors, []);
    await page.context().close();

    // Another reader opens the paper's page with #faq (papers.cool's FAQ links): the stored
    // answer at once, no new model call.
    const other = await openPage(browser, kDesktop);
    await other.goto(`${server.url}/venue/${encodeURIComponent(id)}#faq`);
    await other.locator(`[id="${id}"] .faq-panel[data-state="answered"]`).waitFor({ timeout: 30000 });
    assert.equal(await other.locator(`[id="${id}"] .faq-panel .faq-item`).count(), 6);
    assert.equal(modelCalls(model).length, 6);
    const stored = await (await fetch(`${server.url}/api/faq/${encodeURIComponent(id)}`)).json();
    assert.equal(stored.state, 'answered');
    assert.equal(stored.answer.id, id);
    assert.equal(stored.answer.version, 1);
    assert.deepEqual(other.errors, []);
    await other.context().close();
  });
});
