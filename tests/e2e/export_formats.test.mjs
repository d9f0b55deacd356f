// The star list's export formats (frontend/js/export_formats.js) on papers with the awkward
// parts: unbalanced braces, LaTeX, a one-word author, an old-style id, no publish time.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { paperDate, toBibtex, toCslJson, toRis } from '../../frontend/js/export_formats.js';

const papers = [
  {
    id: '2505.20001',
    title: 'Scaling $O(n^{2})$ Attention with {Sparse} Kernels',
    authors: ['Ada Lovelace', 'Alan M. Turing', 'Plato'],
    abstract: 'We study attention.',
    categories: ['cs.CL', 'cs.LG'],
    published: '2025-05-26 17:59:59 UTC',
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

test('paperDate reads the publish time, else a new-style id, else nothing', () => {
  assert.deepEqual(paperDate(papers[0]), [2025, 5, 26]);
  assert.deepEqual(paperDate({ id: '2411.01234', published: '' }), [2024, 11]);
  assert.deepEqual(paperDate(papers[1]), []);
});

test('BibTeX: one @misc per paper with eprint, authors joined by "and", braces kept balanced', () => {
  const text = toBibtex(papers);
  const entries = text.split(/\n(?=@misc\{)/);
  assert.equal(entries.length, 2);
  assert.match(entries[0], /^@misc\{arxiv_2505_20001,\n/);
  assert.match(entries[0], /\n  title = \{\{Scaling \$O\(n\^\{2\}\)\$ Attention with \{Sparse\} Kernels\}\},\n/);
  assert.match(entries[0], /\n  author = \{Ada Lovelace and Alan M\. Turing and Plato\},\n/);
  assert.match(entries[0], /\n  year = \{2025\},\n  month = \{5\},\n/);
  assert.match(entries[0], /\n  doi = \{10\.48550\/arXiv\.2505\.20001\},\n/);
  assert.match(entries[1], /^@misc\{arxiv_hep_th_9901001,\n  title = \{\{An unbalanced  brace\}\},/);
  assert.doesNotMatch(entries[1], /year =|abstract =/);
  // Every entry's braces balance, so a BibTeX parser reads exactly two entries.
  for (const entry of entries) {
    let depth = 0;
    for (const c of entry) depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    assert.equal(depth, 0, entry);
  }
});

test('RIS: tagged lines with CRLF, one AU per author, ER closing each record', () => {
  const lines = toRis(papers).split('\r\n');
  assert.deepEqual(lines.slice(0, 6), ['TY  - GEN', `TI  - ${papers[0].title}`, 'AU  - Ada Lovelace',
    'AU  - Alan M. Turing', 'AU  - Plato', 'PY  - 2025']);
  assert.ok(lines.includes('DA  - 2025/05/26'));
  assert.equal(lines.filter((line) => line === 'ER  - ').length, 2);
  assert.ok(lines.includes('UR  - https://arxiv.org/abs/hep-th/9901001'));
});

test('CSL-JSON: items with split names, issued date parts and the arXiv DOI', () => {
  const items = JSON.parse(toCslJson(papers));
  assert.equal(items.length, 2);
  assert.deepEqual(items[0].author, [
    { given: 'Ada', family: 'Lovelace' }, { given: 'Alan M.', family: 'Turing' }, { literal: 'Plato' }]);
  assert.deepEqual(items[0].issued, { 'date-parts': [[2025, 5, 26]] });
  assert.equal(items[0].DOI, '10.48550/arXiv.2505.20001');
  assert.equal(items[1].issued, undefined);
  assert.equal(items[1].abstract, undefined);
});
