// The card's buttons: [PDF] toggles the inline viewer (pdf_viewer.js, loaded on first use) and
// stars the paper; [FAQ] does too and opens the answer panel (faq_panel.js, loaded on first
// use); [Copy] copies it; a collapse button at the card's foot closes what [PDF]
// opened. A "p. 3" mark in the card's FAQ opens the inline viewer at page 3 (a new tab, by a
// modifier or middle click, gets /pdf/<id>#page=3). Opening [PDF] or [FAQ] also counts a click (click_counts.js) and adds the paper's
// keywords to the reader's word cloud (word_cloud.js). The [FAQ] button's label is the site's
// (`<body data-faq-label>`, e.g. "Kimi"). One listener on the document serves every card,
// lazily inserted ones included.
import { addCardButton, findPaper, isVenuePaper, onCardsInserted, readCard } from './card_registry.js';
import { recordClick } from './click_counts.js';
import { copyPaper } from './copy_paper.js';
import { starPaper } from './star_list.js';
import { trackPaperKeywords } from './word_cloud.js';

let viewerModule = null;
let faqModule = null;  // faq_panel.js, loaded on the first [FAQ] click

function paperOf(card) {
  return findPaper(card.id) ?? readCard(card);
}

function addCopyButton(card) {
  addCardButton(card, 'title-copy', '[Copy]', 'Copy title, authors, link and abstract');
}

// The site's name for the FAQ (`data-faq-label` on the body, set from the server's config).
export function faqLabel() {
  const label = document.body?.dataset.faqLabel?.trim();
  return label || 'FAQ';
}

// The [FAQ] button in the card's placeholder (span.title-faq): faq_panel.js opens the answer.
function addFaqButton(card) {
  addCardButton(card, 'title-faq', `[${faqLabel()}]`, 'Questions and answers about this paper');
}

// A paper the reader opens: starred, counted, and its keywords in the word cloud.
function opened(paper, kind) {
  starPaper(paper);
  recordClick(paper.id, kind);
  // /api/related answers arXiv ids only (venue papers have no [REL] yet).
  if (!isVenuePaper(paper)) trackPaperKeywords(paper.id);
}

function toggleFaq(card, paper) {
  faqModule ??= import('./faq_panel.js');
  faqModule.then((module) => module.toggleFaq(card, paper));
}

function closePdf(card) {
  const viewer = card.querySelector('.pdf-viewer');
  if (viewer) viewerModule?.then(({ closePdfViewer }) => closePdfViewer(viewer));
  viewer?.remove();
  card.querySelector('.card-collapse')?.remove();
}

function openPdf(card, paper, page) {
  const viewer = document.createElement('div');
  viewer.className = 'pdf-viewer';
  const collapse = document.createElement('button');
  collapse.type = 'button';
  collapse.className = 'card-collapse';
  collapse.textContent = 'Collapse ▲';
  card.append(viewer, collapse);
  viewerModule ??= import('./pdf_viewer.js');
  viewerModule.then(({ showPdf }) => showPdf(viewer, paper, { page }));
}

function togglePdf(card, paper) {
  if (card.querySelector('.pdf-viewer')) closePdf(card);
  else openPdf(card, paper, 1);
}

// The FAQ's "p. N": the open viewer goes to page N, or one opens there.
function showPage(card, paper, page) {
  const viewer = card.querySelector('.pdf-viewer');
  if (!viewer) {
    openPdf(card, paper, page);
    return;
  }
  viewerModule.then(({ showPdfPage }) => showPdfPage(viewer, page));
}

function isPlainClick(event) {
  return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
}

function onClick(event) {
  const target = event.target;
  if (!(target instanceof Element)) return;
  const card = target.closest('div.panel.paper');
  if (!card) return;
  if (target.closest('a.faq-page')) {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    const paper = paperOf(card);
    starPaper(paper);
    showPage(card, paper, Number(target.closest('a.faq-page').dataset.page) || 1);
  } else if (target.closest('a.title-pdf')) {
    // A new tab or window (modifier keys, middle click) gets the source's PDF as the link says.
    if (!isPlainClick(event)) return;
    event.preventDefault();
    const paper = paperOf(card);
    if (card.querySelector('.pdf-viewer')) starPaper(paper);
    else opened(paper, 'pdf');
    togglePdf(card, paper);
  } else if (target.closest('.title-faq button')) {
    const paper = paperOf(card);
    if (card.querySelector(':scope > .faq-panel')) starPaper(paper);
    else opened(paper, 'faq');
    toggleFaq(card, paper);
  } else if (target.closest('.title-copy button')) {
    const button = target.closest('button');
    copyPaper(paperOf(card)).then((ok) => {
      button.textContent = ok ? '[Copied]' : '[Copy failed]';
      button.classList.toggle('copied', ok);
      setTimeout(() => {
        button.textContent = '[Copy]';
        button.classList.remove('copied');
      }, 1500);
    });
  } else if (target.closest('.card-collapse')) {
    closePdf(card);
    card.scrollIntoView({ block: 'nearest' });
  }
}

// papers.cool's FAQ links (/arxiv/kimi?paper=<id>) arrive as the paper's page with "#faq": its
// FAQ opens as if [FAQ] were clicked.
export function openFaqFromHash() {
  if (window.location.hash !== '#faq') return;
  document.querySelector('div.panel.paper .title-faq button')?.click();
}

export function initCardActions() {
  onCardsInserted((papers) => {
    for (const paper of papers) {
      addCopyButton(paper.el);
      addFaqButton(paper.el);
    }
  });
  document.addEventListener('click', onClick);
}
