// Dark mode: follows the system setting until the reader picks one with the bar's ◐ button; the
// choice is kept and applied before the first paint by the inline script in layout.cc
// (html[data-theme]). PDF pages are canvases on white and are never inverted (pdf_viewer.css).
import { loadJson, saveJson } from './storage.js';

const kKey = 'coolpapers.theme';

function effectiveTheme() {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'dark' || chosen === 'light') return chosen;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function initThemeToggle(bar) {
  const saved = loadJson(kKey, null);
  if (saved === 'dark' || saved === 'light') document.documentElement.dataset.theme = saved;
  const button = bar.addButton('◐', 'Dark or light', () => {
    const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    saveJson(kKey, next);
  });
  button.className = 'theme-toggle';
}
