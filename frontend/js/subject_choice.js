// The subjects' "+" and "−" on each card (reference section 2.1.5): after each category link,
// two small buttons (shown on hover or focus, always on touch screens) put the category in the
// reader's include or exclude set, the sets the home page's chooser shows and opens
// (storage.js). Pressing a pressed button takes the category out again.
import { onCardsInserted } from './card_registry.js';
import { categoryChoice, setCategoryChoice } from './storage.js';

const kButtons = [
  { state: 'include', label: '+', verb: 'Include' },
  { state: 'exclude', label: '−', verb: 'Exclude' },
];

function categoryOf(link) {
  const href = link.getAttribute('href') ?? '';
  return href.startsWith('/arxiv/') ? decodeURIComponent(href.slice('/arxiv/'.length)) : '';
}

function paint(group, state) {
  group.dataset.state = state;
  for (const button of group.querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(button.dataset.choice === state));
  }
}

function addButtons(card) {
  for (const link of card.querySelectorAll('p.subjects > a')) {
    if (link.nextElementSibling?.classList.contains('subject-choice')) continue;
    const category = categoryOf(link);
    if (!category) continue;
    const group = document.createElement('span');
    group.className = 'subject-choice';
    group.dataset.category = category;
    for (const { state, label, verb } of kButtons) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.choice = state;
      button.textContent = label;
      button.title = `${verb} ${category} in your categories (home page)`;
      button.setAttribute('aria-label', `${verb} ${category}`);
      group.append(button);
    }
    paint(group, categoryChoice(category));
    link.after(group);
  }
}

export function initSubjectChoice() {
  onCardsInserted((papers) => {
    for (const paper of papers) addButtons(paper.el);
  });
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('.subject-choice button');
    if (!button) return;
    const group = button.parentElement;
    const category = group.dataset.category;
    const state = categoryChoice(category) === button.dataset.choice ? 'neutral' : button.dataset.choice;
    setCategoryChoice(category, state);
  });
  // Every card showing the category follows the change (and another tab's, through storage).
  const repaint = () => {
    for (const group of document.querySelectorAll('.subject-choice')) paint(group, categoryChoice(group.dataset.category));
  };
  document.addEventListener('coolpapers:categories', repaint);
  window.addEventListener('storage', (event) => event.key === 'coolpapers.categories' && repaint());
}
