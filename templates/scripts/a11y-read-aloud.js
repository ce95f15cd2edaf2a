// Read-aloud (内容朗读, A11Y-03) of components/A11yReadAloud.astro, on the browser's own speech
// synthesis (Web Speech API): no audio is fetched from anywhere. Plain JavaScript, copied as is
// into _astro/, loaded by scripts/a11y-toolbar.js when read-aloud is first wanted.
//
// 连读 reads <main> in document order: the title, the time and source, the body, tables row by
// row with each cell named by its column header (“指标：地区生产总值，单位：亿元……”), image
// descriptions; it skips navigation (including the breadcrumb), the toolbars, form controls and
// anything hidden. 指读 reads what the mouse rests on (after a short pause) or what receives the
// keyboard focus, saying what it is (链接、按钮、图片…) and its state.
//
// Text is spoken sentence by sentence, and a sentence longer than MAX_CHARS is cut at a comma (or,
// failing one, between words): some browsers silently stop an utterance after about 15 seconds,
// which is some 60 Chinese characters. Each piece is its own utterance, which also lets the
// sentence being read be highlighted and scrolled into view, and the speed change take effect
// at once. A Chinese voice is chosen when the browser has one (zh-CN first, then any zh).
(() => {
  const a11y = window.govsiteA11y;
  const toolbar = document.querySelector('[data-a11y-toolbar]');
  const group = toolbar?.querySelector('[data-a11y-read]');
  if (!a11y || !toolbar || !group) return;

  const MAX_CHARS = 50;
  const POINT_DELAY = 300;
  const HIGHLIGHT = 'govsite-reading';
  const SKIP = 'nav, [data-a11y-toolbar], .article-tools, script, style, template, noscript, button, select, textarea, input, [aria-hidden="true"], [hidden]';
  const INTERACTIVE = 'a[href], button, summary, select, input, textarea, [role="button"], [tabindex]:not([tabindex="-1"])';
  const POINTABLE = `${INTERACTIVE}, img, [role="img"], label, h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, caption, figcaption, legend, blockquote, address`;

  const synth = window.speechSynthesis;
  const canSpeak = Boolean(synth && typeof synth.speak === 'function' && typeof window.SpeechSynthesisUtterance === 'function');
  const control = (/** @type {string} */ name) => /** @type {HTMLElement} */ (group.querySelector(`[data-read="${name}"]`));
  const [play, pause, stop, rateSelect, note] = ['play', 'pause', 'stop', 'rate', 'unsupported'].map(control);
  const UNSUPPORTED = note.textContent;
  const FAILED = '浏览器未能朗读（没有可用的语音，或声音设备不可用）：请检查电脑的声音设置，或换用其他浏览器。';
  const status = /** @type {HTMLElement} */ (toolbar.querySelector('[role="status"]'));
  /** @type {{ (message: string | null): void, timer?: number }} */
  const announce = (message) => {
    status.textContent = '';
    clearTimeout(announce.timer);
    announce.timer = setTimeout(() => { status.textContent = message; }, 100);
  };

  // ---- Text ----
  const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
  const BETWEEN_CJK = new RegExp(`([${CJK}]) (?=[${CJK}])`, 'g');
  /** Spoken form: whitespace collapsed, none left between Chinese characters (source line breaks);
   *  the ideographic space, a pause in titles such as “会议召开　部署工作”, is kept. */
  const clean = (/** @type {string} */ text) => text.replace(/[^\S\u3000]+/g, ' ').trim().replace(BETWEEN_CJK, '$1');
  const shown = (/** @type {Element} */ element) => {
    const style = getComputedStyle(element);
    return style.display !== 'none' && style.visibility !== 'hidden';
  };
  // Text inside inline elements belongs to the block around them; screen-reader-only text too.
  const inlineLevel = (/** @type {Element} */ element) => {
    const display = getComputedStyle(element).display;
    return display.startsWith('inline') || display === 'contents' || element.classList.contains('visually-hidden');
  };

  /** [start, end) spans of sentences of `text`, none longer than MAX_CHARS. */
  function sentences(/** @type {string} */ text) {
    const spans = [];
    let start = 0;
    for (const match of text.matchAll(/[。！？!?；;…]+[”’"'」』）)]*/g)) {
      const end = match.index + match[0].length;
      spans.push(...fit(text, start, end));
      start = end;
    }
    spans.push(...fit(text, start, text.length));
    return spans;
  }
  /** @param {string} text @param {number} start @param {number} end */
  function trim(text, start, end) {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return start < end ? [[start, end]] : [];
  }
  /** @param {string} text @param {number} start @param {number} end */
  function fit(text, start, end) {
    const spans = [];
    let from = start;
    let pause = -1;
    for (let i = start; i < end - 1; i++) {
      if ('，、：,:'.includes(text[i])) pause = i + 1;
      if (i + 1 - from < MAX_CHARS) continue;
      let cut = pause > from ? pause : i + 1;
      // No comma: do not cut a number or a Latin word in two.
      if (pause <= from) while (cut > from + MAX_CHARS / 2 && /[\w.%]/.test(text[cut - 1]) && /[\w.%]/.test(text[cut])) cut--;
      spans.push(...trim(text, from, cut));
      from = cut;
      pause = -1;
    }
    spans.push(...trim(text, from, end));
    return spans;
  }

  const rangeOver = (/** @type {Element} */ element) => {
    const range = document.createRange();
    if (element.matches('img, input, select, textarea')) range.selectNode(element);
    else range.selectNodeContents(element);
    return range;
  };
  /** Pieces for text that is not on the page as such (table rows, image descriptions). */
  const spoken = (/** @type {string} */ text, /** @type {Element} */ element) => {
    const range = rangeOver(element);
    return sentences(text).map(([start, end]) => ({ text: clean(text.slice(start, end)), range, element }));
  };
  /** Pieces for a run of text nodes of one block, each with the Range it covers on the page. */
  function textPieces(/** @type {ReadAloudRun} */ { text, nodes, element }) {
    /** @type {(offset: number, end: boolean) => [Text, number]} */
    const at = (offset, end) => {
      for (const { node, start } of nodes) {
        const length = node.data.length;
        if (end ? offset <= start + length : offset < start + length) return [node, offset - start];
      }
      const last = /** @type {ReadAloudRun['nodes'][number]} */ (nodes.at(-1)).node;
      return [last, last.data.length];
    };
    return sentences(text).map(([start, end]) => {
      const range = document.createRange();
      range.setStart(...at(start, false));
      range.setEnd(...at(end, true));
      return { text: clean(text.slice(start, end)), range, element };
    });
  }

  const columnHeaders = (/** @type {HTMLTableElement} */ table) => {
    /** @type {string[]} */
    const headers = [];
    for (const row of table.rows) {
      if (!(/** @type {HTMLElement} */ (row.parentElement).tagName === 'THEAD' || [...row.cells].every((cell) => cell.tagName === 'TH'))) continue;
      let column = 0;
      for (const cell of row.cells) {
        for (let k = 0; k < cell.colSpan; k++) headers[column + k] = clean(`${headers[column + k] ?? ''} ${cell.textContent}`);
        column += cell.colSpan;
      }
    }
    return headers;
  };
  const isHeaderRow = (/** @type {HTMLTableRowElement} */ row, /** @type {string[]} */ headers) => headers.length > 0 && (/** @type {HTMLElement} */ (row.parentElement).tagName === 'THEAD' || [...row.cells].every((cell) => cell.tagName === 'TH'));
  const cellText = (/** @type {HTMLTableCellElement} */ cell, /** @type {string[]} */ headers, /** @type {number} */ column) => {
    const text = clean(cell.textContent);
    const header = headers[column];
    return text && header && header !== text ? `${header}：${text}` : text;
  };
  function tablePieces(/** @type {HTMLTableElement} */ table) {
    const headers = columnHeaders(table);
    const rows = [...table.rows].filter((row) => shown(row) && !isHeaderRow(row, headers));
    const caption = table.caption ? clean(table.caption.textContent) : '';
    const pieces = spoken(`表格${caption ? `：${caption}` : ''}，共${rows.length}行。`, table);
    for (const row of rows) {
      let column = 0;
      const parts = [];
      for (const cell of row.cells) {
        const text = cellText(cell, headers, column);
        column += cell.colSpan;
        if (text) parts.push(text);
      }
      // A row header before its cells, with no column headers: “发文机关：示例省人民政府”.
      const line = headers.length === 0 && row.cells[0]?.tagName === 'TH' && parts.length > 1 ? `${parts[0]}：${parts.slice(1).join('，')}` : parts.join('，');
      if (line) pieces.push(...spoken(`${line}。`, row));
    }
    return pieces;
  }

  /** What reading `root` aloud says, in document order, as pieces {text, range, element}. */
  function collect(/** @type {Element} */ root) {
    /** @type {ReadAloudPiece[]} */
    const pieces = [];
    /** @type {ReadAloudRun | null} */
    let run = null;
    const flush = () => {
      if (run) pieces.push(...textPieces(run));
      run = null;
    };
    const blockOf = (/** @type {Element} */ element) => {
      while (element !== root && inlineLevel(element)) element = /** @type {Element} */ (element.parentElement);
      return element;
    };
    const visitNode = (/** @type {Node} */ node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const block = blockOf(/** @type {Element} */ (node.parentElement));
        if (run?.block !== block) {
          if (!/\S/.test(/** @type {Text} */ (node).data)) return;
          flush();
          run = { block, element: block === root && root !== node.parentElement ? /** @type {Element} */ (node.parentElement) : block, nodes: [], text: '' };
        }
        run.nodes.push({ node: /** @type {Text} */ (node), start: run.text.length });
        run.text += /** @type {Text} */ (node).data;
        return;
      }
      const element = /** @type {Element} */ (node);
      if (node.nodeType !== Node.ELEMENT_NODE || element.matches(SKIP) || !shown(element)) return;
      if (element.tagName === 'TABLE') {
        flush();
        pieces.push(...tablePieces(/** @type {HTMLTableElement} */ (element)));
      } else if (element.matches('img, [role="img"]')) {
        const description = clean(element.getAttribute('alt') ?? element.getAttribute('aria-label') ?? '');
        if (description) {
          flush();
          pieces.push(...spoken(`图片：${description}`, element));
        }
      } else if (element.tagName === 'BR') {
        flush();
      } else if (element.tagName === 'DETAILS' && !(/** @type {HTMLDetailsElement} */ (element).open)) {
        const summary = element.querySelector(':scope > summary');
        if (summary) visitNode(summary);
      } else {
        visit(node);
      }
    };
    const visit = (/** @type {Node} */ parent) => {
      for (let node = parent.firstChild; node; node = node.nextSibling) visitNode(node);
    };
    visit(root);
    flush();
    return pieces;
  }

  // ---- 指读: what an element is, for the pointer or the focus ----
  const nameOf = (/** @type {HTMLElement} */ element) => {
    const field = /** @type {HTMLInputElement} */ (element);
    if (element.matches('input, select, textarea')) return clean(field.labels?.[0]?.textContent || element.getAttribute('aria-label') || field.placeholder || '');
    return clean(element.getAttribute('aria-label') || element.innerText || element.textContent || element.title || '');
  };
  function describe(/** @type {HTMLElement} */ element) {
    if (element.matches('img')) return `图片：${clean(/** @type {HTMLImageElement} */ (element).alt)}`;
    if (element.matches('[role="img"]')) return `图片：${nameOf(element)}`;
    if (element.matches('select')) return `${nameOf(element)}，下拉列表，当前为${/** @type {HTMLSelectElement} */ (element).selectedOptions[0]?.text ?? ''}`;
    const field = /** @type {HTMLInputElement} */ (element);
    if (element.matches('input, textarea')) return `${nameOf(element)}，输入框${field.value ? `，已输入：${field.value}` : ''}`;
    if (element.matches('a[href]')) return `链接：${nameOf(element)}`;
    let text = `按钮：${nameOf(element)}`;
    if (element.getAttribute('aria-pressed') === 'true') text += '，已开启';
    if (element.getAttribute('aria-expanded') === 'true') text += '，已展开';
    if (element.getAttribute('aria-disabled') === 'true') text += '，当前不可用';
    return text;
  }
  function piecesOf(/** @type {HTMLElement} */ target) {
    if (target.matches(`${INTERACTIVE}, img, [role="img"]`)) return spoken(describe(target), target);
    if (target.matches('th, td')) {
      const table = target.closest('table');
      const cell = /** @type {HTMLTableCellElement} */ (target);
      return spoken(cellText(cell, table ? columnHeaders(table) : [], cell.cellIndex), target);
    }
    return collect(target);
  }
  /** @type {(element: Element | null) => HTMLElement | null} */
  const pointTarget = (element) => element?.closest?.(POINTABLE) ?? null;

  // ---- Highlight ----
  const highlights = typeof Highlight === 'function' && window.CSS?.highlights ? CSS.highlights : null;
  const calm = matchMedia('(prefers-reduced-motion: reduce)');
  /** @type {Element | null} */
  let outlined = null;
  /** @type {number | null} */
  let scrollTarget = null;
  // Any scroll that ends (ours, or the reader's own) makes the real position the reference again.
  addEventListener('scrollend', () => { scrollTarget = null; });
  /** @param {ReadAloudPiece} piece @param {boolean} follow */
  function mark(piece, follow) {
    if (outlined !== piece.element) {
      outlined?.removeAttribute('data-a11y-reading');
      piece.element.setAttribute('data-a11y-reading', '');
      outlined = piece.element;
    }
    highlights?.set(HIGHLIGHT, new Highlight(piece.range));
    if (!follow) return;
    let box = piece.range.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) box = piece.element.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) return;
    // Judge against where a smooth scroll still running will stop, not where it is now: a
    // sentence that looks in view mid-scroll can be carried off the top by the rest of it.
    const settled = scrollTarget ?? window.scrollY;
    const top = window.scrollY + box.top - settled;
    if (top >= 16 && top + box.height <= window.innerHeight - 16) return;
    scrollTarget = Math.max(0, Math.min(window.scrollY + box.top - window.innerHeight / 3, document.documentElement.scrollHeight - window.innerHeight));
    window.scrollTo({ top: scrollTarget, behavior: calm.matches ? 'auto' : 'smooth' });
  }
  function unmark() {
    outlined?.removeAttribute('data-a11y-reading');
    outlined = null;
    highlights?.delete(HIGHLIGHT);
  }

  // ---- Speech ----
  const RATES = [.../** @type {HTMLSelectElement} */ (rateSelect).options].map((option) => Number(option.value));
  const rate = () => (RATES.includes(Number(a11y.get('rate'))) ? Number(a11y.get('rate')) : 1);
  /** @type {SpeechSynthesisVoice | null} */
  let voice = null;
  let warnedVoice = false;
  const pickVoice = () => {
    const voices = synth.getVoices?.() ?? [];
    voice = voices.find((v) => /^zh[-_]cn/i.test(v.lang)) ?? voices.find((v) => /^(zh|cmn)\b/i.test(v.lang)) ?? null;
    return voices.length;
  };

  /** What is being read: {pieces, index, mode: 'continuous' | 'point', paused, utterance}. @type {ReadAloudReading | null} */
  let reading = null;
  function update() {
    pause.setAttribute('aria-disabled', String(!reading));
    stop.setAttribute('aria-disabled', String(!reading));
    pause.textContent = reading?.paused ? '继续' : '暂停';
  }
  /** @param {ReadAloudPiece[]} pieces @param {ReadAloudReading['mode']} mode */
  function start(pieces, mode) {
    if (!canSpeak) {
      announce(UNSUPPORTED);
      return;
    }
    halt();
    if (pieces.length === 0) {
      if (mode === 'continuous') announce('本页没有可以朗读的内容');
      return;
    }
    const voices = pickVoice();
    if (!voice && voices > 0 && !warnedVoice) {
      warnedVoice = true;
      announce('没有找到中文语音，将用浏览器的默认语音朗读');
    } else if (mode === 'continuous') {
      announce('开始朗读');
    }
    reading = { pieces, index: 0, mode, paused: false, utterance: null };
    speak(reading);
    update();
  }
  function speak(/** @type {ReadAloudReading} */ current) {
    const piece = current.pieces[current.index];
    const utterance = new SpeechSynthesisUtterance(piece.text);
    utterance.lang = 'zh-CN';
    utterance.rate = rate();
    if (voice) utterance.voice = voice;
    // Events of an utterance that was cancelled or replaced are ignored.
    const stale = () => reading !== current || current.utterance !== utterance;
    utterance.onend = () => {
      if (stale()) return;
      current.index += 1;
      if (current.index < current.pieces.length) speak(current);
      else finish();
    };
    utterance.onerror = (event) => {
      if (stale() || event.error === 'interrupted' || event.error === 'canceled') return;
      halt();
      announce(event.error === 'not-allowed' ? '浏览器暂不允许本页发声：请再按一次“连读”。' : FAILED);
    };
    // Kept referenced until it ends: some browsers drop the events of a collected utterance.
    current.utterance = utterance;
    mark(piece, current.mode === 'continuous');
    synth.speak(utterance);
  }
  function finish() {
    const { mode } = /** @type {ReadAloudReading} */ (reading);
    reading = null;
    unmark();
    update();
    if (mode === 'continuous') announce('朗读完毕');
  }
  /** Stops whatever is being read, without a message. */
  function halt() {
    if (!reading) return;
    reading = null;
    synth.cancel();
    // Chromium stays paused across cancel(): the next reading would never start.
    if (synth.paused) synth.resume();
    unmark();
    update();
  }

  play.addEventListener('click', () => start(collect(document.querySelector('main') ?? document.body), 'continuous'));
  pause.addEventListener('click', () => {
    if (!reading) {
      announce(canSpeak ? '现在没有在朗读：请先按“连读”' : UNSUPPORTED);
      return;
    }
    reading.paused = !reading.paused;
    if (reading.paused) synth.pause();
    else synth.resume();
    update();
    announce(reading.paused ? '已暂停朗读' : '继续朗读');
  });
  stop.addEventListener('click', () => {
    if (!reading) {
      announce(canSpeak ? '现在没有在朗读' : UNSUPPORTED);
      return;
    }
    halt();
    announce('已停止朗读');
  });
  // The toolbar's script saves the new speed first; say the current sentence again at it.
  rateSelect.addEventListener('change', () => {
    if (!reading) return;
    const current = reading;
    current.utterance = null;
    synth.cancel();
    if (synth.paused) synth.resume();
    current.paused = false;
    speak(current);
    update();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !reading) return;
    halt();
    announce('已停止朗读');
  });
  window.addEventListener('pagehide', () => {
    reading = null;
    if (canSpeak) synth.cancel();
  });

  // 指读
  /** @type {Element | null} */
  let pointed = null;
  let timer = 0;
  const pointing = () => a11y.get('point') === true && reading?.mode !== 'continuous';
  document.addEventListener('pointerover', (event) => {
    if (event.pointerType === 'touch' || !pointing()) return;
    const target = pointTarget(/** @type {Element | null} */ (event.target));
    if (target === pointed) return;
    clearTimeout(timer);
    pointed = target;
    if (target) timer = setTimeout(() => { if (pointing() && pointed === target) start(piecesOf(target), 'point'); }, POINT_DELAY);
  });
  document.addEventListener('focusin', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (!pointing() || !target.matches?.(INTERACTIVE) || (target === pointed && reading)) return;
    clearTimeout(timer);
    pointed = target;
    start(piecesOf(target), 'point');
  });

  document.addEventListener('govsite:a11y-change', ({ detail }) => {
    if (detail.name !== 'point') return;
    pointed = null;
    if (!canSpeak && detail.on) announce(UNSUPPORTED);
    if (!detail.on && reading?.mode === 'point') halt();
  });
  document.addEventListener('govsite:a11y-reset', () => {
    halt();
    pointed = null;
  });

  if (canSpeak) {
    pickVoice();
    synth.addEventListener?.('voiceschanged', pickVoice);
  }
  note.hidden = canSpeak;
  update();
})();
