// "Like my stars" (issue #15, upgrade 6) in a real browser, desktop light and phone dark: the
// sort chooser's ♥ choice sends the reader's stars (localStorage) to the server, which ranks the
// day with the search index; the cards take the server's order, and the "Personal feed" link
// carries the stars and keywords to a feed that answers Atom, ranked the same.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { allowRelatedWarmup, launchBrowser, openPage, screenshot, skipReason, startServer, waitForSearchIndex } from './e2e_support.mjs';

const kDay = '/arxiv/cs.CL?date=2025-05-27';
const kDesktop = { viewport: { width: 1280, height: 900 } };
const kPhone = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const skip = skipReason();
let server;
let browser;
let stars;

describe('like my stars', { skip: skip ?? false, timeout: 300000 }, () => {
  before(async () => {
    server = await startServer(['2025-05']);
    browser = await launchBrowser();
    // serve fills its index in the background: wait until it holds the whole day to rank.
    const day = await (await fetch(`${server.url}/api/arxiv/cs.CL?date=2025-05-27&show=2000`)).json();
    for (const paper of [day.papers[0], day.papers.at(-1)]) await waitForSearchIndex(server.url, paper.id, 240000);
    // The reader starred speculative-decoding papers of the earlier days.
    const found = await (await fetch(`${server.url}/api/search?query=${encodeURIComponent('"speculative decoding" date:2025-05-01..2025-05-20')}&show=8`)).json();
    stars = found.papers.map((paper) => ({ id: paper.id, title: paper.title, starred: true }));
    assert.ok(stars.length >= 3, 'the sample has speculative-decoding papers to star');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [name, options] of [['desktop light', { ...kDesktop, colorScheme: 'light' }],
    ['phone dark', { ...kPhone, colorScheme: 'dark' }]]) {
    test(`♥ ranks the day by the stars, and the personal feed link carries them (${name})`, async () => {
      const page = await openPage(browser, options, allowRelatedWarmup);
      await page.addInitScript((entries) => {
        window.localStorage.setItem('coolpapers.stars', JSON.stringify(entries));
      }, stars);
      await page.goto(server.url + kDay);
      const ids = stars.map((entry) => entry.id).join(',');
      const feed = page.locator('p.info a.personal-feed');
      assert.equal(await feed.isVisible(), true);
      const href = await feed.getAttribute('href');
      assert.equal(href, `/arxiv/cs.CL/feed?sort=like&stars=${ids}`);

      await page.locator('.sort-modes button[data-sort=like]').click();
      await page.waitForFunction(() => document.getElementById('papers').dataset.sort === 'like');
      assert.match(page.url(), /[?&]sort=like\b/);
      assert.doesNotMatch(page.url(), /stars=/, 'the stars stay out of the page URL');
      const expected = await (await fetch(`${server.url}/api/arxiv/cs.CL?date=2025-05-27&show=2000&sort=like&stars=${ids}`)).json();
      const shown = await page.locator('#papers div.panel.paper').evaluateAll((els) => els.slice(0, 5).map((el) => el.id));
      assert.deepEqual(shown, expected.papers.slice(0, 5).map((paper) => paper.id));
      const first = expected.papers[0];
      assert.match(`${first.title} ${first.abstract}`.toLowerCase(), /speculative|decoding|draft/);
      await screenshot(page, `like-stars-${name.replace(' ', '-')}`);

      const response = await fetch(server.url + href);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /application\/atom\+xml/);
      const atom = await response.text();
      // The feed has no date: the newest day, ranked as the API ranks it.
      const newest = await (await fetch(`${server.url}/api/arxiv/cs.CL?show=2000&sort=like&stars=${ids}`)).json();
      const entryIds = [...atom.matchAll(/<id>urn:arxiv:(\d{4}\.\d{5})<\/id>/g)].map((m) => m[1]);
      assert.deepEqual(entryIds.slice(0, 5), newest.papers.slice(0, 5).map((paper) => paper.id));
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
});
