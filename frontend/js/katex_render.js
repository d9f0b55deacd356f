// The KaTeX chunk (loaded by math.js). Rendered formulas get class="notranslate", so a browser
// translating the page translates the words around them and leaves the formulas intact
// (reference section 2.10).
import renderMathInElement from 'katex/contrib/auto-render';

const kOptions = {
  delimiters: [
    { left: '$$', right: '$$', display: false },
    { left: '$', right: '$', display: false },
    { left: '\\(', right: '\\)', display: false },
    { left: '\\[', right: '\\]', display: true },
  ],
  // A dollar sign that is not math (prices) shows as written rather than stopping the card.
  throwOnError: false,
  strict: 'ignore',
  errorCallback: () => {},
};

export function renderMath(el) {
  if (!el) return;
  renderMathInElement(el, kOptions);
  for (const formula of el.querySelectorAll('.katex')) formula.classList.add('notranslate');
}
