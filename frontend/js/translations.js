// Titles and abstracts in Chinese under the originals (reference section 2.9), when the instance
// translates (<body data-translation="zh">, from [translate] in its config) and the reader turned
// it on in the settings. Cards ask for their translations as they are put in the page (POST
// /api/translations/<ids>, which queues those not translated yet); the pending ones are asked
// again with growing pauses. Translations are made once per paper and shared by every reader.
import { isVenuePaper, onCardsInserted } from './card_registry.js';
import { typesetElement } from './math.js';
import { translateTitles } from './storage.js';

const kIdsPerRequest = 25;
const kRetryDelaysMs = [2000, 3000, 5000, 8000, 13000, 21000];  // about a minute in all

const inPage = new Map();  // id -> card element, cards put in the page so far
const shown = new Set();   // ids whose translation is under their card

export function translationsOffered() {
  return document.body.dataset.translation === 'zh';
}

function addTranslation(el, translation) {
  if (shown.has(el.id)) return;
  shown.add(el.id);
  const title = document.createElement('p');
  title.className = 'translation translation-title';
  title.lang = 'zh';
  title.textContent = translation.title;
  el.querySelector('h2.title')?.after(title);
  const summary = document.createElement('p');
  summary.className = 'translation translation-summary';
  summary.lang = 'zh';
  summary.textContent = translation.abstract;
  (el.querySelector('p.summary') ?? title).after(summary);
  typesetElement(title);
  typesetElement(summary);
}

function addFailure(el, reason) {
  if (shown.has(el.id)) return;
  shown.add(el.id);
  const note = document.createElement('p');
  note.className = 'translation translation-failed';
  note.textContent = `No translation: ${reason}`;
  el.querySelector('h2.title')?.after(note);
}

// Asks for the translations of `ids`; POST queues the missing ones. Returns the ids still pending.
async function request(ids, method) {
  const response = await fetch(`/api/translations/${ids.join(',')}`, { method });
  if (!response.ok) throw new Error(`translations: HTTP ${response.status}`);
  const body = await response.json();
  if (!translateTitles()) return [];  // turned off while the request was out
  for (const [id, translation] of Object.entries(body.translations ?? {})) {
    const el = inPage.get(id);
    if (el) addTranslation(el, translation);
  }
  for (const [id, reason] of Object.entries(body.failed ?? {})) {
    const el = inPage.get(id);
    if (el) addFailure(el, reason);
  }
  return (body.pending ?? []).filter((id) => !shown.has(id));
}

async function translate(ids) {
  let pending = await request(ids, 'POST');
  for (const delay of kRetryDelaysMs) {
    if (!pending.length || !translateTitles()) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
    pending = await request(pending, 'GET');
  }
}

function translateCards(ids) {
  const wanted = ids.filter((id) => !shown.has(id));
  for (let start = 0; start < wanted.length; start += kIdsPerRequest) {
    // A failure (the service down, a network error) leaves the cards as they are: the reader
    // still has the originals, and turning the setting off and on asks again.
    translate(wanted.slice(start, start + kIdsPerRequest)).catch(() => {});
  }
}

// Follows the setting: translations appear for every card in the page when it is turned on,
// and are taken away when it is turned off.
function applySetting() {
  if (translateTitles()) {
    translateCards([...inPage.keys()]);
    return;
  }
  for (const node of document.querySelectorAll('#papers p.translation')) node.remove();
  shown.clear();
}

export function initTranslations() {
  if (!translationsOffered()) return;
  onCardsInserted((papers) => {
    const arxiv = papers.filter((paper) => !isVenuePaper(paper));
    for (const paper of arxiv) inPage.set(paper.id, paper.el);
    if (translateTitles()) translateCards(arxiv.map((paper) => paper.id));
  });
  document.addEventListener('coolpapers:settings', applySetting);
}
