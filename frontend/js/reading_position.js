// Where the reader is in a list (issue #15, upgrade 1): the current card (the first whose foot
// is below the top of the window, or the one j/k moved to) and a small sticky indicator,
// "#66 of 350 · Tue, 27 May 2025", kept up to date while scrolling (once per frame at most).

let current = null;
let indicator = null;
let total = '';
let day = '';
let scheduled = false;

// The cards a reader can see, in page order (hidden ones, filtered out, are skipped).
export function visibleCards() {
  return [...document.querySelectorAll('#papers div.panel.paper')].filter((card) => !card.hidden && card.offsetParent !== null);
}

function cardAtTop() {
  const cards = visibleCards();
  // Binary search: cards are in page order, so their feet are increasing.
  let low = 0;
  let high = cards.length - 1;
  let found = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (cards[middle].getBoundingClientRect().bottom > 48) {
      found = cards[middle];
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return found;
}

function show() {
  scheduled = false;
  if (!indicator) return;
  const card = current?.isConnected && !current.hidden ? current : cardAtTop();
  const number = card?.querySelector('a.index')?.textContent ?? '';
  indicator.hidden = !card || window.scrollY < 200;
  indicator.textContent = [number && total ? `${number} of ${total}` : number, day].filter(Boolean).join(' · ');
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(show);
}

export function currentCard() {
  return current?.isConnected && !current.hidden ? current : cardAtTop();
}

// Makes `card` the current one (outlined), scrolled to the top of the window.
export function setCurrentCard(card) {
  current?.classList.remove('current');
  current = card;
  card.classList.add('current');
  card.scrollIntoView({ block: 'start' });
  schedule();
}

export function initReadingPosition() {
  if (!document.getElementById('papers')) return;
  const info = document.querySelector('p.info');
  total = (info?.querySelector('span.total')?.textContent ?? '').replace(/^Total:\s*/, '');
  day = info?.querySelector('span.day')?.textContent ?? '';
  indicator = document.createElement('div');
  indicator.className = 'reading-position';
  indicator.setAttribute('aria-hidden', 'true');
  indicator.hidden = true;
  // In the bottom bar: on a phone it is a line of the bar (bottom_bar.css) instead of a label
  // over the text at the top of the window; wider windows still show it at the top centre.
  (document.querySelector('.bottom-bar') ?? document.body).append(indicator);
  // Scrolling by hand hands the position back to the window.
  window.addEventListener('wheel', () => { current?.classList.remove('current'); current = null; }, { passive: true });
  window.addEventListener('touchmove', () => { current?.classList.remove('current'); current = null; }, { passive: true });
  window.addEventListener('scroll', schedule, { passive: true });
  schedule();
}
