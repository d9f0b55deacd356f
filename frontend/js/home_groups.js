// The home page's groups (issue #15, upgrade 4): Computer Science first on a first visit (no
// category chosen yet; the reader's own categories are gathered first by category_chooser.js),
// and every group folds under its heading, the folded ones remembered (localStorage).
import { categoryChoices, loadJson, saveJson } from './storage.js';

const kFoldedKey = 'coolpapers.foldedGroups';
const kFirstVisitGroup = 'Computer Science';

function hasChoices() {
  const { include, exclude } = categoryChoices();
  return include.length + exclude.length > 0;
}

export function initHomeGroups() {
  const main = document.querySelector('main');
  if (!main) return;
  const groups = [...main.querySelectorAll('section.group')].filter((section) => !section.classList.contains('home-more'));
  if (!hasChoices()) {
    const cs = groups.find((section) => section.querySelector('h2')?.textContent === kFirstVisitGroup);
    if (cs && groups[0] !== cs) groups[0].before(cs);
  }
  const folded = new Set(loadJson(kFoldedKey, []));
  for (const section of groups) {
    const heading = section.querySelector('h2');
    if (!heading) continue;
    const name = heading.textContent;
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'group-toggle';
    toggle.textContent = name;
    heading.replaceChildren(toggle);
    const show = (open) => {
      section.dataset.folded = String(!open);
      toggle.setAttribute('aria-expanded', String(open));
      toggle.title = open ? `Fold ${name}` : `Unfold ${name}`;
    };
    show(!folded.has(name));
    toggle.addEventListener('click', () => {
      const open = section.dataset.folded === 'true';
      show(open);
      if (open) folded.delete(name);
      else folded.add(name);
      saveJson(kFoldedKey, [...folded]);
    });
  }
}
