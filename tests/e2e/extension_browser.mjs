// Debian's Chromium with coolpapers' unpacked extension (extension/) loaded, driven by
// playwright-core, and the two things a reader does that a test can reproduce: clicking the
// toolbar action (CDP's Extensions.triggerAction, the same path as a click, so activeTab is
// granted) and choosing the context-menu item (its onClicked event dispatched in the service
// worker, since no test can open a browser menu). Every wait is bounded.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, '../..');
const { chromium } = await import(join(repository, 'frontend/node_modules/playwright-core/index.mjs'));

const extensionDir = join(repository, 'extension');

// Launches Chromium with the extension and `hostResolverRules` (see paper_sites.mjs); returns
// {context, worker, extensionId, optionsUrl, clickAction(page), chooseMenuItem(info), nextPage(),
// close()}.
export async function launchWithExtension(hostResolverRules) {
  const executablePath = process.env.COOLPAPERS_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: run scripts/install_deps.sh (installs Debian's chromium)`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'coolpapers-extension-profile-'));
  // New headless Chromium runs extensions; --enable-unsafe-extension-debugging opens the CDP
  // Extensions domain (triggerAction); HTTPS upgrades off so the http:// instance is asked as is.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    timeout: 30000,
    ignoreHTTPSErrors: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
      '--enable-unsafe-extension-debugging', `--host-resolver-rules=${hostResolverRules}`,
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable'],
  });
  try {
    const worker = context.serviceWorkers().find(isOurs) ??
      await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15000 });
    const extensionId = new URL(worker.url()).host;
    const browserSession = await context.browser().newBrowserCDPSession();
    return {
      context,
      worker,
      extensionId,
      optionsUrl: `chrome-extension://${extensionId}/src/options.html`,
      async clickAction(page) {
        await browserSession.send('Extensions.triggerAction', { id: extensionId, targetId: await tabTargetOf(browserSession, page) });
      },
      // Dispatches the menu's onClicked with `info` (selectionText, linkUrl, pageUrl...) for
      // the active tab, as the browser does when the reader picks the item.
      async chooseMenuItem(info) {
        await worker.evaluate(async (clicked) => {
          const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          chrome.contextMenus.onClicked.dispatch({ menuItemId: 'open-in-coolpapers', editable: false, ...clicked }, tab);
        }, info);
      },
      // The next tab the extension opens, loaded (the promise is made before the gesture).
      nextPage() {
        return context.waitForEvent('page', { timeout: 15000 });
      },
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

function isOurs(worker) {
  return worker.url().startsWith('chrome-extension://') && worker.url().endsWith('/src/background.js');
}

// The "tab" target that holds `page` (triggerAction takes a tab, not a page, target): the one
// tab showing the page's URL.
async function tabTargetOf(browserSession, page) {
  const { targetInfos } = await browserSession.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tabs = targetInfos.filter((target) => target.url === page.url());
  if (tabs.length !== 1) throw new Error(`expected one tab showing ${page.url()}, found ${tabs.length}`);
  return tabs[0].targetId;
}
