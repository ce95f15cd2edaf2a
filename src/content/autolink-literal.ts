// Where a bare web address written in Chinese text ends. GFM's autolink literal (`www.gov.cn`,
// `https://…` written without <> or []) runs to the next space or `<`, and Chinese has no spaces:
// in `使用“www.gov.cn”域名，其他政府门户网站使用“www.□□□.gov.cn”结构的域名` it would take the rest of
// the sentence into the address, and the page would link to a host named `www.gov.cn”域名，…`
// (issue 25). An address here ends at the first character that is not printable ASCII — Chinese
// text, full-width punctuation, curly quotes — then loses the trailing punctuation GFM drops
// (`.` `,` `:` an unbalanced `)` …); what is left must still look like an address, or it is text.
// The compile applies this to the links the parser made (plugins/mdast-autolink-literal.ts), and
// the list of leave-site pages reads the same compile (src/render/leaving-links.ts).

/** A piece of a literal autolink's text: an address (with its URL) or plain text. */
export interface AutolinkPiece {
  text: string;
  url?: string;
}

/** GFM drops these at the end of an autolink literal (micromark's and cmark-gfm's trail). */
const TRAILING = new Set(['!', '"', "'", '*', ',', '.', ':', ';', '?', '_', '~', ']', '}', '>']);
/** A host of an autolink literal: ASCII labels, at least two. */
const HOST = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:(?:\/\/)?/;
/** The start of the next address in the text after a cut (a second address in the same run). */
const NEXT_ADDRESS = /(?:https?:\/\/|www\.)[\x21-\x7e]+/gi;

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** The address without the punctuation GFM leaves out of it at its end. */
function trimTrail(address: string): string {
  let end = address.length;
  for (;;) {
    const last = address[end - 1];
    if (last === undefined) break;
    if (TRAILING.has(last)) end--;
    else if (last === ')' && count(address.slice(0, end), ')') > count(address.slice(0, end), '(')) end--;
    else break;
  }
  return address.slice(0, end);
}

/** Whether `address` (what remains of the text) is still an address of the kind it began as. */
function stillAddress(address: string, scheme: string): boolean {
  if (scheme === 'mailto:') return /^[A-Za-z0-9._+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+$/.test(address);
  const rest = address.replace(SCHEME, '');
  const host = rest.split(/[/?#]/, 1)[0]!.replace(/:\d+$/, '');
  return HOST.test(host) && (scheme !== '' || /^www\./i.test(host));
}

/** The URL of an address: the scheme the parser gave the literal (`http://` before `www.`, `mailto:`) unless it has its own. */
function urlOf(address: string, scheme: string): string {
  return SCHEME.test(address) ? address : `${scheme}${address}`;
}

/** Addresses in the text after a cut: each `www.` or `http(s)://` not glued to a preceding letter or digit. */
function linkRest(text: string, pieces: AutolinkPiece[]): void {
  let from = 0;
  for (const m of text.matchAll(NEXT_ADDRESS)) {
    if (m.index > 0 && /[A-Za-z0-9]/.test(text[m.index - 1]!)) continue;
    const address = trimTrail(m[0]);
    if (!stillAddress(address, /^www\./i.test(address) ? 'http://' : '')) continue;
    if (m.index > from) pieces.push({ text: text.slice(from, m.index) });
    pieces.push({ text: address, url: urlOf(address, 'http://') });
    from = m.index + address.length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from) });
}

/**
 * A literal autolink the parser made, as it should be: `undefined` when it is right as it is
 * (all printable ASCII), else the pieces: the address up to the Chinese text, and the text after
 * it (with any further address in it linked on its own). `url` is the parser's URL for the
 * literal: its scheme tells a `www.` address (`http://`) and an e-mail address (`mailto:`).
 */
export function splitAutolinkLiteral(text: string, url: string): AutolinkPiece[] | undefined {
  const cut = text.search(/[^\x21-\x7e]/);
  if (cut === -1) return undefined;
  const schemeOfUrl = SCHEME.exec(url)?.[0] ?? '';
  const scheme = text.toLowerCase().startsWith(schemeOfUrl.toLowerCase()) ? '' : schemeOfUrl;
  const address = trimTrail(text.slice(0, cut));
  const pieces: AutolinkPiece[] = [];
  let rest = text;
  if (stillAddress(address, scheme)) {
    pieces.push({ text: address, url: urlOf(address, scheme) });
    rest = text.slice(address.length);
  }
  linkRest(rest, pieces);
  // Neighbouring text pieces are one text.
  return pieces.reduce<AutolinkPiece[]>((all, piece) => {
    const last = all.at(-1);
    if (last && last.url === undefined && piece.url === undefined) last.text += piece.text;
    else all.push({ ...piece });
    return all;
  }, []);
}
