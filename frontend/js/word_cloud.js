// The reader's word cloud (reference section 2.8): the 10 keywords of every paper the reader
// opened ([PDF] or [FAQ], the papers star_list.js stars), from /api/related/<id>?show=1, added up
// in localStorage (storage.js). Its top words stand in for the preference keywords of the ❤ sort
// when the reader set none, and the home page's "More" section shows it.
import { addWordCloudPaper, wordCloudHasPaper, wordCloudTop } from './storage.js';

const pending = new Set();  // ids being fetched

// Adds paper `id`'s keywords to the cloud once. Until the site's search index is ready the API
// answers an error: the paper is then left out, and opening it again later tries again.
export async function trackPaperKeywords(id) {
  if (pending.has(id) || wordCloudHasPaper(id)) return false;
  pending.add(id);
  try {
    const response = await fetch(`/api/related/${encodeURIComponent(id)}?show=1`);
    if (!response.ok) return false;
    const body = await response.json();
    if (!Array.isArray(body?.keywords) || !body.keywords.length) return false;
    return addWordCloudPaper(id, body.keywords);
  } catch {
    return false;
  } finally {
    pending.delete(id);
  }
}

// The `n` most frequent words of the cloud, most frequent first.
export function topCloudWords(n) {
  return wordCloudTop(n).map(([word]) => word);
}

// Fills `container` with the cloud's top `n` words as buttons sized by their count; a click
// calls `onWord(word)`. Says so when the cloud is empty.
export function renderWordCloud(container, onWord, n = 60) {
  const top = wordCloudTop(n);
  container.replaceChildren();
  container.classList.add('word-cloud');
  if (!top.length) {
    const empty = document.createElement('p');
    empty.className = 'word-cloud-empty';
    empty.textContent = 'Your word cloud is empty: it grows from the keywords of the papers whose [PDF] or FAQ you open.';
    container.append(empty);
    return;
  }
  const max = top[0][1];
  const min = top[top.length - 1][1];
  // Alphabetical, so that the cloud reads as a cloud and not as a ranking.
  for (const [word, count] of [...top].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cloud-word';
    button.dataset.word = word;
    button.dataset.count = String(count);
    const weight = max === min ? 0.5 : (count - min) / (max - min);
    button.style.fontSize = `${(0.8 + weight * 1.2).toFixed(2)}rem`;
    button.title = `${word}: ${count} — click to add to your preference keywords`;
    button.textContent = word;
    button.addEventListener('click', () => onWord(word));
    container.append(button);
  }
}
