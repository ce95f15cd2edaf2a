// LAY-07 at load: animated images are measured on their decoded frames (support/flashes.ts, after
// WCAG 2.3.1). A GIF made here with sharp that alternates black and white full frames every
// 100 ms flashes 5 times a second and is refused with the item's file:line, listed in
// `animations` or not; one changing once a second is not; a change over a small part of the image
// is not a flash; `animations` entries name files of the item's folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { measureFlashes, readFrames } from '../../src/rules/content/support/flashes.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { findingAt, item } from '../helpers/findings.ts';
import { alternating, animatedGif, BLACK, RED, stillGif, WHITE } from '../helpers/images.ts';
import { copyPlatform, removePlatform, writeText } from '../helpers/platform.ts';

/** Black and white frames, a small white square in one corner switching on and off. */
async function smallBlinkGif(delay: number): Promise<Buffer> {
  const square = await sharp({ create: { width: 20, height: 20, channels: 3, background: WHITE } }).png().toBuffer();
  const plain = await sharp({ create: { width: 200, height: 150, channels: 3, background: BLACK } }).png().toBuffer();
  const lit = await sharp(plain).composite([{ input: square, top: 0, left: 0 }]).png().toBuffer();
  const frames = Array.from({ length: 10 }, (_, i) => (i % 2 ? lit : plain));
  return sharp(frames, { join: { animated: true } }).gif({ delay: frames.map(() => delay), loop: 0 }).toBuffer();
}

/** A copy of `mini` with `files` written, and the LAY-07 findings of its load (or all, with `all`). */
async function loadWith(files: Array<[string, string | Buffer]>, all = false): Promise<Diagnostic[]> {
  root = copyPlatform('mini');
  for (const [file, content] of files) writeText(root, file, content);
  const found = [...(await loadPlatform(root, '2026-11-22 10:00')).values()].flatMap((site) => site.diagnostics);
  return all ? found : found.filter((d) => d.ruleId === 'LAY-07');
}

let root: string | undefined;
afterEach(() => {
  if (root) removePlatform(root);
  root = undefined;
});

async function measureBuffer(bytes: Buffer) {
  const dir = mkdtempSync(path.join(tmpdir(), 'govsite-flash-'));
  const file = path.join(dir, 'a.gif');
  writeFileSync(file, bytes);
  const frames = await readFrames(file);
  removePlatform(dir);
  return frames && measureFlashes(frames);
}

describe('LAY-07 flash measure (support/flashes.ts)', () => {
  it('counts 5 flashes a second for black and white frames of 100 ms', async () => {
    const measured = await measureBuffer(await animatedGif(alternating(10, BLACK, WHITE), 100));
    expect(measured).toMatchObject({ frames: 10, flashesPerSecond: 5, kind: 'general' });
  });

  it('counts no more than one flash a second for frames of 1 s, and none for a still image', async () => {
    const slow = await measureBuffer(await animatedGif(alternating(4, BLACK, WHITE), 1000));
    expect(slow!.flashesPerSecond).toBeLessThanOrEqual(1);
    expect(await measureBuffer(await stillGif())).toBeUndefined();
  });

  it('does not count a blink over a small part of the image, and counts a saturated red flash', async () => {
    expect((await measureBuffer(await smallBlinkGif(100)))!.flashesPerSecond).toBe(0);
    // Red and a grey of about its luminance (0.20 and 0.21): no general flash, a red one of 320.
    const red = await measureBuffer(await animatedGif(alternating(10, { r: 124, g: 124, b: 124 }, RED), 100));
    expect(red).toMatchObject({ flashesPerSecond: 5, kind: 'red' });
  });
});

describe('LAY-07 at load (remark-animated-images.ts)', () => {
  const FOLDER = 'content/alpha/news/flash-test';
  const FILE = `${FOLDER}/index.mdx`;

  it('refuses a flashing GIF with the item file:line, listed as non-flashing or not', async () => {
    const flashing = await animatedGif(alternating(10, BLACK, WHITE), 100);
    const listed = 'animations:\n  - { file: ./flash.gif, nonFlashing: true }\n';
    const body = '第一段。\n\n![活动现场的灯光变化](./flash.gif)';
    const found = await loadWith([[FILE, item({ extra: listed, body })], [`${FOLDER}/flash.gif`, flashing]]);
    // Front matter lines 2–5, `animations` lines 6–7, closing --- line 8, blank 9, body from 10: the image on line 12.
    const d = findingAt(found, FILE, 'LAY-07', 12, { only: true });
    expect(formatDiagnostic(d)).toMatch(/flash\.gif.*每秒明暗闪烁 5 次.*超过三次/);
    expect(d.fix).toContain('静止图片');
  });

  it('accepts a slow animation in Markdown unlisted (published still), refuses it in <img> unlisted, accepts it listed', async () => {
    const slow = await animatedGif(alternating(4, BLACK, WHITE), 1000);
    const unlisted = 'content/alpha/news/slow-a/index.mdx';
    const element = 'content/alpha/news/slow-b/index.mdx';
    const listed = 'content/alpha/news/slow-c/index.mdx';
    const found = await loadWith([
      [unlisted, item({ body: '![示意动画](./slow.gif)' })],
      [element, item({ body: '<img src="./slow.gif" alt="示意动画" />' })],
      [listed, item({ extra: 'animations:\n  - { file: ./slow.gif, nonFlashing: true }\n', body: '<img src="./slow.gif" alt="示意动画" />' })],
      ...[unlisted, element, listed].map((file): [string, Buffer] => [`${path.posix.dirname(file)}/slow.gif`, slow]),
    ]);
    expect(found.map((d) => `${d.file}:${d.line} ${d.severity}`)).toEqual([`${element}:8 error`]);
    expect(found[0]!.message).toContain('<img>');
  });

  it('reports an `animations` entry naming no file (error) and one naming a still image (warning)', async () => {
    const extra = 'animations:\n  - { file: ./missing.gif, nonFlashing: true }\n  - { file: ./still.gif, nonFlashing: true }\n';
    const found = await loadWith([[FILE, item({ extra })], [`${FOLDER}/still.gif`, await stillGif()]]);
    expect(found.map((d) => [d.line, d.severity])).toEqual([
      [7, 'error'],
      [8, 'warn'],
    ]);
    expect(found[0]!.message).toContain('missing.gif');
  });

  it('refuses `nonFlashing: false` in Chinese (an entry says the editor checked it)', async () => {
    const found = await loadWith([[FILE, item({ extra: 'animations:\n  - { file: ./a.gif, nonFlashing: false }\n' })]], true);
    const d = found.find((f) => f.file === FILE && f.field?.startsWith('animations'));
    expect(d, found.map(formatDiagnostic).join('\n')).toBeDefined();
    expect(d!.message).toContain('nonFlashing: true');
  });
});
