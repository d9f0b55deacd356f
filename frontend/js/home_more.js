// The home page's "More" section (reference section 2.8): the preference keywords of the ❤ sort
// (the same storage as the settings panel, settings_panel.js) and the reader's word cloud
// (word_cloud.js); clicking a word of the cloud adds it to the preference keywords.
import { preferenceKeywords, setPreferenceKeywords } from './storage.js';
import { renderWordCloud } from './word_cloud.js';

export function initHomeMore() {
  const main = document.querySelector('main');
  if (!main) return;
  const section = document.createElement('section');
  section.className = 'group home-more';
  section.innerHTML = `<h2>More</h2>
<label class="settings-field">Preference keywords (one per line; ❤ sorts a day by them; none: your word cloud's top 20)
<textarea class="home-keywords" rows="4" spellcheck="false"></textarea></label>
<div class="settings-actions"><button type="button" class="home-keywords-save">Save</button>
<span class="home-keywords-status" aria-live="polite"></span></div>
<h3>Your word cloud</h3>
<div class="home-word-cloud"></div>`;
  main.append(section);
  const area = section.querySelector('.home-keywords');
  const status = section.querySelector('.home-keywords-status');
  const cloud = section.querySelector('.home-word-cloud');

  const save = (words) => {
    const saved = setPreferenceKeywords(words);
    area.value = preferenceKeywords().join('\n');
    status.textContent = saved ? 'Saved' : 'Not saved: this browser blocks local storage';
  };
  const typed = () => area.value.split('\n').map((line) => line.trim().toLowerCase()).filter(Boolean);
  section.querySelector('.home-keywords-save').addEventListener('click', () => save(typed()));
  // What the reader typed and did not save yet is kept, with the word added.
  const addWord = (word) => {
    const words = typed();
    if (!words.includes(word)) words.push(word);
    save(words);
  };
  const show = () => renderWordCloud(cloud, addWord);
  area.value = preferenceKeywords().join('\n');
  show();
  window.addEventListener('storage', (event) => {
    if (event.key === 'coolpapers.wordCloud') show();
    if (event.key === 'coolpapers.preferenceKeywords') area.value = preferenceKeywords().join('\n');
  });
}
