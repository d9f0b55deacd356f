// Where on a coolpapers instance a page, a link or a selected text leads: a path such as
// "/arxiv/2401.06769", "/arxiv/2401.06769,hep-th/9901001", "/venue/2024.naacl-long.431@ACL" or
// "/arxiv/search?query=...". Pure functions of their arguments (no browser API), so the same
// rules are unit-tested in node and run in the extension's background.
//
// Venue ids follow papers.cool's forms (shared/data/venues/URLS.md §2): "<forum>@OpenReview",
// "<anthology id>@ACL", "<number>@<year>@IJCAI", "<slug>@v<NN>@PMLR", "<stem>@<CONF><YEAR>@CVF";
// NeurIPS's "<hash>@<year>@NeurIPS" is ours (papers.cool's form was not found).

// Archives of old-style ids ("hep-th/9901001", "math.GT/0309136"): naming them keeps a
// selection such as "and/0123456" from reading as an id.
const kOldStyleArchives = [
  'acc-phys', 'adap-org', 'alg-geom', 'ao-sci', 'astro-ph', 'atom-ph', 'bayes-an', 'chao-dyn',
  'chem-ph', 'cmp-lg', 'comp-gas', 'cond-mat', 'cs', 'dg-ga', 'funct-an', 'gr-qc', 'hep-ex',
  'hep-lat', 'hep-ph', 'hep-th', 'math', 'math-ph', 'mtrl-th', 'nlin', 'nucl-ex', 'nucl-th',
  'patt-sol', 'physics', 'plasm-ph', 'q-alg', 'q-bio', 'quant-ph', 'solv-int', 'supr-con',
];

// New style: YYMM.NNNN (to 1412) or YYMM.NNNNN, the month 01-12; old style: archive[.SUBJ]/YYMMNNN.
// Either may carry a version, which is dropped: a coolpapers paper page shows every version.
// Not inside a longer word or number, except after "arXiv." (DOIs: 10.48550/arXiv.2401.06769).
const kArxivIdPattern = new RegExp(
  String.raw`(?:(?<=ar[Xx]iv\.)|(?<![\w.-]))(?:(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})` +
  String.raw`|((?:${kOldStyleArchives.join('|')})(?:\.[A-Z]{2})?\/\d{2}(?:0[1-9]|1[0-2])\d{3}))` +
  String.raw`(?:v\d+)?(?!\d)`, 'g');

const kUrlPattern = /https?:\/\/[^\s<>"'()[\]{}]+/g;

// Every distinct arXiv id in `text`, without versions, in order of appearance:
// "see 2401.06769v2 and arXiv:hep-th/9901001" -> ["2401.06769", "hep-th/9901001"].
export function findArxivIds(text) {
  const ids = [];
  for (const match of String(text ?? '').matchAll(kArxivIdPattern)) {
    const id = match[1] ?? match[2];
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

// One entry per proceedings site: the hosts it answers on and how a path names a paper there.
const kVenueSites = [
  {
    // forum?id=X, pdf?id=X, attachment?id=X&name=...: the forum id names the paper.
    hosts: ['openreview.net'],
    idFor(path, query) {
      const forum = query.get('id');
      if (!/^\/(forum|pdf|attachment)\/?$/.test(path) || !/^[\w-]+$/.test(forum ?? '')) return null;
      return `${forum}@OpenReview`;
    },
  },
  {
    // /2024.naacl-long.431/, /2024.naacl-long.431.pdf, /2024.naacl-long.431v2.pdf, /P19-1001/.
    hosts: ['aclanthology.org'],
    idFor(path) {
      const match = /^\/(\d{4}\.[a-z\d]+-[a-z\d]+\.\d+|[A-Z]\d{2}-\d{4})(?:v\d+)?(?:\/|\.pdf)?$/.exec(path);
      return match ? `${match[1]}@ACL` : null;
    },
  },
  {
    // /v235/abbas24a.html, /v235/abbas24a/abbas24a.pdf (and its -supp.pdf).
    hosts: ['proceedings.mlr.press'],
    idFor(path) {
      const match = /^\/(v\d+)\/([\w-]+?)(?:\.html|\/\2(?:-supp)?\.pdf)$/.exec(path);
      return match ? `${match[2]}@${match[1]}@PMLR` : null;
    },
  },
  {
    // /proceedings/2024/123 and /proceedings/2024/0123.pdf: papers.cool drops the zeros.
    hosts: ['ijcai.org'],
    idFor(path) {
      const match = /^\/proceedings\/(\d{4})\/0*(\d+)(?:\.pdf|\/)?$/.exec(path);
      return match ? `${match[2]}@${match[1]}@IJCAI` : null;
    },
  },
  {
    // /content/CVPR2024/html/<stem>_CVPR_2024_paper.html, .../papers/<stem>_CVPR_2024_paper.pdf,
    // and before 2021 /content_ICCV_2019/html/<stem>_ICCV_2019_paper.html.
    hosts: ['openaccess.thecvf.com'],
    idFor(path) {
      const match = /^\/content[/_]([A-Z]+)_?(\d{4})\/(?:html|papers)\/(.+)_\1_\2_paper\.(?:html|pdf)$/.exec(path);
      return match ? `${match[3]}@${match[1]}${match[2]}@CVF` : null;
    },
  },
  {
    // /paper_files/paper/2023/hash/<hash>-Abstract-Conference.html, .../file/<hash>-Paper-Conference.pdf,
    // before 2022 /paper/2019/hash/<hash>-Abstract.html. papers.cool's form for these was not
    // found (URLS.md §4); "<hash>@<year>@NeurIPS" follows its IJCAI form.
    hosts: ['papers.nips.cc', 'proceedings.neurips.cc'],
    idFor(path) {
      const match = /^\/(?:paper_files\/)?paper\/(\d{4})\/(?:hash|file)\/([\da-f]{32})-/.exec(path);
      return match ? `${match[2]}@${match[1]}@NeurIPS` : null;
    },
  },
];

// The venue paper id that a proceedings URL shows, or null: the page of the paper or its PDF.
export function venueIdForUrl(url) {
  const parsed = parseUrl(url);
  const site = parsed && venueSiteOf(parsed);
  return site ? site.idFor(safeDecode(parsed.pathname), parsed.searchParams) : null;
}

// The coolpapers path for one URL, or null when it names no paper:
// arXiv (and export.arxiv.org, alphaxiv.org, huggingface.co/papers, any URL holding an arXiv
// id), arXiv listings (/list/cs.AI/new -> /arxiv/cs.AI), and the proceedings sites above.
export function pathForUrl(url) {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  const venueId = venueIdForUrl(url);
  if (venueId) return venuePath([venueId]);
  const path = safeDecode(parsed.pathname);
  if (isArxivHost(parsed.hostname)) {
    const listing = /^\/list\/([a-z-]+(?:\.[A-Za-z-]+)?)(?:\/|$)/.exec(path);
    if (listing) return `/arxiv/${listing[1]}`;
  }
  const ids = findArxivIds(path);
  if (ids.length === 0) ids.push(...findArxivIds(parsed.search));
  return ids.length ? arxivPath(ids) : null;
}

// The coolpapers path for a selected text, or null: every arXiv id in it on one page
// ("2401.06769, 2312.00752" -> "/arxiv/2401.06769,2312.00752"); otherwise every proceedings URL
// in it on one venue page.
export function pathForText(text) {
  const ids = findArxivIds(text);
  if (ids.length) return arxivPath(ids);
  const venueIds = [];
  for (const [url] of String(text ?? '').matchAll(kUrlPattern)) {
    const id = venueIdForUrl(url);
    if (id && !venueIds.includes(id)) venueIds.push(id);
  }
  return venueIds.length ? venuePath(venueIds) : null;
}

// Where to go for what the reader pointed at, tried in this order (as papers.cool's own
// extension did): the selection, the link, the page, the frame. When none names a paper, a
// search for the selected words, or else for the page's title (in the venue branch on a
// proceedings site). Null when there is nothing to search either.
// `target`: {selectionText, linkUrl, pageUrl, frameUrl, title}, any of them absent.
export function pathForTarget({ selectionText, linkUrl, pageUrl, frameUrl, title } = {}) {
  const found = pathForText(selectionText) ?? pathForUrl(linkUrl) ?? pathForUrl(pageUrl) ??
    pathForUrl(frameUrl);
  if (found) return found;
  const branch = isVenueUrl(pageUrl) ? 'venue' : 'arxiv';
  // A page without a <title> gets its URL as the tab's title ("blog.example/post"): no title.
  const realTitle = title && !String(pageUrl ?? '').includes(title) ? title : '';
  return searchPath(branch, searchWords(selectionText)) ?? searchPath(branch, searchWords(cleanTitle(realTitle)));
}

function arxivPath(ids) {
  return `/arxiv/${ids.join(',')}`;
}

function venuePath(ids) {
  return `/venue/${ids.map((id) => encodeURIComponent(id).replace(/%40/g, '@')).join(',')}`;
}

function searchPath(branch, words) {
  return words ? `/${branch}/search?query=${encodeURIComponent(words)}` : null;
}

// The words of `text` as a plain query: letters and digits only, so that nothing in a title
// reads as the search syntax ("-word", "title:", quotes); OR/AND/NOT lower-cased for the same
// reason. Null when no word is left.
export function searchWords(text) {
  const words = String(text ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
  const query = words
    .filter((word) => word.length > 1 || /\p{N}/u.test(word))
    .map((word) => (/^(OR|AND|NOT|NEAR|XOR)$/.test(word) ? word.toLowerCase() : word))
    .join(' ');
  return query || null;
}

// A page title without what sites wrap around a paper's title: "[2401.06769] Title",
// "Paper page - Title", "Title | OpenReview", "Title - ACL Anthology".
export function cleanTitle(title) {
  let text = String(title ?? '').trim();
  text = text.replace(/^\[[^\]]*\]\s*/, '').replace(/^paper page\s*[-–—|:]\s*/i, '');
  const suffix = /\s+[-–—|]\s+([^-–—|]+)$/.exec(text);
  if (suffix && suffix[1].trim().split(/\s+/).length <= 3 && suffix.index > 0) {
    text = text.slice(0, suffix.index);
  }
  return text;
}

function isArxivHost(hostname) {
  return hostname === 'arxiv.org' || hostname.endsWith('.arxiv.org');
}

// A page of a proceedings site that is not one paper searches the venue branch of coolpapers.
function isVenueUrl(url) {
  const parsed = parseUrl(url);
  return Boolean(parsed && venueSiteOf(parsed));
}

function venueSiteOf(parsed) {
  const host = parsed.hostname.replace(/^www\./, '');
  return kVenueSites.find((site) => site.hosts.includes(host));
}

function parseUrl(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    // file: for a downloaded PDF named by its id ("2401.06769v2.pdf").
    return /^(https?|file):$/.test(parsed.protocol) ? parsed : null;
  } catch {
    return null;
  }
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
