// Settings in the bottom bar (reference sections 2.3 button 4, 2.8, 2.9, 2.13): the language of
// the [FAQ] answers (zh/en), titles and abstracts also in Chinese when the site translates
// (`<body data-translation>`), the magic token, the preference keywords of the ❤ sort, and a
// feedback link when the site has one (`<body data-feedback-url>`, from the server's config).
// Saved with a button: language, translation and keywords in localStorage (storage.js); the
// token is posted to /api/token, which keeps it in an HttpOnly cookie no script can read (so
// the field never shows it: it says whether one is set, and "Forget" drops it). Saving tells
// the page with a `coolpapers:settings` event on the document (sort_cards.js re-ranks on it).
import { faqLabel } from './card_actions.js';
import {
  faqLanguage, preferenceKeywords, setFaqLanguage, setPreferenceKeywords, setTranslateTitles, translateTitles,
} from './storage.js';
import { translationsOffered } from './translations.js';

// Whether this browser holds the instance's token (the cookie itself is out of a script's
// reach); null when the instance has no token or cannot say.
async function tokenIsSet() {
  try {
    const response = await fetch('/api/token', { credentials: 'same-origin' });
    if (!response.ok) return null;
    return (await response.json()).admin === true;
  } catch {
    return null;
  }
}

// Posts `token` ('' forgets it); resolves to a line for the status.
async function postToken(token) {
  try {
    const response = await fetch('/api/token', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'text/plain' }, body: token,
    });
    if (response.ok) return token ? 'token saved' : 'token forgotten';
    if (response.status === 403) return 'not this site\'s magic token';
    return 'this site has no magic token';
  } catch {
    return 'token not saved: the site did not answer';
  }
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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
<button type="button" class="settings-forget" hidden>Forget the token</button>
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
  const forget = panel.querySelector('.settings-forget');

  async function showToken() {
    const set = await tokenIsSet();
    token.placeholder = set ? 'set (type another to replace it)' : '';
    forget.hidden = !set;
  }

  function load() {
    const language = faqLanguage();
    for (const radio of panel.querySelectorAll('input[name=faq-language]')) radio.checked = radio.value === language;
    if (translate) translate.checked = translateTitles();
    token.value = '';
    showToken();
    keywords.value = preferenceKeywords().join('\n');
    status.textContent = '';
  }

  panel.querySelector('.settings-save').addEventListener('click', async () => {
    const language = panel.querySelector('input[name=faq-language]:checked')?.value ?? 'en';
    const words = keywords.value.split('\n').map((line) => line.trim().toLowerCase()).filter(Boolean);
    const saved = setFaqLanguage(language) && setPreferenceKeywords(words) &&
      (!translate || setTranslateTitles(translate.checked));
    const typed = token.value.trim();
    const tokenLine = typed ? `; ${await postToken(typed)}` : '';
    token.value = '';
    status.textContent = (saved ? 'Saved' : 'Not saved: this browser blocks local storage') + tokenLine;
    if (typed) await showToken();
    document.dispatchEvent(new CustomEvent('coolpapers:settings'));
  });
  forget.addEventListener('click', async () => {
    status.textContent = await postToken('');
    await showToken();
  });
  panel.addEventListener('panelopen', load);
}
