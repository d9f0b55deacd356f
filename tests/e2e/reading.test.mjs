// The reading aids in a real browser (issue #5): sorting a whole day (publish time, preference
// keywords) kept in the URL and the day links; "seen" marks across days and the bar toggle that
// hides them; the settings panel (localStorage and the token cookie); [REL] with the search index.
//
// The shared data lists every paper on one day only, while arXiv re-lists papers (replacements)
// on later days. So the server here imports 26-29 May 2025 plus a fixture that re-lists every
// third cs.CL paper of 2025-05-27 on 2025-05-28: both files live in a temporary copy of the
// shared layout, named to e2e_support.mjs by COOLPAPERS_SHARED_DIR.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const realShared = resolve(process.env.COOLPAPERS_SHARED_DIR ?? join(here, '../../../shared'));
const kMonthPath = 'data/metadata/daily-arxiv-cs-2025';
const realMonth = join(realShared, kMonthPath, '2025-05.jsonl');
const kDay1 = '2025-05-27';
const kDay2 = '2025-05-28';
const kRelisted = 'relisted-2025-05-28';

let fixture = null;
if (existsSync(realMonth)) {
  fixture = mkdtempSync(join(tmpdir(), 'coolpapers-reading-'));
  mkdirSync(join(fixture, kMonthPath), { recursive: true });
  // Four days around the two the tests read keep the import and the search index quick.
  const records = readFileSync(realMonth, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
    .filter((record) => record.listing_date >= '2025-05-26' && record.listing_date <= '2025-05-29');
  writeFileSync(join(fixture, kMonthPath, '2025-05.jsonl'), `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const day = records.filter((record) => record.listing_date === kDay1 && record.categories.includes('cs.CL'));
  const relisted = day.filter((_, i) => i % 3 === 0).map((record) => JSON.stringify({ ...record, listing_date: kDay2 }));
  writeFileSync(join(fixture, kMonthPath, `${kRelisted}.jsonl`), `${relisted.join('\n')}\n`);
  process.env.COOLPAPERS_SHARED_DIR = fixture;
}
const { launchBrowser, openPage, screenshot, skipReason, startServer } = await import('./e2e_support.mjs');
const { preferenceScore: pageScore, sortedPapers } = await import('../../frontend/js/sort_cards.js');
const { recordSeen } = await import('../../frontend/js/seen_cards.js');

const kList1 = `/arxiv/cs.CL?date=${kDay1}`;
const kList2 = `/arxiv/cs.CL?date=${kDay2}`;
const kDesktop = { viewport: { width: 1280, height: 900 } };

const skip = skipReason();
let server;
let browser;
let day1;  // the days' papers from the JSON API: the oracle
let day2;

async function fetchJson(path) {
  const response = await fetch(server.url + path);
  assert.equal(response.status, 200, path);
  return response.json();
}

// Ids of the cards in page order.
function cardIds(page) {
  return page.locator('#papers div.panel.paper').evaluateAll((cards) => cards.map((card) => card.id));
}

// Scrolls to the bottom until the whole day is in the page (lazy_cards.js), bounded.
async function loadWholeDay(page, total) {
  for (let i = 0; i < 40 && (await page.locator('#papers div.panel.paper').count()) < total; ++i) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(150);
  }
  assert.equal(await page.locator('#papers div.panel.paper').count(), total);
}

function preferenceScore(paper, keywords) {
  let score = 0;
  for (const text of [paper.title.toLowerCase(), paper.abstract.toLowerCase()]) {
    for (const keyword of keywords) score += text.split(keyword).length - 1;
  }
  return score;
}

function record(id, title, abstract, published) {
  return { id, published, lower: { title: title.toLowerCase(), abstract: abstract.toLowerCase() } };
}

test('preference score counts every occurrence of every keyword in title and abstract', () => {
  const paper = record('1', 'Speech to speech', 'Audio and speech.', '');
  assert.equal(pageScore(paper, ['speech', 'audio', 'video']), 4);
  assert.equal(pageScore(paper, []), 0);
});

test('sorting: time ascending with undated papers last, preference and stars descending, ties in arXiv order', () => {
  const papers = [
    record('a', 'x', 'speech', '2025-05-27'),
    record('b', 'speech speech', '', '2025-05-26 10:00:00 UTC'),
    record('c', 'y', '', ''),
    record('d', 'z', 'speech', '2025-05-26 09:00:00 UTC'),
  ];
  const ids = (list) => list.map((p) => p.id).join('');
  assert.equal(ids(sortedPapers(papers, 'time', [])), 'dbac');
  assert.equal(ids(sortedPapers(papers, 'prefer', ['speech'])), 'badc');
  assert.equal(ids(sortedPapers(papers, '', ['speech'])), 'abcd');
  const clicks = { b: 1, c: 3, d: 1 };
  assert.equal(ids(sortedPapers(papers, 'stars', [], (id) => clicks[id] ?? 0)), 'cbda');
});

test('the seen record keeps the earliest day, moves a paper to the recent end, drops the oldest', () => {
  const seen = new Map();
  recordSeen(seen, 'a', '2025-05-27', 3);
  recordSeen(seen, 'b', '2025-05-27', 3);
  recordSeen(seen, 'c', '2025-05-28', 3);
  recordSeen(seen, 'a', '2025-05-28', 3);
  assert.deepEqual([...seen], [['b', '2025-05-27'], ['c', '2025-05-28'], ['a', '2025-05-27']]);
  recordSeen(seen, 'd', '2025-05-26', 3);
  assert.deepEqual([...seen.keys()], ['c', 'a', 'd'], 'b, the least recently seen, is dropped');
});

describe('reading aids', { skip: skip ?? false, timeout: 120000 }, () => {
  before(async () => {
    server = await startServer(['2025-05', kRelisted], { config: '[site]\nadmin_token = "secret token;1"\n' });
    browser = await launchBrowser();
    day1 = await fetchJson(`/api${kList1}&show=2000`);
    day2 = await fetchJson(`/api${kList2}&show=2000`);
    assert.equal(day1.total, 350);
    assert.equal(day2.total, 178 + 117, 'the day plus the re-listed papers');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (fixture) rmSync(fixture, { recursive: true, force: true });
  });

  test('sort by publish time covers the whole day and is kept in the URL and day links', async () => {
    const page = await openPage(browser, kDesktop);
    await page.goto(server.url + kList1);
    assert.equal(await page.locator('#papers div.panel.paper').count(), 25, 'lazy: the page starts with 25');
    await page.locator('.sort-modes button[data-sort=time]').click();
    await page.locator('#papers[data-sort=time]').waitFor();
    const times = await page.locator('#papers div.panel.paper .date-data').allTextContents();
    assert.equal(times.length, 350, 'every card of the day is sorted');
    for (let i = 1; i < times.length; ++i) assert.ok(times[i - 1] <= times[i], `${times[i - 1]} > ${times[i]} at ${i}`);
    assert.equal(new URL(page.url()).searchParams.get('sort'), 'time');
    assert.match(await page.locator('a.previous-day').getAttribute('href'), /[?&]sort=time/);
    assert.match(await page.locator('a.next-day').getAttribute('href'), /[?&]sort=time/);
    await page.locator('a.next-day').click();
    await page.waitForURL((url) => url.searchParams.get('date') === kDay2);
    assert.equal(new URL(page.url()).searchParams.get('sort'), 'time');
    await page.locator('#papers[data-sort=time]').waitFor();
    assert.equal(await page.locator('.sort-modes button[data-sort=time]').getAttribute('aria-pressed'), 'true');
    const times2 = await page.locator('#papers div.panel.paper .date-data').allTextContents();
    assert.equal(times2.length, day2.total);
    for (let i = 1; i < times2.length; ++i) assert.ok(times2[i - 1] <= times2[i]);
    // The shared data has no version dates, so a card's time is its first listing day: the papers
    // re-listed from the day before come first, which arXiv order puts last.
    assert.notDeepEqual(await cardIds(page), day2.papers.map((p) => p.id), 'the order changed');
    assert.ok(times2[0] < times2[times2.length - 1]);
    // Back to arXiv order: the parameter goes, the order is the day's.
    await page.locator('.sort-modes button[data-sort=arxiv]').click();
    await page.locator('#papers[data-sort=arxiv]').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('sort'), null);
    assert.deepEqual(await cardIds(page), day2.papers.map((p) => p.id));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('settings persist across a reload, set the token cookie, and drive the ❤ sort', async () => {
    const page = await openPage(browser, kDesktop);
    await page.goto(server.url + kList1);
    const keywords = ['speech', 'audio'];
    await page.locator('.bottom-bar button', { hasText: 'Settings' }).click();
    const panel = page.locator('.settings-panel');
    assert.equal(await panel.locator('input[value=en]').isChecked(), true, 'English by default');
    await panel.locator('input[value=zh]').check();
    await panel.locator('.settings-token').fill('secret token;1');
    await panel.locator('.settings-keywords').fill(` Speech \n\naudio\n`);
    await panel.locator('.settings-save').click();
    // The token is posted to /api/token first: the status follows its answer.
    await panel.locator('.settings-status', { hasText: 'Saved; token saved' }).waitFor();
    await page.reload();
    await page.locator('.bottom-bar button', { hasText: 'Settings' }).click();
    assert.equal(await panel.locator('input[value=zh]').isChecked(), true);
    // The token never comes back to the page: the field only says one is set.
    assert.equal(await panel.locator('.settings-token').inputValue(), '');
    await panel.locator('.settings-forget:not([hidden])').waitFor();
    assert.match(await panel.locator('.settings-token').getAttribute('placeholder'), /^set/);
    assert.equal(await panel.locator('.settings-keywords').inputValue(), keywords.join('\n'));
    assert.equal(await page.evaluate(() => localStorage.getItem('coolpapers.faqLanguage')), '"zh"');
    const cookies = await page.context().cookies(server.url);
    const token = cookies.find((cookie) => cookie.name === 'coolpapers_token');
    assert.ok(token, 'the token cookie is set');
    assert.equal(decodeURIComponent(token.value.replaceAll('+', ' ')), 'secret token;1');
    assert.equal(token.path, '/');
    // Set by the server (issue #18 finding 10): out of scripts' reach, never sent cross-site.
    assert.equal(token.httpOnly, true);
    assert.equal(token.secure, true);
    assert.equal(token.sameSite, 'Strict');
    assert.equal(await page.evaluate(() => document.cookie.includes('coolpapers_token')), false);
    await page.keyboard.press('Escape');

    await page.locator('.sort-modes button[data-sort=prefer]').click();
    await page.locator('#papers[data-sort=prefer]').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('sort'), 'prefer');
    const byId = new Map(day1.papers.map((p) => [p.id, p]));
    const order = await cardIds(page);
    assert.equal(order.length, 350, 'every card of the day is ranked');
    const scores = order.map((id) => preferenceScore(byId.get(id), keywords));
    assert.ok(scores[0] > 0, 'the top card holds a keyword');
    const top = await page.locator('#papers div.panel.paper').first().textContent();
    assert.ok(keywords.some((k) => top.toLowerCase().includes(k)), 'the top card shows a keyword');
    for (let i = 1; i < scores.length; ++i) assert.ok(scores[i - 1] >= scores[i], `score rises at ${i}`);
    // New keywords re-rank the sorted list at once.
    await page.locator('.bottom-bar button', { hasText: 'Settings' }).click();
    await panel.locator('.settings-keywords').fill('retrieval');
    await panel.locator('.settings-save').click();
    await page.waitForFunction(() => document.querySelector('#papers div.panel.paper')
      .textContent.toLowerCase().includes('retrieval'));
    await screenshot(page, 'reading_sorted_preference');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('papers scrolled past on one day are marked seen on the next, and can be hidden', async () => {
    const page = await openPage(browser, kDesktop);
    await page.goto(server.url + kList1);
    for (let i = 0; i < 10; ++i) {
      await page.mouse.wheel(0, 900);
      await page.waitForTimeout(80);
    }
    await page.waitForTimeout(500);  // the record is saved a moment after the scroll
    const passed = await page.locator('#papers div.panel.paper').evaluateAll((cards) =>
      cards.filter((card) => card.getBoundingClientRect().bottom <= 0).map((card) => card.id));
    assert.ok(passed.length >= 10, `scrolled past ${passed.length} cards`);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('coolpapers.seen')));
    assert.deepEqual(new Set(stored.map(([id]) => id)), new Set(passed), 'exactly the cards scrolled past');
    assert.ok(stored.every(([, day]) => day === kDay1));
    assert.equal(await page.locator('#papers div.panel.paper.seen').count(), 0, 'nothing is seen on its own day');

    await page.locator('a.next-day').click();
    await page.waitForURL((url) => url.searchParams.get('date') === kDay2);
    await loadWholeDay(page, day2.total);
    const day2Ids = new Set(day2.papers.map((p) => p.id));
    const expected = passed.filter((id) => day2Ids.has(id));
    assert.ok(expected.length >= 2, `${expected.length} re-listed papers were scrolled past`);
    const marked = await page.locator('#papers div.panel.paper.seen').evaluateAll((cards) => cards.map((c) => c.id));
    assert.deepEqual(new Set(marked), new Set(expected));
    const toggle = page.locator('.bottom-bar button.seen-toggle');
    assert.equal(await toggle.getAttribute('data-marked'), String(expected.length));
    const visible = () => page.locator('#papers div.panel.paper').evaluateAll((cards) =>
      cards.filter((card) => card.checkVisibility()).length);
    assert.equal(await visible(), day2.total);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await visible(), day2.total - expected.length);
    await screenshot(page, 'reading_seen_hidden');
    // The toggle's state is kept.
    await page.reload();
    await page.locator('.bottom-bar button.seen-toggle[aria-pressed=true]').waitFor();
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('[REL] shows the 10 keywords and the related papers, or says the index is not ready', async () => {
    const id = day1.papers[0].id;
    // serve builds the index in the background after the import: wait for it, bounded.
    let related = null;
    for (let i = 0; i < 120 && !related; ++i) {
      const response = await fetch(`${server.url}/api/related/${id}`);
      if (response.ok) related = await response.json();
      else await new Promise((r) => setTimeout(r, 500));
    }
    assert.ok(related, 'the search index came up within 60 s');
    assert.equal(related.keywords.length, 10);
    const page = await openPage(browser, kDesktop);
    await page.goto(server.url + kList1);
    const card = page.locator(`#papers div.panel.paper[id="${id}"]`);
    await card.locator('.title-rel button').click();
    const panel = card.locator('.related-panel[data-state=ready]');
    await panel.waitFor();
    assert.deepEqual(await panel.locator('.related-keyword').allTextContents(), related.keywords);
    const links = await panel.locator('.related-papers a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const expectedLinks = related.papers.filter((p) => p.id !== id).map((p) => `/arxiv/${p.id}`);
    assert.ok(expectedLinks.length > 0);
    assert.deepEqual(links, expectedLinks);
    await screenshot(page, 'reading_related');
    await card.locator('.title-rel button').click();
    assert.equal(await card.locator('.related-panel').count(), 0, 'a second click closes it');
    assert.deepEqual(page.errors, []);
    await page.context().close();

    // Without an index the API answers 503 with an error JSON; the panel says so.
    const failing = await openPage(browser, kDesktop,
      (text) => text.startsWith('Failed to load resource') && text.includes('503'));
    await failing.route('**/api/related/**', (route) => route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'unavailable', message: 'related papers are not available on this instance yet' } }),
    }));
    await failing.goto(server.url + kList1);
    await failing.locator(`#papers div.panel.paper[id="${id}"] .title-rel button`).click();
    const message = failing.locator(`#papers div.panel.paper[id="${id}"] .related-panel[data-state=error]`);
    await message.waitFor();
    assert.match(await message.textContent(), /not available on this instance yet/);
    assert.deepEqual(failing.errors, []);
    await failing.context().close();
  });
});
