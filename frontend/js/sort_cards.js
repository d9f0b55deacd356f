// Sorting a day's list in the browser (reference section 2.7): arXiv order (the default), ★ by
// all readers' [PDF] and [FAQ] clicks (click_counts.js), publish time, or the reader's preference
// keywords (❤: the papers whose title and abstract hold them most often come first; with no
// keywords set, the top 20 words of the reader's word cloud, word_cloud.js). The order covers the
// whole day: a sort first brings every card into the page (lazy_cards.js). The choice is kept in
// the URL (`sort=`) and carried to the previous and next day's links.
//
// URL values: `stars`, `time`, `prefer` (the router accepts them on lists and ignores them, so a
// sorted day link never answers 400). Old links with `relevance` read as ❤, papers.cool's
// `sort=1` as ★. `like` ("Like my stars", like_sort.js) is ranked by the server from the
// reader's starred papers and preference keywords, sent with the request.
import { allPapers } from './card_registry.js';
import { clickTotal, countsSettled } from './click_counts.js';
import { ensureAllCards } from './lazy_cards.js';
import { likeOrder, initPersonalFeedLink } from './like_sort.js';
import { preferenceKeywords } from './storage.js';
import { topCloudWords } from './word_cloud.js';

// The modes, by their `sort=` value; '' is arXiv order (no parameter).
const kModes = [
  { value: '', label: 'arXiv', title: 'arXiv announcement order' },
  { value: 'stars', label: '★ stars', title: 'Sort by how many readers opened the [PDF] or [FAQ]' },
  { value: 'time', label: '◷ time', title: 'Sort by publish time, earliest first' },
  { value: 'prefer', label: '❤ prefer', title: 'Sort by your preference keywords (or your word cloud when none are set)' },
  { value: 'like', label: '♥ my stars', title: 'Rank the day by likeness to your starred papers and preference keywords (ranked by the server, which keeps nothing)' },
];
// A conference edition (/venue/NAME.YEAR, src/web/pages/venue_page.h) sorts the same way, over
// the whole edition: the proceedings' order, ★ by its papers' clicks (counted as an arXiv
// paper's are) and ❤; its papers have no publish time.
const kVenueModes = [
  { value: '', label: 'source', title: 'The order of the proceedings' },
  kModes[1],
  kModes[3],
];
const kCloudWordsForPrefer = 20;

// The ❤ keywords: the reader's preference keywords, or the top words of their word cloud.
export function effectivePreferenceKeywords() {
  const keywords = preferenceKeywords();
  return keywords.length ? keywords : topCloudWords(kCloudWordsForPrefer);
}

// How many times the keywords occur in the paper's title and abstract (lower-cased fields, as
// card_registry.js keeps them; `keywords` lower-cased too).
export function preferenceScore(paper, keywords) {
  let score = 0;
  for (const keyword of keywords) {
    for (const text of [paper.lower.title, paper.lower.abstract]) {
      for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + keyword.length)) ++score;
    }
  }
  return score;
}

// `papers` (arXiv order) in the order of `mode`; the sort is stable, so ties keep arXiv order.
// Publish texts ("2025-05-26 17:59:59 UTC", or a day "2025-05-27") compare as strings; a paper
// without one goes last. `stars(id)` gives a paper's pdf + faq clicks (mode 'stars', descending).
// `ranked` (mode 'like') is the server's order of ids; papers it does not name go last.
export function sortedPapers(papers, mode, keywords, stars = () => 0, ranked = []) {
  const list = [...papers];
  if (mode === 'like') {
    const place = new Map(ranked.map((id, i) => [id, i]));
    const at = (paper) => place.get(paper.id) ?? ranked.length;
    list.sort((a, b) => at(a) - at(b));
  } else if (mode === 'time') {
    list.sort((a, b) => {
      if (!a.published || !b.published) return (a.published ? 0 : 1) - (b.published ? 0 : 1);
      return a.published < b.published ? -1 : a.published > b.published ? 1 : 0;
    });
  } else if (mode === 'prefer') {
    const scores = new Map(list.map((paper) => [paper.id, preferenceScore(paper, keywords)]));
    list.sort((a, b) => scores.get(b.id) - scores.get(a.id));
  } else if (mode === 'stars') {
    const totals = new Map(list.map((paper) => [paper.id, stars(paper.id)]));
    list.sort((a, b) => totals.get(b.id) - totals.get(a.id));
  }
  return list;
}

function modeFromUrl(modes) {
  let value = new URL(window.location.href).searchParams.get('sort') ?? '';
  if (value === 'relevance') value = 'prefer';  // the ❤ value of older links
  if (value === '1') value = 'stars';  // papers.cool's own links (its home page's ★ links)
  return modes.some((mode) => mode.value === value) ? value : '';
}

function withSort(href, mode) {
  const url = new URL(href, window.location.href);
  if (mode) url.searchParams.set('sort', mode);
  else url.searchParams.delete('sort');
  return url.pathname + url.search + url.hash;
}

export function initSortCards() {
  const container = document.getElementById('papers');
  const info = document.querySelector('p.info');
  // Only a day's list has a day line, and an edition its venue cards; search pages are sorted
  // by the server, and a venue paper's own page (venue cards, no info line) has nothing to sort.
  const edition = Boolean(container?.querySelector(':scope > div.venue-paper'));
  if (!container || !info || !(info.querySelector('span.day') || edition)) return;
  const modes = edition ? kVenueModes : kModes;
  const bar = document.createElement('span');
  bar.className = 'sort-modes';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Sort');
  const buttons = modes.map((mode) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = mode.label;
    button.title = mode.title;
    button.dataset.sort = mode.value || 'arxiv';
    button.addEventListener('click', () => choose(mode.value));
    bar.append(button);
    return button;
  });
  info.append(bar);
  let current = null;
  let generation = 0;

  async function apply(mode) {
    const mine = ++generation;
    container.dataset.sort = 'pending';
    if (mode) {
      try {
        await ensureAllCards();
      } catch {
        // The rest of the day did not come (offline): the cards in the page are sorted, and a
        // later choice tries again.
      }
      if (mode === 'stars') await countsSettled();
    }
    let ranked = [];
    if (mode === 'like') {
      try {
        ranked = await likeOrder(container);
      } catch {
        // No answer (offline, or an instance without a search index): arXiv order stays.
      }
    }
    if (mine !== generation) return;  // a later choice won
    const papers = [...allPapers()].filter((paper) => paper.el.parentNode === container);
    const keywords = mode === 'prefer' ? effectivePreferenceKeywords() : [];
    const order = sortedPapers(papers, mode, keywords, clickTotal, ranked);
    // The cards keep their place relative to whatever else #papers holds: they go, in the new
    // order, where the first of them was.
    const anchor = document.createComment('sorted cards');
    if (papers.length) papers[0].el.before(anchor);
    const fragment = document.createDocumentFragment();
    for (const paper of order) fragment.append(paper.el);
    anchor.replaceWith(fragment);
    container.dataset.sort = mode || 'arxiv';
  }

  function choose(mode, force = false) {
    if (mode === current && !force) return;
    current = mode;
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.sort === (mode || 'arxiv')));
    window.history.replaceState(window.history.state, '', withSort(window.location.href, mode));
    for (const link of info.querySelectorAll('a.previous-day, a.next-day')) {
      link.setAttribute('href', withSort(link.getAttribute('href'), mode));
    }
    apply(mode);
  }

  const initial = modeFromUrl(modes);
  if (initial) choose(initial);
  else {
    current = '';
    buttons[0].setAttribute('aria-pressed', 'true');
    for (const button of buttons.slice(1)) button.setAttribute('aria-pressed', 'false');
    container.dataset.sort = 'arxiv';
  }
  // New preference keywords re-rank a list sorted by them (or by stars and keywords).
  document.addEventListener('coolpapers:settings', () => (current === 'prefer' || current === 'like') && choose(current, true));
  initPersonalFeedLink(info, container);
}

