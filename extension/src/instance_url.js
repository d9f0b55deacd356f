// The reader's coolpapers instance: the one setting the extension has. Pure functions, shared by
// the options page (which validates what the reader types) and the background (which opens
// pages under it).

export const kDefaultInstanceUrl = 'http://127.0.0.1:8080';

// Checks what the reader typed as the instance URL. Returns {url} with the URL as it will be
// stored (no trailing slash: "https://papers.example.org/cool"), or {error} with a message to
// show: an absolute http:// or https:// URL with a host, and nothing after its path.
export function parseInstanceUrl(text) {
  const typed = String(text ?? '').trim();
  const example = `e.g. ${kDefaultInstanceUrl} or https://papers.example.org`;
  if (!typed) return { error: `Enter the address of your coolpapers instance, ${example}.` };
  let url;
  try {
    url = new URL(typed);
  } catch {
    return { error: `"${typed}" is not an absolute URL: write it with http:// or https://, ${example}.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { error: `"${typed}" uses ${url.protocol.slice(0, -1)}: a coolpapers instance is reached over http:// or https://, ${example}.` };
  }
  if (!url.hostname) return { error: `"${typed}" has no host name, ${example}.` };
  if (url.username || url.password) {
    return { error: `"${typed}" holds a user name or password: leave them out (the browser asks for them when the instance needs them).` };
  }
  if (url.search || url.hash) {
    return { error: `"${typed}" has a query or fragment (after ? or #): give only the instance's address, ${example}.` };
  }
  return { url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

// The full URL of a coolpapers `path` ("/arxiv/2401.06769") on the instance at `instanceUrl`
// (as parseInstanceUrl stored it), which may itself have a path.
export function instancePageUrl(instanceUrl, path) {
  return `${instanceUrl.replace(/\/+$/, '')}${path}`;
}
