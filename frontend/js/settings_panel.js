// Settings in the bottom bar (reference sections 2.3 button 4, 2.8, 2.9, 2.13): the language of
// the [FAQ] answers (zh/en), titles and abstracts also in Chinese when the site translates
// (`<body data-translation>`), the magic token, the preference keywords of the ❤ sort, and a
// feedback link when the site has one (`<body data-feedback-url>`, from the server's config).
// Saved with a button: language, translation and keywords in localStorage (storage.js), the
// token in the cookie
// `coolpapers_token`, which the server reads. Saving tells the page with a `coolpapers:settings`
// event on the document (sort_cards.js re-ranks on it).
import { faqLabel } from './card_actions.js';
import {
  faqLanguage, preferenceKeywords, setFaqLanguage, setPreferenceKeywords, setTranslateTitles, translateTitles,
} from './storage.js';
import { translationsOffered } from './translations.js';

const kTokenCookie = 'coolpapers_token';
const kTokenMaxAge = 400 * 24 * 3600;  // Chromium's ceiling for a cookie's lifetime

// The token cookie's value, '' when there is none.
export function magicToken() {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== kTokenCookie) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return '';
    }
  }
  return '';
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function setMagicToken(token) {
  const value = encodeURIComponent(token);
  const age = token ? kTokenMaxAge : 0;
  document.cookie = `${kTokenCookie}=${value}; path=/; max-age=${age}; SameSite=Lax`;
}

export function initSettingsPanel(bar) {
  const entry = bar.addPanel('Settings', 'Settings: FAQ language, translation, magic token, preference keywords', 'settings-panel');
  const panel = entry.panel;
  panel.innerHTML = `<h3>Settings</h3>
<fieldset class="settings-language"><legend>[${escapeHtml(faqLabel())}] answers in</legend>
<label><input type="radio" name="faq-language" value="en"> English</label>
<label><input type="radio" name="faq-language" value="zh"> 中文</label>
</fieldset>
${translationsOffered() ? `<label class="settings-check"><input type="checkbox" class="settings-translate"> Titles and abstracts also in 中文 (machine translation)</label>` : ''}
<label class="settings-field">Magic token<input type="password" class="settings-token" autocomplete="off" spellcheck="false"></label>
<label class="settings-field">Preference keywords (one per line; ❤ sorts by them)<textarea class="settings-keywords" rows="4" spellcheck="false"></textarea></label>
<div class="settings-actions"><button type="button" class="settings-save">Save</button>
<span class="settings-status" aria-live="polite"></span></div>`;
  const feedbackUrl = document.body.dataset.feedbackUrl;
  if (feedbackUrl && /^https?:\/\//.test(feedbackUrl)) {
    const feedback = document.createElement('a');
    feedback.className = 'settings-feedback';
    feedback.href = feedbackUrl;
    feedback.target = '_blank';
    feedback.rel = 'noopener';
    feedback.textContent = 'Feedback';
    panel.querySelector('.settings-actions').append(feedback);
  }
  const translate = panel.querySelector('.settings-translate');
  const token = panel.querySelector('.settings-token');
  const keywords = panel.querySelector('.settings-keywords');
  const status = panel.querySelector('.settings-status');

  function load() {
    const language = faqLanguage();
    for (const radio of panel.querySelectorAll('input[name=faq-language]')) radio.checked = radio.value === language;
    if (translate) translate.checked = translateTitles();
    token.value = magicToken();
    keywords.value = preferenceKeywords().join('\n');
    status.textContent = '';
  }

  panel.querySelector('.settings-save').addEventListener('click', () => {
    const language = panel.querySelector('input[name=faq-language]:checked')?.value ?? 'en';
    const words = keywords.value.split('\n').map((line) => line.trim().toLowerCase()).filter(Boolean);
    const saved = setFaqLanguage(language) && setPreferenceKeywords(words) &&
      (!translate || setTranslateTitles(translate.checked));
    setMagicToken(token.value.trim());
    status.textContent = saved ? 'Saved' : 'Not saved: this browser blocks local storage';
    document.dispatchEvent(new CustomEvent('coolpapers:settings'));
  });
  panel.addEventListener('panelopen', load);
}
