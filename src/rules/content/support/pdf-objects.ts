// Reads the objects of a PDF file (ISO 32000-1 §7.3, §7.5) so that the content rules can read the
// text of PDF attachments (pdf-text.ts). Attachments are hostile input: objects are found by their
// `N G obj` headers (a damaged cross-reference table does not matter), parsed only when asked for,
// nested at most MAX_DEPTH deep, and every stream is inflated against one shared byte budget: a
// PDF bomb stops at it with PdfLimit, which the caller reports as “text not checked”.
import { constants, inflateSync } from 'node:zlib';

/** Thrown when a PDF exceeds a limit or cannot be read; `reason` is the Chinese words for the warning. */
export class PdfLimit extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.reason = reason;
  }
}

export class Name {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}
export class Ref {
  readonly num: number;
  constructor(num: number) {
    this.num = num;
  }
}
export class PdfString {
  readonly bytes: Buffer;
  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }
}
export class Stream {
  readonly dict: Dict;
  readonly raw: Buffer;
  constructor(dict: Dict, raw: Buffer) {
    this.dict = dict;
    this.raw = raw;
  }
}
export type Dict = Map<string, PdfValue>;
export type PdfValue = number | boolean | null | Name | Ref | PdfString | Stream | Dict | PdfValue[] | { op: string };

const MAX_DEPTH = 64;
const WHITE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
const isRegular = (b: number | undefined) => b !== undefined && !WHITE.has(b) && !DELIMITERS.has(b);
const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };

/** A tokenizer and parser over bytes: used for the file's objects and for content streams. */
export class Lexer {
  pos: number;
  readonly bytes: Buffer;
  constructor(bytes: Buffer, start = 0) {
    this.bytes = bytes;
    this.pos = start;
  }

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      if (WHITE.has(b[this.pos]!)) this.pos++;
      else if (b[this.pos] === 0x25 /* % */) while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      else break;
    }
  }

  private regular(): string {
    const start = this.pos;
    while (isRegular(this.bytes[this.pos])) this.pos++;
    return this.bytes.toString('latin1', start, this.pos);
  }

  private literal(): Buffer {
    const b = this.bytes;
    const out: number[] = [];
    let depth = 1;
    this.pos++;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x5c /* \ */) {
        const e = b[this.pos++];
        if (e === undefined) break;
        const ch = String.fromCharCode(e);
        if (ch in ESCAPES) out.push(ESCAPES[ch]!);
        else if (e >= 0x30 && e <= 0x37) {
          let code = e - 0x30;
          for (let i = 0; i < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; i++) code = code * 8 + b[this.pos++]! - 0x30;
          out.push(code & 0xff);
        } else if (e === 13) {
          if (b[this.pos] === 10) this.pos++;
        } else if (e !== 10) out.push(e);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) break;
        out.push(c);
      } else out.push(c);
    }
    return Buffer.from(out);
  }

  private hex(): Buffer {
    const end = this.bytes.indexOf(0x3e, this.pos);
    const stop = end < 0 ? this.bytes.length : end;
    let digits = this.bytes.toString('latin1', this.pos + 1, stop).replace(/[^0-9a-f]/gi, '');
    if (digits.length % 2) digits += '0';
    this.pos = stop + 1;
    return Buffer.from(digits, 'hex');
  }

  /** The next value; a bare keyword (an operator in a content stream) comes back as `{ op }`, the end as undefined. */
  value(depth = 0): PdfValue | undefined {
    if (depth > MAX_DEPTH) throw new PdfLimit('对象嵌套过深');
    this.skipSpace();
    const b = this.bytes;
    const c = b[this.pos];
    if (c === undefined) return undefined;
    if (c === 0x2f /* / */) {
      this.pos++;
      return new Name(this.regular().replace(/#([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))));
    }
    if (c === 0x28) return new PdfString(this.literal());
    if (c === 0x3c /* < */) {
      if (b[this.pos + 1] !== 0x3c) return new PdfString(this.hex());
      this.pos += 2;
      const dict: Dict = new Map();
      for (;;) {
        const key = this.value(depth + 1);
        if (key === undefined || !(key instanceof Name)) return dict;
        dict.set(key.name, this.value(depth + 1) ?? null);
      }
    }
    if (c === 0x3e /* > */) {
      this.pos += b[this.pos + 1] === 0x3e ? 2 : 1;
      return { op: '>>' };
    }
    if (c === 0x5b /* [ */) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        const item = this.value(depth + 1);
        if (item === undefined || (item && typeof item === 'object' && 'op' in item && item.op === ']')) return items;
        items.push(item);
      }
    }
    if (c === 0x5d || c === 0x7b || c === 0x7d || c === 0x29) {
      this.pos++;
      return { op: String.fromCharCode(c) };
    }
    const word = this.regular();
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(word)) {
      // `12 0 R` is a reference.
      const mark = this.pos;
      const gen = /^\d+$/.test(word) ? /^\s+(\d+)\s+R(?![^\s()<>[\]{}/%])/.exec(b.toString('latin1', mark, mark + 24)) : null;
      if (gen) {
        this.pos = mark + gen[0].length;
        return new Ref(Number(word));
      }
      return Number(word);
    }
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    if (!word) {
      this.pos++; // a stray delimiter
      return { op: '' };
    }
    return { op: word };
  }
}

export const nameOf = (v: PdfValue | undefined) => (v instanceof Name ? v.name : undefined);
export const isDict = (v: PdfValue | undefined): v is Dict => v instanceof Map;

/** The objects of one PDF file, parsed when first asked for, and a budget of inflated bytes. */
export class PdfFile {
  private readonly offsets = new Map<number, number>();
  private readonly parsed = new Map<number, PdfValue>();
  private remaining: number;
  readonly bytes: Buffer;
  /** The file as Latin-1 text, one byte a character: for finding object headers and keys. */
  private readonly text: string;

  constructor(bytes: Buffer, budget: number) {
    this.bytes = bytes;
    this.text = bytes.toString('latin1');
    this.remaining = budget;
    if (bytes.toString('latin1', 0, Math.min(bytes.length, 1024)).indexOf('%PDF-') < 0) throw new PdfLimit('不是 PDF 文件');
    // The last definition of an object wins (incremental updates append newer versions).
    for (const m of this.text.matchAll(/(?<![0-9])(\d{1,7})\s+\d{1,5}\s+obj\b/g)) this.offsets.set(Number(m[1]), m.index + m[0].length);
  }

  /** Whether the trailer names an encryption dictionary: its strings and streams cannot be read without decrypting. */
  encrypted(): boolean {
    return /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(this.text);
  }

  /** The trailer's /Root, or else the first object that says it is the catalog. */
  catalog(): Dict | undefined {
    const text = this.text;
    const root = /\/Root\s+(\d+)\s+\d+\s+R/g;
    let last: RegExpExecArray | null = null;
    for (let m = root.exec(text); m; m = root.exec(text)) last = m;
    const found = last ? this.resolve(new Ref(Number(last[1]))) : undefined;
    if (isDict(found)) return found;
    for (const num of [...this.offsets.keys()].sort((a, b) => a - b)) {
      const value = this.resolve(new Ref(num));
      if (isDict(value) && nameOf(value.get('Type')) === 'Catalog') return value;
    }
    return undefined;
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    if (!(value instanceof Ref)) return value;
    if (this.parsed.has(value.num)) return this.parsed.get(value.num);
    this.parsed.set(value.num, null); // a reference cycle resolves to null
    const at = this.offsets.get(value.num);
    let result: PdfValue | undefined;
    if (at === undefined) result = this.compressed().get(value.num);
    else {
      const lexer = new Lexer(this.bytes, at);
      result = lexer.value() ?? null;
      if (isDict(result)) result = this.streamAfter(lexer, result);
    }
    this.parsed.set(value.num, result ?? null);
    return result;
  }

  private inStreams: Map<number, PdfValue> | undefined;

  /** Objects kept inside object streams (PDF 1.5, §7.5.7), read once, when an object is not found directly. */
  private compressed(): Map<number, PdfValue> {
    if (this.inStreams) return this.inStreams;
    this.inStreams = new Map();
    const text = this.text;
    for (const [num, at] of this.offsets) {
      if (!/^\s*<<[^]{0,400}?\/Type\s*\/ObjStm/.test(text.slice(at, at + 420))) continue;
      const stream = this.resolve(new Ref(num));
      if (!(stream instanceof Stream)) continue;
      const data = this.decode(stream);
      const first = stream.dict.get('First');
      const header = new Lexer(data);
      const count = Math.min(Number(stream.dict.get('N')) || 0, 100_000);
      for (let i = 0; i < count; i++) {
        const objNum = header.value();
        const offset = header.value();
        if (typeof objNum !== 'number' || typeof offset !== 'number' || typeof first !== 'number') break;
        if (!this.inStreams.has(objNum)) this.inStreams.set(objNum, new Lexer(data, first + offset).value() ?? null);
      }
    }
    return this.inStreams;
  }

  private streamAfter(lexer: Lexer, dict: Dict): PdfValue {
    lexer.skipSpace();
    if (this.bytes.toString('latin1', lexer.pos, lexer.pos + 6) !== 'stream') return dict;
    let start = lexer.pos + 6;
    if (this.bytes[start] === 13) start++;
    if (this.bytes[start] === 10) start++;
    const declared = dict.get('Length');
    const length = declared instanceof Ref ? this.resolve(declared) : declared;
    let end = typeof length === 'number' && length >= 0 && start + length <= this.bytes.length ? start + length : -1;
    if (end < 0 || this.bytes.toString('latin1', end, end + 12).trim().slice(0, 9) !== 'endstream') end = this.bytes.indexOf('endstream', start, 'latin1');
    if (end < 0) throw new PdfLimit('文件不完整（数据流没有结尾）');
    return new Stream(dict, this.bytes.subarray(start, end));
  }

  /** A stream's decoded bytes: unfiltered or FlateDecode; others cannot be read. */
  decode(stream: Stream): Buffer {
    const filter = this.resolve(stream.dict.get('Filter'));
    const filters = (Array.isArray(filter) ? filter : filter ? [filter] : []).map((f) => nameOf(this.resolve(f)));
    if (filters.length === 0) return this.spend(stream.raw);
    if (filters.length > 1 || (filters[0] !== 'FlateDecode' && filters[0] !== 'Fl')) throw new PdfLimit(`使用了不支持的压缩方式（${filters.join('、')}）`);
    if (this.remaining <= 0) throw new PdfLimit('解压后的内容过大');
    let out: Buffer;
    try {
      // A stream cut short still yields what it has (Z_SYNC_FLUSH); beyond the budget it throws.
      out = inflateSync(stream.raw, { maxOutputLength: this.remaining, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (error) {
      throw new PdfLimit((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? '解压后的内容过大' : '压缩数据已损坏');
    }
    return this.spend(out);
  }

  private spend(bytes: Buffer): Buffer {
    this.remaining -= bytes.length;
    if (this.remaining < 0) throw new PdfLimit('解压后的内容过大');
    return bytes;
  }
}
