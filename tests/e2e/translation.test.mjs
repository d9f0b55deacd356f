// Titles and abstracts in Chinese (issue #5 item 4, reference section 2.9) in a real browser:
// `coolpapers serve` with [translate] on and the loopback model server
// (tests/support/openai_server_main.cc, $COOLPAPERS_OPENAI_SERVER) as the [llm], real data from
// ../shared (cs.CL on 2025-05-27). The setting is offered only when the instance translates;
// turned on, the cards in the page get their translations (math typeset) from one model call
// each, a second reader gets the stored ones with no call, and turning it off takes them away.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  launchBrowser, modelCalls, openPage, screenshot, skipReason, startProcess, startServer, stopProcess,
} from './e2e_support.mjs';

const kDay = '/arxiv/cs.CL?date=2025-05-27';
const kDesktop = { viewport: { width: 1280, height: 900 } };
const kAnswer = '**标题**：译文标题 $x^2$ 的研究\n**摘要**：这是译文摘要。';

const modelBinary = process.env.COOLPAPERS_OPENAI_SERVER ?? resolve('../../build/tests/openai_server_main');
const skip = skipReason() ??
  (existsSync(modelBinary) ? null : `needs ${modelBinary} (build the openai_server_main target)`);

let work;
let model;
let server;   // translating
let plain;    // without [translate]
let browser;

async function openDay(url, { translate = false } = {}) {
  const page = await openPage(browser, kDesktop);
  if (translate) await page.addInitScript(() => window.localStorage.setItem('coolpapers.translate', 'true'));
  await page.goto(url + kDay);
  await page.locator('div.panel.paper').first().waitFor();
  return page;
}

describe('translations of titles and abstracts', { skip: skip ?? false, timeout: 240000 }, () => {
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'coolpapers-e2e-translate-'));
    const answersFile = join(work, 'answers.json');
    writeFileSync(answersFile, JSON.stringify([kAnswer]));
    model = await startProcess(modelBinary, ['--answers', answersFile, '--model', 'translator'],
      /listening (http:\/\/127\.0\.0\.1:\d+\/v1)/, 'the model server');
    server = await startServer(['2025-05'], {
      config: `[llm]\nbase_url = "${model.url}"\nmodel = "translator"\napi_key = "loopback"\n` +
        '[translate]\nenabled = true\n',
    });
    plain = await startServer(['2025-05']);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await plain?.stop();
    await stopProcess(model?.child);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('is offered only where the instance translates', async () => {
    const page = await openDay(plain.url);
    await page.locator('.bottom-bar button', { hasText: 'Settings' }).click();
    await page.locator('.settings-panel .settings-token').waitFor();
    assert.equal(await page.locator('.settings-translate').count(), 0);
    assert.equal((await fetch(`${plain.url}/api/translations/2505.00001`)).status, 404);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('turned on, every card in the page is translated once and shared with the next reader', async () => {
    const page = await openDay(server.url);
    assert.equal(await page.locator('p.translation').count(), 0, 'off by default');
    assert.equal(modelCalls(model).length, 0, 'no model call before a reader asks');
    await page.locator('.bottom-bar button', { hasText: 'Settings' }).click();
    await page.locator('.settings-translate').check();
    await page.locator('.settings-save').click();

    const cards = await page.locator('div.panel.paper').count();
    assert.equal(cards, 25, 'the first cards of the day are in the page');
    await page.waitForFunction((n) => document.querySelectorAll('p.translation-title').length === n, cards,
      { timeout: 90000 });
    const first = page.locator('div.panel.paper').first();
    assert.match(await first.locator('p.translation-title').textContent(), /^译文标题 .*的研究$/);
    assert.equal(await first.locator('p.translation-summary').textContent(), '这是译文摘要。');
    await first.locator('p.translation-title .katex').waitFor();
    assert.equal(await first.locator('p.translation-title').getAttribute('lang'), 'zh');
    assert.equal(modelCalls(model).length, cards, 'one model call per paper');
    await page.locator('.bottom-bar button', { hasText: 'Settings' }).click();  // closes the panel
    await screenshot(page, 'translations_desktop');
    assert.deepEqual(page.errors, []);

    // Off again: the translations go. (The settings panel is still open after Save.)
    if (!(await page.locator('.settings-translate').isVisible())) {
      await page.locator('.bottom-bar button', { hasText: 'Settings' }).click();
    }
    await page.locator('.settings-translate').uncheck();
    await page.locator('.settings-save').click();
    assert.equal(await page.locator('p.translation').count(), 0);
    await page.context().close();

    // Another reader with the setting on: the stored translations, no new model call.
    const second = await openDay(server.url, { translate: true });
    await second.waitForFunction((n) => document.querySelectorAll('p.translation-title').length === n, cards,
      { timeout: 30000 });
    assert.equal(modelCalls(model).length, cards);
    await second.setViewportSize({ width: 375, height: 812 });
    await screenshot(second, 'translations_phone');
    assert.deepEqual(second.errors, []);
    await second.context().close();
  });
});
