// The inline PDF viewer (its own chunk, with pdf.js; the worker is a separate file). It reads
// /pdf/<id> (a venue paper's too), the instance's PDF cache: 200 with the PDF, or 202 {"state","position","error",
// "retry_at"} with Retry-After while the server fetches it from arXiv, shown as "Fetching PDF…
// Pending: n", and once an attempt failed, the server's reason and when it tries again. The
// source PDF's link stays in the toolbar throughout.
// A page is a canvas with pdf.js's text layer over it (transparent text at the glyphs' places),
// so text can be selected and the browser's find (Ctrl+F with the pages focused) sees it. Pages
// render as they scroll into view, at "fit width" at first (a phone's screen too); the zoom
// buttons step the scale, and the toolbar says "Page N of M" for the page at the top. Canvases
// are never inverted in dark mode. The FAQ's "p. 3" marks open the viewer at that page
// (card_actions.js calls showPdfPage).
import { GlobalWorkerOptions, TextLayer, getDocument } from 'pdfjs-dist';

GlobalWorkerOptions.workerSrc = __PDF_WORKER_URL__;

const kMaxPolls = 120;
// Zoom steps, as the scale of a PDF point to a CSS pixel (1 is "100%").
const kZoomSteps = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
// A canvas holds at most this many pixels (pdf.js's own default): past it a page is drawn at a
// lower resolution and stretched, so a zoomed page on a phone does not take hundreds of MB.
const kMaxCanvasPixels = 1 << 24;

// The open viewers (element → its document view), for showPdfPage.
const views = new WeakMap();

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function retryDelay(response) {
  const seconds = Number(response.headers.get('Retry-After'));
  return Math.min(Math.max(Number.isFinite(seconds) && seconds > 0 ? seconds : 2, 1), 10) * 1000;
}

// "14:03:27" in the reader's time zone, or '' for a missing or malformed time.
function clockTime(iso) {
  const time = iso ? new Date(iso) : null;
  return time && !Number.isNaN(time.getTime()) ? time.toLocaleTimeString() : '';
}

// The line for a fetch not done yet: its place, and after a failed attempt, why and when next.
function pendingText(state) {
  if (state.state === 'failed') {
    return `The server could not fetch the PDF${state.error ? `: ${state.error}` : ''}. ` +
      'It tries again when the PDF is asked for later; the source PDF link works meanwhile.';
  }
  let text = state.state === 'running' ? 'Fetching PDF…' : `Fetching PDF… Pending: ${state.position ?? 0}`;
  if (state.error) {
    // `attempts` counts the running try too.
    const failed = state.state === 'running' ? Math.max(1, (state.attempts ?? 2) - 1) : state.attempts ?? 1;
    const next = clockTime(state.retry_at);
    text += ` · Try ${failed} failed: ${state.error}.`;
    if (state.state === 'running') text += ' Trying again now.';
    else if (next) text += ` Next try at ${next}.`;
  }
  return text;
}

// The instance's copy: /pdf/2401.06769, or /pdf/2024.naacl-long.431%40ACL for a venue paper
// (its id may hold any character but '@', ',' and spaces, so it is encoded whole).
function pdfPath(paper) {
  return paper.id.includes('@') ? `/pdf/${encodeURIComponent(paper.id)}` : `/pdf/${paper.id}`;
}

async function fetchPdf(paper, status, viewer) {
  for (let poll = 0; poll < kMaxPolls && viewer.isConnected; ++poll) {
    const response = await fetch(pdfPath(paper));
    if (response.status === 202) {
      const state = await response.json().catch(() => ({}));
      status.textContent = pendingText(state);
      viewer.dataset.state = state.state === 'failed' ? 'failed' : 'pending';
      if (state.state === 'failed') return null;
      await sleep(retryDelay(response));
      continue;
    }
    const type = response.headers.get('Content-Type') ?? '';
    if (response.ok && type.startsWith('application/pdf')) {
      return new Uint8Array(await response.arrayBuffer());
    }
    return null;
  }
  return null;
}

function button(className, text, title) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = text;
  element.title = title;
  element.setAttribute('aria-label', title);
  return element;
}

// One page: a box of the page's size at the current scale holding its canvas and text layer.
// Drawn lazily; a zoom redraws it at the new scale while the old drawing stays, stretched.
class PageView {
  constructor(doc, number, size) {
    this.doc = doc;
    this.number = number;
    this.size = size;  // {width, height} in PDF points, page 1's until the page itself is read
    this.scale = 0;
    this.drawnScale = 0;
    this.drawing = null;
    this.task = null;
    this.textLayer = null;
    this.box = document.createElement('div');
    this.box.className = 'pdf-page';
    this.box.dataset.page = String(number);
    this.text = document.createElement('div');
    this.text.className = 'textLayer';
    this.box.append(this.text);
  }

  setScale(scale) {
    this.scale = scale;
    this.box.style.setProperty('--scale-factor', String(scale));
    this.box.style.width = `${Math.floor(this.size.width * scale)}px`;
    this.box.style.height = `${Math.floor(this.size.height * scale)}px`;
  }

  // Draws the page at the current scale (once per scale), then its text layer.
  draw() {
    if (this.drawnScale === this.scale) return this.drawing;
    this.drawnScale = this.scale;
    this.task?.cancel();
    this.drawing = this.#draw(this.scale).catch((error) => {
      // A newer scale, or a viewer closed meanwhile (its document destroyed), ends a drawing.
      if (error?.name !== 'RenderingCancelledException' && this.box.isConnected) throw error;
    });
    return this.drawing;
  }

  async #draw(scale) {
    const page = await this.doc.getPage(this.number);
    const unscaled = page.getViewport({ scale: 1 });
    this.size = { width: unscaled.width, height: unscaled.height };
    if (scale !== this.scale) return;
    this.setScale(scale);
    const viewport = page.getViewport({ scale });
    const ratio = Math.min(window.devicePixelRatio || 1, Math.sqrt(kMaxCanvasPixels / (viewport.width * viewport.height)));
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    this.task = page.render({
      canvasContext: canvas.getContext('2d'),
      viewport,
      transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
    });
    await this.task.promise;
    this.task = null;
    if (scale !== this.scale) return;
    canvas.dataset.rendered = 'true';
    const old = this.box.querySelector('canvas');
    if (old) old.replaceWith(canvas);
    else this.box.prepend(canvas);
    await this.#layText(page, viewport);
  }

  // Lets go of the drawing of a page far out of view (its text layer stays, for find).
  forget() {
    this.task?.cancel();
    this.task = null;
    this.drawnScale = 0;
    this.box.querySelector('canvas')?.remove();
  }

  // The text layer alone (a page not drawn yet), so that find-in-page sees the whole document.
  async layText() {
    if (this.textLayer) return;
    const page = await this.doc.getPage(this.number);
    if (!this.textLayer) await this.#layText(page, page.getViewport({ scale: this.scale }));
  }

  async #layText(page, viewport) {
    if (this.textLayer) {
      this.textLayer.update({ viewport });
      return;
    }
    this.textLayer = new TextLayer({ textContentSource: page.streamTextContent(), container: this.text, viewport });
    await this.textLayer.render();
    this.box.dataset.text = 'true';
  }
}

// A document in a viewer: its pages, the zoom, the page indicator.
class DocumentView {
  constructor(doc, viewer, pagesElement, controls) {
    this.doc = doc;
    this.viewer = viewer;
    this.pagesElement = pagesElement;
    this.controls = controls;
    this.fitWidth = true;
    this.scale = 1;
    this.pages = [];
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) this.pages[Number(entry.target.dataset.page) - 1].draw();
      }
    }, { root: pagesElement, rootMargin: '400px 0px' });
    // Drawings are kept while a page is within a few screens, so a long paper read to its end
    // does not keep every page's canvas.
    this.keeper = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) this.pages[Number(entry.target.dataset.page) - 1].forget();
      }
    }, { root: pagesElement, rootMargin: '300% 0px' });
    this.indicatorFrame = 0;
    this.goneTo = null;  // {number, scrollTop}: the page goTo showed, while not scrolled since
  }

  async open() {
    const first = await this.doc.getPage(1);
    const unscaled = first.getViewport({ scale: 1 });
    const size = { width: unscaled.width, height: unscaled.height };
    for (let number = 1; number <= this.doc.numPages; ++number) {
      this.pages.push(new PageView(this.doc, number, size));
    }
    this.pagesElement.append(...this.pages.map((page) => page.box));
    this.applyScale(this.fitScale());
    for (const page of this.pages) {
      this.observer.observe(page.box);
      this.keeper.observe(page.box);
    }
    this.pagesElement.addEventListener('scroll', () => this.scheduleIndicator(), { passive: true });
    // "Fit width" follows the viewer's width (a phone turned, a window resized).
    let width = this.pagesElement.clientWidth;
    this.resizer = new ResizeObserver(() => {
      if (!this.fitWidth || this.pagesElement.clientWidth === width || !this.viewer.isConnected) return;
      width = this.pagesElement.clientWidth;
      this.applyScale(this.fitScale());
    });
    this.resizer.observe(this.pagesElement);
    await this.pages[0].draw();
  }

  // Lays the text of every page, one at a time in idle moments, for find-in-page.
  async layAllText() {
    for (const page of this.pages) {
      await new Promise((resolve) => (window.requestIdleCallback ?? setTimeout)(resolve));
      if (!this.viewer.isConnected) return;
      await page.layText();
    }
    this.viewer.dataset.text = 'all';
  }

  fitScale() {
    const style = getComputedStyle(this.pagesElement);
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const available = Math.max(160, this.pagesElement.clientWidth - padding);
    return available / this.pages[0].size.width;
  }

  // Sets every page's box to `scale`, keeping the page at the top in place, and redraws the
  // pages in view (the observer reports them again).
  applyScale(scale) {
    const top = this.currentPage();
    const within = this.pages.length ? (this.pagesElement.scrollTop - this.pages[top - 1].box.offsetTop) / this.scale : 0;
    this.scale = scale;
    for (const page of this.pages) page.setScale(scale);
    if (this.pages.length) this.pagesElement.scrollTop = this.pages[top - 1].box.offsetTop + within * scale;
    for (const page of this.pages) {
      this.observer.unobserve(page.box);
      this.observer.observe(page.box);
    }
    this.controls.zoom.textContent = `${Math.round(scale * 100)}%`;
    this.controls.fit.setAttribute('aria-pressed', String(this.fitWidth));
    this.viewer.dataset.scale = scale.toFixed(3);
    this.scheduleIndicator();
  }

  zoom(direction) {
    const current = this.scale;
    const next = direction > 0
      ? kZoomSteps.find((step) => step > current * 1.01) ?? kZoomSteps.at(-1)
      : kZoomSteps.findLast((step) => step < current * 0.99) ?? kZoomSteps[0];
    this.fitWidth = false;
    this.applyScale(next);
  }

  fit() {
    this.fitWidth = true;
    this.applyScale(this.fitScale());
  }

  // The page whose box holds the line a third of the way down the pages' window; the last page
  // once scrolled to the end (where that line may still be on the one before).
  currentPage() {
    const el = this.pagesElement;
    // A page gone to (a "p. 7" near the end) stays the current one until the reader scrolls.
    if (this.goneTo && Math.abs(el.scrollTop - this.goneTo.scrollTop) < 2) return this.goneTo.number;
    if (this.pages.length && el.scrollTop > 0 && el.scrollTop + el.clientHeight >= el.scrollHeight - 2) return this.pages.length;
    const line = this.pagesElement.scrollTop + this.pagesElement.clientHeight / 3;
    let low = 0;
    let high = this.pages.length - 1;
    let found = 0;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.pages[middle].box.offsetTop <= line) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found + 1;
  }

  scheduleIndicator() {
    if (this.indicatorFrame) return;
    this.indicatorFrame = requestAnimationFrame(() => {
      this.indicatorFrame = 0;
      const number = this.currentPage();
      this.controls.position.textContent = `Page ${number} of ${this.doc.numPages}`;
      this.viewer.dataset.page = String(number);
    });
  }

  // Frees the document (its worker thread, its pages) once the viewer is closed.
  destroy() {
    this.observer.disconnect();
    this.keeper.disconnect();
    this.resizer?.disconnect();
    this.doc.destroy();
  }

  // Scrolls the pages to page `number` (clamped) and brings the viewer into the window.
  async goTo(number) {
    const page = this.pages[Math.min(Math.max(1, number), this.pages.length) - 1];
    this.pagesElement.scrollTop = page.box.offsetTop;
    await page.draw();
    // Pages before it may have changed size as they were read: align again.
    this.pagesElement.scrollTop = page.box.offsetTop;
    this.goneTo = { number: page.number, scrollTop: this.pagesElement.scrollTop };
    this.viewer.scrollIntoView({ block: 'nearest' });
    this.scheduleIndicator();
  }
}

function zoomControls() {
  const group = document.createElement('span');
  group.className = 'pdf-zoom';
  const out = button('pdf-zoom-out', '−', 'Zoom out');
  const zoom = document.createElement('span');
  zoom.className = 'pdf-zoom-level';
  const into = button('pdf-zoom-in', '+', 'Zoom in');
  const fit = button('pdf-fit', 'Fit width', 'Fit the page to the width');
  group.append(out, zoom, into, fit);
  group.hidden = true;
  return { group, out, zoom, into, fit };
}

// Opens `paper`'s PDF in `viewer` (an empty div.pdf-viewer), at page `page`.
export async function showPdf(viewer, paper, { page = 1 } = {}) {
  viewer.innerHTML = '';
  viewer.dataset.startPage = String(page);
  const toolbar = document.createElement('div');
  toolbar.className = 'pdf-toolbar';
  const status = document.createElement('span');
  status.className = 'pdf-status';
  status.textContent = 'Loading PDF…';
  const controls = zoomControls();
  controls.position = status;
  const download = document.createElement('a');
  download.className = 'pdf-download';
  download.href = pdfPath(paper);
  download.download = `${paper.id.replace(/[/\\]/g, '_')}.pdf`;
  download.textContent = 'Download';
  const arxiv = document.createElement('a');
  arxiv.className = 'pdf-source';
  arxiv.href = paper.pdfUrl;
  arxiv.target = '_blank';
  arxiv.rel = 'noopener';
  arxiv.textContent = paper.id.includes('@') ? 'Source PDF' : 'Source PDF (arXiv)';
  const pages = document.createElement('div');
  pages.className = 'pdf-pages';
  // Focusable, so that a click in the pages sends Ctrl+F to the browser's find, not the filter.
  pages.tabIndex = 0;
  toolbar.append(status, controls.group, download, arxiv);
  viewer.append(toolbar, pages);

  let data = null;
  try {
    data = await fetchPdf(paper, status, viewer);
  } catch {
    data = null;
  }
  if (!data) {
    // A failed fetch keeps the server's reason on screen.
    if (viewer.dataset.state !== 'failed') {
      status.textContent = 'This instance has no copy of the PDF; open the source PDF.';
      viewer.dataset.state = 'unavailable';
    }
    download.href = paper.pdfUrl;
    return;
  }
  let doc;
  try {
    doc = await getDocument({ data, isEvalSupported: false }).promise;
  } catch (error) {
    status.textContent = `This PDF could not be read (${error?.message ?? error}); open the source PDF.`;
    viewer.dataset.state = 'unreadable';
    return;
  }
  const view = new DocumentView(doc, viewer, pages, controls);
  controls.out.addEventListener('click', () => view.zoom(-1));
  controls.into.addEventListener('click', () => view.zoom(1));
  controls.fit.addEventListener('click', () => view.fit());
  controls.group.hidden = false;
  await view.open();
  if (!viewer.isConnected) {
    view.destroy();  // closed while it opened
    return;
  }
  views.set(viewer, view);
  const start = Number(viewer.dataset.startPage);
  if (start > 1) await view.goTo(start);
  viewer.dataset.state = 'rendered';
  view.layAllText();
}

// Shows page `number` in a viewer opened by showPdf: at once when its document is open, else
// once it is.
export function showPdfPage(viewer, number) {
  const view = views.get(viewer);
  if (view) view.goTo(number);
  else viewer.dataset.startPage = String(number);
}

// Closes a viewer opened by showPdf: its document is let go.
export function closePdfViewer(viewer) {
  views.get(viewer)?.destroy();
  views.delete(viewer);
}
