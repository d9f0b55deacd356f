// The star list's exports: BibTeX, RIS and CSL-JSON, from the paper records the star list keeps
// ({id, title, authors, abstract, categories, published, absUrl}). Pure functions.

// "2025-05-26 17:59:59 UTC" or "2025-05-26" -> [2025, 5, 26]; else the year and month of a new
// style id ("2505.12345" -> [2025, 5]); else [].
export function paperDate(paper) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(paper.published ?? '');
  if (match) return [Number(match[1]), Number(match[2]), Number(match[3])];
  const id = /^(\d{2})(\d{2})\.\d{4,5}/.exec(paper.id);
  if (id) return [2000 + Number(id[1]), Number(id[2])];
  return [];
}

function bibtexKey(paper) {
  return `arxiv_${paper.id.replace(/[^A-Za-z0-9]/g, '_')}`;
}

// BibTeX values are brace-delimited: unbalanced braces would end a field early.
function bibtexValue(text) {
  let depth = 0;
  for (const c of text) {
    if (c === '{') ++depth;
    if (c === '}' && --depth < 0) break;
  }
  return depth === 0 ? text : text.replace(/[{}]/g, '');
}

export function toBibtex(papers) {
  return papers.map((paper) => {
    const [year, month] = paperDate(paper);
    const fields = [
      ['title', `{${bibtexValue(paper.title)}}`],
      ['author', bibtexValue(paper.authors.join(' and '))],
      ['year', year ? String(year) : ''],
      ['month', month ? String(month) : ''],
      ['eprint', paper.id],
      ['archivePrefix', 'arXiv'],
      ['primaryClass', paper.categories?.[0] ?? ''],
      ['doi', `10.48550/arXiv.${paper.id}`],
      ['url', `https://arxiv.org/abs/${paper.id}`],
      ['abstract', bibtexValue(paper.abstract ?? '')],
    ].filter(([, value]) => value);
    const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
    return `@misc{${bibtexKey(paper)},\n${body}\n}\n`;
  }).join('\n');
}

export function toRis(papers) {
  return papers.map((paper) => {
    const date = paperDate(paper);
    const lines = ['TY  - GEN', `TI  - ${paper.title}`];
    for (const author of paper.authors) lines.push(`AU  - ${author}`);
    if (date.length) lines.push(`PY  - ${date[0]}`, `DA  - ${date.map((n) => String(n).padStart(2, '0')).join('/')}`);
    if (paper.abstract) lines.push(`AB  - ${paper.abstract.replace(/\s+/g, ' ')}`);
    for (const category of paper.categories ?? []) lines.push(`KW  - ${category}`);
    lines.push(`UR  - https://arxiv.org/abs/${paper.id}`, `DO  - 10.48550/arXiv.${paper.id}`,
      'DB  - arXiv.org', `M1  - arXiv:${paper.id}`, 'ER  - ');
    return lines.join('\r\n');
  }).join('\r\n') + '\r\n';
}

function cslName(author) {
  const space = author.lastIndexOf(' ');
  if (space < 0) return { literal: author };
  return { given: author.slice(0, space), family: author.slice(space + 1) };
}

export function toCslJson(papers) {
  const items = papers.map((paper) => {
    const date = paperDate(paper);
    const item = {
      id: `arXiv:${paper.id}`,
      type: 'article',
      title: paper.title,
      author: paper.authors.map(cslName),
      number: paper.id,
      publisher: 'arXiv',
      DOI: `10.48550/arXiv.${paper.id}`,
      URL: `https://arxiv.org/abs/${paper.id}`,
    };
    if (date.length) item.issued = { 'date-parts': [date] };
    if (paper.abstract) item.abstract = paper.abstract;
    return item;
  });
  return `${JSON.stringify(items, null, 2)}\n`;
}
