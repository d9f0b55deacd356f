// The page of several papers by id (/arxiv/<id>,<id>,...), which is what the star panel's share
// link opens: its tools line (span.shared-tools, from paper_page.cc) gets a Copy link button and
// the export buttons for the papers on the page.
import { allPapers } from './card_registry.js';
import { appendExportButtons } from './star_list.js';

export function initSharedList() {
  const tools = document.querySelector('span.shared-tools');
  if (!tools) return;
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.className = 'copy-link';
  copy.textContent = 'Copy link';
  copy.addEventListener('click', async () => {
    let ok = true;
    try {
      await navigator.clipboard.writeText(window.location.href);
    } catch {
      ok = false;
    }
    copy.textContent = ok ? 'Link copied' : 'Copy failed: copy the address bar';
    setTimeout(() => { copy.textContent = 'Copy link'; }, 1500);
  });
  tools.append(copy);
  appendExportButtons(tools, () => [...allPapers()], 'coolpapers-list');
}
