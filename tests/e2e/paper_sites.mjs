// Loopback stand-ins for the paper sites the extension knows (arxiv.org, openreview.net, ...):
// one HTTPS server that answers every one of those hosts, and the Chromium flag that sends the
// hosts to it and every other name nowhere. HTTPS, with a throwaway self-signed certificate
// (the browser is told to accept it), because some of the real hosts are on Chromium's HSTS
// preload list and would never be asked over http.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPdf } from './test_pdf.mjs';

export const kPaperSiteHosts = [
  'arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'alphaxiv.org', 'www.alphaxiv.org',
  'huggingface.co', 'openreview.net', 'aclanthology.org', 'proceedings.mlr.press', 'ijcai.org',
  'www.ijcai.org', 'openaccess.thecvf.com', 'papers.nips.cc', 'blog.example',
];

// Starts the server. `titles` maps a page's URL ("https://blog.example/post") to its <title>;
// `bodies` maps a URL to more HTML for its body. A path ending in ".pdf" or under /pdf/ is a
// real one-page PDF. Returns {hostResolverRules, stop()}.
export async function startPaperSites({ titles = {}, bodies = {} } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'coolpapers-sites-'));
  const certificate = makeSelfSignedCertificate(work);
  const server = createServer(certificate, (request, response) => {
    const url = `https://${request.headers.host}${request.url}`;
    const path = new URL(url).pathname;
    if (path.endsWith('.pdf') || path.startsWith('/pdf')) {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.end(makeTestPdf(`A PDF at ${url}`));
      return;
    }
    const title = titles[url] ?? `A page of ${request.headers.host}`;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html><head><title>${escapeHtml(title)}</title>` +
      `<link rel="icon" href="data:,"></head><body><h1>${escapeHtml(title)}</h1>${bodies[url] ?? ''}</body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  // Every paper site to this server; every other name fails to resolve, so nothing leaves
  // loopback; loopback addresses themselves (the coolpapers instance) are left as they are.
  const hostResolverRules = [
    ...kPaperSiteHosts.map((host) => `MAP ${host} 127.0.0.1:${port}`),
    'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost',
  ].join(', ');
  return {
    hostResolverRules,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

// A key and a certificate made by openssl for this one run, valid one day.
function makeSelfSignedCertificate(folder) {
  const key = join(folder, 'key.pem');
  const cert = join(folder, 'cert.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=coolpapers paper sites'],
  { encoding: 'utf8', timeout: 20000 });
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr ?? made.error}`);
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}
