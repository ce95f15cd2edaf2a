// SEC-05 / SEC-03: what a raster image file is, read from its first bytes without decoding it:
// its format and its canvas size (a decompression bomb declares a huge canvas in a small file).
// Reading headers here instead of asking sharp: sharp's metadata() costs 0.35–0.6 ms a file
// (measured 2026-12-08 on the demo's JPEGs), seconds for a platform of 10,000 images on every
// load; this reads one block (and a few more for a JPEG whose EXIF pushes the frame header back).
import { closeSync, openSync, readSync } from 'node:fs';

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'bmp' | 'tiff' | 'ico';

export type ImageHeader =
  | { kind: 'image'; format: ImageFormat; width?: number; height?: number }
  /** Text that starts like markup (`<svg`, `<html`, `<?xml`, `<script`): a page or script under an image's name. */
  | { kind: 'markup' }
  | { kind: 'unknown' };

// The first block: every header but a JPEG's (walked marker by marker beyond it) is in it.
const BLOCK = 16 * 1024;
const head = Buffer.allocUnsafe(BLOCK);

/** The format an extension promises. */
export const FORMAT_OF_EXTENSION: Record<string, ImageFormat> = {
  jpg: 'jpeg', jpeg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp', avif: 'avif', bmp: 'bmp', tif: 'tiff', tiff: 'tiff', ico: 'ico',
};

function ascii(b: Buffer, at: number, length: number): string {
  return b.toString('latin1', at, at + length);
}

/** JPEG: walks the markers to the first start-of-frame, reading more of the file as needed. */
function jpegSize(fd: number, head: Buffer): { width?: number; height?: number } {
  let at = 2;
  const byte = Buffer.alloc(10);
  const read = (offset: number, length: number): Buffer | undefined => {
    if (offset + length <= head.length) return head.subarray(offset, offset + length);
    return readSync(fd, byte, 0, length, offset) === length ? byte.subarray(0, length) : undefined;
  };
  for (let guard = 0; guard < 1000; guard++) {
    const marker = read(at, 4);
    if (!marker || marker[0] !== 0xff) return {};
    const type = marker[1]!;
    if (type === 0xff) {
      at++;
      continue;
    }
    if (type === 0xd8 || type === 0x01 || (type >= 0xd0 && type <= 0xd7)) {
      at += 2;
      continue;
    }
    if (type === 0xd9 || type === 0xda) return {};
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (type >= 0xc0 && type <= 0xcf && type !== 0xc4 && type !== 0xc8 && type !== 0xcc) {
      const frame = read(at + 5, 4);
      return frame ? { height: frame.readUInt16BE(0), width: frame.readUInt16BE(2) } : {};
    }
    at += 2 + marker.readUInt16BE(2);
  }
  return {};
}

/** AVIF/HEIF: the largest `ispe` (image spatial extent) box in the first block. */
function avifSize(head: Buffer): { width?: number; height?: number } {
  let best: { width: number; height: number } | undefined;
  for (let at = head.indexOf('ispe', 0, 'latin1'); at !== -1 && at + 16 <= head.length; at = head.indexOf('ispe', at + 4, 'latin1')) {
    const width = head.readUInt32BE(at + 8);
    const height = head.readUInt32BE(at + 12);
    if (!best || width * height > best.width * best.height) best = { width, height };
  }
  return best ?? {};
}

function tiffSize(head: Buffer): { width?: number; height?: number } {
  const little = ascii(head, 0, 2) === 'II';
  const u16 = (at: number) => (little ? head.readUInt16LE(at) : head.readUInt16BE(at));
  const u32 = (at: number) => (little ? head.readUInt32LE(at) : head.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > head.length) return {};
  const size: { width?: number; height?: number } = {};
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > head.length) break;
    const tag = u16(entry);
    const value = u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8);
    if (tag === 256) size.width = value;
    if (tag === 257) size.height = value;
  }
  return size;
}

export function readImageHeader(file: string): ImageHeader {
  const fd = openSync(file, 'r');
  try {
    const length = readSync(fd, head, 0, BLOCK, 0);
    const b = head.subarray(0, length);
    if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && ascii(b, 12, 4) === 'IHDR') {
      return { kind: 'image', format: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    }
    if (b.length >= 10 && /^GIF8[79]a$/.test(ascii(b, 0, 6))) return { kind: 'image', format: 'gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
    if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { kind: 'image', format: 'jpeg', ...jpegSize(fd, b) };
    if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
      const chunk = ascii(b, 12, 4);
      if (chunk === 'VP8 ') return { kind: 'image', format: 'webp', width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
      if (chunk === 'VP8L') {
        const bits = b.readUInt32LE(21);
        return { kind: 'image', format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
      }
      if (chunk === 'VP8X') return { kind: 'image', format: 'webp', width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
      return { kind: 'image', format: 'webp' };
    }
    if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp' && /^(?:avif|avis|heic|heix|mif1|msf1)$/.test(ascii(b, 8, 4))) return { kind: 'image', format: 'avif', ...avifSize(b) };
    if (b.length >= 26 && ascii(b, 0, 2) === 'BM') return { kind: 'image', format: 'bmp', width: Math.abs(b.readInt32LE(18)), height: Math.abs(b.readInt32LE(22)) };
    if (b.length >= 8 && (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*')) return { kind: 'image', format: 'tiff', ...tiffSize(b) };
    if (b.length >= 6 && b.readUInt32BE(0) === 0x00000100) return { kind: 'image', format: 'ico' };
    const start = b.toString('utf8', 0, Math.min(b.length, 1024)).replace(/^\ufeff/, '').trimStart().toLowerCase();
    if (/^<(?:\?xml|!doctype|!--|svg|html|head|body|script|iframe|\?php|[a-z][a-z0-9:-]*[\s>/])/.test(start)) return { kind: 'markup' };
    return { kind: 'unknown' };
  } finally {
    closeSync(fd);
  }
}
