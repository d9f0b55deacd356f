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

// The preference keywords (❤ sort), lower-cased, blank ones dropped; [] when none are set.
export function preferenceKeywords() {
  const list = loadJson(kPreferenceKey, []);
  if (!Array.isArray(list)) return [];
  return list.filter((word) => typeof word === 'string').map((word) => word.trim().toLowerCase()).filter(Boolean);
}

export function setPreferenceKeywords(list) {
  return saveJson(kPreferenceKey, list);
}
