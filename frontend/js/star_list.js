// The star list (reference sections 2.3 and 2.12): papers whose [PDF] or [FAQ] the
// reader opened, kept in localStorage with what the exports need. Each title jumps back to its
// card (or to its own page when the card is not on this page); ★/☆ unstars and restars; Export
// gives the share link /arxiv/<id>,<id>,... and BibTeX, biblatex, RIS and CSL-JSON downloads of
// the starred papers (export_formats.js, citation-js: loaded on the first export). The markup keeps papers.cool's div.items > p > a.i-title[href="#<id>"] for Zotero.
import { findPaper, isVenuePaper } from './card_registry.js';
import { loadJson, saveJson } from './storage.js';

const kKey = 'coolpapers.stars';
const kMaxEntries = 500;
const kMaxIdsPerLink = 200;  // router.h's kMaxIdsPerPage

let entries = loadJson(kKey, []);
let barPanel = null;
const changeListeners = [];

function save() {
  saveJson(kKey, entries);
  render();
  for (const listener of changeListeners) listener();
}

// `listener()` runs after every change of the stars, in this tab or another.
export function onStarsChanged(listener) {
  changeListeners.push(listener);
}

export function isStarred(id) {
  return entries.some((entry) => entry.id === id && entry.starred);
}

// The card's ☆/★ (card_star.js): unstarring keeps the entry, as the panel's ☆ does.
export function unstarPaper(id) {
  const entry = entries.find((e) => e.id === id);
  if (!entry?.starred) return;
  entry.starred = false;
  save();
}

// Stars `paper` (a record from card_registry.js), newest first; a paper starred again moves up.
// A paper's own page: /arxiv/<id>, or /venue/<id> for a venue paper ("@" as %40).
function paperPath(id) {
  return isVenuePaper({ id }) ? `/venue/${encodeURIComponent(id)}` : `/arxiv/${id}`;
}

export function starPaper(paper) {
  const kept = entries.filter((entry) => entry.id !== paper.id);
  kept.unshift({
    id: paper.id,
    title: paper.title,
    authors: paper.authors,
    abstract: paper.abstract,
    categories: paper.categories,
    published: paper.published,
    names: paper.names,
    cited: paper.cited,
    version: paper.version,
    doi: paper.doi,
    absUrl: paper.absUrl,
    venue: paper.venue,
    starred: true,
  });
  entries = kept.slice(0, kMaxEntries);
  save();
}

export function starredPapers() {
  return entries.filter((entry) => entry.starred);
}

function toggleStar(id) {
  const entry = entries.find((e) => e.id === id);
  if (!entry) return;
  entry.starred = !entry.starred;
  save();
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function render() {
  if (!barPanel) return;
  const starred = starredPapers();
  barPanel.button.textContent = `★ ${starred.length}`;
  const panel = barPanel.panel;
  panel.replaceChildren();
  const heading = document.createElement('h3');
  heading.textContent = entries.length ? `Starred papers (${starred.length})` :
    'Starred papers: none yet. Papers whose [PDF] or FAQ you open are starred here.';
  const items = document.createElement('div');
  items.className = 'items star-items';
  for (const entry of entries) {
    const row = document.createElement('p');
    row.dataset.id = entry.id;
    if (!entry.starred) row.className = 'unstarred';
    const title = document.createElement('a');
    title.className = 'i-title';
    const onPage = findPaper(entry.id);
    title.href = onPage ? `#${entry.id}` : paperPath(entry.id);
    title.textContent = entry.title || entry.id;
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'star-toggle';
    toggle.textContent = entry.starred ? '★' : '☆';
    toggle.title = entry.starred ? 'Unstar' : 'Star again';
    toggle.addEventListener('click', () => toggleStar(entry.id));
    row.append(title, toggle);
    items.append(row);
  }
  panel.append(heading, items);
  if (!starred.length) return;
  const exports = document.createElement('div');
  exports.className = 'star-export';
  const share = document.createElement('a');
  share.className = 'export-link';
  // The arXiv papers' page; a list of venue papers only, theirs (one page holds one branch).
  const arxiv = starred.filter((paper) => !isVenuePaper(paper));
  share.href = arxiv.length
    ? `/arxiv/${arxiv.slice(0, kMaxIdsPerLink).map((p) => p.id).join(',')}`
    : `/venue/${starred.slice(0, kMaxIdsPerLink).map((p) => encodeURIComponent(p.id)).join(',')}`;
  share.textContent = 'Export (share link)';
  exports.append(share);
  appendExportButtons(exports, starredPapers, 'coolpapers-stars');
  panel.append(exports);
}

// The BibTeX, RIS and CSL-JSON download buttons for `papers()` (records as starPaper keeps
// them), appended to `container`; files are named `<base>.bib` etc. Also used by the shared
// list page (shared_list.js).
export function appendExportButtons(container, papers, base) {
  const formats = [
    ['BibTeX', `${base}.bib`, 'application/x-bibtex', 'toBibtex'],
    ['biblatex', `${base}-biblatex.bib`, 'application/x-bibtex', 'toBiblatex'],
    ['RIS', `${base}.ris`, 'application/x-research-info-systems', 'toRis'],
    ['CSL-JSON', `${base}.json`, 'application/vnd.citationstyles.csl+json', 'toCslJson'],
  ];
  for (const [label, name, type, writer] of formats) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `export-${label.toLowerCase()}`;
    button.textContent = label;
    button.addEventListener('click', async () => {
      const exportFormats = await import('./export_formats.js');
      download(name, type, exportFormats[writer](papers()));
    });
    container.append(button);
  }
}

export function initStarList(bar) {
  barPanel = bar.addPanel('★', 'Starred papers and export', 'star-panel');
  barPanel.panel.addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a.i-title');
    if (link && link.getAttribute('href').startsWith('#')) {
      event.preventDefault();
      document.getElementById(link.getAttribute('href').slice(1))?.scrollIntoView({ block: 'start' });
      barPanel.close();
    }
  });
  window.addEventListener('storage', (event) => {
    if (event.key !== kKey) return;
    entries = loadJson(kKey, []);
    render();
    for (const listener of changeListeners) listener();
  });
  render();
}
