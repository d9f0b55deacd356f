// Click counters, the ★ and ❤ sorts and the site's FAQ label in a real browser (issue #5 items
// 1 and 6): cs.CL on 2025-05-27 (350 papers), served by the real binary with a config file that
// names the FAQ "Kimi" and sets a feedback link. Each browser context is another reader (its own
// coolpapers_reader cookie); the server counts one click per reader per paper per day.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  allowRelatedWarmup, launchBrowser, openPage, screenshot, skipReason, startServer, waitForSearchIndex,
} from './e2e_support.mjs';
import { makeTestPdf } from './test_pdf.mjs';

const kDay = '/arxiv/cs.CL?date=2025-05-27';
const kDesktop = { viewport: { width: 1280, height: 900 } };
const kFeedback = 'https://example.org/coolpapers-feedback';
// The FAQ panel asks a server with no model configured (it answers an error the panel shows),
// and opening papers asks for their keywords before the search index is up.
const allowExpected = (text) => allowRelatedWarmup(text) ||
  (text.startsWith('Failed to load resource') && text.includes('/api/faq/'));

const skip = skipReason();
let server;
let browser;
let day;  // the day's papers from the JSON API: the oracle

function card(page, id) {
  return page.locator(`#papers div.panel.paper[id="${id}"]`);
}

// Opens a page of the day whose /pdf/ requests get a small test PDF (no arXiv here).
async function openDay(context, path = kDay) {
  const page = context ? await context.newPage() : await openPage(browser, kDesktop, allowExpected);
  await page.route('**/pdf/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/pdf', body: makeTestPdf('test') }));
  await page.goto(server.url + path);
  await page.locator('#papers div.panel.paper').first().waitFor();
  return page;
}

// Clicks `selector` in the card of `id` and waits for the click the page posts, if one.
async function clickAndCount(page, id, selector) {
  const posted = page.waitForResponse((response) => response.url().includes(`/api/clicks/${id}?kind=`) &&
    response.request().method() === 'POST');
  await card(page, id).locator(selector).click();
  const response = await posted;
  assert.equal(response.status(), 200);
  return response.json();
}

async function counter(page, id, kind) {
  const sup = card(page, id).locator(`sup.click-count[data-kind=${kind}]`);
  return (await sup.isVisible()) ? (await sup.textContent()).trim() : '';
}

async function serverCounts(ids) {
  const response = await fetch(`${server.url}/api/clicks/${ids.join(',')}`);
  assert.equal(response.status, 200);
  return (await response.json()).counts;
}

function cardIds(page) {
  return page.locator('#papers div.panel.paper').evaluateAll((cards) => cards.map((c) => c.id));
}

describe('click counters and the sorts they drive', { skip: skip ?? false, timeout: 240000 }, () => {
  before(async () => {
    server = await startServer(['2025-05'],
      { config: `[site]\nfaq_label = "Kimi"\nfeedback_url = "${kFeedback}"\n` });
    browser = await launchBrowser();
    const response = await fetch(`${server.url}/api${kDay}&show=2000`);
    assert.equal(response.status, 200);
    day = await response.json();
    assert.equal(day.total, 350);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the configured FAQ label is on every card, the feedback link in settings', async () => {
    const page = await openDay();
    assert.equal(await page.evaluate(() => document.body.dataset.faqLabel), 'Kimi');
    const labels = await page.locator('#papers div.panel.paper .title-faq button').allTextContents();
    assert.equal(labels.length, 25);
    assert.ok(labels.every((label) => label === '[Kimi]'), labels.join(' '));
    await page.locator('.bottom-bar button', { hasText: 'Settings' }).click();
    assert.equal(await page.locator('.settings-panel a.settings-feedback').getAttribute('href'), kFeedback);
    assert.equal(await page.locator('.settings-panel legend').first().textContent(), '[Kimi] answers in');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('[PDF] and [FAQ] count once per reader, again for another reader, and survive a reload', async () => {
    const id = day.papers[2].id;
    const reader1 = await openDay();
    assert.equal(await counter(reader1, id, 'pdf'), '', 'no clicks yet: no counter shown');
    const cookie = (await reader1.context().cookies(server.url)).find((c) => c.name === 'coolpapers_reader');
    assert.ok(cookie, 'the reader cookie is set');
    assert.match(cookie.value, /^[0-9a-f]{32}$/);
    assert.equal(cookie.path, '/');
    assert.equal(cookie.sameSite, 'Lax');
    assert.ok(cookie.expires * 1000 > Date.now() + 390 * 24 * 3600 * 1000, 'kept about 400 days');

    assert.deepEqual(await clickAndCount(reader1, id, 'a.title-pdf'), { id, pdf: 1, faq: 0 });
    assert.equal(await counter(reader1, id, 'pdf'), '1');
    await card(reader1, id).locator('a.title-pdf').click();  // closes the viewer: no click
    assert.equal(await card(reader1, id).locator('.pdf-viewer').count(), 0);
    assert.deepEqual(await clickAndCount(reader1, id, 'a.title-pdf'), { id, pdf: 1, faq: 0 }, 'the same reader again');
    assert.equal(await counter(reader1, id, 'pdf'), '1');
    assert.deepEqual(await clickAndCount(reader1, id, '.title-faq button'), { id, pdf: 1, faq: 1 });
    assert.equal(await counter(reader1, id, 'faq'), '1');
    await card(reader1, id).locator('.faq-panel').waitFor();
    await card(reader1, id).locator('.title-faq button').click();  // closes the panel: no click
    await card(reader1, id).locator('.faq-panel').waitFor({ state: 'detached' });
    assert.deepEqual(await clickAndCount(reader1, id, '.title-faq button'), { id, pdf: 1, faq: 1 });
    assert.equal(await counter(reader1, id, 'faq'), '1');

    // Another reader (another context, its own cookie) sees the counts, and adds one.
    const reader2 = await openPage(browser, kDesktop, allowExpected);
    await reader2.route('**/pdf/**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/pdf', body: makeTestPdf('test') }));
    await reader2.goto(server.url + kDay);
    await card(reader2, id).locator('sup.click-count[data-kind=pdf]:not([hidden])').waitFor();
    assert.equal(await counter(reader2, id, 'pdf'), '1');
    assert.equal(await counter(reader2, id, 'faq'), '1');
    const cookie2 = (await reader2.context().cookies(server.url)).find((c) => c.name === 'coolpapers_reader');
    assert.notEqual(cookie2.value, cookie.value);
    assert.deepEqual(await clickAndCount(reader2, id, 'a.title-pdf'), { id, pdf: 2, faq: 1 });
    assert.equal(await counter(reader2, id, 'pdf'), '2');

    // The first reader's page, reloaded, shows both readers' clicks; other cards show none.
    await reader1.reload();
    await card(reader1, id).locator('sup.click-count[data-kind=pdf]:not([hidden])').waitFor();
    await reader1.waitForFunction((paperId) =>
      document.getElementById(paperId).querySelector('sup.click-count[data-kind=pdf]').textContent === '2', id);
    assert.equal(await counter(reader1, id, 'pdf'), '2');
    assert.equal(await counter(reader1, id, 'faq'), '1');
    assert.equal(await counter(reader1, day.papers[3].id, 'pdf'), '');
    assert.equal(await reader1.locator('sup.click-count:not([hidden])').count(), 2);
    await card(reader1, id).scrollIntoViewIfNeeded();
    await screenshot(reader1, 'click_counters');
    assert.deepEqual(await serverCounts([id]), { [id]: { pdf: 2, faq: 1 } });
    assert.deepEqual(reader1.errors, []);
    assert.deepEqual(reader2.errors, []);
    await reader1.context().close();
    await reader2.context().close();
  });

  test('★ sorts the whole day by clicks, ties in arXiv order', async () => {
    // Clicks from three readers on papers far down the day (not in the first 25 cards).
    const late = day.papers[300].id;
    const middle = day.papers[120].id;
    for (let reader = 0; reader < 3; ++reader) {
      const page = await openDay();  // a list page sets the reader cookie
      const ids = reader < 2 ? [late, middle] : [late];
      const statuses = await page.evaluate(async (list) => {
        const out = [];
        for (const id of list) out.push((await fetch(`/api/clicks/${id}?kind=pdf`, { method: 'POST' })).status);
        return out;
      }, ids);
      assert.deepEqual(statuses, ids.map(() => 200));
      await page.context().close();
    }
    const counts = await serverCounts(day.papers.map((p) => p.id));
    const total = (id) => (counts[id]?.pdf ?? 0) + (counts[id]?.faq ?? 0);
    assert.equal(total(late), 3);
    assert.equal(total(middle), 2);
    const expected = day.papers.map((p, index) => ({ id: p.id, index }))
      .sort((a, b) => total(b.id) - total(a.id) || a.index - b.index).map((p) => p.id);
    assert.deepEqual(expected.slice(0, 3), [day.papers[2].id, late, middle]);

    const page = await openDay();
    await page.locator('.sort-modes button[data-sort=stars]').click();
    await page.locator('#papers[data-sort=stars]').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('sort'), 'stars');
    assert.deepEqual(await cardIds(page), expected);
    assert.equal(await counter(page, late, 'pdf'), '3');
    // The sort is in the URL: a reload sorts again.
    await page.reload();
    await page.locator('#papers[data-sort=stars]').waitFor();
    assert.deepEqual(await cardIds(page), expected);
    assert.match(await page.locator('a.previous-day').getAttribute('href'), /[?&]sort=stars/);
    await screenshot(page, 'sorted_stars');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('❤ with no preference keywords ranks by the top words of the reader’s word cloud', async () => {
    const opened = [day.papers[5].id, day.papers[6].id];
    await waitForSearchIndex(server.url, opened[0]);
    const page = await openDay();
    for (const id of opened) {
      await clickAndCount(page, id, 'a.title-pdf');
    }
    await page.waitForFunction((n) => JSON.parse(localStorage.getItem('coolpapers.wordCloud') ?? '{}')
      .papers?.length === n, opened.length);
    const cloud = await page.evaluate(() => JSON.parse(localStorage.getItem('coolpapers.wordCloud')));
    assert.deepEqual(cloud.papers, opened);
    for (const id of opened) {
      const related = await (await fetch(`${server.url}/api/related/${id}?show=1`)).json();
      for (const word of related.keywords) assert.ok(cloud.words[word.toLowerCase()] >= 1, word);
    }
    // A paper already in the cloud is not counted twice.
    await card(page, opened[0]).locator('a.title-pdf').click();
    await clickAndCount(page, opened[0], 'a.title-pdf');
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('coolpapers.wordCloud')).words), cloud.words);
    assert.equal(await page.evaluate(() => localStorage.getItem('coolpapers.preferenceKeywords')), null);

    // The old URL value `relevance` reads as ❤ and is rewritten to `prefer`.
    await page.goto(`${server.url}${kDay}&sort=relevance`);
    await page.locator('#papers[data-sort=prefer]').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('sort'), 'prefer');
    assert.equal(await page.locator('.sort-modes button[data-sort=prefer]').getAttribute('aria-pressed'), 'true');
    const words = Object.entries(cloud.words).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 20).map(([word]) => word);
    const score = (paper) => words.reduce((sum, word) =>
      sum + (paper.title.toLowerCase().split(word).length - 1) + (paper.abstract.toLowerCase().split(word).length - 1), 0);
    const byId = new Map(day.papers.map((p) => [p.id, p]));
    const order = await cardIds(page);
    assert.equal(order.length, 350);
    const scores = order.map((id) => score(byId.get(id)));
    for (let i = 1; i < scores.length; ++i) assert.ok(scores[i - 1] >= scores[i], `score rises at ${i}`);
    assert.ok(scores[0] > scores[scores.length - 1], 'the cloud words discriminate');
    assert.ok(order.indexOf(opened[0]) < 175 && order.indexOf(opened[1]) < 175, 'the opened papers rank in the top half');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
