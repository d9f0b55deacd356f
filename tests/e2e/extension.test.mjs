// The browser extension (extension/, issue #16 point 5) in real Chromium: the unpacked
// extension loaded, pages with the real sites' URL shapes served on loopback (paper_sites.mjs),
// the options page pointed at a real `coolpapers serve`, and the tab the extension opens checked
// to land on the right page of that instance.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { metadataDir, screenshot, skipReason, startServer, waitForSearchIndex } from './e2e_support.mjs';
import { launchWithExtension } from './extension_browser.mjs';
import { startPaperSites } from './paper_sites.mjs';

const kMonth = '2025-05';
const kCvfStem = 'Park_SplineGS_Robust_Motion-Adaptive_Spline_for_Real-Time_Dynamic_3D_Gaussians_from';
const kNipsHash = '4441469427094f8873d0fecb0c4e1cee';

// Two papers of the imported month with plain titles, so the landed pages can be recognised.
function pickPapers() {
  const records = readFileSync(join(metadataDir, `${kMonth}.jsonl`), 'utf8').split('\n', 2000)
    .filter(Boolean).map((line) => JSON.parse(line));
  const plain = records.filter((record) => /^[A-Za-z0-9 ,:-]{20,120}$/.test(record.title));
  if (plain.length < 2) throw new Error(`${kMonth}.jsonl: fewer than two papers with plain titles in its first lines`);
  return plain.slice(0, 2).map((record) => ({ id: record.id, title: record.title }));
}

describe('browser extension', { skip: skipReason() ?? false }, () => {
  let server;
  let sites;
  let browser;
  let page;
  let first;
  let second;

  before(async () => {
    [first, second] = pickPapers();
    server = await startServer([kMonth]);
    sites = await startPaperSites({
      titles: {
        'https://blog.example/post': `${first.title} | A Reading Blog`,
        'https://blog.example/reading-list': 'My reading list',
        'https://blog.example/untitled': '',
      },
      bodies: { 'https://blog.example/reading-list': `<p id="ids">Read ${first.id}v1 and arXiv:${second.id} next.</p>` },
    });
    browser = await launchWithExtension(sites.hostResolverRules);
    page = await browser.context.newPage();
    page.setDefaultTimeout(15000);
  });

  after(async () => {
    await browser?.close();
    await sites?.stop();
    await server?.stop();
  });

  // Each test of a gesture can run alone (--test-name-pattern): the instance is stored as the
  // options test stores it, when that test has not run.
  async function useInstance() {
    await browser.worker.evaluate(async (url) => {
      if ((await chrome.storage.sync.get('instanceUrl')).instanceUrl !== url) await chrome.storage.sync.set({ instanceUrl: url });
    }, server.url);
  }

  // Opens `url` in the test's tab, served by the stand-in site (not an error page).
  async function visit(url) {
    const response = await page.goto(url);
    assert.equal(response?.status(), 200, `${url} answered by the loopback stand-in`);
  }

  // The tab that `gesture` makes the extension open, once it has loaded; closed afterwards.
  async function landing(gesture, screenshotName) {
    const opened = browser.nextPage();
    await gesture();
    const landed = await opened;
    await landed.waitForLoadState('domcontentloaded', { timeout: 15000 });
    const result = { url: landed.url(), text: (await landed.locator('body').innerText()).replace(/\s+/g, ' ') };
    if (screenshotName) await screenshot(landed, screenshotName);
    await landed.close();
    return result;
  }

  test('the options page refuses an unusable instance URL with a message, and stores a good one', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.optionsUrl);
    await options.locator('body[data-ready="true"]').waitFor({ timeout: 10000 });
    assert.equal(await options.inputValue('#instance-url'), 'http://127.0.0.1:8080', 'the default instance');
    assert.match(await options.locator('#shortcut').innerText(), /Alt\+Shift\+O/);

    for (const [typed, message] of [['ftp://example.org', /http:\/\/ or https:\/\//], ['papers.example.org', /not an absolute URL/], ['', /Enter the address/]]) {
      await options.fill('#instance-url', typed);
      await options.click('#save');
      await assert.doesNotReject(options.locator('#instance-status.error').waitFor({ timeout: 5000 }));
      assert.match(await options.locator('#instance-status').innerText(), message, typed);
      assert.equal(await options.getAttribute('#instance-url', 'aria-invalid'), 'true');
    }
    assert.deepEqual(await browser.worker.evaluate(() => chrome.storage.sync.get('instanceUrl')), {}, 'nothing stored');

    await options.fill('#instance-url', `  ${server.url}/ `);
    await options.click('#save');
    await options.locator('#instance-status.saved').waitFor({ timeout: 5000 });
    assert.equal(await options.locator('#instance-status').innerText(), `Saved: papers open on ${server.url}`);
    assert.deepEqual(await browser.worker.evaluate(() => chrome.storage.sync.get('instanceUrl')), { instanceUrl: server.url });
    await screenshot(options, 'extension-options');
    await options.close();
  });

  test('the toolbar action on an arXiv abstract, PDF or HTML page opens that paper on the instance', async () => {
    await useInstance();
    for (const url of [`https://arxiv.org/abs/${first.id}v2`, `https://arxiv.org/pdf/${first.id}v1`,
      `https://arxiv.org/html/${first.id}v1`, `https://export.arxiv.org/abs/${first.id}`,
      `https://www.alphaxiv.org/abs/${first.id}`, `https://huggingface.co/papers/${first.id}`]) {
      await visit(url);
      const landed = await landing(() => browser.clickAction(page));
      assert.equal(landed.url, `${server.url}/arxiv/${first.id}`, url);
      assert.ok(landed.text.includes(first.title), `${url}: the landed page shows "${first.title}"`);
    }
    await screenshot(page, 'extension-arxiv-stand-in');
  });

  test('the toolbar action on old-style ids and proceedings pages opens their coolpapers URLs', async () => {
    await useInstance();
    const cases = [
      ['https://arxiv.org/abs/hep-th/9901001v2', '/arxiv/hep-th/9901001'],
      ['https://arxiv.org/pdf/math.GT/0309136', '/arxiv/math.GT/0309136'],
      ['https://openreview.net/forum?id=NGB6YNnO5o', '/venue/NGB6YNnO5o@OpenReview'],
      ['https://openreview.net/pdf?id=rnJxelIZrq', '/venue/rnJxelIZrq@OpenReview'],
      ['https://aclanthology.org/2024.naacl-long.431/', '/venue/2024.naacl-long.431@ACL'],
      ['https://aclanthology.org/2024.naacl-long.431.pdf', '/venue/2024.naacl-long.431@ACL'],
      ['https://proceedings.mlr.press/v235/abbas24a.html', '/venue/abbas24a@v235@PMLR'],
      ['https://proceedings.mlr.press/v235/abbas24a/abbas24a.pdf', '/venue/abbas24a@v235@PMLR'],
      ['https://www.ijcai.org/proceedings/2024/123', '/venue/123@2024@IJCAI'],
      ['https://www.ijcai.org/proceedings/2024/0123.pdf', '/venue/123@2024@IJCAI'],
      [`https://openaccess.thecvf.com/content/CVPR2025/html/${kCvfStem}_CVPR_2025_paper.html`, `/venue/${kCvfStem}@CVPR2025@CVF`],
      [`https://openaccess.thecvf.com/content/CVPR2025/papers/${kCvfStem}_CVPR_2025_paper.pdf`, `/venue/${kCvfStem}@CVPR2025@CVF`],
      [`https://papers.nips.cc/paper_files/paper/2023/hash/${kNipsHash}-Abstract-Conference.html`, `/venue/${kNipsHash}@2023@NeurIPS`],
    ];
    for (const [url, path] of cases) {
      await visit(url);
      const landed = await landing(() => browser.clickAction(page));
      assert.equal(landed.url, `${server.url}${path}`, url);
    }
  });

  test('the toolbar action with several ids selected opens them together', async () => {
    await useInstance();
    await visit('https://blog.example/reading-list');
    await page.evaluate(() => getSelection().selectAllChildren(document.getElementById('ids')));
    const landed = await landing(() => browser.clickAction(page), 'extension-two-selected-ids');
    assert.equal(landed.url, `${server.url}/arxiv/${first.id},${second.id}`);
    assert.ok(landed.text.includes(first.title) && landed.text.includes(second.title), 'both papers on the page');
  });

  test('the toolbar action on an unknown page searches its title, and finds the paper', async () => {
    await useInstance();
    await waitForSearchIndex(server.url, first.id);
    await visit('https://blog.example/post');
    const landed = await landing(() => browser.clickAction(page));
    const query = first.title.match(/[\p{L}\p{N}]+/gu).filter((word) => word.length > 1 || /\d/.test(word)).join(' ');
    assert.equal(landed.url, `${server.url}/arxiv/search?query=${encodeURIComponent(query)}`);
    assert.ok(landed.text.includes(first.title), `the search for its title lists "${first.title}"`);
  });

  test('the toolbar action on a page with no id, selection or title opens nothing and says so', async () => {
    await useInstance();
    await visit('https://blog.example/untitled');
    const [tab] = await browser.worker.evaluate(() => chrome.tabs.query({ active: true, lastFocusedWindow: true }));
    const pagesBefore = browser.context.pages().length;
    await browser.clickAction(page);
    const badge = () => browser.worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tab.id);
    for (let waited = 0; waited < 5000 && await badge() !== '?'; waited += 100) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await badge(), '?');
    assert.match(await browser.worker.evaluate((tabId) => chrome.action.getTitle({ tabId }), tab.id), /no paper id here/);
    assert.equal(browser.context.pages().length, pagesBefore, 'no tab opened');
  });

  test('the context menu on a link opens the linked paper; on a selection, the selected ids', async () => {
    await useInstance();
    // The item exists (update refuses an unknown id) and is offered in every context.
    await browser.worker.evaluate(() => chrome.contextMenus.update('open-in-coolpapers', { contexts: ['all'] }));
    await visit('https://blog.example/post');
    let landed = await landing(() => browser.chooseMenuItem({
      linkUrl: 'https://openreview.net/forum?id=NGB6YNnO5o', pageUrl: 'https://blog.example/post' }));
    assert.equal(landed.url, `${server.url}/venue/NGB6YNnO5o@OpenReview`);
    landed = await landing(() => browser.chooseMenuItem({
      selectionText: `${second.id} ${first.id}`, pageUrl: 'https://blog.example/post' }));
    assert.equal(landed.url, `${server.url}/arxiv/${second.id},${first.id}`);
  });

  test('the keyboard shortcut is registered as the action\'s', async () => {
    // Chromium runs "_execute_action" as a click on the action, tested above; a synthetic key
    // press reaches the page, not the browser's shortcut handling, so the binding is what is
    // checked here.
    const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
    assert.deepEqual(commands.map(({ name, shortcut }) => ({ name, shortcut })), [{ name: '_execute_action', shortcut: 'Alt+Shift+O' }]);
  });
});
