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
