// The inline PDF viewer (issue #15, upgrade 5) in a real browser, desktop and phone, light and
// dark: a real 8-page paper (../shared/data/pdfs/1111.2011v2.pdf) in the instance's PDF cache
// under a paper of the largest day, served by /pdf/<id>. Checks the text layer (present, and a
// mouse drag selects its text), "Page N of M" following the scroll, the zoom buttons and "fit
// width" (a phone's page fits its screen), Ctrl+F in the pages left to the browser's find, and
// that the FAQ's "p. N" marks (here from the extractive answer `coolpapers faq` stores, no
// model) open the inline viewer at page N; a PDF pdf.js cannot read says so. Screenshots:
// e2e-artifacts/pdf_viewer-*.png.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { allowRelatedWarmup, launchBrowser, openPage, screenshot, sharedDir, skipReason, startServer } from './e2e_support.mjs';

const kDay = '/arxiv/cs.CL?date=2025-05-27';
const kPdf = join(sharedDir, 'data/pdfs/1111.2011v2.pdf');
const kPages = 8;
const kViewports = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};
const binary = process.env.COOLPAPERS_BINARY ?? resolve('../../build/src/cli/coolpapers');

const skip = skipReason() ?? (existsSync(kPdf) ? null : `needs ${kPdf}`);
let server;
let browser;
let paper;  // the day's third paper, whose cached PDF is the real one: {id, version}

function card(page) {
  return page.locator(`div.panel.paper[id="${paper.id}"]`);
}

// Opens the day on `device` in `scheme` (light or dark) and the paper's PDF; returns the page.
async function openViewer(device, scheme) {
  const page = await openPage(browser, { ...kViewports[device], colorScheme: scheme }, allowRelatedWarmup);
  await page.goto(server.url + kDay);
  await card(page).locator('a.title-pdf').click();
  await card(page).locator('.pdf-viewer[data-state=rendered]').waitFor();
  return page;
}

async function pageIndicator(page) {
  return (await card(page).locator('.pdf-status').textContent()).trim();
}

describe('PDF viewer', { skip: skip ?? false, timeout: 300000 }, () => {
  before(async () => {
    server = await startServer(['2025-05']);
    const day = await (await fetch(`${server.url}/api${kDay}`)).json();
    const { papers: [record] } = await (await fetch(`${server.url}/api/arxiv/${day.papers[2].id}`)).json();
    // The monthly metadata carries no versions, and /pdf/<id> would ask arXiv (a closed port
    // here) which is the newest: the record in the Kaggle snapshot's shape says it is v1.
    paper = { id: record.id, version: 1 };
    const file = join(server.data, 'version1.jsonl');
    writeFileSync(file, JSON.stringify({
      id: paper.id, submitter: record.authors[0] ?? 'A. Author', authors: record.authors.join(', '),
      title: record.title, comments: null, 'journal-ref': null, doi: null, 'report-no': null,
      categories: record.categories.join(' '), license: null, abstract: record.abstract,
      versions: [{ version: 'v1', created: 'Mon, 26 May 2025 10:00:00 GMT' }], update_date: '2025-05-26', authors_parsed: [],
    }) + '\n');
    const imported = spawnSync(binary, ['import', '--data', server.data, file], { encoding: 'utf8', timeout: 60000 });
    assert.equal(imported.status, 0, `import of the version failed: ${imported.stderr}${imported.stdout}`);
    mkdirSync(join(server.data, 'pdf'), { recursive: true });
    copyFileSync(kPdf, join(server.data, 'pdf', `${paper.id.replace('/', '_')}v${paper.version}.pdf`));
    const response = await fetch(`${server.url}/pdf/${paper.id}`);
    assert.equal(response.status, 200, 'the cached PDF is served');
    assert.match(response.headers.get('content-type'), /^application\/pdf/);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const device of ['desktop', 'phone']) {
    for (const scheme of ['light', 'dark']) {
      test(`${device}, ${scheme}: text layer, page N of M, fit width, zoom`, async () => {
        const page = await openViewer(device, scheme);
        const viewer = card(page).locator('.pdf-viewer');
        const pages = viewer.locator('.pdf-pages');
        assert.equal(await pageIndicator(page), `Page 1 of ${kPages}`);

        // The text layer: the title's words, as text over the canvas.
        const first = viewer.locator('.pdf-page[data-page="1"]');
        await first.locator('.textLayer span').first().waitFor();
        assert.match(await first.locator('.textLayer').textContent(), /Quantum Criticality/);
        assert.equal(await first.locator('canvas[data-rendered=true]').count(), 1);

        // Fit width: the page fills the pages' width (a phone's screen too), no sideways scroll.
        const fit = await pages.evaluate((el) => {
          const box = el.querySelector('.pdf-page').getBoundingClientRect();
          const style = getComputedStyle(el);
          return { page: box.width, room: el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
            overflow: el.scrollWidth - el.clientWidth, window: window.innerWidth };
        });
        await viewer.scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollBy(0, -40));
        await screenshot(page, `pdf_viewer-${device}-${scheme}`);
        assert.ok(Math.abs(fit.page - fit.room) <= 2, `page ${fit.page}px fits ${fit.room}px`);
        assert.ok(fit.overflow <= 1, `no sideways scroll (${fit.overflow}px)`);
        if (device === 'phone') assert.ok(fit.page >= 0.8 * fit.window, `the page takes the phone's width (${fit.page}px of ${fit.window}px)`);

        // Selecting with the mouse: a drag over the title's text selects it.
        const title = first.locator('.textLayer span', { hasText: 'Quantum Criticality' }).first();
        const box = await title.boundingBox();
        await page.mouse.move(box.x + 1, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
        await page.mouse.up();
        const selected = await page.evaluate(() => window.getSelection().toString());
        assert.match(selected, /^Quantum/, `the drag selected "${selected}"`);

        // Ctrl+F in the pages is the browser's find (every page's text is laid), not the filter.
        // The pages' text is laid in idle moments (layAllText): on a loaded 2-core machine, the
        // phone's took longer than the default 15 s once (session 30's CI run).
        await card(page).locator('.pdf-viewer[data-text=all]').waitFor({ timeout: 60000 });
        assert.equal(await viewer.locator('.pdf-page .textLayer:not(:empty)').count(), kPages);
        await pages.focus();
        await page.keyboard.press('Control+f');
        const filterButton = page.locator('.bottom-bar > button', { hasText: 'Filter' });
        assert.notEqual(await filterButton.getAttribute('aria-expanded'), 'true', 'the filter stays closed');
        // The find (window.find searches the page's text as the find bar does) reaches page 7,
        // which has never been drawn.
        const found = await pages.evaluate((el) => {
          const lines = [...el.querySelectorAll('.pdf-page[data-page="7"] .textLayer span')].map((span) => span.textContent);
          const line = lines.find((text) => text.length >= 30 && /^[\x20-\x7e]+$/.test(text));
          window.getSelection().removeAllRanges();
          const hit = window.find(line.slice(0, 30), true);
          const node = window.getSelection().anchorNode;
          return { line, hit, page: node?.parentElement?.closest('.pdf-page')?.dataset.page,
            drawn: !!el.querySelector('.pdf-page[data-page="7"] canvas') };
        });
        assert.ok(found.hit, `find "${found.line}"`);
        assert.equal(found.page, '7', 'found on page 7');
        assert.equal(found.drawn, false, 'page 7 was not drawn when found');

        // Page N of M follows the scroll; a page far behind lets go of its drawing, not its text.
        await pages.evaluate((el) => { el.scrollTop = el.scrollHeight; });
        await page.waitForFunction((id) => document.getElementById(id).querySelector('.pdf-status').textContent === 'Page 8 of 8', paper.id);
        await viewer.locator('.pdf-page[data-page="8"] canvas[data-rendered=true]').waitFor();
        await page.waitForFunction((id) => !document.getElementById(id).querySelector('.pdf-page[data-page="1"] canvas'), paper.id);
        assert.match(await first.locator('.textLayer').textContent(), /Quantum Criticality/);
        await pages.evaluate((el) => { el.scrollTop = el.querySelector('.pdf-page[data-page="5"]').offsetTop; });
        await page.waitForFunction((id) => document.getElementById(id).querySelector('.pdf-status').textContent === 'Page 5 of 8', paper.id);
        await viewer.locator('.pdf-page[data-page="5"] canvas[data-rendered=true]').waitFor();

        // Zoom in: a larger scale, a wider page, redrawn at its new size; fit width brings it back.
        const scaleOf = async () => Number(await viewer.getAttribute('data-scale'));
        const fitted = await scaleOf();
        const widthOf = () => viewer.locator('.pdf-page[data-page="5"]').evaluate((el) => el.getBoundingClientRect().width);
        const fittedWidth = await widthOf();
        await viewer.locator('button.pdf-zoom-in').click();
        await viewer.locator('button.pdf-zoom-in').click();
        const zoomed = await scaleOf();
        assert.ok(zoomed > fitted, `zoom in: ${fitted} → ${zoomed}`);
        assert.ok(await widthOf() > fittedWidth * 1.05, 'the page is wider');
        assert.match(await viewer.locator('.pdf-zoom-level').textContent(), new RegExp(`^${Math.round(zoomed * 100)}%$`));
        await page.waitForFunction(({ id, scale }) => {
          const box = document.getElementById(id).querySelector('.pdf-page[data-page="5"]');
          const canvas = box.querySelector('canvas');
          return canvas && Math.abs(canvas.width - Math.floor(box.getBoundingClientRect().width * devicePixelRatio)) <= 2 * devicePixelRatio;
        }, { id: paper.id, scale: zoomed });
        assert.equal(await pageIndicator(page), 'Page 5 of 8', 'the zoom keeps the page in view');
        await screenshot(page, `pdf_viewer-${device}-${scheme}-zoomed`);
        await viewer.locator('button.pdf-zoom-out').click();
        assert.ok(await scaleOf() < zoomed, 'zoom out');
        await viewer.locator('button.pdf-fit').click();
        assert.ok(Math.abs(await scaleOf() - fitted) < 0.002, 'fit width again');
        assert.deepEqual(page.errors, []);
        await page.context().close();
      });
    }
  }

  test('a PDF that pdf.js cannot read says so and keeps the source link', async () => {
    const page = await openPage(browser, kViewports.desktop, allowRelatedWarmup);
    await page.route(`**/pdf/${paper.id}`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/pdf', body: 'This is not a PDF.\n' }));
    await page.goto(server.url + kDay);
    await card(page).locator('a.title-pdf').click();
    await card(page).locator('.pdf-viewer[data-state=unreadable]').waitFor();
    assert.match(await pageIndicator(page), /^This PDF could not be read/);
    assert.equal(await card(page).locator('a.pdf-source').getAttribute('href'), `https://arxiv.org/pdf/${paper.id}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the FAQ\'s "p. N" opens the inline viewer at page N', async () => {
    // The extractive FAQ (no model configured): the paper's own sentences with their pages.
    const faq = spawnSync(binary, ['faq', paper.id, '--data', server.data], { encoding: 'utf8', timeout: 120000 });
    assert.equal(faq.status, 0, `coolpapers faq failed: ${faq.stderr}${faq.stdout}`);
    for (const device of ['desktop', 'phone']) {
      const page = await openPage(browser, kViewports[device], allowRelatedWarmup);
      await page.goto(server.url + kDay);
      await card(page).locator('.title-faq button').click();
      const panel = card(page).locator(':scope > .faq-panel[data-state=answered]');
      await panel.waitFor();
      const marks = await panel.locator('a.faq-page').evaluateAll((links) => links.map((a) => Number(a.dataset.page)));
      const target = marks.includes(3) ? 3 : marks.find((n) => n > 1);
      assert.ok(target, `a mark past page 1 among ${marks.join(', ')}`);
      const popup = page.context().waitForEvent('page', { timeout: 1000 }).catch(() => null);
      await panel.locator(`a.faq-page[data-page="${target}"]`).first().click();
      await card(page).locator('.pdf-viewer[data-state=rendered]').waitFor();
      assert.equal(await popup, null, 'no new tab');
      await page.waitForFunction(({ id, n }) => document.getElementById(id).querySelector('.pdf-status').textContent === `Page ${n} of 8`,
        { id: paper.id, n: target });
      // Page N is at the top of the pages' window and drawn.
      const offset = await card(page).locator('.pdf-pages').evaluate((el, n) =>
        el.querySelector(`.pdf-page[data-page="${n}"]`).offsetTop - el.scrollTop, target);
      assert.ok(Math.abs(offset) <= 2, `page ${target} at the top (${offset}px)`);
      await card(page).locator(`.pdf-page[data-page="${target}"] canvas[data-rendered=true]`).waitFor();
      // The viewer is on screen.
      const shown = await card(page).locator('.pdf-pages').evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top < window.innerHeight && box.bottom > 0;
      });
      assert.ok(shown, 'the viewer is in the window');
      await screenshot(page, `pdf_viewer-faq-page-${device}`);
      // Another mark moves the open viewer: back to page 1 by scrolling, then the mark again.
      await card(page).locator('.pdf-pages').evaluate((el) => { el.scrollTop = 0; });
      await panel.locator(`a.faq-page[data-page="${target}"]`).first().click();
      await page.waitForFunction(({ id, n }) => document.getElementById(id).querySelector('.pdf-status').textContent === `Page ${n} of 8`,
        { id: paper.id, n: target });
      assert.equal(await card(page).locator('.pdf-viewer').count(), 1);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });
});
