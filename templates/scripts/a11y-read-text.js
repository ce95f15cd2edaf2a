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
  const clean = (text) => text.replace(/[^\S\u3000]+/g, ' ').trim().replace(BETWEEN_CJK, '$1');
  const shown = (element) => {
    const style = getComputedStyle(element);
    return style.display !== 'none' && style.visibility !== 'hidden';
  };
  // Text inside inline elements belongs to the block around them; screen-reader-only text too.
  const inlineLevel = (element) => {
    const display = getComputedStyle(element).display;
    return display.startsWith('inline') || display === 'contents' || element.classList.contains('visually-hidden');
  };

  /** [start, end) spans of sentences of `text`, none longer than MAX_CHARS. */
  function sentences(text) {
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
  function trim(text, start, end) {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return start < end ? [[start, end]] : [];
  }
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

  const rangeOver = (element) => {
    const range = document.createRange();
    if (element.matches('img, input, select, textarea')) range.selectNode(element);
    else range.selectNodeContents(element);
    return range;
  };
  /** Pieces for text that is not on the page as such (table rows, image descriptions). */
  const spoken = (text, element) => {
    const range = rangeOver(element);
    return sentences(text).map(([start, end]) => ({ text: clean(text.slice(start, end)), range, element }));
  };
  /** Pieces for a run of text nodes of one block, each with the Range it covers on the page. */
  function textPieces({ text, nodes, element }) {
    const at = (offset, end) => {
      for (const { node, start } of nodes) {
        const length = node.data.length;
        if (end ? offset <= start + length : offset < start + length) return [node, offset - start];
      }
      const last = nodes.at(-1).node;
      return [last, last.data.length];
    };
    return sentences(text).map(([start, end]) => {
      const range = document.createRange();
      range.setStart(...at(start, false));
      range.setEnd(...at(end, true));
      return { text: clean(text.slice(start, end)), range, element };
    });
  }

  const columnHeaders = (table) => {
    const headers = [];
    for (const row of table.rows) {
      if (!(row.parentElement.tagName === 'THEAD' || [...row.cells].every((cell) => cell.tagName === 'TH'))) continue;
      let column = 0;
      for (const cell of row.cells) {
        for (let k = 0; k < cell.colSpan; k++) headers[column + k] = clean(`${headers[column + k] ?? ''} ${cell.textContent}`);
        column += cell.colSpan;
      }
    }
    return headers;
  };
  const isHeaderRow = (row, headers) => headers.length > 0 && (row.parentElement.tagName === 'THEAD' || [...row.cells].every((cell) => cell.tagName === 'TH'));
  const cellText = (cell, headers, column) => {
    const text = clean(cell.textContent);
    const header = headers[column];
    return text && header && header !== text ? `${header}：${text}` : text;
  };
  function tablePieces(table) {
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
  function collect(root) {
    const pieces = [];
    let run = null;
    const flush = () => {
      if (run) pieces.push(...textPieces(run));
      run = null;
    };
    const blockOf = (element) => {
      while (element !== root && inlineLevel(element)) element = element.parentElement;
      return element;
    };
    const visitNode = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const block = blockOf(node.parentElement);
        if (run?.block !== block) {
          if (!/\S/.test(node.data)) return;
          flush();
          run = { block, element: block === root && root !== node.parentElement ? node.parentElement : block, nodes: [], text: '' };
        }
        run.nodes.push({ node, start: run.text.length });
        run.text += node.data;
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE || node.matches(SKIP) || !shown(node)) return;
      if (node.tagName === 'TABLE') {
        flush();
        pieces.push(...tablePieces(node));
      } else if (node.matches('img, [role="img"]')) {
        const description = clean(node.getAttribute('alt') ?? node.getAttribute('aria-label') ?? '');
        if (description) {
          flush();
          pieces.push(...spoken(`图片：${description}`, node));
        }
      } else if (node.tagName === 'BR') {
        flush();
      } else if (node.tagName === 'DETAILS' && !node.open) {
        const summary = node.querySelector(':scope > summary');
        if (summary) visitNode(summary);
      } else {
        visit(node);
      }
    };
    const visit = (parent) => {
      for (let node = parent.firstChild; node; node = node.nextSibling) visitNode(node);
    };
    visit(root);
    flush();
    return pieces;
  }

  // ---- 指读: what an element is, for the pointer or the focus ----
  const nameOf = (element) => {
    if (element.matches('input, select, textarea')) return clean(element.labels?.[0]?.textContent || element.getAttribute('aria-label') || element.placeholder || '');
    return clean(element.getAttribute('aria-label') || element.innerText || element.textContent || element.title || '');
  };
  function describe(element) {
    if (element.matches('img')) return `图片：${clean(element.alt)}`;
    if (element.matches('[role="img"]')) return `图片：${nameOf(element)}`;
    if (element.matches('select')) return `${nameOf(element)}，下拉列表，当前为${element.selectedOptions[0]?.text ?? ''}`;
    if (element.matches('input, textarea')) return `${nameOf(element)}，输入框${element.value ? `，已输入：${element.value}` : ''}`;
    if (element.matches('a[href]')) return `链接：${nameOf(element)}`;
    let text = `按钮：${nameOf(element)}`;
    if (element.getAttribute('aria-pressed') === 'true') text += '，已开启';
    if (element.getAttribute('aria-expanded') === 'true') text += '，已展开';
    if (element.getAttribute('aria-disabled') === 'true') text += '，当前不可用';
    return text;
  }
  function piecesOf(target) {
    if (target.matches(`${INTERACTIVE}, img, [role="img"]`)) return spoken(describe(target), target);
    if (target.matches('th, td')) {
      const table = target.closest('table');
      return spoken(cellText(target, table ? columnHeaders(table) : [], target.cellIndex), target);
    }
    return collect(target);
  }
  const pointTarget = (element) => element?.closest?.(POINTABLE) ?? null;

  window.govsiteReadText = { collect, piecesOf, pointTarget, INTERACTIVE };
})();
