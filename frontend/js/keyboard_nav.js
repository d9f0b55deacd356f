// Keyboard navigation of a list (issue #15, upgrade 1): j/k next and previous card, s star,
// p PDF, f FAQ, / the filter, ? this help. Keys typed into a field, or with Ctrl, Alt or Meta,
// are left alone.
import { currentCard, setCurrentCard, visibleCards } from './reading_position.js';

const kKeys = [
  ['j', 'next paper'],
  ['k', 'previous paper'],
  ['s', 'star or unstar it'],
  ['p', 'open or close its PDF'],
  ['f', 'open or close its FAQ'],
  ['/', 'filter this page'],
  ['?', 'show or hide these keys'],
];

let help = null;

function toggleHelp() {
  if (!help) {
    help = document.createElement('div');
    help.className = 'keys-help';
    help.setAttribute('role', 'dialog');
    help.setAttribute('aria-label', 'Keyboard shortcuts');
    const title = document.createElement('h3');
    title.textContent = 'Keyboard shortcuts';
    const list = document.createElement('dl');
    for (const [key, what] of kKeys) {
      const term = document.createElement('dt');
      const kbd = document.createElement('kbd');
      kbd.textContent = key;
      term.append(kbd);
      const description = document.createElement('dd');
      description.textContent = what;
      list.append(term, description);
    }
    help.append(title, list);
    help.hidden = true;
    document.body.append(help);
  }
  help.hidden = !help.hidden;
}

function move(step) {
  const cards = visibleCards();
  if (!cards.length) return;
  const marked = cards.find((card) => card.classList.contains('current'));
  let next;
  if (marked) {
    next = cards.indexOf(marked) + step;
  } else {
    // Nothing marked yet: j goes to the card at the top (or the one after, when that one is
    // already aligned there), k to the one before it.
    const top = Math.max(0, cards.indexOf(currentCard()));
    next = step > 0 && cards[top].getBoundingClientRect().top > 8 ? top : top + step;
  }
  setCurrentCard(cards[Math.max(0, Math.min(cards.length - 1, next))]);
}

function act(selector) {
  const card = currentCard();
  card?.querySelector(selector)?.click();
}

function openFilter() {
  const button = [...document.querySelectorAll('.bottom-bar > button')].find((b) => b.textContent.includes('Filter'));
  if (!button) return;
  if (button.getAttribute('aria-expanded') !== 'true') button.click();
  document.querySelector('.filter-panel .filter-include')?.focus();
}

function onKey(event) {
  if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
  const target = event.target;
  if (target instanceof Element && target.closest('input, textarea, select, [contenteditable]')) return;
  const actions = {
    j: () => move(1),
    k: () => move(-1),
    s: () => act('button.card-star'),
    p: () => act('a.title-pdf'),
    f: () => act('.title-faq button'),
    '/': openFilter,
    '?': toggleHelp,
  };
  const action = actions[event.key];
  if (!action) {
    if (event.key === 'Escape' && help && !help.hidden) help.hidden = true;
    return;
  }
  event.preventDefault();
  action();
}

export function initKeyboardNav() {
  if (!document.getElementById('papers')) return;
  document.addEventListener('keydown', onKey);
}
