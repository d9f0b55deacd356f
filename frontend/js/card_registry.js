// Every card of the day, rendered or still waiting in lazy_cards.js, with the text read from its
// markup before anything (math, highlights) changes it. The filter and the star list work from
// here, so they cover the whole day and not only the cards in the page.

const papers = new Map();  // id -> paper, in arXiv order
const insertedListeners = [];
const registeredListeners = [];

// Reads a card (div.panel.paper from src/web/pages/paper_card.cc) into a plain paper record.
// A paper of the venue branch: its id is <local>@<SOURCE> (docs/venues.md). [PDF], [FAQ] and
// their click counts work on these as on arXiv papers; translations and the word cloud's
// keywords stay arXiv's.
export function isVenuePaper(paper) {
  return paper.id.includes('@');
}

export function readCard(el) {
  const text = (selector) => el.querySelector(selector)?.textContent.trim() ?? '';
  // An arXiv card links each author (a.author); a venue card names them (span.author), their
  // affiliations apart (src/web/pages/venue_card.h).
  const authorNodes = [...el.querySelectorAll('p.authors a.author, p.authors span.author')];
  const authors = authorNodes.map((a) => a.textContent.trim());
  // The subjects' links (or plain spans for unknown ids); subject_choice.js's buttons are not.
  const categories = [...el.querySelectorAll('p.subjects > a, p.subjects > span:not(.subject-choice)')].map((node) => {
    const href = node.getAttribute('href');
    return href ? href.slice(href.lastIndexOf('/') + 1) : node.textContent.trim();
  });
  // The parts of each name (data attributes, src/web/pages/paper_card.cc) and the COinS span's
  // date, versioned arXiv id and DOI (src/web/pages/coins.h): what the exports cite.
  const names = authorNodes.map((a) => ({
    family: a.dataset.family ?? a.textContent.trim(),
    given: a.dataset.given ?? '',
    suffix: a.dataset.suffix ?? '',
    group: a.hasAttribute('data-group'),
  }));
  const coins = new URLSearchParams(el.querySelector('span.Z3988')?.getAttribute('title') ?? '');
  const ids = coins.getAll('rft_id');
  const arxiv = /^info:arxiv\/.*v(\d+)$/.exec(ids.find((id) => id.startsWith('info:arxiv/')) ?? '');
  const doi = ids.find((id) => id.startsWith('info:doi/'))?.slice('info:doi/'.length) ?? '';
  const index = el.querySelector('a.index');
  const pdf = el.querySelector('a.title-pdf');
  const paper = {
    id: el.id,
    el,
    title: text('a.title-link'),
    authors,
    abstract: text('p.summary'),
    categories,
    published: text('.date-data'),
    names,
    cited: coins.get('rft.date') ?? '',
    version: arxiv ? Number(arxiv[1]) : 0,
    doi,
    absUrl: index ? index.getAttribute('href') : `https://arxiv.org/abs/${el.id}`,
    // A conference paper's proceedings (its COinS book title): the exports cite it so.
    venue: coins.get('rft.genre') === 'proceeding' ? coins.get('rft.btitle') ?? '' : '',
    pdfUrl: pdf ? pdf.getAttribute('data') || pdf.getAttribute('href') : `https://arxiv.org/pdf/${el.id}`,
  };
  paper.lower = {
    title: paper.title.toLowerCase(),
    abstract: paper.abstract.toLowerCase(),
    authors: authors.join(', ').toLowerCase(),
  };
  return paper;
}

// Adds cards that are not in the page yet (fetched ahead by lazy_cards.js), and tells the
// listeners of onCardsRegistered about the new ones.
export function registerPendingCards(elements) {
  const added = [];
  for (const el of elements) {
    if (!el.id || papers.has(el.id)) continue;
    const paper = readCard(el);
    papers.set(el.id, paper);
    added.push(paper);
  }
  if (added.length) for (const listener of registeredListeners) listener(added);
}

// Calls `listener(papers)` with each batch of papers newly known to the page (in it or still
// waiting in lazy_cards.js), from now on.
export function onCardsRegistered(listener) {
  registeredListeners.push(listener);
}

// Registers cards just put in the page and tells the listeners (math, buttons, highlights).
export function registerInsertedCards(elements) {
  registerPendingCards(elements);
  const inserted = elements.map((el) => papers.get(el.id)).filter(Boolean);
  for (const listener of insertedListeners) listener(inserted);
}

// Calls `listener(papers)` with each batch of cards put in the page, from now on.
export function onCardsInserted(listener) {
  insertedListeners.push(listener);
}

export function allPapers() {
  return papers.values();
}

export function paperCount() {
  return papers.size;
}

export function findPaper(id) {
  return papers.get(id);
}

// Puts a button labelled `label` in the card's placeholder `span.<placeClass>` (the server
// renders one per card action), once. Returns the button, or null when the card has no such
// placeholder or it is already filled.
export function addCardButton(card, placeClass, label, title) {
  const place = card.querySelector(`span.${placeClass}`);
  if (!place || place.firstChild) return null;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.title = title;
  place.append(button);
  return button;
}
