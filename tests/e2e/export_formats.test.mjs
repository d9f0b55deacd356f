// The star list's exports (frontend/js/export_formats.js, citation-js) on papers with the
// awkward parts: TeX specials and braces in a title, particles, suffixes and a group author, an
// old-style id, a paper listed years after its v1 (1812.06145), a venue paper, a record starred
// before names and dates were kept. tests/citations/export_day.test.mjs reads a real day's
// exports with pandoc, pybtex, bibtexparser and a RIS parser.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import { paperDate, toBiblatex, toBibtex, toCslJson, toRis } from '../../frontend/js/export_formats.js';

// The RIS reader is a front-end dev dependency (frontend/node_modules), as playwright-core is.
const { parse: parseRis } = createRequire(new URL('../../frontend/package.json', import.meta.url))('astrocite-ris');

const papers = [
  {
    id: '2505.20001',
    title: 'Scaling {Sparse} Kernels: 50% & #1 of a_b for $5',
    authors: ['Aäron van den Oord', 'Roberto M. Cesar Jr.', 'Gemma Team'],
    names: [
      { family: 'van den Oord', given: 'Aäron', suffix: '', group: false },
      { family: 'Cesar', given: 'Roberto M.', suffix: 'Jr.', group: false },
      { family: 'Gemma Team', given: '', suffix: '', group: true },
    ],
    abstract: 'We study attention, an abstract long enough that citation-js would break it\n' +
      'over several lines of RIS, which a RIS reader cannot take.',
    categories: ['cs.CL', 'cs.LG'],
    cited: '2025-05-26',
    version: 2,
    doi: '',
  },
  {
    id: '1812.06145',
    title: 'A paper listed again in 2025',
    authors: ['Ada Lovelace'],
    names: [{ family: 'Lovelace', given: 'Ada', suffix: '', group: false }],
    abstract: '',
    categories: ['cs.CV'],
    cited: '2018-12',
    version: 0,
    doi: '10.1000/example.doi',
  },
  {
    id: 'hep-th/9901001',
    title: 'An unbalanced } brace',
    authors: ['E. Witten'],
    abstract: '',
    categories: ['hep-th'],
    published: '',
  },
];
const venuePaper = { ...papers[1], id: '2406.00001', venue: 'NeurIPS 2024', cited: '2024-06-01' };

// "@type{key," -> {type, key, fields}; values are read up to the line's closing "},".
function entries(text) {
  return [...text.matchAll(/@(\w+)\{([^,]+),\n([\s\S]*?)\n\}/g)].map((m) => ({
    type: m[1],
    key: m[2],
    fields: Object.fromEntries([...m[3].matchAll(/^\s+(\w+) = \{(.*)\},?$/gm)].map((f) => [f[1], f[2]])),
  }));
}

test('paperDate reads the cited date, else a legacy publish time, else a new-style id', () => {
  assert.deepEqual(paperDate(papers[0]), [2025, 5, 26]);
  assert.deepEqual(paperDate(papers[1]), [2018, 12]);
  assert.deepEqual(paperDate({ id: '2411.01234', published: '2025-05-26 17:59:59 UTC' }), [2025, 5, 26]);
  assert.deepEqual(paperDate({ id: '2411.01234', published: '' }), [2024, 11]);
  assert.deepEqual(paperDate(papers[2]), []);
  assert.deepEqual(paperDate({ id: 'xie25a@v305@PMLR', cited: '2025' }), [2025]);
});

test('BibTeX: @misc with eprint, archivePrefix, primaryClass; specials escaped; the right year', () => {
  const [first, old, oldStyle] = entries(toBibtex(papers));
  assert.equal(first.type, 'misc');
  assert.equal(first.key, 'arxiv_2505_20001');
  assert.equal(first.fields.eprint, '2505.20001');
  assert.equal(first.fields.archivePrefix, 'arXiv');
  assert.equal(first.fields.primaryClass, 'cs.CL');
  assert.equal(first.fields.author, 'van den Oord, A{\\" a}ron and Cesar, Jr., Roberto M. and {Gemma Team}');
  for (const escaped of ['\\&', '50\\%', '\\#1', '\\textunderscore{}', '\\textdollar{}5']) {
    assert.ok(first.fields.title.includes(escaped), `${escaped} in ${first.fields.title}`);
  }
  assert.equal(first.fields.doi, '10.48550/arXiv.2505.20001');
  assert.equal(old.fields.year, '2018');
  assert.equal(old.fields.doi, '10.1000/example.doi');
  assert.equal(oldStyle.fields.eprint, 'hep-th/9901001');
  assert.equal(oldStyle.fields.year, undefined);
  // Braces balance in every entry, so a reader finds exactly these three.
  for (const entry of toBibtex(papers).split(/\n(?=@)/)) {
    let depth = 0;
    for (const c of entry.replace(/\\[{}]/g, '')) depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    assert.equal(depth, 0, entry);
  }
});

test('biblatex: eprinttype arxiv, eprintclass, version and an ISO date', () => {
  const [first, old] = entries(toBiblatex(papers));
  assert.equal(first.type, 'misc');
  assert.equal(first.fields.eprinttype, 'arxiv');
  assert.equal(first.fields.eprintclass, 'cs.CL');
  assert.equal(first.fields.version, '2');
  assert.equal(first.fields.date, '2025-05-26');
  assert.equal(old.fields.date, '2018-12');
});

test('a venue paper is @inproceedings with its booktitle', () => {
  const [entry] = entries(toBibtex([venuePaper]));
  assert.equal(entry.type, 'inproceedings');
  assert.equal(entry.fields.booktitle, 'NeurIPS 2024');
  assert.equal(entry.fields.eprint, '2406.00001');
  assert.equal(entries(toBiblatex([venuePaper]))[0].type, 'inproceedings');
  assert.equal(JSON.parse(toCslJson([venuePaper]))[0].type, 'paper-conference');
});

test('a paper of the venue branch cites its proceedings, landing page and DOI, nothing of arXiv', () => {
  const paper = {
    id: '2024.naacl-long.431@ACL', title: 'Naive Bayes-based Context Extension for Large Language Models',
    authors: ['Jianlin Su'], names: [{ family: 'Su', given: 'Jianlin', suffix: '', group: false }],
    abstract: 'An abstract.', categories: ['NAACL.2024?group=Long'], cited: '2024', version: 0,
    doi: '10.18653/v1/2024.naacl-long.431', absUrl: 'https://aclanthology.org/2024.naacl-long.431/',
    venue: 'North American Chapter of the Association for Computational Linguistics',
  };
  const [entry] = entries(toBibtex([paper]));
  assert.equal(entry.type, 'inproceedings');
  assert.equal(entry.key, 'venue_2024_naacl_long_431_ACL');
  assert.equal(entry.fields.booktitle.replace(/[{}]/g, ''), paper.venue);  // capitals braced
  assert.equal(entry.fields.doi, paper.doi);
  assert.equal(entry.fields.url, paper.absUrl);
  assert.equal(entry.fields.year, '2024');
  assert.equal(entry.fields.eprint, undefined);
  assert.equal(entry.fields.archiveprefix, undefined);
  const [csl] = JSON.parse(toCslJson([{ ...paper, doi: '' }]));
  assert.equal(csl.DOI, undefined);
  assert.equal(csl.URL, paper.absUrl);
});

test('RIS: names as the RIS spec writes them, read back by an independent parser', () => {
  const text = toRis(papers);
  // "Lastname, Firstname, Suffix"; a group author has no comma, so no first name.
  for (const line of ['AU  - van den Oord, Aäron', 'AU  - Cesar, Roberto M., Jr.', 'AU  - Gemma Team',
    'T2  - arXiv', 'PY  - 2018']) {
    assert.ok(text.split('\n').includes(line), line);
  }
  const records = parseRis(text);
  assert.equal(records.length, 3);
  assert.equal(records[0].abstract, papers[0].abstract.replace(/\s+/g, ' '));
  assert.deepEqual(records[0].author[0], { family: 'Oord', 'non-dropping-particle': 'van den', given: 'Aäron' });
  assert.equal(String(records[1].issued['date-parts'][0][0]), '2018');
  assert.equal(records[1].DOI, '10.1000/example.doi');
});

test('CSL-JSON: split names, issued date parts, version, the arXiv DOI', () => {
  const items = JSON.parse(toCslJson(papers));
  assert.equal(items.length, 3);
  assert.equal(items[0].type, 'article');
  assert.deepEqual(items[0].author[2], { literal: 'Gemma Team' });
  assert.deepEqual(items[0].issued, { 'date-parts': [[2025, 5, 26]] });
  assert.equal(items[0].version, '2');
  assert.equal(items[0].DOI, '10.48550/arXiv.2505.20001');
  assert.deepEqual(items[2].author, [{ literal: 'E. Witten' }]);
  assert.equal(items[2].issued, undefined);
});
