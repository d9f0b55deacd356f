// Back-to-top and back-to-bottom buttons at the lower right (reference section 2.2).
export function initScrollButtons() {
  const box = document.createElement('div');
  box.className = 'scroll-buttons';
  const make = (label, title, top) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.title = title;
    button.setAttribute('aria-label', title);
    button.addEventListener('click', () =>
      window.scrollTo({ top: top(), behavior: 'instant' }));
    return button;
  };
  box.append(
    make('↑', 'Back to top', () => 0),
    make('↓', 'Back to bottom', () => document.documentElement.scrollHeight),
  );
  document.body.append(box);
  // On phones the page keeps a gutter for them (bottom_bar.css), so they cover no text.
  document.body.classList.add('with-scroll-buttons');
}
