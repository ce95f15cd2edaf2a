// LAY-07 (no flashing or moving elements): the animated images (GIF, WebP) an item shows.
//   - One that flashes more than three times in any second (support/flashes.ts, after WCAG
//     2.3.1) is refused wherever it is used, whether or not the editor listed it in
//     `animations`: listing says “I checked it”, the rule still measures.
//   - A body image `![…](./x.gif)` is published as a still image (its first frame, made by the
//     render: plugins/astro-govsite/image-service.ts) unless `animations` lists it.
//   - `<img>` and `<MapImage>` publish the file as it is: an animation there must be listed.
//   - An `animations` entry names an image of the item's folder; one that is not animated is
//     listed needlessly (a warning).
// Files that cannot be read or decoded are left to the checks of files (remark-local-files.ts)
// and to the render.
import path from 'node:path';
import type { Definition, Root } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { extensionOf, lstatInside, parseReference, quoteReference } from '../../security/content-paths.ts';
import { readFrames, measureFlashes, type FlashMeasure } from './support/flashes.ts';
import { attributeValue, isJsxElement, report, type FieldPath } from './support/text.ts';

/** Formats whose files can hold an animation that sharp decodes. */
const ANIMATABLE = new Set(['gif', 'webp']);
const ELEMENTS = new Set(['img', 'MapImage']);

interface Use {
  /** The path inside the item's folder. */
  path: string;
  written: string;
  /** markdown: made still by the render; element: published as it is; field: the front image (a share picture). */
  how: 'markdown' | 'element' | 'field';
  /** The element's name, for `element`. */
  element?: string;
  place?: Point;
  field?: FieldPath;
}

/** A local image of the item's folder, by what the body or front matter wrote. */
function localPath(written: string): string | undefined {
  const parsed = parseReference(written, { siteAssets: true, urls: true });
  if (parsed.kind !== 'file' || parsed.siteAsset) return undefined;
  return ANIMATABLE.has(extensionOf(parsed.path)) ? parsed.path : undefined;
}

function collectUses(tree: Root, image: string | undefined): Use[] {
  const uses: Use[] = [];
  const add = (written: string | null | undefined, how: Use['how'], where: { place?: Point; field?: FieldPath; element?: string }) => {
    const found = typeof written === 'string' ? localPath(written) : undefined;
    if (found) uses.push({ path: found, written: written!, how, ...where });
  };
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    definitions.set(node.identifier.toLowerCase(), node);
  });
  visit(tree, (node) => {
    const place = node.position?.start;
    if (node.type === 'image') add(node.url, 'markdown', { place });
    else if (node.type === 'imageReference') add(definitions.get(node.identifier.toLowerCase())?.url, 'markdown', { place });
    else if (isJsxElement(node) && node.name && ELEMENTS.has(node.name)) add(attributeValue(node, 'src'), 'element', { place, element: node.name });
  });
  add(image, 'field', { field: ['image'] });
  return uses;
}

function flashingMessage(shown: string, measure: FlashMeasure): { reason: string; note: string } {
  const second = (measure.atMs / 1000).toFixed(1);
  const kind = measure.kind === 'red' ? '红色闪烁' : '明暗闪烁';
  return {
    reason: `动图“${shown}”每秒${kind} ${measure.flashesPerSecond} 次（从第 ${second} 秒起的一秒内），超过三次：闪烁可能引发光敏性癫痫，不能发布（列在 animations 中也不行）`,
    note: '换成静止图片（JPG、PNG），或重新制作动图：每帧至少显示 0.2 秒、相邻两帧的明暗变化不大，大面积的黑白或红色交替不要超过每秒三次',
  };
}

async function measure(file: string): Promise<FlashMeasure | null | undefined> {
  try {
    const frames = await readFrames(file);
    return frames ? measureFlashes(frames) : null;
  } catch {
    // Not decodable: the render reports it; nothing to measure here.
    return undefined;
  }
}

/** The paths `animations` lists, each with its field; entries that name no file of the folder are reported. */
function listedAnimations(file: VFile, itemDir: string, listed: ReadonlyArray<{ file: string }>): Map<string, FieldPath> {
  const paths = new Map<string, FieldPath>();
  listed.forEach((entry, i) => {
    const field = ['animations', i, 'file'];
    const parsed = parseReference(entry.file, { urls: true });
    if (parsed.kind === 'file' && lstatInside(itemDir, parsed.path).state === 'file') {
      paths.set(parsed.path, field);
      return;
    }
    report(file, {
      ruleId: 'LAY-07',
      reason: `animations 列出的动图“${quoteReference(entry.file)}”不是本条目目录中的图片文件`,
      note: '写本条目目录中动图的文件名，如 ./流程演示.gif；不需要保留动画的图片不要列出',
    }, { field });
  });
  return paths;
}

export default function remarkAnimatedImages() {
  return async (tree: Root, file: VFile) => {
    const context = file.data.govsite;
    if (!context) return;
    const itemDir = path.dirname(context.absoluteFile);
    const folderItem = path.basename(context.absoluteFile) === 'index.mdx';
    const listed = folderItem ? listedAnimations(file, itemDir, context.frontMatter?.animations ?? []) : new Map<string, FieldPath>();
    const uses = folderItem ? collectUses(tree, context.frontMatter?.image) : [];
    const measured = new Map<string, FlashMeasure | null | undefined>();
    for (const p of new Set([...uses.map((u) => u.path), ...listed.keys()])) {
      if (lstatInside(itemDir, p).state === 'file') measured.set(p, await measure(path.join(itemDir, p)));
    }
    const reported = new Set<string>();
    for (const use of uses) {
      const result = measured.get(use.path);
      if (!result) continue;
      const shown = quoteReference(use.written);
      const where = use.field ? { field: use.field } : { place: use.place };
      reported.add(use.path);
      if (result.flashesPerSecond > 3) report(file, { ruleId: 'LAY-07', ...flashingMessage(shown, result) }, where);
      else if (use.how === 'element' && !listed.has(use.path)) {
        report(file, {
          ruleId: 'LAY-07',
          reason: `动图“${shown}”用 <${use.element}> 插入，会以动画原样发布，但没有确认它不闪烁`,
          note: `改用 ![说明图片内容的文字](${use.written}) 插入（发布为静止图片）；确需动画时，确认它不闪烁后在前置信息中写 animations: [{ file: ${use.written}, nonFlashing: true }]`,
        }, where);
      }
    }
    for (const [p, field] of listed) {
      const result = measured.get(p);
      // A listed animation the body does not show is still published beside the page.
      if (result && result.flashesPerSecond > 3 && !reported.has(p)) report(file, { ruleId: 'LAY-07', ...flashingMessage(quoteReference(p), result) }, { field });
      if (result === null) {
        report(file, { ruleId: 'LAY-07', severity: 'warn', reason: `animations 列出的“${quoteReference(p)}”不是动图（只有一帧），不必列出`, note: '从 animations 中删去这一项' }, { field });
      }
    }
  };
}
