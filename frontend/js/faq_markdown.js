// FAQ answers (Markdown with TeX math, written by a model: untrusted) to safe HTML. The math
// ($...$, $$...$$, \(...\), \[...\]) and the page marks ("[page N]", "[pages N, M]") are cut out
// before markdown-it sees the text, so its emphasis and escapes cannot mangle them, and put back
// after: formulas typeset by KaTeX (loaded on first use; the TeX shows until then), marks as small
// links to the PDF at that page. markdown-it runs with html:false and no linkify, and DOMPurify
// cleans the final HTML: links survive only with an http(s) target and open in a new tab.
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

// Private-use characters that neither markdown-it nor a model's answer treats as syntax.
const kOpen = '\uE000';
const kClose = '\uE001';
const kTokenPattern = /\uE000(\d+)\uE001/g;
// An escaped dollar ("\$", Markdown for "$") first: it never opens or closes math. Then a
// bracketed citation ("\[39\]", "\[3, 4\]", "\[12-14\]": Markdown's escaped "[39]", as
// extractive answers and some models write it), which stays inline text, not a display formula
// (issue #15 point 1). Display math before inline, so "$$" is never read as two empty formulas.
const kMathPattern = /\\\$|\\\[(\s*\d+(?:\s*[,\u2013-]\s*\d+)*\s*)\\\]|\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|\$([^$\n]+?)\$/g;
const kPagePattern = /\[pages?\s+(\d+(?:\s*(?:,|and|-|–)\s*\d+)*)\]/gi;

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

let katex = null;     // the module once loaded
let katexLoad = null; // its import() promise
const katexListeners = new Set();
const formulaCache = new Map();  // "d|tex" -> HTML

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  const href = node.getAttribute('href');
  let safe = false;
  if (href !== null) {
    try {
      const url = new URL(href, window.location.href);
      safe = url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      safe = false;
    }
  }
  if (!safe) node.removeAttribute('href');
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', 'noopener noreferrer');
});

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// Loads KaTeX (its chunk and style sheet) once; `listener` runs when it is ready.
function requestKatex(listener) {
  if (katex) return;
  if (listener) katexListeners.add(listener);
  if (katexLoad) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = __KATEX_CSS_URL__;
  document.head.append(link);
  katexLoad = import('katex').then((module) => {
    katex = module.default ?? module;
    for (const notify of katexListeners) notify();
    katexListeners.clear();
  }).catch(() => {
    katexLoad = null;  // formulas keep showing as TeX
  });
}

function renderFormula(tex, display) {
  const key = `${display ? 'd' : 'i'}|${tex}`;
  let html = formulaCache.get(key);
  if (html === undefined) {
    html = katex.renderToString(tex, { displayMode: display, throwOnError: false, strict: 'ignore', output: 'htmlAndMathml' });
    formulaCache.set(key, html);
  }
  return display ? `<div class="faq-display-math notranslate">${html}</div>` : `<span class="notranslate">${html}</span>`;
}

// Markdown `text` as sanitised HTML. `paperId` names the paper the page marks link to;
// `onMathLoaded` is called once when KaTeX, requested because the text has math, is ready (the
// caller renders again).
export function renderFaqMarkdown(text, paperId, onMathLoaded) {
  const pieces = [];
  const keep = (html) => {
    pieces.push(html);
    return `${kOpen}${pieces.length - 1}${kClose}`;
  };
  let hasMath = false;
  let source = text.replace(/[\uE000\uE001]/g, '');
  source = source.replace(kMathPattern, (whole, citation, displayDollar, displayBracket, inlineParen, inlineDollar) => {
    if (whole === '\\$') return whole;
    if (citation !== undefined) return keep(escapeHtml(`[${citation.trim()}]`));
    const display = displayDollar !== undefined || displayBracket !== undefined;
    const tex = (displayDollar ?? displayBracket ?? inlineParen ?? inlineDollar).trim();
    if (!tex) return whole;
    hasMath = true;
    if (!katex) return keep(`<code class="faq-tex">${escapeHtml(whole)}</code>`);
    return keep(renderFormula(tex, display));
  });
  source = source.replace(kPagePattern, (whole, list) => {
    const first = /\d+/.exec(list)[0];
    const label = `p. ${list.replace(/\s+/g, ' ')}`;
    // A venue paper's id ("2024.naacl-long.431@ACL") may hold any byte: it goes percent-encoded.
    const href = `/pdf/${paperId.includes('@') ? encodeURIComponent(paperId) : paperId}#page=${first}`;
    return keep(`<a class="faq-page" href="${escapeHtml(href)}" data-page="${first}" title="${escapeHtml(whole)}">${escapeHtml(label)}</a>`);
  });
  if (hasMath && !katex) requestKatex(onMathLoaded);
  const html = markdown.render(source).replace(kTokenPattern, (_, index) => pieces[Number(index)] ?? '');
  return DOMPurify.sanitize(html, { ADD_ATTR: ['target'] });
}

// Renders `text` into `el` at most about once per animation frame: the first text after a quiet
// spell renders at once (the first token shows without waiting for a frame), later ones wait for
// the next frame, and the latest text wins, so a fast stream of deltas costs one render per
// frame. Returns the scheduler: schedule(text).
export function frameRenderer(el, paperId) {
  const kFrameMs = 16;
  let pending = null;
  let frame = 0;
  let latest = '';
  let renderedAt = -Infinity;
  const flush = () => {
    frame = 0;
    if (pending === null) return;
    latest = pending;
    pending = null;
    renderedAt = performance.now();
    el.innerHTML = renderFaqMarkdown(latest, paperId, () => schedule(latest));
  };
  const schedule = (text) => {
    pending = text;
    if (frame) return;
    if (performance.now() - renderedAt >= kFrameMs) flush();
    else frame = requestAnimationFrame(flush);
  };
  return schedule;
}
