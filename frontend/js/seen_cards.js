// "Seen" across days: a card the reader scrolled past (wholly above the viewport) is remembered
// by paper id with the day of the list it was read in. On a later day's list the same paper
// (a cross-list, a replacement) is marked "seen", and a bar button hides every marked card.
// The record is bounded (kMaxSeen ids, the least recently seen dropped first) and lives in
// localStorage only, like everything the reader keeps.
import { onCardsInserted } from './card_registry.js';
import { loadJson, saveJson } from './storage.js';

const kSeenKey = 'coolpapers.seen';
const kHideKey = 'coolpapers.hideSeen';
const kMaxSeen = 20000;

// The record as stored: [[id, day], ...], least recently seen first. A paper keeps the earliest
// day it was seen on, so that the mark means "seen on an earlier day" whatever order the days
// are read in.
export function loadSeen() {
  const list = loadJson(kSeenKey, []);
  const seen = new Map();
  if (!Array.isArray(list)) return seen;
  for (const item of list) {
    if (Array.isArray(item) && typeof item[0] === 'string' && typeof item[1] === 'string') seen.set(item[0], item[1]);
  }
  return seen;
}

// Records `id` as seen on `day` (ISO date) in `seen`, moving it to the most recent end and
// dropping the oldest entries beyond `limit`.
export function recordSeen(seen, id, day, limit = kMaxSeen) {
  const earlier = seen.get(id);
  seen.delete(id);
  seen.set(id, earlier && earlier < day ? earlier : day);
  for (const oldest of seen.keys()) {
    if (seen.size <= limit) break;
    seen.delete(oldest);
  }
}

// The ISO day of this list: its `date=` parameter, else the day line ("Tue, 27 May 2025"), else
// today in UTC.
function listDay() {
  const param = new URL(window.location.href).searchParams.get('date');
  if (param && /^\d{4}-\d{2}-\d{2}$/.test(param)) return param;
  const text = document.querySelector('p.info span.day')?.textContent.trim();
  const parsed = text ? Date.parse(`${text} 00:00:00 UTC`) : NaN;
  return new Date(Number.isNaN(parsed) ? Date.now() : parsed).toISOString().slice(0, 10);
}

export function initSeenCards(bar) {
  const container = document.getElementById('papers');
  // Only a day's list: a search or a paper page is not read "in order".
  if (!container || !document.querySelector('p.info span.day')) return;
  const day = listDay();
  const seen = loadSeen();
  // What the page came with decides the marks; what is read now only counts on later days.
  const earlier = new Map([...seen].filter(([, when]) => when < day));
  let hide = loadJson(kHideKey, false) === true;
  let marked = 0;

  const toggle = bar.addButton('', '', () => {
    hide = !hide;
    saveJson(kHideKey, hide);
    render();
  });
  toggle.classList.add('seen-toggle');

  function render() {
    // Short, for a phone's bar: the pressed look (struck through) says the seen papers are hidden.
    toggle.textContent = `Seen ${marked}`;
    toggle.title = hide
      ? `Show the ${marked} papers you scrolled past on an earlier day`
      : `Hide the ${marked} papers you scrolled past on an earlier day`;
    toggle.setAttribute('aria-pressed', String(hide));
    toggle.dataset.marked = String(marked);
    container.classList.toggle('hide-seen', hide);
  }

  let saveTimer = 0;
  function saveSoon() {
    if (saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = 0;
      saveJson(kSeenKey, [...seen]);
    }, 300);
  }
  window.addEventListener('pagehide', () => {
    if (!saveTimer) return;
    clearTimeout(saveTimer);
    saveTimer = 0;
    saveJson(kSeenKey, [...seen]);
  });

  const recorded = new Set();  // read in this page, so a long jump is walked once
  function record(el) {
    if (recorded.has(el.id)) return false;
    recorded.add(el.id);
    recordSeen(seen, el.id, day);
    return true;
  }

  // A card that went out through the top was read, and so was every visible card above it: a
  // jump (End key, back-to-bottom) passes cards without the observer seeing each one.
  const observer = new IntersectionObserver((entries) => {
    let changed = false;
    for (const entry of entries) {
      const rootTop = entry.rootBounds ? entry.rootBounds.top : 0;
      if (entry.isIntersecting || entry.boundingClientRect.bottom > rootTop) continue;
      for (let el = entry.target; el; el = el.previousElementSibling) {
        // Cards the filter or the toggle hides were not read.
        if (!el.matches('div.panel.paper') || !el.checkVisibility()) continue;
        if (el.getBoundingClientRect().bottom > rootTop) continue;
        if (!record(el)) break;
        changed = true;
      }
    }
    if (changed) saveSoon();
  });

  onCardsInserted((papers) => {
    for (const paper of papers) {
      const when = earlier.get(paper.id);
      if (when && !paper.el.classList.contains('seen')) {
        paper.el.classList.add('seen');
        paper.el.dataset.seenOn = when;
        ++marked;
      }
      observer.observe(paper.el);
    }
    render();
  });
  render();
}

