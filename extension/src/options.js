// The options page: the instance URL, checked with parseInstanceUrl before it is stored, so the
// background only ever reads a usable one.
import { kDefaultInstanceUrl, parseInstanceUrl } from './instance_url.js';

const extension = globalThis.browser ?? globalThis.chrome;
const form = document.getElementById('instance-form');
const input = document.getElementById('instance-url');
const status = document.getElementById('instance-status');

function showStatus(kind, message) {
  status.className = kind;
  status.textContent = message;
  input.setAttribute('aria-invalid', String(kind === 'error'));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const parsed = parseInstanceUrl(input.value);
  if (parsed.error) {
    showStatus('error', parsed.error);
    return;
  }
  await extension.storage.sync.set({ instanceUrl: parsed.url });
  input.value = parsed.url;
  showStatus('saved', `Saved: papers open on ${parsed.url}`);
});

const { instanceUrl } = await extension.storage.sync.get({ instanceUrl: kDefaultInstanceUrl });
input.value = instanceUrl;
// The shortcut the reader actually has (they may have changed or removed the suggested one).
const commands = await extension.commands?.getAll?.() ?? [];
const shortcut = commands.find((command) => command.name === '_execute_action')?.shortcut;
document.getElementById('shortcut').textContent = shortcut || 'none set';
document.body.dataset.ready = 'true';
