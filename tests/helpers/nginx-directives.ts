// Reads an nginx configuration the way nginx's own parser does (src/core/ngx_conf_file.c): words
// separated by whitespace, `"…"` and `'…'` quoted words with backslash escapes, `#` comments to
// the end of the line, `;` ending a directive, `{`/`}` around a block. The result is the list of
// directives with their block path, so two configurations can be compared directive by directive:
// an injected `location`, `alias` or `include` shows up as a directive of its own.

export interface Directive {
  /** Block path, e.g. `server/location /`. */
  context: string;
  name: string;
  args: string[];
}

export function parseNginx(text: string): Directive[] {
  const directives: Directive[] = [];
  const stack: string[] = [];
  let words: string[] = [];
  let i = 0;
  const flush = (block: boolean) => {
    if (words.length === 0) throw new Error(`nginx: ${block ? '{' : ';'} without a directive at offset ${i}`);
    const [name, ...args] = words;
    directives.push({ context: stack.join('/'), name: name!, args });
    if (block) stack.push([name, ...args].join(' '));
    words = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      i++;
    } else if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === ';') {
      flush(false);
      i++;
    } else if (ch === '{') {
      flush(true);
      i++;
    } else if (ch === '}') {
      if (words.length > 0) throw new Error(`nginx: unterminated directive before } at offset ${i}`);
      if (stack.length === 0) throw new Error(`nginx: unexpected } at offset ${i}`);
      stack.pop();
      i++;
    } else if (ch === '"' || ch === "'") {
      let word = '';
      i++;
      while (i < text.length && text[i] !== ch) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        word += text[i];
        i++;
      }
      if (i >= text.length) throw new Error('nginx: unterminated quoted string');
      i++;
      words.push(word);
    } else {
      let word = '';
      while (i < text.length && !/[\s;{}]/.test(text[i]!) && !(word === '' && (text[i] === '"' || text[i] === "'"))) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        word += text[i];
        i++;
      }
      words.push(word);
    }
  }
  if (words.length > 0) throw new Error('nginx: directive without ; at the end');
  if (stack.length > 0) throw new Error('nginx: unclosed block');
  return directives;
}

/** One line per directive, for readable comparisons in test failures. */
export function directiveLines(text: string): string[] {
  return parseNginx(text).map((d) => `${d.context} :: ${[d.name, ...d.args].join(' ')}`);
}

/** Netlify's `_headers`: a path line, then indented `Name: value` lines; `#` comments. */
export function parseNetlifyHeaders(text: string): Array<{ path: string; name: string; value: string }> {
  const rules: Array<{ path: string; name: string; value: string }> = [];
  let current: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (current === undefined || colon === -1) throw new Error(`_headers: stray line ${JSON.stringify(line)}`);
    rules.push({ path: current, name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return rules;
}
