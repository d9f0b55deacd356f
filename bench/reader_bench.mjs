// The reader's targets of issue #15 in headless Chromium (playwright-core, as the browser tests),
// on the largest day of the 40k sample, cs.CL on 2025-05-27 (350 papers), served by the real
// binary from a fresh import of ../shared/data:
//   first contentful paint, median of N cold loads (each a new context: empty HTTP cache) ≤ 300 ms;
//   j / k to the next card painted ≤ 16 ms;
//   a keystroke in the in-page filter to its updated count painted ≤ 50 ms, the whole day loaded.
// "Painted" is measured in the page: the keydown's event.timeStamp (when the browser received the
// key) to the first task after the next animation frame, i.e. after that frame's style, layout
// and paint. Prints one table with the load average beside it.
//   node bench/reader_bench.mjs [--loads N] [--moves N] [--verbose]   (scripts/bench_reader.sh builds first)
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';

import { launchBrowser, openPage, skipReason, startServer } from '../tests/e2e/e2e_support.mjs';

const kDay = '/arxiv/cs.CL?date=2025-05-27';
const kDesktop = { viewport: { width: 1280, height: 900 } };
// Words a reader filters a cs.CL day by, typed a key at a time (Backspace clears between them).
const kFilterWords = ['speculative decoding', 'reasoning', 'multilingual', 'retrieval'];

const { values: args } = parseArgs({
  options: {
    loads: { type: 'string', default: '9' },
    moves: { type: 'string', default: '60' },
    verbose: { type: 'boolean', default: false },  // every key's record too
  },
});

// Installed before the page's own scripts: for every keydown, into window.__keyToPaint,
// {key, ms: from the key to the paint after the next frame, handler: the page's handlers of the
// key (keydown, and input for a field), render: that frame's own work (the rAF callback to the
// task after the paint)}.
function recordKeyToPaint() {
  window.__keyToPaint = [];
  let record = null;
  let handlerStarted = 0;
  const beginHandlers = () => { handlerStarted = performance.now(); };
  const endHandlers = () => { if (record) record.handler += performance.now() - handlerStarted; };
  window.addEventListener('keydown', (event) => {
    record = { key: event.key, ms: 0, handler: 0, render: 0 };
    const current = record;
    const started = event.timeStamp;
    requestAnimationFrame(() => {
      const frameStarted = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const now = performance.now();
        current.ms = now - started;
        current.render = now - frameStarted;
        // Also as a User Timing measure, for a DevTools trace of the same run.
        performance.measure(`key ${current.key} to paint`, { start: started, end: now });
        window.__keyToPaint.push(current);
      };
      channel.port2.postMessage(0);
    });
    beginHandlers();
  }, { capture: true });
  // Bubbling listeners on the window run after the page's own (on the document or a panel).
  window.addEventListener('keydown', endHandlers);
  window.addEventListener('input', beginHandlers, { capture: true });
  window.addEventListener('input', endHandlers);
}

function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function firstContentfulPaint(browser, url) {
  const page = await openPage(browser, kDesktop);
  await page.goto(url, { waitUntil: 'load' });
  const fcp = await page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const entry = list.getEntriesByName('first-contentful-paint')[0];
      if (entry) resolve(entry.startTime);
    }).observe({ type: 'paint', buffered: true });
    setTimeout(() => resolve(NaN), 5000);
  }));
  await page.context().close();
  return fcp;
}

// Presses `key` and waits until the page recorded its paint; returns its record.
async function pressAndMeasure(page, key) {
  const before = await page.evaluate(() => window.__keyToPaint.length);
  await page.keyboard.press(key);
  await page.waitForFunction((count) => window.__keyToPaint.length > count, before);
  return page.evaluate(() => window.__keyToPaint.at(-1));
}

async function wholeDay(page) {
  // Scrolling to the foot brings every card in (lazy_cards.js), 25 at a time.
  for (let i = 0; i < 40 && await page.locator('#papers nav.more').count(); ++i) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(100);
  }
  const cards = await page.locator('#papers div.panel.paper').count();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  return cards;
}

async function keyboardMoves(browser, url, moves) {
  const page = await openPage(browser, kDesktop);
  await page.addInitScript(recordKeyToPaint);
  await page.goto(url, { waitUntil: 'load' });
  const cards = await wholeDay(page);
  const figures = [];
  for (let i = 0; i < moves; ++i) figures.push(await pressAndMeasure(page, i < moves * 0.75 ? 'j' : 'k'));
  const current = await page.evaluate(() => document.querySelector('#papers .paper.current a.index')?.textContent);
  await page.context().close();
  return { figures, cards, note: `${cards} cards in the page, ended on ${current}` };
}

async function filterKeystrokes(browser, url) {
  const page = await openPage(browser, kDesktop);
  await page.addInitScript(recordKeyToPaint);
  await page.goto(url, { waitUntil: 'load' });
  await page.keyboard.press('/');
  const include = page.locator('.filter-panel .filter-include');
  await include.waitFor();
  // The first keystroke brings the rest of the day in; measure once every card is there.
  await include.pressSequentially('x');
  await page.waitForFunction(() => !document.querySelector('#papers nav.more'));
  await include.press('Backspace');
  const cards = await page.locator('#papers div.panel.paper').count();
  const figures = [];
  const counts = [];
  for (const word of kFilterWords) {
    for (const key of word) {
      figures.push(await pressAndMeasure(page, key === ' ' ? 'Space' : key));
    }
    counts.push(`"${word}" ${await page.locator('.filter-panel .filter-count').textContent()}`);
    for (let i = 0; i < word.length; ++i) figures.push(await pressAndMeasure(page, 'Backspace'));
  }
  await page.context().close();
  return { figures, cards, note: `${cards} cards; ${counts.join(', ')}` };
}

// The targets are on the median: a key lands anywhere in a 16.7 ms frame, so the wait for the next
// frame alone spreads the figures over one frame (p95 and max show the spread).
// `figures`: numbers, or the key records (their `ms`, with the handlers' and the frame's work).
function row(name, figures, limit) {
  const times = figures.map((figure) => figure.ms ?? figure);
  const value = median(times);
  const part = (field) => (figures[0]?.[field] === undefined ? '–' : median(figures.map((f) => f[field])).toFixed(1));
  const cells = [name, times.length, value.toFixed(1), percentile(times, 0.95).toFixed(1),
    Math.max(...times).toFixed(1), part('handler'), part('render'), `median ≤ ${limit}`, value <= limit ? 'yes' : 'NO'];
  return `| ${cells.join(' | ')} |`;
}

const skip = skipReason();
if (skip) {
  console.error(`reader_bench: ${skip}`);
  process.exit(1);
}
const server = await startServer(['2025-05']);
const browser = await launchBrowser();
try {
  const url = server.url + kDay;
  await firstContentfulPaint(browser, url);  // the server's page cache and the browser warm up
  const loads = [];
  for (let i = 0; i < Number(args.loads); ++i) loads.push(await firstContentfulPaint(browser, url));
  const moves = await keyboardMoves(browser, url, Number(args.moves));
  const filter = await filterKeystrokes(browser, url);
  const [one, five, fifteen] = loadavg().map((x) => x.toFixed(2));
  console.log(`Reader targets, ${kDay} (headless Chromium, ms; load average ${one} ${five} ${fifteen})`);
  console.log('| measure | n | median | p95 | max | handlers (median) | frame work (median) | target | met |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  console.log(row('first contentful paint (cold load)', loads, 300));
  console.log(row('j/k → next card painted', moves.figures, 16));
  console.log(row('filter keystroke → count painted', filter.figures, 50));
  console.log(`j/k: ${moves.note}. Filter: ${filter.note}.`);
  if (args.verbose) {
    for (const record of [...moves.figures, ...filter.figures]) {
      console.log(`${record.key}\t${record.ms.toFixed(1)}\thandlers ${record.handler.toFixed(1)}\tframe ${record.render.toFixed(1)}`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
