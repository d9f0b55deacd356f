// Stars as a first-class action (issue #15, upgrade 2) in a real browser, desktop and phone,
// light and dark: a ☆/★ toggle on every card that shows and flips the star (opening [PDF] still
// stars), and the shared list the star panel links to, with its heading, Copy link and exports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { allowRelatedWarmup, launchBrowser, openPage, screenshot, skipReason, startServer } from './e2e_support.mjs';

const kDay = '/arxiv/cs.CL?date=2025-05-27';
const kDesktop = { viewport: { width: 1280, height: 900 } };
const kPhone = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
// Opening [PDF] reads /pdf/, which answers 202 while the server tries a closed "arXiv".
const allowPdf = (text) =>
  (text.startsWith('Failed to load resource') && text.includes('/pdf/')) || allowRelatedWarmup(text);

const skip = skipReason();
let server;
let browser;

const star = (page, id) => page.locator(`div.panel.paper[id="${id}"] button.card-star`);

describe('stars', { skip: skip ?? false, timeout: 240000 }, () => {
  before(async () => {
    server = await startServer(['2025-05']);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [name, options] of [['desktop light', { ...kDesktop, colorScheme: 'light' }],
    ['phone dark', { ...kPhone, colorScheme: 'dark' }]]) {
    test(`every card has a ☆/★ toggle that shows and flips the star (${name})`, async () => {
      const page = await openPage(browser, options, allowPdf);
      await page.goto(server.url + kDay);
      const cards = page.locator('#papers div.panel.paper');
      const ids = await cards.evaluateAll((els) => els.slice(0, 3).map((el) => el.id));
      assert.equal(await page.locator('#papers div.panel.paper button.card-star').count(), await cards.count());
      assert.equal(await star(page, ids[1]).textContent(), '☆');
      assert.equal(await star(page, ids[1]).getAttribute('aria-pressed'), 'false');
      const starButton = page.locator('.bottom-bar button', { hasText: '★' });

      await star(page, ids[1]).click();
      assert.equal(await star(page, ids[1]).textContent(), '★');
      assert.equal(await star(page, ids[1]).getAttribute('aria-pressed'), 'true');
      assert.equal((await starButton.textContent()).trim(), '★ 1');
      // Opening [PDF] stars too, and the toggle shows it.
      await page.locator(`div.panel.paper[id="${ids[0]}"] a.title-pdf`).click();
      await page.waitForFunction((id) => document.getElementById(id).querySelector('button.card-star').textContent === '★', ids[0]);
      assert.equal((await starButton.textContent()).trim(), '★ 2');
      await screenshot(page, `stars-cards-${name.replace(' ', '-')}`);
      // Unstarring from the card, and the star panel agrees.
      await star(page, ids[1]).click();
      assert.equal(await star(page, ids[1]).textContent(), '☆');
      assert.equal((await starButton.textContent()).trim(), '★ 1');
      await starButton.click();
      assert.equal(await page.locator('.star-panel p.unstarred').getAttribute('data-id'), ids[1]);
      // ... and the panel's ★ back on shows on the card.
      await page.locator(`.star-panel p[data-id="${ids[1]}"] .star-toggle`).click();
      assert.equal(await star(page, ids[1]).textContent(), '★');
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }

  test('the shared list: a heading, Copy link and the exports of its papers', async () => {
    const page = await openPage(browser, { ...kDesktop, permissions: ['clipboard-read', 'clipboard-write'] }, allowPdf);
    await page.goto(server.url + kDay);
    const ids = await page.locator('#papers div.panel.paper').evaluateAll((els) => els.slice(0, 3).map((el) => el.id));
    for (const id of ids) await star(page, id).click();
    await page.locator('.bottom-bar button', { hasText: '★' }).click();
    const share = page.locator('.star-panel a.export-link');
    await share.click();
    await page.waitForURL(/\/arxiv\/\d{4}\.\d{5},/);
    assert.equal(await page.locator('h1.shared-heading').textContent(), '3 papers, shared by link');
    const tools = page.locator('.shared-tools');
    assert.deepEqual(await tools.locator('button').allTextContents(), ['Copy link', 'BibTeX', 'biblatex', 'RIS', 'CSL-JSON']);
    // Every card of the shared list shows its star.
    for (const id of ids) assert.equal(await star(page, id).textContent(), '★');
    await tools.locator('button.copy-link').click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    const [download] = await Promise.all([page.waitForEvent('download'), tools.locator('button.export-bibtex').click()]);
    assert.equal(download.suggestedFilename(), 'coolpapers-list.bib');
    const bibtex = readFileSync(await download.path(), 'utf8');
    for (const id of ids) assert.ok(bibtex.includes(id), `the BibTeX holds ${id}`);
    await screenshot(page, 'stars-shared-list');
    // One paper's page is no list: no heading.
    await page.goto(`${server.url}/arxiv/${ids[0]}`);
    assert.equal(await page.locator('h1.shared-heading').count(), 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
