// Where in an item's MDX file an editor wrote a link the output shows: the page's HTML no longer
// knows, so the source text is searched for the address as written (or as it was before the
// build turned it into a site path), the n-th link to the same address on the n-th occurrence.

export interface SourcePlace {
  line: number;
  column: number;
}

function safeDecode(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

/**
 * The ways an address rendered as `href` can be written in the source, most specific first.
 * `itemUrl` is the item page's URL: `/news/a/report.pdf` may have been written `./report.pdf`.
 */
export function sourceCandidates(href: string, itemUrl?: string): string[] {
  const out: string[] = [];
  const add = (v: string | undefined) => {
    if (v && v.length >= 2 && v !== './' && !out.includes(v)) out.push(v);
  };
  add(href);
  add(safeDecode(href));
  const [pathPart] = href.split(/[?#]/);
  if (pathPart !== href) {
    add(pathPart);
    add(safeDecode(pathPart!));
  }
  if (itemUrl && pathPart && pathPart.startsWith(itemUrl) && pathPart.length > itemUrl.length) {
    const rest = pathPart.slice(itemUrl.length).replace(/^\.\//, '');
    add(`./${rest}`);
    add(`./${safeDecode(rest)}`);
    add(rest);
    add(safeDecode(rest));
  }
  if (pathPart?.startsWith('./')) add(pathPart.slice(2));
  // GFM writes a bare www.example.org as http://www.example.org.
  if (/^http:\/\/www\./i.test(href)) add(href.slice('http://'.length));
  const hash = href.indexOf('#');
  if (hash >= 0 && hash < href.length - 1) add(`(${href.slice(hash)})`);
  return out;
}

// An address written in Markdown, MDX or YAML stands between these: `(/news/)` but not the
// `/news/` inside `(/news/a/)`. A bare address in Chinese text may open after a Chinese quote or
// bracket, and ends at the first character that is not ASCII (plugins/mdast-autolink-literal.ts).
const BEFORE = /[\s([<"'=:：（,{“‘「『《【〔]/;
const AFTER = /[\s)\]>"'，。；、）,;}]|[^\x21-\x7e]/;

/** Where the body starts: after the front matter block (--- … ---), if there is one. */
export function bodyOffset(source: string): number {
  const m = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  return m ? m[0].length : 0;
}

/**
 * Line and column (1-based) of the `occurrence`-th (0-based) place where a candidate occurs,
 * searching from `from` (the body's offset for links of the body).
 */
export function findInSource(source: string, candidates: readonly string[], occurrence = 0, from = 0): SourcePlace | undefined {
  for (const candidate of candidates) {
    const positions: number[] = [];
    const bounded = !candidate.startsWith('(');
    for (let at = source.indexOf(candidate, from); at !== -1; at = source.indexOf(candidate, at + candidate.length)) {
      const before = source[at - 1];
      const after = source[at + candidate.length];
      if (!bounded || ((before === undefined || BEFORE.test(before)) && (after === undefined || AFTER.test(after)))) positions.push(at);
    }
    if (positions.length === 0) continue;
    const at = positions[Math.min(occurrence, positions.length - 1)]!;
    const before = source.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return { line, column };
  }
  return undefined;
}
