// Density and orientation on the largest day (issue #15, upgrade 1) in a real browser, desktop
// and phone, light and dark: a compact view that is remembered, j/k/s/p/f and / and ? keys, the
// sticky "#10 of 350 · day" indicator, and a phone layout where the ↑/↓ buttons cover no text
// and the header leaves most of the first screen to the papers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { allowRelatedWarmup, launchBrowser, openPage, screenshot, skipReason, startServer } from './e2e_support.mjs';

const kDay = '/arxiv/cs.CL?date=2025-05-27';
const kDesktop = { viewport: { width: 1280, height: 900 } };
const kPhone = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const allowPdf = (text) =>
  (text.startsWith('Failed to load resource') && text.includes('/pdf/')) || allowRelatedWarmup(text);

const skip = skipReason();
let server;
let browser;

// Runs in the page: the card texts (each line of text, each link, button and input) that the
// reading-position indicator's box overlaps in the part of the window the cards show in (above
// the bottom bar, which the page keeps clear with its bottom padding).
function coveredByIndicator() {
  const indicator = document.querySelector('.reading-position');
  const box = indicator.getBoundingClientRect();
  const shown = !indicator.hidden && box.width > 0 && box.height > 0;
  const barTop = document.querySelector('.bottom-bar')?.getBoundingClientRect().top ?? innerHeight;
  // Only the part of a line above the bar can be read: a line the bar half hides is the bar's
  // doing, not the indicator's, so each rectangle is cut at the bar's top edge.
  const overlaps = (rect) => rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < barTop &&
    rect.left < box.right && rect.right > box.left && rect.top < box.bottom &&
    Math.min(rect.bottom, barTop) > box.top;
  const texts = [];
  for (const card of document.querySelectorAll('#papers div.panel.paper')) {
    if (card.hidden || card.offsetParent === null) continue;
    const cardBox = card.getBoundingClientRect();
    if (cardBox.bottom < 0 || cardBox.top > innerHeight) continue;
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if ([...range.getClientRects()].some(overlaps)) texts.push(node.textContent.trim().slice(0, 40));
    }
    for (const control of card.querySelectorAll('a, button, input, summary, select')) {
      if (overlaps(control.getBoundingClientRect())) texts.push(`<${control.localName}> ${control.textContent.trim().slice(0, 40)}`);
    }
  }
  return { shown, box: [box.left, box.top, box.right, box.bottom].map(Math.round), texts };
}

const currentId = (page) => page.evaluate(() => document.querySelector('#papers div.panel.paper.current')?.id ?? null);

describe('reading navigation', { skip: skip ?? false, timeout: 240000 }, () => {
  before(async () => {
    server = await startServer(['2025-05']);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('compact views, remembered across pages', async () => {
    const page = await openPage(browser, { ...kDesktop, colorScheme: 'light' }, allowPdf);
    await page.goto(server.url + kDay);
    const cardsOnScreen = () => page.evaluate(() => [...document.querySelectorAll('#papers div.panel.paper')]
      .filter((card) => card.getBoundingClientRect().bottom <= window.innerHeight).length);
    const fullCards = await cardsOnScreen();
    const firstSummary = page.locator('#papers div.panel.paper p.summary').first();
    const firstAuthors = page.locator('#papers div.panel.paper p.authors').first();
    assert.ok(await firstSummary.isVisible());
    await page.locator('.density-modes button[data-density="authors"]').click();
    assert.ok(!(await firstSummary.isVisible()));
    assert.ok(await firstAuthors.isVisible());
    await page.locator('.density-modes button[data-density="titles"]').click();
    assert.ok(!(await firstAuthors.isVisible()));
    await screenshot(page, 'reading-titles-only-desktop-light');
    await page.reload();
    assert.equal(await page.locator('.density-modes button[data-density="titles"]').getAttribute('aria-pressed'), 'true');
    assert.ok(!(await page.locator('#papers div.panel.paper p.authors').first().isVisible()));
    // Titles only: several times as many papers on one screen.
    const titles = await cardsOnScreen();
    assert.ok(titles >= 3 * Math.max(1, fullCards), `${titles} titles on one screen, ${fullCards} whole cards`);
    await page.locator('.density-modes button[data-density="full"]').click();
    assert.ok(await page.locator('#papers div.panel.paper p.summary').first().isVisible());
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('keys: j/k move, s stars, f opens the FAQ, / the filter, ? the help; the indicator follows', async () => {
    const page = await openPage(browser, { ...kDesktop, colorScheme: 'dark' }, allowPdf);
    await page.goto(server.url + kDay);
    const ids = await page.locator('#papers div.panel.paper').evaluateAll((els) => els.map((el) => el.id));
    await page.keyboard.press('j');
    assert.equal(await currentId(page), ids[0]);
    for (let i = 0; i < 9; ++i) await page.keyboard.press('j');
    assert.equal(await currentId(page), ids[9]);
    const top = await page.locator(`div.panel.paper[id="${ids[9]}"]`).evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(Math.abs(top) < 4, `the current card is at the top (${top})`);
    const indicator = page.locator('.reading-position');
    await page.waitForFunction(() => document.querySelector('.reading-position')?.textContent.startsWith('#10 of 350 · '));
    assert.ok(await indicator.isVisible());
    const day = await page.locator('p.info span.day').textContent();
    assert.equal(await indicator.textContent(), `#10 of 350 · ${day}`);
    await page.keyboard.press('k');
    assert.equal(await currentId(page), ids[8]);

    await page.keyboard.press('s');
    assert.equal(await page.locator(`div.panel.paper[id="${ids[8]}"] button.card-star`).textContent(), '★');
    await page.keyboard.press('s');
    assert.equal(await page.locator(`div.panel.paper[id="${ids[8]}"] button.card-star`).textContent(), '☆');
    await page.keyboard.press('f');
    await page.locator(`div.panel.paper[id="${ids[8]}"] > .faq-panel`).waitFor();
    await page.keyboard.press('f');
    assert.equal(await page.locator(`div.panel.paper[id="${ids[8]}"] > .faq-panel`).count(), 0);

    await page.keyboard.press('?');
    assert.ok(await page.locator('.keys-help').isVisible());
    assert.match(await page.locator('.keys-help').textContent(), /jnext paper.*kprevious paper/);
    await screenshot(page, 'reading-keys-help-desktop-dark');
    await page.keyboard.press('?');
    assert.ok(!(await page.locator('.keys-help').isVisible()));

    await page.keyboard.press('/');
    assert.ok(await page.locator('.filter-panel').isVisible());
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'filter-include');
    // Typing in the filter is typing, not navigation.
    await page.keyboard.type('jk');
    assert.equal(await page.locator('.filter-panel .filter-include').inputValue(), 'jk');
    assert.equal(await currentId(page), ids[8]);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  for (const scheme of ['light', 'dark']) {
    test(`phone (${scheme}): the header leaves room, ↑/↓ cover no text`, async () => {
      const page = await openPage(browser, { ...kPhone, colorScheme: scheme }, allowPdf);
      await page.goto(server.url + kDay);
      await screenshot(page, `reading-phone-first-screen-${scheme}`);
      const firstCard = page.locator('#papers div.panel.paper').first();
      const cardTop = await firstCard.evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(cardTop < 0.3 * 812, `the first card starts at ${cardTop}px of 812`);
      await page.evaluate(() => window.scrollTo(0, 1500));
      const buttons = await page.locator('.scroll-buttons').evaluate((el) => el.getBoundingClientRect().left);
      const rights = await page.locator('#papers div.panel.paper').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right));
      assert.ok(Math.max(...rights) <= buttons, `cards end at ${Math.max(...rights)}px, the buttons start at ${buttons}px`);
      await page.waitForFunction(() => !document.querySelector('.reading-position')?.hidden);
      await screenshot(page, `reading-phone-${scheme}`);
      // The "#N of 350 · day" indicator covers no card text or control, wherever the reader is.
      for (const y of [1500, 4000, 9000]) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const covered = await page.evaluate(coveredByIndicator);
        assert.ok(covered.shown, `the indicator shows at scroll ${y}`);
        assert.deepEqual(covered.texts, [], `the indicator at ${JSON.stringify(covered.box)} covers no card text at scroll ${y}`);
      }
      await screenshot(page, `reading-phone-indicator-${scheme}`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
});
