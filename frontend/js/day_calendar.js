// A calendar per category on the home page (reference section 2.1.2): a button after each
// category opens a month grid of the days the site has a list for (/api/days/<cat>), each such
// day linked to /arxiv/<cat>?date=YYYY-MM-DD; ‹ and › move between the months that have data.
// One calendar is open at a time; Escape or the button again closes it.
const cache = new Map();  // category -> Promise of the ascending day list
const kWeekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
// A calendar icon drawn inline (an emoji would need a font the reader may not have).
const kIcon = '<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">' +
  '<rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.4"/>' +
  '<path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" stroke-width="1.4"/>' +
  '<path d="M4 9h2v2H4zM7 9h2v2H7zM10 9h2v2h-2z" fill="currentColor"/></svg>';

async function loadDays(category) {
  if (!cache.has(category)) {
    const promise = fetch(`/api/days/${encodeURIComponent(category)}`).then(async (response) => {
      const body = await response.json().catch(() => null);
      if (!response.ok || !Array.isArray(body?.days)) {
        throw new Error(body?.error?.message ?? body?.error ?? `the server answered HTTP ${response.status}`);
      }
      return body.days.filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day));
    });
    promise.catch(() => cache.delete(category));  // a later opening tries again
    cache.set(category, promise);
  }
  return cache.get(category);
}

// "2025-05" of a day "2025-05-27".
const monthOf = (day) => day.slice(0, 7);

function shiftMonth(month, delta) {
  const [year, m] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, m - 1 + delta, 1));
  return date.toISOString().slice(0, 7);
}

function monthTitle(month) {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1, 1)).toLocaleDateString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

// The grid of `month` ("YYYY-MM"): weeks from Monday, days with data as links.
function renderMonth(panel, category, days, month) {
  const withData = new Set(days.filter((day) => monthOf(day) === month));
  const months = [...new Set(days.map(monthOf))];
  const index = months.indexOf(month);
  panel.replaceChildren();
  panel.dataset.month = month;
  const head = document.createElement('div');
  head.className = 'calendar-head';
  const previous = document.createElement('button');
  previous.type = 'button';
  previous.className = 'calendar-previous';
  previous.textContent = '‹';
  previous.setAttribute('aria-label', 'Previous month with data');
  previous.disabled = index <= 0;
  previous.addEventListener('click', () => renderMonth(panel, category, days, months[index - 1]));
  const next = document.createElement('button');
  next.type = 'button';
  next.className = 'calendar-next';
  next.textContent = '›';
  next.setAttribute('aria-label', 'Next month with data');
  next.disabled = index < 0 || index >= months.length - 1;
  next.addEventListener('click', () => renderMonth(panel, category, days, months[index + 1]));
  const title = document.createElement('span');
  title.className = 'calendar-title';
  title.textContent = monthTitle(month);
  head.append(previous, title, next);

  const table = document.createElement('table');
  table.className = 'calendar-grid';
  const headRow = table.createTHead().insertRow();
  for (const name of kWeekdays) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name.slice(0, 2);
    th.title = name;
    headRow.append(th);
  }
  const body = table.createTBody();
  const [year, m] = month.split('-').map(Number);
  const first = new Date(Date.UTC(year, m - 1, 1));
  const length = new Date(Date.UTC(year, m, 0)).getUTCDate();
  let row = body.insertRow();
  for (let blank = (first.getUTCDay() + 6) % 7; blank > 0; --blank) row.insertCell();
  for (let d = 1; d <= length; ++d) {
    if (row.cells.length === 7) row = body.insertRow();
    const cell = row.insertCell();
    const day = `${month}-${String(d).padStart(2, '0')}`;
    if (withData.has(day)) {
      const link = document.createElement('a');
      link.href = `/arxiv/${encodeURIComponent(category)}?date=${day}`;
      link.textContent = String(d);
      link.dataset.day = day;
      cell.append(link);
      cell.className = 'has-data';
    } else {
      cell.textContent = String(d);
    }
  }
  panel.append(head, table);
}

function closeAll(except) {
  for (const panel of document.querySelectorAll('.day-calendar')) {
    if (panel === except) continue;
    panel.closest('li')?.querySelector('.calendar-toggle')?.setAttribute('aria-expanded', 'false');
    panel.remove();
  }
}

async function toggle(item, button) {
  const open = item.querySelector('.day-calendar');
  closeAll(null);
  if (open) return;
  const category = item.dataset.category;
  const panel = document.createElement('div');
  panel.className = 'day-calendar';
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-label', `Days of ${category}`);
  panel.dataset.state = 'loading';
  panel.textContent = 'Loading days…';
  item.append(panel);
  button.setAttribute('aria-expanded', 'true');
  try {
    const days = await loadDays(category);
    if (!panel.isConnected) return;
    if (!days.length) {
      panel.textContent = 'No days with data yet.';
      panel.dataset.state = 'empty';
      return;
    }
    renderMonth(panel, category, days, monthOf(days[days.length - 1]));
    panel.dataset.state = 'ready';
    panel.querySelector('a')?.focus({ preventScroll: true });
  } catch (error) {
    if (!panel.isConnected) return;
    panel.textContent = `The days could not be loaded: ${error.message}.`;
    panel.dataset.state = 'error';
  }
}

export function initDayCalendars() {
  for (const item of document.querySelectorAll('li[data-category]')) {
    if (!item.querySelector('a.category')) continue;  // no data at all
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'calendar-toggle';
    button.innerHTML = kIcon;
    button.title = `Pick a day of ${item.dataset.category}`;
    button.setAttribute('aria-label', `Calendar of ${item.dataset.category}`);
    button.setAttribute('aria-expanded', 'false');
    button.addEventListener('click', () => toggle(item, button));
    item.append(button);
  }
  document.addEventListener('keydown', (event) => event.key === 'Escape' && closeAll(null));
}
