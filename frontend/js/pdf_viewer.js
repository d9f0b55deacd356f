// The inline PDF viewer (its own chunk, with pdf.js; the worker is a separate file). It reads
// /pdf/<id>, the instance's PDF cache: 200 with the PDF, or 202 {"state","position","error",
// "retry_at"} with Retry-After while the server fetches it from arXiv, shown as "Fetching PDF…
// Pending: n", and once an attempt failed, the server's reason and when it tries again. The
// source PDF's link stays in the toolbar throughout.
// Pages render one by one as they scroll into view; canvases are never inverted in dark mode.
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';

GlobalWorkerOptions.workerSrc = __PDF_WORKER_URL__;

const kMaxPolls = 120;

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

async function fetchPdf(paper, status, viewer) {
  for (let poll = 0; poll < kMaxPolls && viewer.isConnected; ++poll) {
    const response = await fetch(`/pdf/${paper.id}`);
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

async function renderPage(doc, number, canvas, width) {
  const page = await doc.getPage(number);
  const unscaled = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (width / unscaled.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
  canvas.dataset.rendered = 'true';
}

export async function showPdf(viewer, paper) {
  viewer.innerHTML = '';
  const toolbar = document.createElement('div');
  toolbar.className = 'pdf-toolbar';
  const status = document.createElement('span');
  status.className = 'pdf-status';
  status.textContent = 'Loading PDF…';
  const download = document.createElement('a');
  download.className = 'pdf-download';
  download.href = `/pdf/${paper.id}`;
  download.download = `${paper.id.replace('/', '_')}.pdf`;
  download.textContent = 'Download';
  const arxiv = document.createElement('a');
  arxiv.className = 'pdf-source';
  arxiv.href = paper.pdfUrl;
  arxiv.target = '_blank';
  arxiv.rel = 'noopener';
  arxiv.textContent = 'Source PDF (arXiv)';
  const pages = document.createElement('div');
  pages.className = 'pdf-pages';
  toolbar.append(status, download, arxiv);
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
  const doc = await getDocument({ data, isEvalSupported: false }).promise;
  status.textContent = `${doc.numPages} page${doc.numPages === 1 ? '' : 's'}`;
  const width = Math.max(200, pages.clientWidth - 16);
  const canvases = [];
  for (let number = 1; number <= doc.numPages; ++number) {
    const canvas = document.createElement('canvas');
    canvas.dataset.page = String(number);
    canvas.width = 1;
    canvas.height = 1;
    canvas.style.width = `${width}px`;
    canvas.style.aspectRatio = '0.77';
    canvases.push(canvas);
  }
  pages.append(...canvases);
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      entry.target.style.aspectRatio = '';
      renderPage(doc, Number(entry.target.dataset.page), entry.target, width);
    }
  }, { root: pages, rootMargin: '400px 0px' });
  canvases.slice(1).forEach((canvas) => observer.observe(canvas));
  canvases[0].style.aspectRatio = '';
  await renderPage(doc, 1, canvases[0], width);
  viewer.dataset.state = 'rendered';
}
