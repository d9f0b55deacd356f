// One paper's own page (/arxiv/<id>, marked by paper_page.cc's p.paper-info; issue #15, upgrade
// 3): its stored FAQ opens inline at once (only one already answered: nothing is generated, and
// opening it counts as no click and no star), and its related papers ([REL]) open below.
import { findPaper, readCard } from './card_registry.js';
import { faqLanguage } from './storage.js';

// The page says which languages its FAQ is stored in (p.paper-info[data-faq], "en zh").
async function showStoredFaq(card, stored) {
  if (!stored.includes(faqLanguage()) || card.querySelector(':scope > .faq-panel')) return;
  const { toggleFaq } = await import('./faq_panel.js');
  toggleFaq(card, findPaper(card.id) ?? readCard(card));
}

export function initSinglePaper() {
  const info = document.querySelector('p.paper-info');
  if (!info) return;
  const card = document.querySelector('#papers div.panel.paper');
  if (!card) return;
  card.querySelector('.title-rel button')?.click();
  // "#faq" (papers.cool's FAQ link) opens the FAQ whether answered or not (card_actions.js).
  if (window.location.hash !== '#faq') showStoredFaq(card, (info.dataset.faq ?? '').split(' '));
}
