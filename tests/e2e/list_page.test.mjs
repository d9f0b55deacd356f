// The list page in a real browser (issue #5): the largest day of the data, cs.CL on 2025-05-27
// (350 papers), served by the real binary. Prints the figures the issue asks for: first
// contentful paint, filter time per keystroke, transferred bytes of the first load.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { allowRelatedWarmup, launchBrowser, openPage, screenshot, skipReason, startServer } from './e2e_support.mjs';
import { makeTestPdf } from './test_pdf.mjs';

const kDay = '/arxiv/cs.CL?date=2025-05-27';
const kDesktop = { viewport: { width: 1280, height: 900 } };
const kPhone = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
// Until the server has its /pdf/ route (or while it fetches from a closed "arXiv"), reading a
// PDF answers 404/202/503: the browser logs that as a console error, which these tests expect.
// Opening a paper also asks for its keywords (the word cloud) before the search index is up.
const allowPdfRoute = (text) =>
  (text.startsWith('Failed to load resource') && text.includes('/pdf/')) || allowRelatedWarmup(text);

const skip = skipReason();
let server;
let browser;
let day;  // the day's papers from the JSON API, the oracle for counts

function matches(paper, { include, exclude, all }) {
  const texts = [paper.title, paper.abstract, paper.authors.join(', ')].map((t) => t.toLowerCase());
  const found = (keyword) => texts.some((text) => text.includes(keyword));
  if (exclude.some(found)) return false;
  if (!include.length) return true;
  return all ? include.every(found) : include.some(found);
}

async function visibleCards(page) {
  return page.locator('#papers div.panel.paper:not([hidden])').count();
}

describe('list page', { skip: skip ?? false, timeout: 240000 }, () => {
  before(async () => {
    server = await startServer(['2025-05']);
    browser = await launchBrowser();
    const response = await fetch(`${server.url}/api${kDay.slice(0)}&show=2000`);
    assert.equal(response.status, 200);
    day = await response.json();
    assert.equal(day.total, 350, 'the largest day of the data');
    assert.equal(day.papers.length, 350);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('first load: 25 cards, small, fast, no PDF viewer loaded', async () => {
    const page = await openPage(browser, kDesktop);
    const requests = [];
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes().catch(() => null);
      requests.push({ url: request.url(), bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0 });
    });
    await page.goto(server.url + kDay, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    assert.equal(await page.locator('#papers div.panel.paper').count(), 25);
    // The paint can come just after the load event: wait for it (-1 if none within 5 s).
    const firstPaint = (target) => target.evaluate(() => new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) resolve(entry.startTime);
      }).observe({ type: 'paint', buffered: true });
      setTimeout(() => resolve(-1), 5000);
    }));
    const fcp = await firstPaint(page);
    // One cold load varies by hundreds of milliseconds on a shared 2-core machine (the
    // browser's first renderer process starts with it), so the figure is the median of five
    // more loads, each in a fresh context (empty HTTP cache), beside that first one.
    const repeats = [];
    for (let i = 0; i < 5; ++i) {
      const again = await openPage(browser, kDesktop);
      await again.goto(server.url + kDay, { waitUntil: 'load' });
      repeats.push(await firstPaint(again));
      assert.deepEqual(again.errors, []);
      await again.context().close();
    }
    repeats.sort((a, b) => a - b);
    const bytes = requests.reduce((sum, r) => sum + r.bytes, 0);
    console.log(`FIGURE first contentful paint: median ${repeats[2].toFixed(0)} ms of 5 fresh loads ` +
      `(${repeats.map((ms) => ms.toFixed(0)).join(', ')}); the browser's very first load ${fcp.toFixed(0)} ms`);
    console.log(`FIGURE first load: ${(bytes / 1024).toFixed(1)} KB transferred in ${requests.length} requests ` +
      `(${requests.map((r) => `${r.url.replace(server.url, '')} ${r.bytes}`).join(', ')})`);
    assert.ok(fcp > 0 && repeats[0] > 0, 'first contentful paint recorded');
    assert.ok(bytes <= 150 * 1024, `first load ${bytes} B > 150 KB`);
    assert.ok(!requests.some((r) => /pdf_worker|\/pdf\//.test(r.url)), 'the PDF viewer is not loaded');
    assert.equal(await page.locator('.bottom-bar').count(), 1);
    await screenshot(page, 'list_desktop');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('filter: include/exclude in OR and AND modes, counted against the data', async () => {
    const page = await openPage(browser, kDesktop);
    await page.goto(server.url + kDay);
    await page.locator('#papers div.panel.paper').first().waitFor();
    await page.keyboard.press('Control+f');
    const panel = page.locator('.filter-panel');
    await panel.waitFor({ state: 'visible' });
    assert.ok(await page.evaluate(() => document.activeElement.classList.contains('filter-include')));
    // Only the matches show unless the reader asks for every card (issue #15 point 5).
    assert.ok(await panel.locator('.filter-only').isChecked(), '"show only matches" is on by default');

    const cases = [
      { include: ['language model', 'benchmark'], exclude: [], all: false },
      { include: ['language model', 'benchmark'], exclude: [], all: true },
      { include: ['reasoning'], exclude: ['math'], all: false },
      { include: [], exclude: ['llm'], all: false },
    ];
    for (const filter of cases) {
      await panel.locator(`input[name=filter-mode][value=${filter.all ? 'and' : 'or'}]`).check();
      await panel.locator('.filter-include').fill(filter.include.join('\n'));
      await panel.locator('.filter-exclude').fill(filter.exclude.join('\n'));
      const expected = day.papers.filter((paper) => matches(paper, filter)).length;
      assert.ok(expected > 0 && expected < 350, `a discriminating case: ${expected}`);
      await page.waitForFunction((n) =>
        document.querySelectorAll('#papers div.panel.paper').length === 350 &&
        document.querySelectorAll('#papers div.panel.paper:not([hidden])').length === n, expected);
      assert.equal(await visibleCards(page), expected, JSON.stringify(filter));
      assert.equal(await panel.locator('.filter-count').getAttribute('data-matches'), String(expected));
    }

    // Highlights cover the include keywords in the shown cards.
    await panel.locator('.filter-exclude').fill('');
    await panel.locator('.filter-include').fill('benchmark');
    const highlighted = await page.evaluate(() => CSS.highlights.get('keyword-match')?.size ?? 0);
    assert.ok(highlighted > 0, 'matches highlighted');

    // Typed one keystroke at a time, as a reader does; the time each takes is reported, and the
    // target on it is checked by scripts/bench_reader.sh, not here (a timed test flakes under load).
    await panel.locator('.filter-include').fill('');
    const times = await page.evaluate(async () => {
      const area = document.querySelector('.filter-include');
      const panelElement = document.querySelector('.filter-panel');
      const result = [];
      for (const c of 'transformer') {
        const started = performance.now();
        area.value += c;
        area.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        result.push({ frame: performance.now() - started, work: Number(panelElement.dataset.filterMs) });
      }
      return result;
    });
    const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
    const frames = times.map((t) => t.frame);
    const work = times.map((t) => t.work);
    console.log(`FIGURE filter per keystroke over 350 cards: ${mean(work).toFixed(1)} ms filtering ` +
      `(max ${Math.max(...work).toFixed(1)}), ${mean(frames).toFixed(1)} ms to the next frame ` +
      `(max ${Math.max(...frames).toFixed(1)})`);
    const transformer = day.papers.filter((p) => matches(p, { include: ['transformer'], exclude: [], all: false })).length;
    assert.equal(await visibleCards(page), transformer);

    // Closed, the panel leaves a chip in the bar that says the page is filtered, and clears it.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    const chip = page.locator('.bottom-bar button.filter-active');
    const clear = page.locator('.bottom-bar button.filter-clear');
    assert.equal((await chip.textContent()).trim(), `Filtered ${transformer}/350`);
    assert.ok(await clear.isVisible(), 'the clear button shows');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'filter_chip_desktop');
    await clear.click();
    assert.equal(await visibleCards(page), 350, 'cleared: every card shows');
    assert.equal(await page.locator('.bottom-bar button.filter-active').count(), 0);
    assert.ok(!(await clear.isVisible()), 'no chip without a filter');
    assert.equal(await panel.locator('.filter-include').inputValue(), '');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('stars: three opened, one unstarred, exported as a link and as files', async () => {
    const page = await openPage(browser, kDesktop, allowPdfRoute);
    await page.goto(server.url + kDay);
    const ids = day.papers.slice(0, 3).map((p) => p.id);
    for (const id of ids) {
      await page.locator(`div.panel.paper[id="${id}"] a.title-pdf`).click();
      await page.locator(`div.panel.paper[id="${id}"] .pdf-viewer`).waitFor();
    }
    // The server's /pdf/ cache fetches from a closed "arXiv" here: the viewer shows the wait.
    const viewer = page.locator(`div.panel.paper[id="${ids[0]}"] .pdf-viewer`);
    await page.waitForFunction((id) => ['pending', 'unavailable', 'failed'].includes(
      document.getElementById(id).querySelector('.pdf-viewer').dataset.state), ids[0]);
    if (await viewer.getAttribute('data-state') === 'pending') {
      assert.match(await viewer.locator('.pdf-status').textContent(), /^Fetching PDF…/);
    }
    assert.equal(await page.locator('.star-panel').count(), 1);
    const starButton = page.locator('.bottom-bar button', { hasText: '★' });
    assert.equal((await starButton.textContent()).trim(), '★ 3');
    await starButton.click();
    const items = page.locator('.star-panel div.items > p');
    assert.equal(await items.count(), 3);
    await page.locator(`.star-panel p[data-id="${ids[1]}"] .star-toggle`).click();
    assert.equal((await starButton.textContent()).trim(), '★ 2');
    const kept = [ids[2], ids[0]];  // newest first

    // Jump back to a card.
    await page.locator(`.star-panel p[data-id="${ids[0]}"] a.i-title`).click();
    assert.ok(await page.evaluate((id) => {
      const box = document.getElementById(id).getBoundingClientRect();
      return box.top >= -2 && box.top < window.innerHeight;
    }, ids[0]));

    await starButton.click();
    const download = async (selector) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
      return readFileSync(await file.path(), 'utf8');
    };
    const bibtex = await download('.star-panel .export-bibtex');
    const entries = [...bibtex.matchAll(/@misc\{([^,]+),([\s\S]*?)\n\}/g)].map((m) => ({
      key: m[1],
      fields: Object.fromEntries([...m[2].matchAll(/^\s+(\w+) = \{(.*)\},?$/gm)].map((f) => [f[1], f[2]])),
    }));
    assert.deepEqual(entries.map((e) => e.fields.eprint), kept);
    const paper = day.papers.find((p) => p.id === kept[0]);
    // citation-js writes "Family, Given" names (TeX-escaped): one per author.
    assert.equal(entries[0].fields.author.split(' and ').length, paper.authors.length);
    assert.equal(entries[0].fields.archivePrefix, 'arXiv');
    const csl = JSON.parse(await download('.star-panel .export-csl-json'));
    assert.deepEqual(csl.map((item) => item.number), kept);
    const ris = await download('.star-panel .export-ris');
    assert.equal((ris.match(/^TY {2}- /gm) ?? []).length, 2);
    assert.equal((ris.match(/^ER {2}- /gm) ?? []).length, 2);

    const link = await page.locator('.star-panel a.export-link').getAttribute('href');
    assert.equal(link, `/arxiv/${kept.join(',')}`);
    await page.goto(server.url + link);
    const shown = await page.locator('#papers div.panel.paper').evaluateAll((cards) => cards.map((c) => c.id));
    assert.deepEqual([...shown].sort(), [...kept].sort());
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('PDF viewer: loaded on first use, page 1 rendered, download button, collapse', async () => {
    const page = await openPage(browser, kDesktop, allowRelatedWarmup);
    const id = day.papers[4].id;
    const pdf = makeTestPdf(`coolpapers test PDF for ${id}`);
    await page.route(`**/pdf/${id}`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/pdf', body: pdf }));
    let workerLoaded = false;
    page.on('request', (request) => { workerLoaded ||= request.url().includes('pdf_worker'); });
    await page.goto(server.url + kDay);
    await page.locator('#papers div.panel.paper').first().waitFor();
    assert.equal(workerLoaded, false);
    const card = page.locator(`div.panel.paper[id="${id}"]`);
    await card.locator('a.title-pdf').click();
    await card.locator('.pdf-viewer[data-state=rendered]').waitFor();
    assert.equal(workerLoaded, true);
    assert.equal(await card.locator('.pdf-pages canvas[data-rendered=true]').count(), 1);
    // Something was drawn: the canvas is not blank white.
    const inked = await card.locator('.pdf-pages canvas').first().evaluate((canvas) => {
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) ++dark;
      return dark;
    });
    assert.ok(inked > 50, `page 1 has ink (${inked} dark pixels)`);
    assert.equal(await card.locator('a.pdf-download').getAttribute('href'), `/pdf/${id}`);
    await card.locator('.pdf-viewer').scrollIntoViewIfNeeded();
    await screenshot(page, 'pdf_viewer');
    await card.locator('.card-collapse').click();
    assert.equal(await card.locator('.pdf-viewer').count(), 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('lazy loading to the end of the day, then formulas render', async () => {
    const page = await openPage(browser, kDesktop);
    await page.goto(server.url + kDay);
    const cards = page.locator('#papers div.panel.paper');
    await cards.first().waitFor();
    const deadline = Date.now() + 30000;
    let count = await cards.count();
    const seen = new Set([count]);
    while (count < 350 && Date.now() < deadline) {
      await page.locator('.scroll-buttons button[aria-label="Back to bottom"]').click();
      await page.waitForTimeout(100);
      count = await cards.count();
      seen.add(count);
    }
    assert.equal(count, 350);
    assert.ok(seen.size > 3, `cards came in batches: ${[...seen].join(', ')}`);
    const ids = await cards.evaluateAll((all) => all.map((c) => c.id));
    assert.deepEqual(ids, day.papers.map((p) => p.id), 'arXiv order, every paper once');
    assert.equal(await page.locator('#papers nav.more').count(), 0);

    const withMath = day.papers.findIndex((p) => /\$[^$]+\$/.test(p.title + p.abstract));
    assert.ok(withMath >= 0, 'the day has a formula');
    const card = page.locator(`div.panel.paper[id="${day.papers[withMath].id}"]`);
    await card.scrollIntoViewIfNeeded();
    await card.locator('.katex').first().waitFor();
    assert.ok(await card.locator('.katex.notranslate').count() > 0);
    await page.locator('.scroll-buttons button[aria-label="Back to top"]').click();
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('filter chip on a phone, dark and light', async () => {
    const page = await openPage(browser, { ...kPhone, colorScheme: 'dark' });
    await page.goto(server.url + kDay);
    await page.locator('#papers div.panel.paper').first().waitFor();
    await page.locator('.bottom-bar button', { hasText: 'Filter' }).click();
    const panel = page.locator('.filter-panel');
    await panel.locator('.filter-include').fill('benchmark');
    const expected = day.papers.filter((p) => matches(p, { include: ['benchmark'], exclude: [], all: false })).length;
    await page.waitForFunction((n) =>
      document.querySelectorAll('#papers div.panel.paper').length === 350 &&
      document.querySelectorAll('#papers div.panel.paper:not([hidden])').length === n, expected);
    await page.locator('.bottom-bar button.filter-active').click();  // the chip toggles the panel too
    await panel.waitFor({ state: 'hidden' });
    assert.equal((await page.locator('.bottom-bar button.filter-active').textContent()).trim(), `Filtered ${expected}/350`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scroll');
    const bar = await page.locator('.bottom-bar').boundingBox();
    const clear = await page.locator('.bottom-bar button.filter-clear').boundingBox();
    assert.ok(clear.x + clear.width <= bar.x + bar.width, 'the clear button fits in the bar');
    await screenshot(page, 'filter_chip_phone_dark');
    await page.locator('.theme-toggle').click();
    await screenshot(page, 'filter_chip_phone');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('TeX outside math shows as text and style, safely', async () => {
    // Real abstracts of the data with \textit, \textbf, \%, \href, \&, \texttt, \emph, ``quotes'', --
    // and ~ outside their $...$ math (issue #15 point 7).
    const ids = ['2505.18799', '2505.19896', '2505.19997', '2505.18789', '2505.19797'];
    const page = await openPage(browser, kDesktop);
    await page.goto(`${server.url}/arxiv/${ids.join(',')}`);
    const summary = (id) => page.locator(`div.panel.paper[id="${id}"] p.summary`);
    await summary(ids[0]).waitFor();
    // The words of a summary, without KaTeX's formulas (their MathML keeps the TeX).
    const words = (locator) => locator.evaluate((el) => {
      const copy = el.cloneNode(true);
      for (const formula of copy.querySelectorAll('.katex')) formula.remove();
      return copy.textContent;
    });
    for (const id of ids) {
      const text = await words(summary(id));
      assert.doesNotMatch(text, /\\(textit|textbf|texttt|emph|href|url)\b|\\[%&_]|``|''/, `${id}: ${text}`);
    }
    const alps = summary('2505.18799');
    assert.ok(await alps.locator('em strong').count() >= 4, 'nested \\textit{\\textbf{..}}');
    assert.match(await alps.textContent(), /only 10% of attention parameters/);
    assert.equal((await alps.locator('strong', { hasText: '10%' }).textContent()), '10%');

    const links = summary('2505.19896').locator('a.tex-url');
    assert.deepEqual(await links.evaluateAll((all) => all.map((a) => [a.getAttribute('href'), a.textContent, a.target, a.rel])), [
      ['https://github.com/ARCLab-MIT/kspdg', 'GitHub', '_blank', 'noopener noreferrer nofollow'],
      ['https://huggingface.co/OhhTuRnz', 'Hugging Face', '_blank', 'noopener noreferrer nofollow'],
      ['https://wandb.ai/carrusk/huggingface', 'Weights & Biases', '_blank', 'noopener noreferrer nofollow'],
    ]);

    const student = summary('2505.19997');
    assert.match(await student.textContent(), /\u201chelpful\s+assistants\u201d/);
    assert.equal(await student.locator('code').textContent(), 'Student_100');
    await student.scrollIntoViewIfNeeded();
    await student.locator('.katex').first().waitFor();  // the $...$ math is still KaTeX's
    assert.ok(await student.locator('.katex').count() >= 3);
    assert.equal(await summary('2505.18789').locator('em').first().textContent(), 'middle');
    const avengers = await summary('2505.19797').textContent();
    assert.match(avengers, /Avengers\u2013a simple recipe/);
    assert.match(avengers, /\(~7B parameters/, 'a "~" meaning "about" stays');
    await summary(ids[0]).scrollIntoViewIfNeeded();
    await screenshot(page, 'tex_text_desktop');
    await page.emulateMedia({ colorScheme: 'dark' });
    await summary('2505.19896').scrollIntoViewIfNeeded();
    await screenshot(page, 'tex_text_desktop_dark');
    assert.deepEqual(page.errors, []);
    await page.context().close();

    // Hostile TeX: the converter (tex_text.js) on its own, in a blank page: no markup from the
    // text, links only to http(s).
    const blank = await openPage(browser, kDesktop);
    await blank.goto(`${server.url}/robots.txt`);
    const source = readFileSync(new URL('../../frontend/js/tex_text.js', import.meta.url), 'utf8');
    await blank.evaluate(async (code) => {
      const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      window.__tex = await import(url);
    }, source);
    const results = await blank.evaluate(() => {
      const cases = [
        '\\url{javascript:alert(1)} and \\href{javascript:alert(1)}{click} and \\href{data:text/html,x}{d}',
        '\\textbf{<img src=x onerror="window.__pwned=1">} \\emph{<script>window.__pwned=1</script>}',
        '\\url{https://example.org/a?b=1&c="x"} \\textbf{unclosed',
      ];
      return cases.map((text) => {
        const p = document.createElement('p');
        p.className = 'tex-case';
        p.textContent = text;
        document.body.append(p);
        window.__tex.renderTexText(p);
        return { html: p.innerHTML, text: p.textContent, links: [...p.querySelectorAll('a')].map((a) => a.href) };
      });
    });
    assert.deepEqual(results[0].links, [], 'no javascript: or data: link');
    assert.equal(results[0].text, 'javascript:alert(1) and click and d');
    assert.doesNotMatch(results[1].html, /<img|<script/);
    assert.equal(await blank.locator('p.tex-case img, p.tex-case script').count(), 0);
    assert.equal(await blank.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(results[2].links, ['https://example.org/a?b=1&c=%22x%22']);
    assert.match(results[2].html, /<strong>unclosed<\/strong>$/, 'an argument cut short runs to the end');
    await blank.context().close();
  });

  test('phone layout at 375 px, dark mode, [Copy]', async () => {
    const page = await openPage(browser, { ...kPhone, colorScheme: 'dark' });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(server.url + kDay);
    await page.locator('#papers div.panel.paper').first().waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scroll');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await background(), 'rgb(23, 24, 26)', 'dark mode follows the system');
    await screenshot(page, 'list_phone_dark');
    await page.locator('.theme-toggle').click();
    assert.equal(await background(), 'rgb(246, 246, 244)', 'toggled to light');
    await screenshot(page, 'list_phone');

    // [Copy] leaves the reader's selection alone.
    const first = day.papers[0];
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('h1'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    const selected = await page.evaluate(() => getSelection().toString());
    await page.locator(`div.panel.paper[id="${first.id}"] .title-copy button`).click();
    await page.locator(`div.panel.paper[id="${first.id}"] .title-copy button.copied`).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.startsWith(first.title.trim()), copied.slice(0, 80));
    assert.ok(copied.includes(`arxiv.org/abs/${first.id}`));
    assert.equal(await page.evaluate(() => getSelection().toString()), selected);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
