// LaTeX in titles and abstracts ($...$, \(...\), $$...$$, \[...\]) rendered with KaTeX. KaTeX
// and its style sheet load only when the page has a card that looks like it holds math, and a
// card is typeset when it nears the viewport, so lazily inserted cards are typeset too.
// TeX outside the math (\emph{..}, \%, ``quotes'', ...) becomes text and style first, as each card
// is put in the page (tex_text.js).
import { onCardsInserted } from './card_registry.js';
import { renderTexText } from './tex_text.js';

const kMathPattern = /\$[^$]+\$|\\\(|\\\[/;

let katex = null;
let observer = null;
const typesetListeners = [];

export function hasMath(paper) {
  return kMathPattern.test(paper.title) || kMathPattern.test(paper.abstract);
}

// Calls `listener(cardElement)` after a card's math was typeset (its text nodes changed).
export function onMathTypeset(listener) {
  typesetListeners.push(listener);
}

function loadKatex() {
  if (!katex) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = __KATEX_CSS_URL__;
    document.head.append(link);
    katex = import('./katex_render.js');
  }
  return katex;
}

async function typeset(el) {
  const { renderMath } = await loadKatex();
  renderMath(el.querySelector('a.title-link'));
  renderMath(el.querySelector('p.summary'));
  el.dataset.math = 'typeset';
  for (const listener of typesetListeners) listener(el);
}

// Typesets the math in `el` (a translation put under a card, say) when its text has any.
export async function typesetElement(el) {
  renderTexText(el);
  if (!kMathPattern.test(el.textContent)) return;
  const { renderMath } = await loadKatex();
  renderMath(el);
}

export function initMath() {
  observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      typeset(entry.target);
    }
  }, { rootMargin: '600px 0px' });
  onCardsInserted((papers) => {
    for (const paper of papers) {
      renderTexText(paper.el.querySelector('a.title-link'));
      renderTexText(paper.el.querySelector('p.summary'));
      if (hasMath(paper)) observer.observe(paper.el);
    }
  });
}
