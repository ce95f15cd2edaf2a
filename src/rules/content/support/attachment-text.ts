// The text of an item's attachments, for the rules that must see what a reader downloads: a
// classification mark (CONT-06) or an ID number (CONT-07) inside a published CSV is published too.
// Read: CSV, TXT and JSON (UTF-8, or GB18030 as Chinese office software saves them), DOCX
// (paragraphs of the document, headers, footers and notes), XLSX (the rows of every sheet) and PDF
// (the text lines of each page: pdf-text.ts). Not read: OFD, WPS, ET, DOC and XLS, and the text
// of a scanned PDF (it has none, only pictures): docs/checks.md says so.
//
// One run per line, paragraph or row, named for the message (附件“a.csv”第 3 行) and reported at
// the attachment's field in the front matter. A PDF that cannot be read (damaged, encrypted,
// beyond the limits, fonts without a Unicode map) is listed in `unread`: CONT-06 warns that its
// text was not checked, rather than letting it pass as clean.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { lstatInside, parseReference } from '../../../security/content-paths.ts';
import { PdfLimit } from './pdf-objects.ts';
import { pdfLines } from './pdf-text.ts';
import { visibleRun, type FieldPath, type TextRun } from './text.ts';
import { zipTexts } from './zip-entries.ts';

/** Larger attachments are not read: a data file of this size is a database export, checked at its source. */
const MAX_BYTES = 20 * 1024 * 1024;

interface Part {
  text: string;
  where: string;
  block: TextRun['block'];
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function xmlText(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name] ?? m;
  });
}

/** The text of the `<tag>` elements inside a piece of XML, joined. */
const textsOf = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => xmlText(m[1]!)).join('');

function lines(text: string, block: TextRun['block']): Part[] {
  return text.split(/\r?\n/).map((line, i) => ({ text: line, where: `第 ${i + 1} 行`, block }));
}

function docxParts(zip: Buffer): Part[] {
  const wanted = (name: string) => /^word\/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(name);
  return zipTexts(zip, wanted).flatMap(({ name, text }) => {
    const where = name === 'word/document.xml' ? '' : name.includes('header') ? '页眉' : name.includes('footer') ? '页脚' : '注释';
    return text.split('</w:p>').map((paragraph, i) => ({ text: textsOf(paragraph, 'w:t'), where: `${where}第 ${i + 1} 段`, block: 'paragraph' as const }));
  });
}

function xlsxParts(zip: Buffer): Part[] {
  const entries = zipTexts(zip, (name) => name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  const shared = (entries.find((e) => e.name === 'xl/sharedStrings.xml')?.text ?? '').split('</si>').map((si) => textsOf(si, 't'));
  return entries
    .filter((e) => e.name !== 'xl/sharedStrings.xml')
    .flatMap(({ name, text }) => {
      const sheet = /sheet(\d+)\.xml$/.exec(name)![1];
      return [...text.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)].map((row) => {
        const number = /\br="(\d+)"/.exec(row[1]!)?.[1] ?? '?';
        const cells = [...row[2]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((cell) => {
          const type = /\bt="([^"]+)"/.exec(cell[1]!)?.[1];
          const inner = cell[2] ?? '';
          if (type === 'inlineStr') return textsOf(inner, 't');
          const value = xmlText(/<v>([^<]*)<\/v>/.exec(inner)?.[1] ?? '');
          return type === 's' ? (shared[Number(value)] ?? '') : value;
        });
        return { text: cells.join('\t'), where: `工作表 ${sheet} 第 ${number} 行`, block: 'tableCell' as const };
      });
    });
}

function partsOf(bytes: Buffer, extension: string): Part[] {
  switch (extension) {
    case 'csv':
      return lines(decode(bytes), 'tableCell');
    case 'txt':
    case 'json':
      return lines(decode(bytes), 'paragraph');
    case 'docx':
      return docxParts(bytes);
    case 'xlsx':
      return xlsxParts(bytes);
    case 'pdf':
      return pdfLines(bytes).map((line) => ({ text: line.text, where: `第 ${line.page} 页`, block: 'paragraph' as const }));
    default:
      return [];
  }
}

/** An attachment whose text could not be read, and why (Chinese, for the warning). */
export interface UnreadAttachment {
  label: string;
  field: FieldPath;
  reason: string;
}

interface AttachmentText {
  runs: TextRun[];
  unread: UnreadAttachment[];
}

const cache = new WeakMap<VFile, AttachmentText>();

/** The text runs of the item's attachments (read once per item, whichever rule asks first). */
export function attachmentRuns(file: VFile): TextRun[] {
  return attachmentText(file).runs;
}

/** The attachments whose text could not be read. */
export function unreadAttachments(file: VFile): UnreadAttachment[] {
  return attachmentText(file).unread;
}

function attachmentText(file: VFile): AttachmentText {
  let read = cache.get(file);
  if (read) return read;
  const runs: TextRun[] = [];
  const unread: UnreadAttachment[] = [];
  const context = file.data.govsite;
  const attachments = context?.frontMatter?.attachments ?? [];
  // Attachments live in a folder item's folder (CONT-12 reports the others).
  if (context && path.basename(context.absoluteFile) === 'index.mdx') {
    const dir = path.dirname(context.absoluteFile);
    // A data release's file (CONT-15) is published for download as an attachment is.
    const dataFile = context.frontMatter?.data?.file;
    const files: Array<{ file: string; field: FieldPath; what: string }> = [
      ...attachments.map((a, i) => ({ file: a.file, field: ['attachments', i, 'file'], what: '附件' })),
      ...(dataFile ? [{ file: dataFile, field: ['data', 'file'], what: '数据文件' }] : []),
    ];
    files.forEach((attachment) => {
      const parsed = parseReference(attachment.file);
      if (parsed.kind !== 'file') return;
      const state = lstatInside(dir, parsed.path);
      if (state.state !== 'file' || state.stats.size > MAX_BYTES) return;
      const extension = (/\.([^./]+)$/.exec(parsed.path)?.[1] ?? '').toLowerCase();
      let parts: Part[];
      const label = `${attachment.what}“${attachment.file}”`;
      try {
        parts = partsOf(readFileSync(path.join(dir, parsed.path)), extension);
      } catch (error) {
        // Any other failure is a bug in a reader, not in the file: it must not stop the check either.
        unread.push({ label, field: attachment.field, reason: error instanceof PdfLimit ? error.reason : '文件无法解析' });
        return;
      }
      for (const part of parts) {
        if (!part.text.trim()) continue;
        runs.push(visibleRun({ text: part.text, label: `${label}${part.where}`, field: attachment.field, block: part.block, place: () => undefined }));
      }
    });
  }
  read = { runs, unread };
  cache.set(file, read);
  return read;
}
