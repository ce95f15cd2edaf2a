// What read-aloud (scripts/a11y-read-aloud.js, A11Y-03) says: the text of the page in reading
// order, cut into sentences with the Range each covers, tables row by row with each cell named
// by its column header, image descriptions, and what an element is for 指读 (see the comment at
// the top of a11y-read-aloud.js). Plain JavaScript, copied as is into _astro/, loaded by
// scripts/a11y-toolbar.js just before a11y-read-aloud.js, which takes window.govsiteReadText.
(() => {
  const MAX_CHARS = 50;
  const SKIP = 'nav, [data-a11y-toolbar], .article-tools, script, style, template, noscript, button, select, textarea, input, [aria-hidden="true"], [hidden]';
  const INTERACTIVE = 'a[href], button, summary, select, input, textarea, [role="button"], [tabindex]:not([tabindex="-1"])';
  const POINTABLE = `${INTERACTIVE}, img, [role="img"], label, h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, caption, figcaption, legend, blockquote, address`;

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
        const description = clean(element.getAttribute('alt') ?? element.getAttribute('aria-label') ?? labelledBy(element));
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
  /** The text of the elements aria-labelledby names (a chart's SVG <title> and <desc>, CONT-15). */
  function labelledBy(/** @type {Element} */ element) {
    const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join('。');
  }
  const nameOf = (/** @type {HTMLElement} */ element) => {
    const field = /** @type {HTMLInputElement} */ (element);
    if (element.matches('input, select, textarea')) return clean(field.labels?.[0]?.textContent || element.getAttribute('aria-label') || field.placeholder || '');
    return clean(element.getAttribute('aria-label') || labelledBy(element) || element.innerText || element.textContent || element.title || '');
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

  window.govsiteReadText = { collect, piecesOf, pointTarget, INTERACTIVE };
})();
