// Reads named entries of a ZIP file (PKWARE APPNOTE: the container of DOCX, XLSX and OFD), so
// that the content rules can read the text of office attachments. Attachments are hostile input:
// the central directory is bounded, only stored and deflated entries are read, and every entry is
// inflated with a ceiling (a zip bomb stops at it, and the entry is skipped).
import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_ENTRIES = 10_000;
/** The most text one entry may inflate to. */
export const MAX_ENTRY_BYTES = 32 * 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function directory(zip: Buffer): Entry[] {
  // The end-of-directory record is in the last 64 KiB (its comment is at most 65,535 bytes).
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return [];
  const count = Math.min(zip.readUInt16LE(end + 10), MAX_ENTRIES);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count && at + 46 <= zip.length && zip.readUInt32LE(at) === DIRECTORY_ENTRY; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

function read(zip: Buffer, entry: Entry): Buffer | undefined {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) return undefined;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.length <= MAX_ENTRY_BYTES ? data : undefined;
  if (entry.method !== 8) return undefined;
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
  } catch {
    return undefined;
  }
}

/** The entries whose names `wanted` accepts, in the archive's order, as text; unreadable ones are left out. */
export function zipTexts(zip: Buffer, wanted: (name: string) => boolean): Array<{ name: string; text: string }> {
  const texts: Array<{ name: string; text: string }> = [];
  let entries: Entry[];
  try {
    entries = directory(zip);
  } catch {
    return texts;
  }
  for (const entry of entries) {
    if (!wanted(entry.name)) continue;
    const bytes = read(zip, entry);
    if (bytes) texts.push({ name: entry.name, text: bytes.toString('utf8') });
  }
  return texts;
}
