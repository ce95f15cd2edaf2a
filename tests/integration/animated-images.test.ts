// LAY-07 in real builds of the `mini` platform: an animated GIF in an item's body is published as
// a still image (one frame) unless the item lists it in `animations`, then it stays animated; a
// flashing GIF stops the site's build with LAY-07 and the item's file:line, and the published
// output stays as it was.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alternating, animatedGif, BLACK, frameCount, WHITE } from '../helpers/images.ts';
import { item } from '../helpers/findings.ts';
import { copyPlatform, readText, removePlatform, runCli, treeHashes, writeText } from '../helpers/platform.ts';

const NOW = ['--now', '2026-11-22 10:00'];
const STILL = 'content/alpha/news/slow-still/index.mdx';
const KEPT = 'content/alpha/news/slow-kept/index.mdx';
const FLASH = 'content/alpha/news/flash/index.mdx';

/** The files the page's <img> elements of `name` show (src and each srcset candidate), output-relative. */
function imagesOf(root: string, page: string, name: string): string[] {
  const html = readText(root, page);
  const urls = [...html.matchAll(/<img\b[^>]*>/g)].flatMap(([tag]) => [
    ...[...tag.matchAll(/\bsrc="([^"]+)"/g)].map((m) => m[1]!),
    ...[...tag.matchAll(/\bsrcset="([^"]+)"/g)].flatMap((m) => m[1]!.split(/,\s*/).map((c) => c.trim().split(/\s+/)[0]!)),
  ]);
  return [...new Set(urls)].filter((url) => path.posix.basename(url).startsWith(name)).map((url) => path.posix.join('dist/alpha', url.startsWith('/') ? url : path.posix.join(path.posix.dirname(page.slice('dist/alpha/'.length)), url)));
}

describe('LAY-07: animated images in npm run build', () => {
  let root: string;
  beforeAll(async () => {
    root = copyPlatform('mini');
    // Slow (one change a second) and different bytes, since the render knows a listed animation by its bytes.
    writeText(root, STILL, item({ title: '示意动画（未列出）', body: '![办事流程示意动画](./slow.gif)' }));
    writeText(root, `${path.posix.dirname(STILL)}/slow.gif`, await animatedGif(alternating(4, BLACK, WHITE), 1000));
    writeText(root, KEPT, item({ title: '示意动画（已确认不闪烁）', extra: 'animations:\n  - { file: ./slow.gif, nonFlashing: true }\n', body: '![办事流程示意动画](./slow.gif)' }));
    writeText(root, `${path.posix.dirname(KEPT)}/slow.gif`, await animatedGif(alternating(6, WHITE, BLACK), 1000));
  });
  afterAll(() => removePlatform(root));

  it('publishes an unlisted animation as one frame, and a listed non-flashing one animated', async () => {
    const result = runCli(['build', '--root', root, ...NOW]);
    expect(result.status, result.output).toBe(0);
    const still = imagesOf(root, 'dist/alpha/news/slow-still/index.html', 'slow');
    const kept = imagesOf(root, 'dist/alpha/news/slow-kept/index.html', 'slow');
    expect(still.length).toBeGreaterThan(0);
    expect(kept.length).toBeGreaterThan(0);
    for (const file of still) expect(await frameCount(path.join(root, file)), file).toBe(1);
    for (const file of kept) expect(await frameCount(path.join(root, file)), file).toBe(6);
  });

  it('stops the build on a flashing GIF with LAY-07 at the item file:line, even listed; the published site stays', async () => {
    const before = treeHashes(path.join(root, 'dist/alpha'));
    writeText(root, FLASH, item({ title: '灯光秀', extra: 'animations:\n  - { file: ./lights.gif, nonFlashing: true }\n', body: '灯光秀现场。\n\n![灯光秀现场的灯光变化](./lights.gif)' }));
    writeText(root, `${path.posix.dirname(FLASH)}/lights.gif`, await animatedGif(alternating(10, BLACK, WHITE), 100));
    const result = runCli(['build', '--root', root, ...NOW]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(new RegExp(`${FLASH}:12(?::\\d+)?\\s+错误 \\[LAY-07\\] 动图“./lights.gif”每秒明暗闪烁 5 次`));
    expect(treeHashes(path.join(root, 'dist/alpha'))).toEqual(before);
  });
});
