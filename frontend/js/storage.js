// localStorage that never throws: private windows and disabled storage read as empty, and a
// failed write (quota) keeps the page working. Everything the reader keeps lives here; no account.
export function loadJson(key, fallback) {
  try {
    const text = window.localStorage.getItem(key);
    return text === null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

export function saveJson(key, value) {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

// The reader's settings (settings_panel.js). The FAQ language is "en" or "zh"; anything else
// stored (an old or hand-edited value) reads as the default, "en".
const kFaqLanguageKey = 'coolpapers.faqLanguage';
const kPreferenceKey = 'coolpapers.preferenceKeywords';

export function faqLanguage() {
  return loadJson(kFaqLanguageKey, 'en') === 'zh' ? 'zh' : 'en';
}

export function setFaqLanguage(language) {
  return saveJson(kFaqLanguageKey, language === 'zh' ? 'zh' : 'en');
}

// Whether the reader reads titles and abstracts in Chinese too (translations.js), where the
// instance offers translations. Off unless turned on.
const kTranslateKey = 'coolpapers.translate';

export function translateTitles() {
  return loadJson(kTranslateKey, false) === true;
}

export function setTranslateTitles(on) {
  return saveJson(kTranslateKey, on === true);
}

// The preference keywords (❤ sort), lower-cased, blank ones dropped; [] when none are set.
export function preferenceKeywords() {
  const list = loadJson(kPreferenceKey, []);
  if (!Array.isArray(list)) return [];
  return list.filter((word) => typeof word === 'string').map((word) => word.trim().toLowerCase()).filter(Boolean);
}

export function setPreferenceKeywords(list) {
  return saveJson(kPreferenceKey, list);
}

// The reader's category choices (home_page chooser, the subjects' +/− on cards): each arXiv
// category id is included, excluded or neither. Stored as {include: [...], exclude: [...]}, a
// category in at most one of them; anything malformed reads as no choice.
const kCategoryChoicesKey = 'coolpapers.categories';

export function categoryChoices() {
  const stored = loadJson(kCategoryChoicesKey, null);
  const list = (value) => (Array.isArray(value) ? value.filter((id) => typeof id === 'string' && id) : []);
  const include = list(stored?.include);
  const exclude = list(stored?.exclude).filter((id) => !include.includes(id));
  return { include, exclude };
}

// 'include', 'exclude' or 'neutral' for `category`.
export function categoryChoice(category) {
  const choices = categoryChoices();
  if (choices.include.includes(category)) return 'include';
  if (choices.exclude.includes(category)) return 'exclude';
  return 'neutral';
}

// Sets `category` to `state` ('include' | 'exclude' | 'neutral'); other categories keep theirs.
// Tells the page with a `coolpapers:categories` event on the document.
export function setCategoryChoice(category, state) {
  const choices = categoryChoices();
  const include = choices.include.filter((id) => id !== category);
  const exclude = choices.exclude.filter((id) => id !== category);
  if (state === 'include') include.push(category);
  else if (state === 'exclude') exclude.push(category);
  const saved = saveJson(kCategoryChoicesKey, { include, exclude });
  document.dispatchEvent(new CustomEvent('coolpapers:categories', { detail: { category, state } }));
  return saved;
}

// The reader's word cloud (reference section 2.8): how often each keyword occurred among the
// papers the reader opened, each paper counted once. Stored as {words: {word: count}, papers:
// [ids]}, the paper list bounded (the oldest forgotten first) so that it cannot grow forever.
const kWordCloudKey = 'coolpapers.wordCloud';
const kMaxCloudPapers = 2000;
const kMaxCloudWords = 3000;

function loadCloud() {
  const stored = loadJson(kWordCloudKey, null);
  const words = {};
  if (stored && typeof stored.words === 'object' && stored.words) {
    for (const [word, count] of Object.entries(stored.words)) {
      if (typeof word === 'string' && word && Number.isFinite(count) && count > 0) words[word] = count;
    }
  }
  const papers = Array.isArray(stored?.papers) ? stored.papers.filter((id) => typeof id === 'string') : [];
  return { words, papers };
}

// True when the paper's keywords are already in the cloud.
export function wordCloudHasPaper(id) {
  return loadCloud().papers.includes(id);
}

// Adds the keywords of paper `id` (lower-cased, blank ones dropped) once; a paper already counted
// changes nothing. Returns false when nothing was added.
export function addWordCloudPaper(id, keywords) {
  const cloud = loadCloud();
  if (cloud.papers.includes(id)) return false;
  cloud.papers.push(id);
  if (cloud.papers.length > kMaxCloudPapers) cloud.papers.splice(0, cloud.papers.length - kMaxCloudPapers);
  for (const raw of keywords) {
    const word = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
    if (word) cloud.words[word] = (cloud.words[word] ?? 0) + 1;
  }
  // Past the bound, the rarest words go (they would never reach the top anyway).
  const entries = Object.entries(cloud.words);
  if (entries.length > kMaxCloudWords) {
    cloud.words = Object.fromEntries(topEntries(entries, kMaxCloudWords));
  }
  saveJson(kWordCloudKey, cloud);
  return true;
}

function topEntries(entries, n) {
  return entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, n);
}

// The `n` most frequent words as [[word, count], ...], most frequent first, ties alphabetical.
export function wordCloudTop(n) {
  return topEntries(Object.entries(loadCloud().words), n);
}
