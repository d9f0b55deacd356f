// [Copy]: title, authors, link and abstract to the clipboard. The clipboard API leaves the
// reader's selection (and so the browser's find-in-page) alone; the fallback copies through a
// hidden text area and then puts the reader's selection back, as papers.cool's fix of 2024-01-02.

export function paperCopyText(paper) {
  return `${paper.title}\n${paper.authors.join(', ')}\n${paper.absUrl}\n\n${paper.abstract}\n`;
}

function copyThroughTextArea(text) {
  const selection = document.getSelection();
  const saved = [];
  for (let i = 0; i < selection.rangeCount; ++i) saved.push(selection.getRangeAt(i));
  const active = document.activeElement;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;opacity:0;pointer-events:none';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } finally {
    area.remove();
    selection.removeAllRanges();
    for (const range of saved) selection.addRange(range);
    if (active && active !== document.body) active.focus({ preventScroll: true });
  }
  return ok;
}

export async function copyPaper(paper) {
  const text = paperCopyText(paper);
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyThroughTextArea(text);
  }
}
