// "Like my stars" (issue #15 upgrade 6): the day ranked by the server from the reader's starred
// papers and preference keywords, which the request carries (sort=like&stars=...&keywords=...;
// the server keeps nothing of them), and the reader's personal feed: the same ranking as an Atom
// feed of each new day, its URL holding the stars and keywords (web/like_ranking.h bounds it).
import { onStarsChanged, starredPapers } from './star_list.js';
import { preferenceKeywords } from './storage.js';

const kMaxStars = 100;          // web/like_ranking.h: kMaxStarsInUrl
const kMaxKeywords = 20;        // kMaxKeywordsInUrl
const kMaxKeywordLength = 60;   // kMaxKeywordLength

// "sort=like&stars=<id>,...&keywords=a,b", the reader's newest stars first; "" when the reader
// has neither stars nor keywords (nothing to rank by).
export function likeParameters() {
  const stars = starredPapers().slice(0, kMaxStars).map((entry) => entry.id);
  const keywords = preferenceKeywords()
    .map((word) => word.replaceAll(',', ' ').trim())
    .filter((word) => word && word.length <= kMaxKeywordLength)
    .slice(0, kMaxKeywords);
  if (!stars.length && !keywords.length) return '';
  let query = 'sort=like';
  if (stars.length) query += `&stars=${stars.join(',')}`;
  if (keywords.length) query += `&keywords=${keywords.map(encodeURIComponent).join(',')}`;
  return query;
}

// The ids of the day of `container` (div#papers, its data-expression and data-day) in the
// server's like order; [] when there is nothing to rank by. Throws when the request fails.
export async function likeOrder(container) {
  const parameters = likeParameters();
  if (!parameters) return [];
  const { expression, day } = container.dataset;
  const response = await fetch(`/api/arxiv/${expression}?date=${day}&show=2000&${parameters}`);
  if (!response.ok) throw new Error(`like my stars: HTTP ${response.status}`);
  const list = await response.json();
  return list.papers.map((paper) => paper.id);
}

// The "Personal feed" link after the list's feed link: /arxiv/<expr>/feed with the like
// parameters and no date, so a feed reader gets each new day ranked. Hidden while the reader has
// no stars and no keywords; follows their changes.
export function initPersonalFeedLink(info, container) {
  const { expression } = container.dataset;
  if (!expression) return;
  const link = document.createElement('a');
  link.className = 'personal-feed';
  link.textContent = 'Personal feed';
  link.title = 'Your Atom feed of each new day, best matches to your stars and keywords first: ' +
    'copy the link into a feed reader (the URL holds your stars; the site keeps nothing)';
  const update = () => {
    const parameters = likeParameters();
    link.hidden = !parameters;
    link.href = `/arxiv/${expression}/feed${parameters ? `?${parameters}` : ''}`;
  };
  update();
  const feed = info.querySelector('a.feed');
  if (feed) feed.after(link);
  else info.append(link);
  onStarsChanged(update);
  document.addEventListener('coolpapers:settings', update);
}
