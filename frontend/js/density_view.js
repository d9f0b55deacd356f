// A compact view of a list (issue #15, upgrade 1): the whole card, titles and authors, or titles
// only, chosen in the info line and remembered (localStorage). The choice is a data attribute on
// <body>; cards.css hides what a density leaves out, so lazily inserted cards follow it.
import { loadJson, saveJson } from './storage.js';

const kKey = 'coolpapers.density';
const kModes = [
  { value: 'full', label: 'Full', title: 'Whole cards: abstracts, subjects and dates' },
  { value: 'authors', label: 'Titles + authors', title: 'Titles and authors only' },
  { value: 'titles', label: 'Titles', title: 'Titles only' },
];

export function density() {
  const value = loadJson(kKey, 'full');
  return kModes.some((mode) => mode.value === value) ? value : 'full';
}

function apply(value, buttons) {
  document.body.dataset.density = value;
  for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.density === value));
}

export function initDensityView() {
  const info = document.querySelector('p.info');
  // One paper's page (p.paper-info) has nothing to make compact.
  if (!info || info.classList.contains('paper-info') || !document.getElementById('papers')) return;
  const group = document.createElement('span');
  group.className = 'density-modes';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'View');
  const buttons = kModes.map((mode) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = mode.label;
    button.title = mode.title;
    button.dataset.density = mode.value;
    button.addEventListener('click', () => {
      saveJson(kKey, mode.value);
      apply(mode.value, buttons);
    });
    group.append(button);
    return button;
  });
  info.append(group);
  apply(density(), buttons);
}
