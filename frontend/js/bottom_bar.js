// The bar at the foot of every page (reference section 2.3): Home, then the buttons the other
// modules add, each opening its panel above the bar; one panel open at a time.

export function initBottomBar() {
  const bar = document.createElement('nav');
  bar.className = 'bottom-bar';
  bar.setAttribute('aria-label', 'Tools');
  const home = document.createElement('a');
  home.href = '/';
  home.textContent = 'Home';
  home.title = 'Home: all categories';
  bar.append(home);
  document.body.append(bar);
  const panels = [];

  function addButton(label, title, onClick) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.title = title;
    button.addEventListener('click', onClick);
    bar.append(button);
    return button;
  }

  // A button with a panel; returns {button, panel, open(), close(), isOpen()}.
  function addPanel(label, title, className) {
    const panel = document.createElement('section');
    panel.className = `bar-panel ${className}`;
    panel.hidden = true;
    document.body.append(panel);
    const entry = { panel };
    entry.isOpen = () => !panel.hidden;
    entry.close = () => {
      panel.hidden = true;
      entry.button.setAttribute('aria-expanded', 'false');
    };
    entry.open = () => {
      for (const other of panels) if (other !== entry) other.close();
      panel.hidden = false;
      entry.button.setAttribute('aria-expanded', 'true');
      panel.dispatchEvent(new Event('panelopen'));
    };
    entry.button = addButton(label, title, () => (entry.isOpen() ? entry.close() : entry.open()));
    entry.button.setAttribute('aria-expanded', 'false');
    panels.push(entry);
    return entry;
  }

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const entry of panels) entry.close();
  });
  return { element: bar, addButton, addPanel };
}
