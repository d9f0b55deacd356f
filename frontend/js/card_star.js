// The ☆/★ toggle on every card (issue #15, upgrade 2): it shows whether the paper is in the
// reader's stars (star_list.js) and flips it. Opening [PDF] or [FAQ] still stars, as on
// papers.cool; every toggle follows changes made anywhere (the star panel, another tab).
import { findPaper, onCardsInserted, readCard } from './card_registry.js';
import { isStarred, onStarsChanged, starPaper, unstarPaper } from './star_list.js';

function show(button, id) {
  const starred = isStarred(id);
  button.textContent = starred ? '★' : '☆';
  button.setAttribute('aria-pressed', String(starred));
  button.title = starred ? 'Starred: click to unstar' : 'Star this paper';
}

function addToggle(card) {
  const heading = card.querySelector('h2');
  if (!heading || heading.querySelector('button.card-star')) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'card-star';
  show(button, card.id);
  heading.prepend(button);
}

function refreshAll() {
  for (const button of document.querySelectorAll('div.panel.paper button.card-star')) {
    show(button, button.closest('div.panel.paper').id);
  }
}

export function initCardStars() {
  onCardsInserted((papers) => {
    for (const paper of papers) addToggle(paper.el);
  });
  onStarsChanged(refreshAll);
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('button.card-star');
    if (!button) return;
    const card = button.closest('div.panel.paper');
    if (isStarred(card.id)) unstarPaper(card.id);
    else starPaper(findPaper(card.id) ?? readCard(card));
  });
}
