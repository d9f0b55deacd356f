// The home page's category chooser (reference section 2.1.5): a tri-state button before each
// category (neutral → include → exclude → neutral), a bar that opens the union-minus list of
// the choice (/arxiv/a,b or /arxiv/a+b-c, core/category_expr.h's grammar), and the chosen
// categories gathered first under "Your categories" when the page loads. The choice lives in
// localStorage (storage.js), shared with the subjects' +/− on the cards (subject_choice.js).
import { categoryChoice, categoryChoices, setCategoryChoice } from './storage.js';

const kNext = { neutral: 'include', include: 'exclude', exclude: 'neutral' };
const kStateWords = { neutral: 'not chosen', include: 'included', exclude: 'excluded' };
const kMarks = { neutral: '', include: '✓', exclude: '−' };

// The list URL of a choice, or '' when nothing is included: includes joined by "," when there
// are no excludes, else "+" and each exclude after a "-". Ids sorted as the server's canonical
// spelling sorts them (CategoryExpr::ToString), so the link needs no redirect.
export function choiceUrl({ include, exclude }) {
  if (!include.length) return '';
  const sortedIds = (ids) => [...new Set(ids)].sort();
  const plus = sortedIds(include);
  const minus = sortedIds(exclude).filter((id) => !plus.includes(id));
  if (!minus.length) return `/arxiv/${plus.join(',')}`;
  return `/arxiv/${plus.join('+')}-${minus.join('-')}`;
}

function paint(button, state) {
  const category = button.dataset.category;
  button.dataset.state = state;
  button.textContent = kMarks[state];
  button.setAttribute('aria-label', `${category}: ${kStateWords[state]}`);
  button.title = `${category} is ${kStateWords[state]}; click for ${kStateWords[kNext[state]]}`;
}

function makeBar() {
  const bar = document.createElement('div');
  bar.className = 'category-choice-bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Your category choice');
  const summary = document.createElement('span');
  summary.className = 'choice-summary';
  summary.setAttribute('aria-live', 'polite');
  const open = document.createElement('a');
  open.className = 'choice-open';
  open.textContent = 'Open ➚';
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.className = 'choice-clear';
  clear.textContent = 'Clear';
  bar.append(summary, open, clear);
  return { bar, summary, open, clear };
}

// Moves the chosen categories' items into a "Your categories" group before every other group.
function gatherChosen(main, items) {
  const { include, exclude } = categoryChoices();
  const chosen = [...include, ...exclude].map((id) => items.get(id)).filter(Boolean);
  if (!chosen.length) return;
  const section = document.createElement('section');
  section.className = 'group your-categories';
  const heading = document.createElement('h2');
  heading.textContent = 'Your categories';
  const list = document.createElement('ul');
  list.className = 'categories';
  list.append(...chosen);
  section.append(heading, list);
  const first = main.querySelector('section.group');
  if (first) first.before(section);
  else main.append(section);
}

export function initCategoryChooser() {
  const main = document.querySelector('main');
  const items = new Map();
  for (const item of document.querySelectorAll('li[data-category]')) items.set(item.dataset.category, item);
  if (!main || !items.size) return;
  const buttons = [];
  for (const [category, item] of items) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cat-choice';
    button.dataset.category = category;
    paint(button, categoryChoice(category));
    button.addEventListener('click', () => setCategoryChoice(category, kNext[button.dataset.state] ?? 'include'));
    item.prepend(button);
    buttons.push(button);
  }
  gatherChosen(main, items);

  const { bar, summary, open, clear } = makeBar();
  const firstGroup = main.querySelector('section.group');
  if (firstGroup) firstGroup.before(bar);
  else main.prepend(bar);

  function refresh() {
    const choices = categoryChoices();
    for (const button of buttons) paint(button, categoryChoice(button.dataset.category));
    const url = choiceUrl(choices);
    const parts = [];
    if (choices.include.length) parts.push(`include ${choices.include.join(', ')}`);
    if (choices.exclude.length) parts.push(`exclude ${choices.exclude.join(', ')}`);
    summary.textContent = parts.length ? parts.join('; ') :
      'Choose categories with the boxes: once to include, twice to exclude.';
    if (url) {
      open.href = url;
      open.removeAttribute('aria-disabled');
      open.title = `Open ${url}`;
    } else {
      open.removeAttribute('href');
      open.setAttribute('aria-disabled', 'true');
      open.title = 'Include at least one category to open a list';
    }
    clear.disabled = !parts.length;
    bar.dataset.url = url;
  }

  clear.addEventListener('click', () => {
    const { include, exclude } = categoryChoices();
    for (const id of [...include, ...exclude]) setCategoryChoice(id, 'neutral');
  });
  document.addEventListener('coolpapers:categories', refresh);
  window.addEventListener('storage', (event) => event.key === 'coolpapers.categories' && refresh());
  refresh();
}
