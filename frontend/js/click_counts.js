// Click counters (reference section 2.2): after [PDF] and [FAQ] on each card, how many readers
// opened them (the server counts one click per reader per paper per UTC day; the reader is the
// cookie `coolpapers_reader`, a random id set here). Opening [PDF] or [FAQ] posts a click to
// /api/clicks/<id>?kind=pdf|faq and shows the answer's counts; the counts of every card the page
// knows come from GET /api/clicks/<id>,<id>,... after the first paint, and for the rest of the
// day as lazy_cards.js brings its cards. The ★ sort (sort_cards.js) ranks by these counts.
import { allPapers, findPaper, onCardsInserted, onCardsRegistered } from './card_registry.js';

const kReaderCookie = 'coolpapers_reader';
const kReaderMaxAge = 400 * 24 * 3600;  // Chromium's ceiling for a cookie's lifetime
// The server takes up to 2000 ids, but the request line must also fit its 16 KB header limit
// (web/server.h): a chunk stops at whichever comes first.
const kMaxIdsPerRequest = 2000;
const kMaxIdChars = 8000;

const counts = new Map();  // id -> {pdf, faq}; ids the server reported (non-zero) or a click answered
const requested = new Set();  // ids asked for already (or being asked)
let queued = [];
let flushing = null;  // the pending batch's promise
let inFlight = [];  // promises of requests not yet answered

// The reader id cookie's value, set first when missing: 32 random hex characters.
export function readerId() {
  for (const part of document.cookie.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === kReaderCookie && /^[A-Za-z0-9_-]{16,64}$/.test(value ?? '')) return value;
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const id = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  document.cookie = `${kReaderCookie}=${id}; path=/; max-age=${kReaderMaxAge}; SameSite=Lax`;
  return id;
}

// pdf + faq clicks of paper `id` as known so far (0 when none or not fetched yet).
export function clickTotal(id) {
  const entry = counts.get(id);
  return entry ? entry.pdf + entry.faq : 0;
}

function counterFor(card, kind) {
  let sup = card.querySelector(`sup.click-count[data-kind=${kind}]`);
  if (sup) return sup;
  sup = document.createElement('sup');
  sup.className = 'click-count';
  sup.dataset.kind = kind;
  if (kind === 'pdf') {
    const pdf = card.querySelector('a.title-pdf');
    if (!pdf) return null;
    pdf.after(sup);
  } else {
    const place = card.querySelector('span.title-faq');
    if (!place) return null;
    place.append(sup);
  }
  return sup;
}

function render(card) {
  const entry = counts.get(card.id) ?? { pdf: 0, faq: 0 };
  for (const kind of ['pdf', 'faq']) {
    const sup = counterFor(card, kind);
    if (!sup) continue;
    const n = entry[kind];
    sup.textContent = n > 0 ? String(n) : '';
    sup.hidden = n <= 0;
    sup.title = n === 1 ? `1 reader opened this` : `${n} readers opened this`;
  }
}

function renderId(id) {
  const card = findPaper(id)?.el;
  if (card?.isConnected) render(card);
}

function store(id, entry) {
  const pdf = Number.isFinite(entry?.pdf) ? entry.pdf : 0;
  const faq = Number.isFinite(entry?.faq) ? entry.faq : 0;
  counts.set(id, { pdf, faq });
  renderId(id);
}

async function fetchChunk(ids) {
  try {
    const response = await fetch(`/api/clicks/${ids.map(encodeURIComponent).join(',')}`);
    if (!response.ok) return;
    const body = await response.json();
    for (const [id, entry] of Object.entries(body?.counts ?? {})) store(id, entry);
  } catch {
    // Offline or an old server: the counters stay hidden, and nothing else depends on them.
  }
}

function flush() {
  const ids = queued;
  queued = [];
  flushing = null;
  let chunk = [];
  let chars = 0;
  for (const id of ids) {
    if (chunk.length && (chunk.length >= kMaxIdsPerRequest || chars + id.length + 1 > kMaxIdChars)) {
      inFlight.push(fetchChunk(chunk));
      chunk = [];
      chars = 0;
    }
    chunk.push(id);
    chars += encodeURIComponent(id).length + 1;
  }
  if (chunk.length) inFlight.push(fetchChunk(chunk));
}

// Asks for the counts of `ids` not asked for yet (arXiv and venue papers alike), batched into
// the fewest requests.
function request(ids) {
  for (const id of ids) {
    if (requested.has(id)) continue;
    requested.add(id);
    queued.push(id);
  }
  if (queued.length && !flushing) {
    flushing = new Promise((resolve) => {
      setTimeout(() => {
        flush();
        resolve();
      }, 0);
    });
  }
}

// Resolves once the counts of every paper the page knows have been asked for and answered.
export async function countsSettled() {
  request([...allPapers()].map((paper) => paper.id));
  while (flushing || inFlight.length) {
    if (flushing) await flushing;
    const waiting = inFlight;
    inFlight = [];
    await Promise.all(waiting);
  }
}

// Records that the reader opened paper `id`'s PDF or FAQ (`kind` 'pdf' | 'faq') and shows the
// counts the server answers.
export async function recordClick(id, kind) {
  readerId();
  try {
    const response = await fetch(`/api/clicks/${encodeURIComponent(id)}?kind=${kind}`, { method: 'POST' });
    if (!response.ok) return;
    store(id, await response.json());
  } catch {
    // The click is not counted; the reader's own reading goes on.
  }
}

export function initClickCounts() {
  readerId();
  let started = false;
  onCardsInserted((papers) => {
    for (const paper of papers) render(paper.el);
  });
  // Cards of the rest of the day (lazy_cards.js) are asked for as soon as they are known.
  onCardsRegistered((papers) => {
    if (started) request(papers.map((paper) => paper.id));
  });
  // After the first paint: the counters never hold it up.
  requestAnimationFrame(() => setTimeout(() => {
    started = true;
    request([...allPapers()].map((paper) => paper.id));
  }, 0));
}
