// Citations with the real binary and a real month of ../shared/data (issue #16 points 3 and 4).
// COinS: every list, union, search and shared-star page carries one Z3988 span per card, read
// by an independent OpenURL reader (tests/citations/read_coins.py, Python's urllib.parse).
// Exports: a real day's cards, read in Chromium by the front end's own card reader, exported
// in every format (frontend/js/export_formats.js) and read back by pandoc (BibTeX, biblatex,
// CSL-JSON), pybtex and bibtexparser (tests/citations/check_bibtex.py) and a RIS parser
// (astrocite-ris): every entry read, no warning. The figures go to
// $COOLPAPERS_E2E_ARTIFACTS/export_check.json and the test's output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { toBiblatex, toBibtex, toCslJson, toRis } from '../../frontend/js/export_formats.js';
import { artifactsDir, launchBrowser, openPage, skipReason, startServer, waitForSearchIndex } from './e2e_support.mjs';

const { parse: parseRis } = createRequire(new URL('../../frontend/package.json', import.meta.url))('astrocite-ris');
const kCitations = new URL('../citations/', import.meta.url).pathname;
const kCardRegistry = new URL('../../frontend/js/card_registry.js', import.meta.url);
// Debian's python3, whose dist-packages hold python3-pybtex and python3-bibtexparser.
const kPython = '/usr/bin/python3';
const kDay = '2025-05-27';
const kDayExpression = 'cs.CL,cs.CV,cs.AI,cs.LG';

const skip = skipReason();
let server;
let browser;

function run(command, args, input) {
  const result = spawnSync(command, args, { input, encoding: 'utf8', timeout: 120000, maxBuffer: 1 << 28 });
  if (result.error) throw result.error;
  return result;
}

function coinsOf(html) {
  const result = run(kPython, [join(kCitations, 'read_coins.py')], html);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

async function page(path) {
  const response = await fetch(server.url + path);
  assert.equal(response.status, 200, path);
  return response.text();
}

describe('citations', { skip: skip ?? false, timeout: 600000 }, () => {
  before(async () => {
    server = await startServer(['2025-05']);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('COinS: one readable ContextObject per card on list, union, search and star pages', async () => {
    const day = await (await fetch(`${server.url}/api/arxiv/cs.CL?date=${kDay}&show=2000`)).json();
    const ids = day.papers.slice(0, 3).map((paper) => paper.id);
    await waitForSearchIndex(server.url, ids[0]);
    const pages = [
      `/arxiv/cs.CL?date=${kDay}`,
      `/arxiv/cs.CL,cs.CV?date=${kDay}`,
      '/arxiv/search?query=diffusion',
      `/arxiv/${ids.join(',')}`,
      `/arxiv/${ids[0]}`,
    ];
    for (const path of pages) {
      const html = await page(path);
      const cards = (html.match(/<div class="panel paper" id="/g) ?? []).length;
      const spans = coinsOf(html);
      assert.ok(cards > 0, path);
      assert.equal(spans.length, cards, path);
      for (const span of spans) {
        assert.deepEqual(span.problems, [], path);
        assert.deepEqual(span.rft_val_fmt, ['info:ofi/fmt:kev:mtx:journal']);
        assert.deepEqual(span['rft.genre'], ['preprint']);
        assert.ok(span.rft_id.some((id) => id.startsWith('info:arxiv/')), path);
      }
    }
    // The star page's spans name exactly its papers, titles and authors as the API has them.
    const spans = coinsOf(await page(`/arxiv/${ids.join(',')}`));
    const arxivIds = spans.map((span) => span.rft_id.find((id) => id.startsWith('info:arxiv/')).slice(11));
    assert.deepEqual(arxivIds.map((id) => id.replace(/v\d+$/, '')), ids);
    for (const [i, span] of spans.entries()) {
      const paper = day.papers[i];
      assert.deepEqual(span['rft.atitle'], [paper.title]);
      assert.equal(span['rft.au'].length, paper.authors.length);
    }
  });

  test(`exports of a real day (${kDayExpression} on ${kDay}) read without warnings`, async () => {
    const browserPage = await openPage(browser);
    await browserPage.goto(`${server.url}/arxiv/${kDayExpression}?date=${kDay}&show=2000`);
    // The front end's own card reader (card_registry.js), loaded into the page as a module.
    const papers = await browserPage.evaluate(async (source) => {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const { readCard } = await import(url);
      return [...document.querySelectorAll('#papers div.panel.paper')].map((el) => {
        const { el: _el, lower: _lower, ...paper } = readCard(el);
        return paper;
      });
    }, readFileSync(kCardRegistry, 'utf8'));
    await browserPage.context().close();
    assert.ok(papers.length > 100, `${papers.length} papers`);

    const out = join(artifactsDir, 'exports');
    mkdirSync(out, { recursive: true });
    const files = {
      bibtex: join(out, 'day.bib'),
      biblatex: join(out, 'day-biblatex.bib'),
      ris: join(out, 'day.ris'),
      csljson: join(out, 'day.json'),
    };
    writeFileSync(files.bibtex, toBibtex(papers));
    writeFileSync(files.biblatex, toBiblatex(papers));
    writeFileSync(files.ris, toRis(papers));
    writeFileSync(files.csljson, toCslJson(papers));

    const report = { day: kDay, expression: kDayExpression, papers: papers.length, checks: [] };
    const pandoc = (from, file) => {
      const result = run('pandoc', ['-f', from, '-t', 'csljson', file]);
      const warnings = result.stderr.split('\n').filter(Boolean);
      const entries = result.status === 0 ? JSON.parse(result.stdout).length : 0;
      report.checks.push({ tool: `pandoc -f ${from}`, file, entries, warnings });
    };
    pandoc('bibtex', files.bibtex);
    pandoc('biblatex', files.biblatex);
    pandoc('csljson', files.csljson);
    for (const [format, file] of [['bibtex', files.bibtex], ['biblatex', files.biblatex]]) {
      const result = run(kPython, [join(kCitations, 'check_bibtex.py'), file]);
      assert.equal(result.status, 0, result.stderr);
      for (const [tool, figures] of Object.entries(JSON.parse(result.stdout))) {
        report.checks.push({ tool: `${tool} (${format})`, file, ...figures });
      }
    }
    const ris = parseRis(readFileSync(files.ris, 'utf8'));
    report.checks.push({ tool: 'astrocite-ris', file: files.ris, entries: ris.length, warnings: [] });
    const csl = JSON.parse(readFileSync(files.csljson, 'utf8'));
    report.checks.push({ tool: 'JSON.parse (CSL-JSON)', file: files.csljson, entries: csl.length, warnings: [] });

    writeFileSync(join(artifactsDir, 'export_check.json'), `${JSON.stringify(report, null, 2)}\n`);
    for (const check of report.checks) {
      console.log(`export check: ${check.tool}: ${check.entries} of ${papers.length} entries, ` +
        `${check.warnings.length} warnings`);
    }
    for (const check of report.checks) {
      assert.equal(check.entries, papers.length, check.tool);
      assert.deepEqual(check.warnings, [], check.tool);
    }
    // Every export names every paper by its arXiv id.
    assert.deepEqual(csl.map((item) => item.number), papers.map((paper) => paper.id));
  });
});
