// The home page in a real browser (issue #5 item 7, and the subjects' +/− of item 1): the
// tri-state category choosers and the union-minus list they open, "Your categories" first, the
// calendar per category, the "More" section (preference keywords and word cloud), and the
// subjects' + and − on a list page feeding the same choice. The server imports May 2025 and the
// last days of April (so the calendar has two months), from a temporary copy of the shared
// layout named to e2e_support.mjs by COOLPAPERS_SHARED_DIR.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const realShared = resolve(process.env.COOLPAPERS_SHARED_DIR ?? join(here, '../../../shared'));
const kMonthPath = 'data/metadata/daily-arxiv-cs-2025';
const kFirstDay = '2025-04-24';

let fixture = null;
let records = [];  // every imported record: the oracle for days and counts
if (existsSync(join(realShared, kMonthPath, '2025-05.jsonl'))) {
  fixture = mkdtempSync(join(tmpdir(), 'coolpapers-home-'));
  mkdirSync(join(fixture, kMonthPath), { recursive: true });
  const read = (month) => readFileSync(join(realShared, kMonthPath, `${month}.jsonl`), 'utf8')
    .split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const april = read('2025-04').filter((record) => record.listing_date >= kFirstDay);
  writeFileSync(join(fixture, kMonthPath, '2025-04-tail.jsonl'), `${april.map((r) => JSON.stringify(r)).join('\n')}\n`);
  symlinkSync(join(realShared, kMonthPath, '2025-05.jsonl'), join(fixture, kMonthPath, '2025-05.jsonl'));
  records = [...april, ...read('2025-05')];
  process.env.COOLPAPERS_SHARED_DIR = fixture;
}
const { launchBrowser, openPage, screenshot, skipReason, startServer } = await import('./e2e_support.mjs');

const kDesktop = { viewport: { width: 1280, height: 900 } };
const kPhone = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const skip = skipReason();
let server;
let browser;

// The days the data lists `category` on, ascending.
function daysOf(category) {
  return [...new Set(records.filter((r) => r.categories.includes(category)).map((r) => r.listing_date))].sort();
}

// How many papers of `day` are in any of `include` and none of `exclude`.
function countOn(day, include, exclude = []) {
  return records.filter((r) => r.listing_date === day && include.some((c) => r.categories.includes(c)) &&
    !exclude.some((c) => r.categories.includes(c))).length;
}

const chooser = (page, category) => page.locator(`li[data-category="${category}"] button.cat-choice`);

async function totalShown(page) {
  const text = await page.locator('p.info .total').textContent();
  return Number(/Total: (\d+)/.exec(text)[1]);
}

describe('home page', { skip: skip ?? false, timeout: 180000 }, () => {
  before(async () => {
    server = await startServer(['2025-04-tail', '2025-05']);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (fixture) rmSync(fixture, { recursive: true, force: true });
  });

  test('tri-state choosers open the union-minus list, whose count matches the data', async () => {
    const page = await openPage(browser, kDesktop);
    await page.goto(server.url + '/');
    const open = page.locator('.category-choice-bar a.choice-open');
    await open.waitFor();
    assert.equal(await open.getAttribute('aria-disabled'), 'true', 'nothing chosen: nothing to open');
    assert.equal(await open.getAttribute('href'), null);

    await chooser(page, 'cs.CL').click();
    assert.equal(await chooser(page, 'cs.CL').getAttribute('data-state'), 'include');
    assert.equal(await chooser(page, 'cs.CL').getAttribute('aria-label'), 'cs.CL: included');
    // Keyboard: focus and Space, then Enter twice (include → exclude → neutral).
    await chooser(page, 'cs.AI').focus();
    await page.keyboard.press('Space');
    assert.equal(await chooser(page, 'cs.AI').getAttribute('data-state'), 'include');
    await chooser(page, 'cs.CV').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    assert.equal(await chooser(page, 'cs.CV').getAttribute('data-state'), 'exclude');
    await page.keyboard.press('Enter');
    assert.equal(await chooser(page, 'cs.CV').getAttribute('data-state'), 'neutral');
    assert.equal(await open.getAttribute('href'), '/arxiv/cs.AI,cs.CL', 'includes only: a union');
    await chooser(page, 'cs.LG').click();
    await chooser(page, 'cs.LG').click();
    assert.equal(await chooser(page, 'cs.LG').getAttribute('data-state'), 'exclude');
    assert.equal(await chooser(page, 'cs.LG').getAttribute('aria-label'), 'cs.LG: excluded');
    assert.equal(await open.getAttribute('href'), '/arxiv/cs.AI+cs.CL-cs.LG');
    assert.match(await page.locator('.category-choice-bar .choice-summary').textContent(), /include cs\.CL, cs\.AI; exclude cs\.LG/);
    assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('coolpapers.categories'))),
      { include: ['cs.CL', 'cs.AI'], exclude: ['cs.LG'] });
    await screenshot(page, 'home_desktop_chosen');

    await open.click();
    await page.waitForURL((url) => url.pathname === '/arxiv/cs.AI+cs.CL-cs.LG');
    await page.locator('#papers div.panel.paper').first().waitFor();
    const newest = daysOf('cs.CL').concat(daysOf('cs.AI')).sort().at(-1);
    const expected = countOn(newest, ['cs.AI', 'cs.CL'], ['cs.LG']);
    assert.ok(expected > 0 && expected < countOn(newest, ['cs.AI', 'cs.CL']), `a discriminating case: ${expected}`);
    assert.equal(await totalShown(page), expected);
    const api = await (await fetch(`${server.url}/api/arxiv/cs.AI+cs.CL-cs.LG?show=1`)).json();
    assert.equal(api.total, expected);
    assert.deepEqual(page.errors, []);

    // Your categories come first after a reload, in their states.
    await page.goto(server.url + '/');
    const firstGroup = page.locator('main section.group').first();
    assert.equal(await firstGroup.getAttribute('class'), 'group your-categories');
    assert.equal(await firstGroup.locator('h2').textContent(), 'Your categories');
    const mine = await firstGroup.locator('li[data-category]').evaluateAll((items) =>
      items.map((item) => [item.dataset.category, item.querySelector('.cat-choice').dataset.state]));
    assert.deepEqual(mine, [['cs.CL', 'include'], ['cs.AI', 'include'], ['cs.LG', 'exclude']]);
    assert.equal(await page.locator('li[data-category="cs.CL"]').count(), 1, 'moved, not copied');
    assert.equal(await open.getAttribute('href'), '/arxiv/cs.AI+cs.CL-cs.LG');
    await page.locator('.category-choice-bar .choice-clear').click();
    assert.equal(await open.getAttribute('aria-disabled'), 'true');
    assert.equal(await page.locator('button.cat-choice:not([data-state=neutral])').count(), 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the calendar lists the days the data has, across months, and a day opens', async () => {
    const page = await openPage(browser, kDesktop);
    await page.goto(server.url + '/');
    const days = daysOf('cs.CL');
    assert.ok(days.some((d) => d.startsWith('2025-04')) && days.some((d) => d.startsWith('2025-05')));
    const api = await (await fetch(`${server.url}/api/days/cs.CL`)).json();
    assert.deepEqual(api.days, days, 'the API lists the days of the data');

    const item = page.locator('li[data-category="cs.CL"]');
    await item.locator('button.calendar-toggle').click();
    const calendar = item.locator('.day-calendar[data-state=ready]');
    await calendar.waitFor();
    assert.equal(await item.locator('button.calendar-toggle').getAttribute('aria-expanded'), 'true');
    assert.equal(await calendar.getAttribute('data-month'), '2025-05', 'the newest month first');
    const linked = () => calendar.locator('td.has-data a').evaluateAll((links) => links.map((a) => a.dataset.day));
    assert.deepEqual(await linked(), days.filter((d) => d.startsWith('2025-05')));
    assert.equal(await calendar.locator('td').evaluateAll((cells) => cells.filter((c) => c.textContent).length), 31);
    assert.ok(await calendar.locator('button.calendar-next').isDisabled(), 'no later month');
    await screenshot(page, 'home_calendar');
    await calendar.locator('button.calendar-previous').click();
    assert.equal(await calendar.getAttribute('data-month'), '2025-04');
    assert.deepEqual(await linked(), days.filter((d) => d.startsWith('2025-04')));
    assert.ok(await calendar.locator('button.calendar-previous').isDisabled(), 'no earlier month');
    assert.equal(await calendar.locator('a[data-day="2025-04-29"]').getAttribute('href'), '/arxiv/cs.CL?date=2025-04-29');

    await calendar.locator('a[data-day="2025-04-29"]').click();
    await page.waitForURL((url) => url.searchParams.get('date') === '2025-04-29');
    assert.equal(await page.locator('p.info span.day').textContent(), 'Tue, 29 Apr 2025');
    assert.equal(await totalShown(page), countOn('2025-04-29', ['cs.CL']));
    await page.goBack();
    // Escape closes it.
    await page.locator('li[data-category="cs.AI"] button.calendar-toggle').click();
    await page.locator('li[data-category="cs.AI"] .day-calendar[data-state=ready]').waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.day-calendar').count(), 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('subjects’ + and − on a card change the sets, and the home page shows them', async () => {
    const page = await openPage(browser, kDesktop);
    await page.goto(`${server.url}/arxiv/cs.CL?date=2025-05-27`);
    const cardEl = page.locator('#papers div.panel.paper').filter({ has: page.locator('p.subjects > a:nth-of-type(2)') }).first();
    await cardEl.waitFor();
    const subjects = await cardEl.locator('p.subjects > a').evaluateAll((links) =>
      links.map((a) => a.getAttribute('href').replace('/arxiv/', '')));
    assert.ok(subjects.length >= 2);
    const [first, second] = subjects;
    const group = (category) => cardEl.locator(`.subject-choice[data-category="${category}"]`);
    assert.equal(await group(first).isVisible(), false, 'hidden until the subjects are hovered');
    await cardEl.locator('p.subjects > a').first().hover();
    assert.equal(await group(first).isVisible(), true);
    await group(first).locator('button[data-choice=include]').click();
    assert.equal(await group(first).locator('button[data-choice=include]').getAttribute('aria-pressed'), 'true');
    const linkColor = () => cardEl.locator('p.subjects > a').first().evaluate((a) => getComputedStyle(a).color);
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.activeElement.blur());
    assert.equal(await group(first).isVisible(), false);
    assert.equal(await linkColor(), 'rgb(46, 125, 50)', 'an included subject shows it without hovering');
    // Keyboard: Tab from the subject link reaches its buttons.
    await cardEl.locator('p.subjects > a').first().focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('.subject-choice')?.dataset.category), first);
    await cardEl.locator('p.subjects > a').first().hover();
    await group(second).locator('button[data-choice=exclude]').click();
    assert.equal(await group(second).locator('button[data-choice=exclude]').getAttribute('aria-pressed'), 'true');
    // Every card with the subject follows; pressing again takes it out, + then − moves it over.
    const pressedEverywhere = await page.locator(`.subject-choice[data-category="${first}"] button[data-choice=include][aria-pressed=true]`).count();
    assert.equal(pressedEverywhere, await page.locator(`.subject-choice[data-category="${first}"]`).count());
    await group(second).locator('button[data-choice=exclude]').click();
    assert.equal(await group(second).getAttribute('data-state'), 'neutral');
    await group(second).locator('button[data-choice=exclude]').click();
    assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('coolpapers.categories'))),
      { include: [first], exclude: [second] });

    await page.goto(server.url + '/');
    assert.equal(await chooser(page, first).getAttribute('data-state'), 'include');
    assert.equal(await chooser(page, second).getAttribute('data-state'), 'exclude');
    const mine = await page.locator('section.your-categories li[data-category]').evaluateAll((items) => items.map((i) => i.dataset.category));
    assert.deepEqual(mine, [first, second]);
    assert.equal(await page.locator('.category-choice-bar a.choice-open').getAttribute('href'), `/arxiv/${first}-${second}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('"More": preference keywords shared with settings, and a word cloud that adds to them', async () => {
    const page = await openPage(browser, kDesktop);
    await page.goto(server.url + '/');
    const more = page.locator('section.home-more');
    await more.waitFor();
    assert.match(await more.locator('.word-cloud').textContent(), /word cloud is empty/);
    await page.evaluate(() => localStorage.setItem('coolpapers.wordCloud', JSON.stringify({
      words: { speech: 5, retrieval: 2, agents: 1, translation: 3 }, papers: ['a', 'b', 'c', 'd', 'e'],
    })));
    await page.reload();
    const words = more.locator('.word-cloud button.cloud-word');
    assert.deepEqual(await words.allTextContents(), ['agents', 'retrieval', 'speech', 'translation']);
    const size = (word) => more.locator(`button.cloud-word[data-word="${word}"]`).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(await size('speech') > await size('translation'));
    assert.ok(await size('translation') > await size('agents'));

    await more.locator('textarea.home-keywords').fill('Reasoning\n');
    await more.locator('button.cloud-word[data-word="speech"]').click();
    assert.equal(await more.locator('textarea.home-keywords').inputValue(), 'reasoning\nspeech');
    assert.equal(await more.locator('.home-keywords-status').textContent(), 'Saved');
    assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('coolpapers.preferenceKeywords'))), ['reasoning', 'speech']);
    await more.locator('button.cloud-word[data-word="speech"]').click();
    assert.equal(await more.locator('textarea.home-keywords').inputValue(), 'reasoning\nspeech', 'once');

    // The list page's settings show the same keywords.
    await page.goto(`${server.url}/arxiv/cs.CL?date=2025-05-27`);
    await page.locator('.bottom-bar button', { hasText: 'Settings' }).click();
    assert.equal(await page.locator('.settings-panel .settings-keywords').inputValue(), 'reasoning\nspeech');
    assert.equal(await page.locator('.settings-panel a.settings-feedback').count(), 0, 'no feedback link configured');
    assert.equal(await page.locator('#papers div.panel.paper .title-faq button').first().textContent(), '[FAQ]');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('screenshots: phone and desktop', async () => {
    for (const [name, options] of [['home_desktop', kDesktop], ['home_phone', kPhone]]) {
      const page = await openPage(browser, options);
      await page.goto(server.url + '/');
      await page.evaluate(() => localStorage.setItem('coolpapers.categories',
        JSON.stringify({ include: ['cs.CL', 'cs.AI'], exclude: ['cs.CV'] })));
      await page.reload();
      await page.locator('section.your-categories').waitFor();
      if (name === 'home_phone') {
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scroll');
      }
      await screenshot(page, name);
      if (name === 'home_phone') {
        // A touch screen has no hover: the subjects' +/− are always shown.
        await page.goto(`${server.url}/arxiv/cs.CL?date=2025-05-27`);
        const group = page.locator('#papers div.panel.paper .subject-choice').first();
        assert.equal(await group.isVisible(), true);
        await group.scrollIntoViewIfNeeded();
        await screenshot(page, 'list_phone_subjects');
      }
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });

  // Issue #15, upgrade 4.
  for (const [name, options] of [['desktop-light', { ...kDesktop, colorScheme: 'light' }], ['phone-dark', { ...kPhone, colorScheme: 'dark' }]]) {
    test(`home (${name}): Computer Science first, foldable groups, a search box, feeds, dates that never wrap`, async () => {
      const page = await openPage(browser, options);
      await page.goto(server.url);
      // The home page's script is a chunk main.js imports after the page has loaded: its
      // toggles say it has run (and put Computer Science first).
      await page.locator('main section.group button.group-toggle').first().waitFor();
      // A first visit: Computer Science leads.
      const groups = await page.locator('main section.group h2').allTextContents();
      assert.equal(groups[0], 'Computer Science', groups.join(', '));
      // A feed link per category with papers; "1 paper", never "1 papers".
      const withDays = page.locator('li[data-category]:has(a.day)');
      assert.equal(await page.locator('li[data-category]:has(a.day) a.feed').count(), await withDays.count());
      assert.equal(await page.locator('li[data-category="cs.CL"] a.feed').getAttribute('href'), '/arxiv/cs.CL/feed');
      assert.equal(await page.locator('.count', { hasText: /^1 papers$/ }).count(), 0);
      // Each date stays on one line.
      const heights = await page.locator('li[data-category] a.day').evaluateAll((links) =>
        links.map((link) => link.getClientRects().length));
      assert.ok(heights.every((lines) => lines === 1), 'no date wraps');
      await screenshot(page, `home-upgrades-${name}`);
      // Folding a group hides its categories, and the page remembers it.
      const cs = page.locator('main section.group', { has: page.locator('h2', { hasText: 'Computer Science' }) }).first();
      await cs.locator('button.group-toggle').click();
      assert.equal(await cs.locator('li[data-category="cs.CL"]').isVisible(), false);
      await page.reload();
      const folded = page.locator('main section.group', { has: page.locator('h2', { hasText: 'Computer Science' }) }).first();
      assert.equal(await folded.locator('button.group-toggle').getAttribute('aria-expanded'), 'false');
      await folded.locator('button.group-toggle').click();
      assert.equal(await folded.locator('li[data-category="cs.CL"]').isVisible(), true);
      // The search box searches.
      await page.fill('form.home-search input[name=query]', 'speculative decoding');
      await page.press('form.home-search input[name=query]', 'Enter');
      await page.waitForURL(/\/arxiv\/search\?query=speculative\+decoding/);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
});
