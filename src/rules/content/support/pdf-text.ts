// The text of a PDF attachment, line by line, for CONT-06 / CONT-07 (attachment-text.ts). Text is
// shown by Tj, TJ, ' and " in the pages' content streams (ISO 32000-1 §9.4) as font codes; a
// font's ToUnicode CMap (§9.10.3) maps them to Unicode — what Chinese PDFs carry, as Type0/CID
// fonts with 2-byte codes or as Type3 fonts (Chromium). Without one: the predefined Chinese CMaps
// UniGB-UCS2/UTF16 and GBK/GB-EUC are decoded, simple fonts are read as Latin-1, and an
// Identity-encoded CID font cannot be read (its codes are glyph numbers) — the PDF is then
// reported as not checked rather than passed. A scanned PDF has no text: nothing to read.
// Bounded: pages, inflated bytes, content operators and time (PdfLimit).
import { isDict, Lexer, nameOf, PdfFile, PdfLimit, PdfString, Stream, type Dict, type PdfValue } from './pdf-objects.ts';

const MAX_PAGES = 1000;
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const MAX_OPERATORS = 5_000_000;
/** A backstop only: the limits above stop a hostile file long before. */
const MAX_MILLISECONDS = 10_000;
const MAX_FORM_DEPTH = 4;
/** Codes mapped by one ToUnicode map: a CJK font has tens of thousands at most; a hostile map asks for billions. */
const MAX_CMAP_ENTRIES = 200_000;

export interface PdfLine {
  page: number;
  text: string;
}

type Decoder = (bytes: Buffer) => string;

const utf16 = (bytes: Buffer) => {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes.readUInt16BE(i));
  return out;
};

/** A ToUnicode CMap: code byte lengths from its codespace ranges, codes mapped by bfchar and bfrange. */
function toUnicode(cmap: Buffer, twoByteDefault: boolean): Decoder {
  const lexer = new Lexer(cmap);
  const map = new Map<string, string>();
  const lengths = new Set<number>();
  const hexOf = (v: PdfValue | undefined) => (v instanceof PdfString ? v.bytes.toString('hex') : undefined);
  let section = '';
  let mapped = 0;
  let operands: PdfValue[] = [];
  for (let v = lexer.value(); v !== undefined; v = lexer.value()) {
    if (!(v && typeof v === 'object' && 'op' in v)) {
      operands.push(v);
      continue;
    }
    if (/^begin(codespacerange|bfchar|bfrange)$/.test(v.op)) section = v.op.slice(5);
    else if (/^end(codespacerange|bfchar|bfrange)$/.test(v.op)) {
      if (section === 'codespacerange') for (let i = 0; i + 1 < operands.length; i += 2) if (operands[i] instanceof PdfString) lengths.add((operands[i] as PdfString).bytes.length);
      if (section === 'bfchar') for (let i = 0; i + 1 < operands.length; i += 2) map.set(hexOf(operands[i]) ?? '', utf16((operands[i + 1] as PdfString).bytes ?? Buffer.alloc(0)));
      if (section === 'bfrange') {
        for (let i = 0; i + 2 < operands.length; i += 3) {
          const lo = operands[i];
          const hi = operands[i + 1];
          const to = operands[i + 2];
          if (!(lo instanceof PdfString) || !(hi instanceof PdfString)) continue;
          const width = lo.bytes.length;
          const from = Number.parseInt(lo.bytes.toString('hex') || '0', 16);
          const last = Math.min(Number.parseInt(hi.bytes.toString('hex') || '0', 16), from + 65_535);
          mapped += last - from + 1;
          if (mapped > MAX_CMAP_ENTRIES) throw new PdfLimit('字体的文字对照表过大');
          for (let code = from; code <= last; code++) {
            const key = code.toString(16).padStart(width * 2, '0');
            if (Array.isArray(to)) {
              const item = to[code - from];
              if (item instanceof PdfString) map.set(key, utf16(item.bytes));
            } else if (to instanceof PdfString && to.bytes.length >= 2) {
              const base = Buffer.from(to.bytes);
              base.writeUInt16BE((base.readUInt16BE(base.length - 2) + code - from) & 0xffff, base.length - 2);
              map.set(key, utf16(base));
            }
          }
        }
      }
      section = '';
    }
    operands = [];
  }
  const widths = lengths.size ? [...lengths].sort((a, b) => a - b) : [twoByteDefault ? 2 : 1];
  return (bytes) => {
    let out = '';
    for (let i = 0; i < bytes.length; ) {
      const width = widths.find((w) => map.has(bytes.toString('hex', i, i + w))) ?? widths[0]!;
      out += map.get(bytes.toString('hex', i, i + width)) ?? '';
      i += width;
    }
    return out;
  };
}

function fontDecoder(pdf: PdfFile, font: Dict): Decoder {
  const type0 = nameOf(font.get('Subtype')) === 'Type0';
  const cmap = pdf.resolve(font.get('ToUnicode'));
  if (cmap instanceof Stream) return toUnicode(pdf.decode(cmap), type0);
  if (font.has('ToUnicode') && !isDict(cmap)) throw new PdfLimit('字体的文字对照表缺失（文件可能不完整或已损坏）');
  if (!type0) return (bytes) => bytes.toString('latin1');
  const encoding = nameOf(pdf.resolve(font.get('Encoding'))) ?? '';
  if (/^Uni.*(?:UCS2|UTF16)/.test(encoding)) return utf16;
  if (/^(?:GBK|GBK2K|GBpc-EUC|GB-EUC|GBT-EUC|GBKp-EUC)/.test(encoding)) {
    const gb = new TextDecoder('gb18030');
    return (bytes) => gb.decode(bytes);
  }
  throw new PdfLimit('字体没有文字对照表（ToUnicode），文字无法识别');
}

interface State {
  pdf: PdfFile;
  /** Each font's decoder, made once for the whole file (pages share their fonts). */
  fonts: Map<Dict, Decoder>;
  lines: PdfLine[];
  page: number;
  line: string;
  operators: number;
  deadline: number;
}

/** Some fonts map a character to its look-alike radical (⼈ U+2F08 for 人): read as the character. */
const RADICALS = /[\u2e80-\u2fdf]/g;

function flush(state: State): void {
  if (state.line.trim()) state.lines.push({ page: state.page, text: state.line.replace(RADICALS, (c) => c.normalize('NFKC')) });
  state.line = '';
}

/** Runs one content stream (a page's or a form XObject's) and collects its text into lines. */
function runContent(state: State, content: Buffer, resources: Dict | undefined, depth: number): void {
  const { pdf } = state;
  const fonts = pdf.resolve(resources?.get('Font'));
  const xobjects = pdf.resolve(resources?.get('XObject'));
  let decode: Decoder = () => '';
  let y: number | undefined;
  let scaleY = 1;
  const lexer = new Lexer(content);
  let operands: PdfValue[] = [];
  const moveTo = (next: number) => {
    if (y !== undefined && Math.abs(next - y) > 0.5) flush(state);
    y = next;
  };
  const show = (v: PdfValue | undefined) => {
    if (v instanceof PdfString) state.line += decode(v.bytes);
    // In TJ, a large gap (in thousandths of an em) stands for a space between words.
    else if (typeof v === 'number' && v < -250 && !/\s$/.test(state.line)) state.line += ' ';
  };
  for (let v = lexer.value(); v !== undefined; v = lexer.value()) {
    if (!(v && typeof v === 'object' && 'op' in v)) {
      operands.push(v);
      continue;
    }
    if (++state.operators > MAX_OPERATORS || (state.operators % 4096 === 0 && Date.now() > state.deadline)) throw new PdfLimit('内容过多，读取超出限度');
    const n = (i: number) => (typeof operands.at(i) === 'number' ? (operands.at(i) as number) : 0);
    switch (v.op) {
      case 'Tf': {
        const font = isDict(fonts) ? pdf.resolve(fonts.get(nameOf(operands.at(-2)) ?? '')) : undefined;
        // A font that is not there: the file was cut short or damaged; its codes mean nothing.
        if (!isDict(font)) throw new PdfLimit('字体缺失（文件可能不完整或已损坏）');
        let decoder = state.fonts.get(font);
        if (!decoder) state.fonts.set(font, (decoder = fontDecoder(pdf, font)));
        decode = decoder;
        break;
      }
      case 'Tm':
        scaleY = n(-3) || 1;
        moveTo(n(-1));
        break;
      case 'Td':
      case 'TD':
        moveTo((y ?? 0) + n(-1) * scaleY);
        break;
      case 'T*':
        flush(state);
        break;
      case 'Tj':
        show(operands.at(-1));
        break;
      case "'":
      case '"':
        flush(state);
        show(operands.at(-1));
        break;
      case 'TJ':
        (Array.isArray(operands.at(-1)) ? (operands.at(-1) as PdfValue[]) : []).forEach(show);
        break;
      case 'BI': {
        // Inline image data is binary: skip to its end.
        const end = content.indexOf('EI', lexer.pos, 'latin1');
        lexer.pos = end < 0 ? content.length : end + 2;
        break;
      }
      case 'Do': {
        const form = isDict(xobjects) ? pdf.resolve(xobjects.get(nameOf(operands.at(-1)) ?? '')) : undefined;
        if (form instanceof Stream && nameOf(form.dict.get('Subtype')) === 'Form' && depth < MAX_FORM_DEPTH) {
          const inner = pdf.resolve(form.dict.get('Resources'));
          runContent(state, pdf.decode(form), isDict(inner) ? inner : resources, depth + 1);
        }
        break;
      }
    }
    operands = [];
  }
}

/** The pages in reading order, through the page tree; each with its (possibly inherited) resources. */
function pages(pdf: PdfFile): Array<{ page: Dict; resources: Dict | undefined }> {
  const found: Array<{ page: Dict; resources: Dict | undefined }> = [];
  const seen = new Set<PdfValue>();
  const walk = (node: PdfValue | undefined, inherited: Dict | undefined, depth: number) => {
    const dict = pdf.resolve(node);
    // A page that is not there: the file was cut short (a page tree's loop or depth: damaged too).
    if (!isDict(dict) || seen.has(dict) || depth > 64) throw new PdfLimit('找不到页面（文件可能不完整或已损坏）');
    seen.add(dict);
    const own = pdf.resolve(dict.get('Resources'));
    const resources = isDict(own) ? own : inherited;
    const kids = pdf.resolve(dict.get('Kids'));
    if (Array.isArray(kids)) {
      for (const kid of kids) {
        walk(kid, resources, depth + 1);
        if (found.length > MAX_PAGES) throw new PdfLimit(`页数超过 ${MAX_PAGES} 页`);
      }
    } else found.push({ page: dict, resources });
  };
  const catalog = pdf.catalog();
  if (!catalog) throw new PdfLimit('找不到文档目录（文件可能不完整或已损坏）');
  // A catalog without a page tree is an empty document; a page tree that is not there, a cut file.
  if (catalog.has('Pages')) walk(catalog.get('Pages'), undefined, 0);
  return found;
}

/** The text lines of a PDF, or PdfLimit with the reason it could not be read. */
export function pdfLines(bytes: Buffer): PdfLine[] {
  // Not a PDF at all (a text file named .pdf): CONT-12 reports that, there is no PDF text to read.
  if (!bytes.toString('latin1', 0, Math.min(bytes.length, 1024)).includes('%PDF-')) return [];
  const pdf = new PdfFile(bytes, MAX_INFLATED_BYTES);
  // Decrypting (RC4, AES) is not done here; even an owner-password-only PDF has encrypted streams.
  if (pdf.encrypted()) throw new PdfLimit('文件已加密');
  const all = pages(pdf);
  const state: State = { pdf, fonts: new Map(), lines: [], page: 0, line: '', operators: 0, deadline: Date.now() + MAX_MILLISECONDS };
  all.forEach(({ page, resources }, i) => {
    state.page = i + 1;
    const contents = pdf.resolve(page.get('Contents'));
    const streams = (Array.isArray(contents) ? contents.map((c) => pdf.resolve(c)) : [contents]).filter((s): s is Stream => s instanceof Stream);
    // A page's content may be split across streams at any token: they are one stream (§7.8.2).
    runContent(state, Buffer.concat(streams.map((s) => Buffer.concat([pdf.decode(s), Buffer.from('\n')]))), resources, 0);
    flush(state);
  });
  return state.lines;
}
