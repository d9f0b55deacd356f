// The extension's background: the toolbar action, its keyboard shortcut (the manifest's
// "_execute_action" command raises the same click) and the context menu all open, in a new tab
// beside the current one, the coolpapers page that paper_path.js finds for what the reader
// points at. Service worker in Chromium, background script in Firefox: no state kept here.
import { instancePageUrl, kDefaultInstanceUrl, parseInstanceUrl } from './instance_url.js';
import { pathForTarget } from './paper_path.js';

const extension = globalThis.browser ?? globalThis.chrome;
const kMenuId = 'open-in-coolpapers';

// Menus outlive the worker (the browser keeps them), so they are made once per install/update.
extension.runtime.onInstalled.addListener(async () => {
  await extension.contextMenus.removeAll();
  extension.contextMenus.create({
    id: kMenuId,
    title: 'Open in coolpapers',
    // "all": Chromium's PDF viewer raises no "page" context, and links, selections and
    // frames each want the item too.
    contexts: ['all'],
  });
});

extension.action.onClicked.addListener((tab) => openForAction(tab));

extension.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === kMenuId) openForContextMenu(info, tab);
});

// The action (click or shortcut) reads the page's selection, so that several ids selected on
// any page open together; the page's URL and title come from the tab.
async function openForAction(tab) {
  const selectionText = await readSelection(tab.id);
  await openTarget({ selectionText, pageUrl: tab.url, title: tab.title }, tab);
}

// The context menu is given the selection, the link and the page by the browser.
async function openForContextMenu(info, tab) {
  const { selectionText, linkUrl, pageUrl, frameUrl } = info;
  await openTarget({ selectionText, linkUrl, pageUrl: pageUrl ?? tab?.url, frameUrl, title: tab?.title }, tab);
}

async function openTarget(target, tab) {
  const path = pathForTarget(target);
  if (!path) {
    await showNothingFound(tab);
    return;
  }
  const url = instancePageUrl(await loadInstanceUrl(), path);
  if (tab) await extension.action.setBadgeText({ tabId: tab.id, text: '' });
  await extension.tabs.create(tab ? { url, index: tab.index + 1, openerTabId: tab.id } : { url });
}

// The instance URL the options page stored, or the default when there is none yet.
async function loadInstanceUrl() {
  const { instanceUrl } = await extension.storage.sync.get({ instanceUrl: kDefaultInstanceUrl });
  return parseInstanceUrl(instanceUrl).url ?? kDefaultInstanceUrl;
}

// The text selected in the tab's page, or '' where no script may run (the browser's own pages,
// its PDF viewer, a store) or nothing is selected. activeTab grants the access for this one
// gesture, to the top frame only (a frame of another site would make the call fail). The grant
// can reach the tab a moment after the click's event (Chromium 156, an action triggered through
// DevTools), so a refusal is asked again twice, 100 ms apart, before the selection counts as
// unreadable.
async function readSelection(tabId) {
  for (let attempt = 1; ; ++attempt) {
    try {
      const [frame] = await extension.scripting.executeScript({
        target: { tabId },
        func: () => String(globalThis.getSelection?.() ?? ''),
      });
      return frame?.result ?? '';
    } catch (error) {
      if (attempt >= 3) {
        console.warn('coolpapers: cannot read the selection:', error?.message ?? error);
        return '';
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function showNothingFound(tab) {
  if (!tab) return;
  await extension.action.setBadgeText({ tabId: tab.id, text: '?' });
  await extension.action.setTitle({
    tabId: tab.id,
    title: 'coolpapers: no paper id here, and no selection or title to search. Select the ids or the title first.',
  });
}
