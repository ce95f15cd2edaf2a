#!/usr/bin/env node
// Re-creates every binary or data file used by the demo content under content/:
// illustrative JPEG images (drawn from SVG with sharp), minimal hand-written PDF 1.4
// attachments and UTF-8 CSV data files. Output is deterministic for a given sharp build.
//
// Usage: node scripts/make-demo-media.mjs            (from anywhere; paths are resolved
//        relative to the project root, i.e. the parent of this script's folder)

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { csvs, makePdf, pdfs, toCsv } from './demo-media-documents.mjs';
import { images } from './demo-media-images.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const content = join(root, 'content');

// ---------------------------------------------------------------------------

/** @param {string} rel @param {Buffer} data */
async function write(rel, data) {
  const path = join(content, rel);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  console.log(`${relative(root, path)}  ${data.length} bytes`);
}

for (const [rel, draw] of images) {
  let quality = 72;
  let buf;
  // Keep every image at or under 40 KB.
  for (;;) {
    buf = await sharp(Buffer.from(draw()), { density: 72 })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality, mozjpeg: true, chromaSubsampling: '4:2:0' })
      .toBuffer();
    if (buf.length <= 40 * 1024 || quality <= 30) break;
    quality -= 6;
  }
  await write(rel, buf);
}
for (const [rel, title, pages] of pdfs) await write(rel, makePdf(title, pages));
for (const [rel, rows] of csvs) await write(rel, Buffer.from(toCsv(rows), 'utf8'));
