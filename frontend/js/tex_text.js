// TeX outside math in titles and abstracts (issue #15 point 7): \textit{..}, \emph, \textbf,
// \texttt, \url{..}, \href{..}{..}, {\em ..}, escaped characters (\% \& \# \_ \$ \{ \}),
// ``quotes'', ~ and dashes become text and style. The result is built as DOM nodes (the TeX never
// goes through innerHTML), and the math ($...$, $$...$$, \(...\), \[...\]) is copied through as
// written for KaTeX (math.js). A link is made only for an http(s) URL; any other \url shows as
// text. A command it does not know stays as written.

// Cheap test: text without any of these has nothing to convert.
const kTexTextPattern = /\\|``|''|~|--/;

const kStyleCommands = {
  textit: 'em', emph: 'em', textsl: 'em', textbf: 'strong', texttt: 'code', textsc: 'span.tex-sc',
  underline: 'u', text: '', textrm: '', textnormal: '', textsf: '', mbox: '',
};
const kGroupStyles = { em: 'em', it: 'em', sl: 'em', bf: 'strong', tt: 'code', sc: 'span.tex-sc', rm: '' };
const kWords = {
  ldots: '\u2026', dots: '\u2026', textendash: '\u2013', textemdash: '\u2014', LaTeX: 'LaTeX', TeX: 'TeX',
  textasciitilde: '~', textbackslash: '\\', textquotedblleft: '\u201c', textquotedblright: '\u201d',
};
const kEscapedSymbols = '%&#_{}$';

export function hasTexText(text) {
  return kTexTextPattern.test(text);
}

function httpUrl(text) {
  const url = text.trim();
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

function makeElement(spec) {
  const [tag, className] = spec.split('.');
  const el = document.createElement(tag);
  if (className) el.className = className;
  return el;
}

// Index just past the math starting at `i` (s[i] is '$' or a backslash before '(' or '['), or -1.
function mathEnd(s, i) {
  if (s[i] === '\\') {
    const close = s[i + 1] === '(' ? '\\)' : '\\]';
    const end = s.indexOf(close, i + 2);
    return end < 0 ? -1 : end + 2;
  }
  if (s.startsWith('$$', i)) {
    const end = s.indexOf('$$', i + 2);
    return end < 0 ? -1 : end + 2;
  }
  for (let j = i + 1; j < s.length; ++j) {
    if (s[j] === '\\') ++j;
    else if (s[j] === '$') return j + 1;
  }
  return -1;
}

// Index of the '}' closing the group opened just before `i`, or -1.
function groupEnd(s, i) {
  let depth = 1;
  for (let j = i; j < s.length; ++j) {
    if (s[j] === '\\') ++j;
    else if (s[j] === '{') ++depth;
    else if (s[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

// The end of a command's argument opened just before `i`: its '}', or the end of the text when
// it is never closed (arXiv cuts some abstracts short: "\href{..}{Weights \& Biases").
function argumentEnd(s, i) {
  const end = groupEnd(s, i);
  return end < 0 ? s.length : end;
}

// Appends the nodes for TeX text `s` to `parent`. `inGroup`: inside a command's argument, where
// bare braces only group; `links`: whether \url and \href may make links.
function appendTex(parent, s, inGroup, links) {
  let text = '';
  const flush = () => {
    if (text) parent.append(text);
    text = '';
  };
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === '$' || (c === '\\' && (s[i + 1] === '(' || s[i + 1] === '['))) {
      const end = mathEnd(s, i);
      if (end < 0) {
        text += s.slice(i, i + (c === '$' ? 1 : 2));
        i += c === '$' ? 1 : 2;
      } else {
        text += s.slice(i, end);
        i = end;
      }
      continue;
    }
    if (c === '\\') {
      const name = /^[A-Za-z]+/.exec(s.slice(i + 1, i + 40))?.[0];
      if (!name) {
        const symbol = s[i + 1];
        if (symbol !== undefined && kEscapedSymbols.includes(symbol)) {
          flush();
          // In an element of its own, so a shown dollar never pairs with another one as math.
          const span = document.createElement('span');
          span.textContent = symbol;
          parent.append(span);
          i += 2;
        } else if (symbol === '\\' || symbol === ' ') {
          text += ' ';
          i += 2;
        } else {
          text += c;
          ++i;
        }
        continue;
      }
      let after = i + 1 + name.length;
      if (name in kWords) {
        text += kWords[name];
        if (s[after] === '{' && s[after + 1] === '}') after += 2;
        i = after;
        continue;
      }
      const takesArgument = name in kStyleCommands || name === 'url' || name === 'href';
      const argEnd = takesArgument && s[after] === '{' ? argumentEnd(s, after + 1) : -1;
      if (argEnd < 0) {
        text += s.slice(i, after);
        i = after;
        continue;
      }
      const argument = s.slice(after + 1, argEnd);
      flush();
      if (name === 'url' || name === 'href') {
        let label = null;
        let next = argEnd + 1;
        if (name === 'href') {
          const labelEnd = s[next] === '{' ? argumentEnd(s, next + 1) : -1;
          if (labelEnd < 0) {
            text += s.slice(i, next);
            i = next;
            continue;
          }
          label = s.slice(next + 1, labelEnd);
          next = labelEnd + 1;
        }
        const url = httpUrl(argument);
        if (url && links) {
          const link = document.createElement('a');
          link.href = url;
          link.rel = 'noopener noreferrer nofollow';
          link.target = '_blank';
          link.className = 'tex-url';
          if (label === null) link.textContent = url;
          else appendTex(link, label, true, false);
          parent.append(link);
        } else if (label === null) {
          parent.append(url ?? argument);
        } else {
          appendTex(parent, label, true, links);
        }
        i = next;
        continue;
      }
      const tag = kStyleCommands[name];
      const target = tag ? makeElement(tag) : document.createDocumentFragment();
      appendTex(target, argument, true, links);
      parent.append(target);
      i = argEnd + 1;
      continue;
    }
    if (c === '{') {
      const end = groupEnd(s, i + 1);
      const group = end < 0 ? null : /^\\(em|it|sl|bf|tt|sc|rm)(?![A-Za-z])\s*/.exec(s.slice(i + 1, end));
      if (group) {
        flush();
        const tag = kGroupStyles[group[1]];
        const target = tag ? makeElement(tag) : document.createDocumentFragment();
        appendTex(target, s.slice(i + 1 + group[0].length, end), true, links);
        parent.append(target);
        i = end + 1;
      } else if (inGroup && end >= 0) {
        flush();
        appendTex(parent, s.slice(i + 1, end), true, links);
        i = end + 1;
      } else {
        text += c;
        ++i;
      }
      continue;
    }
    if (s.startsWith('``', i)) {
      text += '\u201c';
      i += 2;
    } else if (s.startsWith("''", i)) {
      text += '\u201d';
      i += 2;
    } else if (s.startsWith('---', i)) {
      text += '\u2014';
      i += 3;
    } else if (s.startsWith('--', i) && s[i + 2] !== '>' && s[i - 1] !== '<') {
      text += '\u2013';
      i += 2;
    } else if (c === '~' && i > 0 && /\S/.test(s[i - 1]) && /\S/.test(s[i + 1] ?? ' ') && !/\d/.test(s[i + 1])) {
      // TeX's tie ("Fig.~2", "et al.~[3]"); "~10%" (approximately) stays as written.
      text += '\u00a0';
      ++i;
    } else {
      text += c;
      ++i;
    }
  }
  flush();
}

// Converts the TeX text in the text nodes of `root` in place. Returns whether anything changed.
export function renderTexText(root) {
  if (!root || !hasTexText(root.textContent)) return false;
  const nodes = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('.katex, code, a.tex-url') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (hasTexText(node.data)) nodes.push(node);
  }
  // No link inside a link (a title is one).
  const links = !root.closest('a');
  let changed = false;
  for (const node of nodes) {
    const fragment = document.createDocumentFragment();
    appendTex(fragment, node.data, false, links);
    if (fragment.childNodes.length === 1 && fragment.firstChild.nodeType === Node.TEXT_NODE &&
        fragment.firstChild.data === node.data) continue;
    node.replaceWith(fragment);
    changed = true;
  }
  return changed;
}
