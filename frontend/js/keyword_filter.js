// The in-page filter (reference section 2.4): include keywords (one per line, any or all of
// them), exclude keywords, in titles, abstracts and/or authors, case-insensitive. It covers every
// card of the day (card_registry.js), highlights the include keywords with the CSS Custom
// Highlight API (no change to the cards' markup, so math and selections are left alone), counts
// the matches and, with "show only matches" (on by default), hides the others. While a filter is
// active its bar button reads "Filtered 3/350", with a ✕ beside it that clears the filter, so a
// closed panel never hides its effect (issue #15 point 5). Ctrl/Cmd+F opens it, except in an
// inline PDF's pages, where the browser's find searches the PDF's text.
import { allPapers, findPaper, onCardsInserted, paperCount } from './card_registry.js';
import { ensureAllCards } from './lazy_cards.js';
import { onMathTypeset } from './math.js';

const kHighlightName = 'keyword-match';
const kButtonTitle = 'Filter this page by keywords (Ctrl+F)';

// One keyword per line, trimmed and lower-cased; blank lines dropped.
export function parseKeywords(text) {
  return text.split('\n').map((line) => line.trim().toLowerCase()).filter(Boolean);
}

// Whether `paper` (with lower-cased fields, as card_registry.js keeps them) passes the filter
// {include, exclude, all (AND), fields: {title, abstract, authors}}.
export function matchesFilter(paper, filter) {
  const texts = [];
  if (filter.fields.title) texts.push(paper.lower.title);
  if (filter.fields.abstract) texts.push(paper.lower.abstract);
  if (filter.fields.authors) texts.push(paper.lower.authors);
  const found = (keyword) => texts.some((text) => text.includes(keyword));
  if (filter.exclude.some(found)) return false;
  if (!filter.include.length) return true;
  return filter.all ? filter.include.every(found) : filter.include.some(found);
}

const kFieldSelectors = { title: 'a.title-link', abstract: 'p.summary', authors: 'p.authors' };

function addRanges(root, keywords, ranges) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('.katex') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.toLowerCase();
    for (const keyword of keywords) {
      for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + keyword.length)) {
        const range = new Range();
        range.setStart(node, at);
        range.setEnd(node, at + keyword.length);
        ranges.push(range);
      }
    }
  }
}

export function initKeywordFilter(bar) {
  const entry = bar.addPanel('Filter', kButtonTitle, 'filter-panel');
  const panel = entry.panel;
  panel.innerHTML = `<h3>Filter this page</h3>
<div class="filter-lists">
<label>Include (one per line)<textarea class="filter-include" rows="3" spellcheck="false"></textarea></label>
<label>Exclude (one per line)<textarea class="filter-exclude" rows="3" spellcheck="false"></textarea></label>
</div>
<div class="filter-options">
<label><input type="radio" name="filter-mode" value="or" checked> OR</label>
<label><input type="radio" name="filter-mode" value="and"> AND</label>
<span>in</span>
<label><input type="checkbox" class="field" value="title" checked> title</label>
<label><input type="checkbox" class="field" value="abstract" checked> abstract</label>
<label><input type="checkbox" class="field" value="authors" checked> authors</label>
<label><input type="checkbox" class="filter-only" checked> show only matches</label>
<span class="filter-count" aria-live="polite"></span>
</div>`;
  const include = panel.querySelector('.filter-include');
  const exclude = panel.querySelector('.filter-exclude');
  const count = panel.querySelector('.filter-count');
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.className = 'filter-clear';
  clear.textContent = '\u2715';
  clear.title = 'Clear the filter: show every paper';
  clear.setAttribute('aria-label', 'Clear the filter');
  clear.hidden = true;
  entry.button.after(clear);
  const highlights = 'highlights' in CSS ? new Highlight() : null;
  if (highlights) CSS.highlights.set(kHighlightName, highlights);
  let filter = null;
  let active = false;
  let wholeDay = false;

  function readFilter() {
    const fields = {};
    for (const box of panel.querySelectorAll('input.field')) fields[box.value] = box.checked;
    return {
      include: parseKeywords(include.value),
      exclude: parseKeywords(exclude.value),
      all: panel.querySelector('input[name=filter-mode]:checked').value === 'and',
      fields,
      only: panel.querySelector('.filter-only').checked,
    };
  }

  // Only cards near the viewport are highlighted (the rest as they scroll near), so a keystroke
  // costs the same on a 350-paper day as on a 25-paper one.
  const near = new Set();
  let refresh = 0;
  const nearObserver = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) near.add(entry.target);
      else near.delete(entry.target);
    }
    if (active && !refresh) {
      refresh = requestAnimationFrame(() => {
        refresh = 0;
        highlightCards(true);
      });
    }
  }, { rootMargin: '800px 0px' });

  function highlightCards(reset) {
    if (!highlights) return;
    if (reset) highlights.clear();
    if (!active || !filter.include.length) return;
    const ranges = [];
    for (const el of near) {
      const paper = findPaper(el.id);
      if (!paper || !el.isConnected || el.hidden) continue;
      for (const [field, selector] of Object.entries(kFieldSelectors)) {
        if (!filter.fields[field]) continue;
        const root = paper.el.querySelector(selector);
        if (root) addRanges(root, filter.include, ranges);
      }
    }
    for (const range of ranges) highlights.add(range);
  }

  function apply() {
    const started = performance.now();
    filter = readFilter();
    active = filter.include.length > 0 || filter.exclude.length > 0;
    let matches = 0;
    const papers = [...allPapers()];
    for (const paper of papers) {
      const match = !active || matchesFilter(paper, filter);
      if (match) ++matches;
      paper.el.hidden = active && filter.only && !match;
    }
    highlightCards(true);
    const total = paperCount();
    count.textContent = active ? `${matches} of ${total} match` : `${total} papers`;
    count.dataset.matches = String(matches);
    // On a phone the bar has room for the figures only (CSS hides the word).
    if (active) {
      const word = document.createElement('span');
      word.className = 'filter-word';
      word.textContent = 'Filtered ';
      entry.button.replaceChildren(word, `${matches}/${total}`);
      entry.button.title = `Filtered: ${matches} of ${total} papers shown (click to change the filter)`;
    } else {
      entry.button.textContent = 'Filter';
      entry.button.title = kButtonTitle;
    }
    entry.button.classList.toggle('filter-active', active);
    entry.button.dataset.matches = active ? String(matches) : '';
    clear.hidden = !active;
    panel.dataset.filterMs = (performance.now() - started).toFixed(2);
  }

  // The filter covers the whole day: the first time it is used, every card comes into the page.
  async function onInput() {
    apply();
    if (active && !wholeDay) {
      wholeDay = true;
      await ensureAllCards();
      apply();
    }
  }

  panel.addEventListener('input', onInput);
  clear.addEventListener('click', () => {
    include.value = '';
    exclude.value = '';
    apply();
    entry.close();
  });
  panel.addEventListener('panelopen', () => {
    apply();
    include.focus();
  });
  onCardsInserted((papers) => {
    for (const paper of papers) nearObserver.observe(paper.el);
    if (!filter || !active) return;
    for (const paper of papers) paper.el.hidden = filter.only && !matchesFilter(paper, filter);
  });
  onMathTypeset(() => active && highlightCards(true));
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
      // A second Ctrl+F inside the open panel falls through to the browser's own search, and
      // so does one in a PDF's pages (their text layer, pdf_viewer.js).
      if (entry.isOpen() && panel.contains(document.activeElement)) return;
      if (document.activeElement?.closest('.pdf-viewer')) return;
      event.preventDefault();
      entry.open();
    }
  });
}
