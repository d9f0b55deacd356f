// Lazy rendering of a big day: the page arrives with its first cards (25) and a nav.more link
// to the rest. The rest of the day is fetched once, as one HTML fragment rendered by the server
// (?fragment=1&show=2000, cached and gzipped there), kept out of the page, and put in 25 cards at
// a time as the reader nears the bottom. ensureAllCards() puts in everything at once (the filter
// uses it). Without JavaScript the nav.more link still opens the next slice as a page.
import { registerInsertedCards, registerPendingCards } from './card_registry.js';

const kBatch = 25;
const kWholeDay = '2000';  // router.h's kMaxShow; a longer day is fetched in several parts

let sentinel = null;  // the nav.more: cards are inserted before it
let firstUrl = null;
let pending = [];
let loading = null;
let observer = null;

export function initLazyCards() {
  sentinel = document.querySelector('#papers nav.more');
  const link = sentinel?.querySelector('a');
  if (!link) return;
  firstUrl = new URL(link.href, window.location.href);
  link.textContent = 'More papers…';
  observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) renderMore(kBatch);
  }, { rootMargin: '1200px 0px' });
  observer.observe(sentinel);
}

function fetchRestOfDay() {
  if (!loading) {
    loading = (async () => {
      let url = new URL(firstUrl);
      url.searchParams.set('show', kWholeDay);
      while (url) {
        url.searchParams.set('fragment', '1');
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        const template = document.createElement('template');
        template.innerHTML = await response.text();
        const cards = [...template.content.querySelectorAll('div.panel.paper')];
        registerPendingCards(cards);
        pending.push(...cards);
        const next = template.content.querySelector('nav.more a');
        url = next ? new URL(next.getAttribute('href'), window.location.href) : null;
      }
    })();
    // A failed fetch leaves the link for the reader to follow, and lets a later scroll retry.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

let busy = false;
async function renderMore(count) {
  if (busy || !sentinel) return;
  busy = true;
  try {
    await fetchRestOfDay();
    insert(pending.splice(0, count));
  } catch {
    return;
  } finally {
    busy = false;
  }
  if (sentinel) {
    // Re-observing reports the sentinel again if it is still near: the next batch follows.
    observer.unobserve(sentinel);
    observer.observe(sentinel);
  }
}

function insert(cards) {
  if (cards.length) {
    const fragment = document.createDocumentFragment();
    fragment.append(...cards);
    sentinel.before(fragment);
    registerInsertedCards(cards);
  }
  if (!pending.length && loading) {
    observer.disconnect();
    sentinel.remove();
    sentinel = null;
  }
}

// Resolves once every card of the day is in the page.
export async function ensureAllCards() {
  if (!sentinel) return;
  await fetchRestOfDay();
  if (sentinel) insert(pending.splice(0));
}
