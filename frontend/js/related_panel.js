// [REL] on each card (reference sections 2.2, 2.8): opens, under the card, the paper's 10
// keywords and the papers most related to it, from /api/related/<id> (src/web/related_route.h);
// a second click closes it. While the site has no search index the API answers an error, shown
// as a message in the panel. One listener on the document serves every card.
import { addCardButton, onCardsInserted } from './card_registry.js';

function addRelButton(card) {
  addCardButton(card, 'title-rel', '[REL]', 'Keywords of this paper and related papers')
    ?.setAttribute('aria-expanded', 'false');
}

function errorMessage(body, status) {
  const message = body?.error?.message;
  return typeof message === 'string' && message ? message : `the server answered HTTP ${status}`;
}

// Fills `panel` from the API's answer: {"id", "keywords": [...], "papers": [{id, title}, ...]}
// (a venue paper's object also has "url").
function renderRelated(panel, data) {
  panel.replaceChildren();
  const keywords = document.createElement('p');
  keywords.className = 'related-keywords';
  keywords.append('Keywords: ');
  for (const word of data.keywords ?? []) {
    const span = document.createElement('span');
    span.className = 'related-keyword';
    span.textContent = word;
    keywords.append(span);
  }
  const papers = (data.papers ?? []).filter((paper) => paper.id !== data.id);
  const list = document.createElement('ol');
  list.className = 'related-papers';
  for (const paper of papers) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    // A venue paper (related papers cross branches) names its own page.
    link.href = paper.url ?? `/arxiv/${encodeURIComponent(paper.id)}`;
    link.textContent = paper.title || paper.id;
    item.append(link);
    list.append(item);
  }
  panel.append(keywords);
  if (papers.length) panel.append(list);
  else {
    const none = document.createElement('p');
    none.textContent = 'No related papers found.';
    panel.append(none);
  }
  panel.dataset.state = 'ready';
}

function showMessage(panel, text) {
  panel.replaceChildren();
  const p = document.createElement('p');
  p.className = 'related-message';
  p.textContent = text;
  panel.append(p);
  panel.dataset.state = 'error';
}

async function toggleRelated(card, button) {
  const open = card.querySelector(':scope > .related-panel');
  if (open) {
    open.remove();
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  const panel = document.createElement('section');
  panel.className = 'related-panel';
  panel.dataset.state = 'loading';
  panel.setAttribute('aria-label', 'Related papers');
  panel.textContent = 'Finding related papers…';
  // Under the card's text, above what [PDF] or [FAQ] opened.
  const after = card.querySelector(':scope > p.date') ?? card.querySelector(':scope > p.subjects');
  if (after) after.after(panel);
  else card.append(panel);
  button.setAttribute('aria-expanded', 'true');
  try {
    const response = await fetch(`/api/related/${encodeURIComponent(card.id)}`);
    const body = await response.json().catch(() => null);
    if (!panel.isConnected) return;
    if (!response.ok || !body) {
      showMessage(panel, `Related papers are not available yet: ${errorMessage(body, response.status)}.`);
      return;
    }
    renderRelated(panel, body);
  } catch {
    if (panel.isConnected) showMessage(panel, 'Related papers could not be loaded: the site did not answer.');
  }
}

export function initRelatedPanel() {
  onCardsInserted((papers) => {
    // Venue papers too: the index holds both branches, and related papers cross them.
    for (const paper of papers) addRelButton(paper.el);
  });
  document.addEventListener('click', (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const button = target.closest('.title-rel button');
    const card = button?.closest('div.panel.paper');
    if (card) toggleRelated(card, button);
  });
}
