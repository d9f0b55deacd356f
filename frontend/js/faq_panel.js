// The [FAQ] panel under a card (its own chunk, with markdown-it and DOMPurify; loaded on the
// first click). It asks the server for the paper's FAQ (POST /api/faq/<id>?lang=): a stored
// answer (200) shows at once; otherwise (202) it shows "Pending: n" / "Answering question i of
// n" and follows the generation on /api/faq/<id>/stream, rendering each answer as its deltas
// arrive (at most once per frame), the checked text when an item is done, and the stored answer
// with its model, version and closing note when the generation finishes; a failure shows the
// server's message and a retry button. An answer of an older arXiv version offers a fresh one
// for the newest. The server keeps generating when the panel closes.
import { isVenuePaper } from './card_registry.js';
import { frameRenderer, renderFaqMarkdown } from './faq_markdown.js';
import { faqLanguage } from './storage.js';

// The compiled-in questions (src/faq/faq_questions.cc), shown as headings while a generation
// streams; the finished answer carries the questions it was asked.
const kQuestions = {
  en: ['What problem does this paper try to solve?', 'What related work is there?',
    'How does the paper solve the problem?', 'What experiments does the paper run?',
    'What could be explored further?', 'Summarize the main content of the paper.'],
  zh: ['这篇论文试图解决什么问题？', '有哪些相关研究？', '论文如何解决这个问题？', '论文做了哪些实验？',
    '有什么可以进一步探索的点？', '总结一下论文的主要内容'],
};

const panels = new WeakMap();  // panel element -> its state (for close)

// `version` names one version's answer (0: the newest stored); `fresh` asks for it anew. A venue
// paper's id ("2024.naacl-long.431@ACL") has no versions and goes percent-encoded.
function faqUrl(paper, lang, { suffix = '', version = 0, fresh = false } = {}) {
  const id = isVenuePaper(paper) ? encodeURIComponent(paper.id)
    : version > 0 ? `${paper.id}v${version}` : paper.id;
  return `/api/faq/${id}${suffix}?lang=${encodeURIComponent(lang)}${fresh ? '&fresh=1' : ''}`;
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

class FaqPanel {
  constructor(card, paper) {
    this.card = card;
    this.paper = paper;
    this.lang = faqLanguage();
    this.source = null;
    this.version = 0;  // 0: the newest stored answer; N: version N asked for anew
    this.items = [];  // [{section, body, render, text}]
    this.root = element('div', 'faq-panel');
    this.root.lang = this.lang === 'zh' ? 'zh' : 'en';
    this.status = element('p', 'faq-status', 'Asking…');
    this.list = element('div', 'faq-items');
    this.footer = element('div', 'faq-footer');
    const collapse = element('button', 'faq-collapse', 'Collapse ▲');
    collapse.type = 'button';
    collapse.addEventListener('click', () => {
      this.close();
      this.card.scrollIntoView({ block: 'nearest' });
    });
    this.root.append(this.status, this.list, this.footer, collapse);
    panels.set(this.root, this);
  }

  setState(state, text) {
    this.root.dataset.state = state;
    this.status.textContent = text;
  }

  close() {
    this.closeStream();
    this.root.remove();
  }

  closeStream() {
    this.source?.close();
    this.source = null;
  }

  item(index) {
    while (this.items.length <= index) {
      const at = this.items.length;
      const section = element('section', 'faq-item');
      section.dataset.question = String(at);
      const questions = kQuestions[this.lang] ?? kQuestions.en;
      const heading = element('h4', 'faq-question', questions[at] ?? `Question ${at + 1}`);
      const body = element('div', 'faq-answer');
      section.append(heading, body);
      this.list.append(section);
      this.items.push({ section, heading, body, render: frameRenderer(body, this.paper.id), text: '' });
    }
    return this.items[index];
  }

  showStatus(doc) {
    if (doc.state === 'queued') {
      this.setState('queued', `Pending: ${doc.position ?? 0}`);
    } else if (doc.state === 'running' && doc.reading_pdf) {
      // The generation loads the paper's PDF before it asks anything: say so, and why it waits.
      const why = doc.attempts > 1 && doc.error ? ` (the last try failed: ${doc.error}; trying again)` : '';
      this.setState('running', `Waiting for the PDF before answering…${why}`);
    } else if (doc.state === 'running') {
      const count = doc.questions || 6;
      this.setState('running', `Answering question ${Math.min((doc.question ?? 0) + 1, count)} of ${count}`);
    }
  }

  showAnswer(answer, latestVersion = 0) {
    this.closeStream();
    this.list.replaceChildren();
    this.items = [];
    answer.items.forEach((entry, index) => {
      const item = this.item(index);
      item.heading.textContent = entry.question;
      item.section.dataset.id = entry.id;
      item.body.innerHTML = renderFaqMarkdown(entry.answer, this.paper.id, () => {
        item.body.innerHTML = renderFaqMarkdown(entry.answer, this.paper.id);
      });
    });
    const closing = element('div', 'faq-closing');
    closing.innerHTML = renderFaqMarkdown(answer.closing ?? '', this.paper.id);
    const meta = element('p', 'faq-meta');
    const model = element('span', 'faq-model', answer.model);
    meta.append('Answered by ', model);
    if (answer.extractive) meta.append(' ', element('span', 'faq-extractive', 'extractive'));
    meta.append(` · ${isVenuePaper(this.paper) ? this.paper.id : `${this.paper.id}v${answer.version}`}`);
    if (answer.created) meta.append(` · ${answer.created.slice(0, 10)}`);
    this.footer.replaceChildren(closing, meta);
    // A newer arXiv version than the answer read: the old answer stays, a new one on request.
    if (latestVersion > answer.version) {
      const fresh = element('button', 'faq-fresh', `Answer v${latestVersion} (newer)`);
      fresh.type = 'button';
      fresh.addEventListener('click', () => {
        this.version = latestVersion;
        this.list.replaceChildren();
        this.items = [];
        this.ask(true);
      });
      this.footer.append(fresh);
    }
    this.setState('answered', '');
  }

  showFailure(doc) {
    this.closeStream();
    const retry = element('button', 'faq-retry', 'Retry');
    retry.type = 'button';
    retry.addEventListener('click', () => this.ask());
    this.footer.replaceChildren(element('p', 'faq-error', doc.error || 'The FAQ could not be generated.'), retry);
    this.setState('failed', 'Failed');
  }

  // A status document from POST, GET or the stream: the answer, the failure, or progress.
  handle(doc) {
    if (doc.state === 'answered' && doc.answer) {
      this.showAnswer(doc.answer, doc.latest_version ?? 0);
      return true;
    }
    if (doc.state === 'failed') {
      this.showFailure(doc);
      return true;
    }
    this.showStatus(doc);
    return false;
  }

  async ask(fresh = false) {
    this.footer.replaceChildren();
    this.setState('asking', 'Asking…');
    try {
      const url = faqUrl(this.paper, this.lang, { version: this.version, fresh });
      const response = await fetch(url, { method: 'POST' });
      const doc = await response.json().catch(() => ({}));
      if (!this.root.isConnected) return;
      if (response.status !== 200 && response.status !== 202) {
        this.showFailure({ error: doc.error || `The server answered ${response.status}.` });
        return;
      }
      if (!this.handle(doc)) this.follow();
    } catch {
      if (this.root.isConnected) this.showFailure({ error: 'The server could not be reached.' });
    }
  }

  follow() {
    this.closeStream();
    const source = new EventSource(
      faqUrl(this.paper, this.lang, { suffix: '/stream', version: this.version }));
    this.source = source;
    const data = (event) => {
      try {
        return JSON.parse(event.data);
      } catch {
        return {};
      }
    };
    source.addEventListener('status', (event) => {
      this.handle(data(event));
    });
    source.addEventListener('delta', (event) => {
      const { question, text } = data(event);
      if (!Number.isInteger(question)) return;
      const item = this.item(question);
      item.text += text ?? '';
      item.render(item.text);
    });
    source.addEventListener('item', (event) => {
      const { question, text } = data(event);
      if (!Number.isInteger(question)) return;
      const item = this.item(question);
      item.text = text ?? '';
      item.render(item.text);
      item.section.dataset.done = 'true';
    });
    source.addEventListener('restart', () => {
      this.list.replaceChildren();
      this.items = [];
    });
    source.addEventListener('finished', (event) => {
      const doc = data(event);
      this.closeStream();
      if (!this.handle(doc)) this.refresh();
    });
    // The stream ended without "finished" (nothing running, or the connection dropped): ask
    // where things stand rather than letting EventSource reconnect blindly.
    source.addEventListener('error', () => {
      if (this.source !== source) return;
      this.closeStream();
      this.refresh();
    });
  }

  async refresh() {
    if (!this.root.isConnected) return;
    try {
      const response = await fetch(faqUrl(this.paper, this.lang, { version: this.version }));
      const doc = await response.json().catch(() => ({}));
      if (!this.root.isConnected) return;
      if (response.status === 404) {
        this.ask();
      } else if (!this.handle(doc)) {
        setTimeout(() => this.root.isConnected && this.follow(), 1000);
      }
    } catch {
      if (this.root.isConnected) this.showFailure({ error: 'The server could not be reached.' });
    }
  }
}

// Opens the FAQ panel under `card`, or closes it when it is open.
export function toggleFaq(card, paper) {
  const open = card.querySelector(':scope > .faq-panel');
  if (open) {
    panels.get(open)?.close();
    return;
  }
  const panel = new FaqPanel(card, paper);
  card.append(panel.root);
  panel.ask();
}
