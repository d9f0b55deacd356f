// The star list's exports: BibTeX, biblatex, RIS and CSL-JSON of the starred papers, written by
// citation-js (escaping of & % # _ $ and braces, name lists, dates) from one CSL-JSON item per
// paper. citation-js knows no arXiv fields, so the BibTeX and biblatex entries get theirs
// (eprint, archivePrefix/eprinttype, primaryClass/eprintclass) added to its entry objects
// before its own writer prints them. Loaded on first export (a chunk of its own).
//
// A paper record is what star_list.js keeps ({id, title, authors, names, abstract, categories,
// cited, version, doi, venue}; records starred before names and cited existed lack them).
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { format as writeBibtexEntries } from '@citation-js/plugin-bibtex/lib/output/bibtex.js';

// "2018-12-05", "2018-12" or a legacy "2025-05-26 17:59:59 UTC" -> [2018, 12, 5] / [2018, 12];
// with none, the year and month of a new-style id ("2505.12345" -> [2025, 5]); else [].
export function paperDate(paper) {
  // A venue paper is cited by its edition's year alone ("2025").
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)/.exec(paper.cited || paper.published || '');
  if (match) return match.slice(1).filter(Boolean).map(Number);
  const id = /^(\d{2})(\d{2})\.\d{4,5}/.exec(paper.id);
  if (id) return [2000 + Number(id[1]), Number(id[2])];
  return [];
}

function citationKey(paper) {
  // A venue paper's id is <local>@<SOURCE> (docs/venues.md).
  return `${paper.id.includes('@') ? 'venue' : 'arxiv'}_${paper.id.replace(/[^A-Za-z0-9]/g, '_')}`;
}

// The card's split of each name (core/person_name.h, via data attributes); a record without
// it keeps each name whole rather than guess.
function cslNames(paper) {
  if (!paper.names?.length) return paper.authors.map((name) => ({ literal: name }));
  return paper.names.map((name) => {
    if (name.group || !name.given) return { literal: name.family };
    const csl = { family: name.family, given: name.given };
    if (name.suffix) csl.suffix = name.suffix;
    return csl;
  });
}

// One line: older abstracts keep arXiv's hard line wraps, and a RIS value must not break.
function oneLine(text) {
  return text.replace(/\s+/g, ' ').trim();
}

export function cslItem(paper) {
  const date = paperDate(paper);
  const item = {
    id: paper.id,
    'citation-key': citationKey(paper),
    type: paper.venue ? 'paper-conference' : 'article',
    title: oneLine(paper.title),
    author: cslNames(paper),
    number: paper.id,
    DOI: paper.doi || `10.48550/arXiv.${paper.id}`,
    URL: `https://arxiv.org/abs/${paper.id}`,
  };
  if (paper.venue) {
    item['container-title'] = paper.venue;
    // A venue paper (id <local>@<SOURCE>) has no arXiv DOI or page: its own, when known.
    if (paper.id.includes('@')) {
      delete item.number;
      if (!paper.doi) delete item.DOI;
      if (paper.absUrl) item.URL = paper.absUrl;
      else delete item.URL;
    }
  } else {
    item.publisher = 'arXiv';
  }
  if (date.length) item.issued = { 'date-parts': [date] };
  if (paper.version) item.version = String(paper.version);
  if (paper.abstract) item.abstract = oneLine(paper.abstract);
  return item;
}

// arXiv ids and categories are letters, digits, '.', '/' and '-': nothing to escape.
const kPlainValue = /^[A-Za-z0-9./-]+$/;

// `dialect` 'bibtex' or 'biblatex': citation-js's entries with the arXiv fields added.
function texEntries(papers, dialect) {
  const entries = new Cite(papers.map(cslItem)).format(dialect, { format: 'object' });
  return entries.map((entry, i) => {
    const paper = papers[i];
    const properties = { ...entry.properties };
    const primary = paper.categories?.[0];
    if (!paper.venue) {
      entry.type = 'misc';
      delete properties.journal;
      delete properties.journaltitle;
    }
    if (kPlainValue.test(paper.id)) {
      properties.eprint = paper.id;
      if (dialect === 'bibtex') {
        properties.archivePrefix = 'arXiv';
        if (primary && kPlainValue.test(primary)) properties.primaryClass = primary;
      } else {
        properties.eprinttype = 'arxiv';
        if (primary && kPlainValue.test(primary)) properties.eprintclass = primary;
      }
    }
    return { ...entry, properties };
  });
}

function writeEntries(entries) {
  return writeBibtexEntries(entries, plugins.dict.get('text'));
}

export function toBibtex(papers) {
  return writeEntries(texEntries(papers, 'bibtex'));
}

export function toBiblatex(papers) {
  return writeEntries(texEntries(papers, 'biblatex'));
}

export function toRis(papers) {
  // RIS has no preprint type: a JOUR whose journal (T2) is arXiv, as arXiv papers are cited.
  const items = papers.map((paper) => {
    const item = cslItem(paper);
    if (!paper.venue) item['container-title'] = 'arXiv';
    return item;
  });
  // citation-js breaks every value after 70 characters; a RIS reader takes one tag per line,
  // so the pieces are joined back (no value holds a newline of its own: see oneLine).
  return new Cite(items).format('ris').replace(/\n(?![A-Z][A-Z0-9] {2}- |ER {2}- )/g, '');
}

export function toCslJson(papers) {
  return `${new Cite(papers.map(cslItem)).format('data', { format: 'text' })}\n`;
}
