// A conference edition in a real browser (issue #14): CoRL 2025 (PMLR's bib, 263 papers: Oral
// 42, Poster 221) opened, a group picked from the chooser, the in-page filter finding a paper
// beyond the first slice (it covers the whole edition), a paper starred and the star list
// exported as BibTeX: an @inproceedings with the conference as its booktitle; a card's [PDF]
// opening the inline viewer on the PDF from the instance's cache (/pdf/<id>@PMLR).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  launchBrowser, openPage, screenshot, sharedDir, skipReason, startServer, venuePdfFileName,
} from './e2e_support.mjs';

const kDesktop = { viewport: { width: 1280, height: 900 } };
const kEdition = '/venue/CoRL.2025';
// The last Oral paper of the bib: beyond the first 25 cards of the group.
const kTitleWords = 'imitation learning';

const skip = skipReason();
let server;
let browser;

describe('a venue edition', { skip: skip ?? false, timeout: 240000 }, () => {
  before(async () => {
    server = await startServer(['2025-05'], { venues: ['pmlr/v305-corl2025/corl25.bib'] });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('pick a group, filter the whole group, star a paper and export it', async () => {
    const page = await openPage(browser, kDesktop);
    // The index links the edition; the edition says how much of it is here.
    await page.goto(`${server.url}/venue/`);
    await page.locator('a[href="/venue/CoRL.2025"]').click();
    await page.waitForURL(`${server.url}${kEdition}`);
    assert.match(await page.locator('p.info .total').textContent(), /Total: 263/);
    assert.equal(await page.locator('p.coverage').textContent(), '263 papers');
    assert.equal(await page.locator('#papers div.panel.paper').count(), 25);

    // Sorts over the whole edition: ★ by readers' clicks, ❤ by the reader's keywords, and back
    // to the proceedings' order.
    const sorts = page.locator('p.info .sort-modes button');
    assert.deepEqual(await sorts.allTextContents(), ['source', '★ stars', '❤ prefer']);
    const sourceOrder = await page.locator('#papers div.panel.paper').evaluateAll((cards) => cards.map((c) => c.id));
    await page.evaluate(() => localStorage.setItem('coolpapers.preferenceKeywords', JSON.stringify(['grasp'])));
    await sorts.nth(2).click();
    await page.waitForFunction(() => document.querySelectorAll('#papers div.panel.paper').length === 263);
    assert.match(page.url(), /sort=prefer/);
    await page.waitForFunction(() => document.getElementById('papers').dataset.sort === 'prefer');
    const first = await page.locator('#papers div.panel.paper').first().textContent();
    assert.ok(first.toLowerCase().includes('grasp'), first.slice(0, 200));
    await sorts.nth(0).click();
    const again = await page.locator('#papers div.panel.paper').evaluateAll((cards) => cards.slice(0, 25).map((c) => c.id));
    assert.deepEqual(again, sourceOrder);

    // The group chooser.
    await page.locator('nav.groups a', { hasText: 'Oral' }).click();
    await page.waitForURL(`${server.url}${kEdition}?group=Oral`);
    assert.match(await page.locator('p.info .total').textContent(), /Total: 42/);
    assert.equal(await page.locator('nav.groups a.selected').textContent(), 'Oral 42');
    const subjects = await page.locator('#papers div.panel.paper p.subjects').allTextContents();
    assert.ok(subjects.every((text) => text.includes('CoRL.2025 - Oral')), subjects.join('|'));

    // The filter covers the whole group: its 42 cards come into the page, only matches shown.
    await page.keyboard.press('Control+f');
    const panel = page.locator('.filter-panel');
    await panel.waitFor({ state: 'visible' });
    await panel.locator('.filter-include').fill(kTitleWords);
    await page.waitForFunction(() => document.querySelectorAll('#papers div.panel.paper').length === 42);
    const expected = await page.locator('#papers div.panel.paper').evaluateAll((cards, words) =>
      cards.filter((card) => card.textContent.toLowerCase().includes(words)).map((card) => card.id), kTitleWords);
    assert.ok(expected.length > 0 && expected.length < 42, `a discriminating filter: ${expected.length}`);
    await page.waitForFunction((n) =>
      document.querySelectorAll('#papers div.panel.paper:not([hidden])').length === n, expected.length);
    const shown = await page.locator('#papers div.panel.paper:not([hidden])').evaluateAll((cards) => cards.map((c) => c.id));
    assert.deepEqual(shown, expected);
    assert.ok(shown.some((id) => /@v305@PMLR$/.test(id)), shown.join(','));
    const lateCard = await page.locator('#papers div.panel.paper').evaluateAll((cards, ids) =>
      cards.findIndex((card) => card.id === ids[ids.length - 1]), shown);
    assert.ok(lateCard >= 25, `a match beyond the first slice of 25 cards: card ${lateCard + 1}`);
    await screenshot(page, 'venue-edition-filtered');

    // Star the paper and export the star list.
    const id = shown[shown.length - 1];
    const card = page.locator(`div.panel.paper[id="${id}"]`);
    await card.locator('button.card-star').click();
    assert.equal(await card.locator('button.card-star').textContent(), '★');
    // Copy and FAQ are there, as on an arXiv card ([REL] too: related papers cross branches,
    // when the site has a search index).
    assert.equal(await card.locator('.title-copy button').count(), 1);
    assert.equal(await card.locator('.title-faq button').count(), 1);
    const title = (await card.locator('a.title-link').textContent()).trim();
    await page.locator('.bottom-bar button', { hasText: '★' }).click();
    const starPanel = page.locator('.star-panel');
    await starPanel.waitFor({ state: 'visible' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      starPanel.locator('button', { hasText: 'BibTeX' }).first().click(),
    ]);
    const bibtex = readFileSync(await download.path(), 'utf8');
    assert.match(bibtex, /^@inproceedings\{venue_/m, bibtex);
    // citation-js braces capitals ("{Robot} {Learning}"): read the fields without them.
    const plain = bibtex.replace(/[{}]/g, '');
    assert.match(plain, /booktitle = Conference on Robot Learning/, bibtex);
    assert.match(plain, /year = 2025/, bibtex);
    // Names split as on the card (data-family, data-given): "Family, Given" or "Given Family".
    assert.ok(!/author = \{\{/.test(bibtex), `names are split, not literal: ${bibtex}`);
    assert.ok(bibtex.replace(/\s+/g, ' ').includes(title.split(':')[0].trim()), `${title} in ${bibtex}`);
    assert.ok(!/archivePrefix|arxiv\.org/i.test(bibtex), bibtex);
    // The share link opens the starred venue paper's page.
    assert.equal(await starPanel.locator('a.export-link').getAttribute('href'),
      `/venue/${encodeURIComponent(id)}`);
    console.log(`venue e2e: ${shown.length} of 42 Oral papers match "${kTitleWords}", the last at card ${lateCard + 1}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('[PDF] on a venue card opens the inline viewer on the cached PDF', async () => {
    const page = await openPage(browser, kDesktop);
    await page.goto(`${server.url}${kEdition}`);
    const card = page.locator('#papers div.panel.paper').first();
    const id = await card.getAttribute('id');
    // A real 8-page paper stands in for the source's PDF, which this test cannot download.
    mkdirSync(join(server.data, 'pdf'), { recursive: true });
    copyFileSync(join(sharedDir, 'data/pdfs/1111.2011v2.pdf'), join(server.data, 'pdf', venuePdfFileName(id)));
    const popups = [];
    page.on('popup', (popup) => popups.push(popup));
    await card.locator('a.title-pdf').click();
    await card.locator('.pdf-viewer[data-state=rendered]').waitFor();
    assert.match(await card.locator('.pdf-status').textContent(), /of 8/);
    assert.equal(await card.locator('a.pdf-download').getAttribute('href'), `/pdf/${encodeURIComponent(id)}`);
    assert.equal(popups.length, 0, 'no tab of its own');
    await screenshot(page, 'venue-pdf');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
