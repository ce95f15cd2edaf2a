// SEC-01 / SEC-07 / CONT-13: the files an item's body and front matter name are files of the
// content — its own folder, or the site's assets for `/assets/…` — named plainly
// (src/security/content-paths.ts says what is refused and why):
//   - Markdown images `![x](…)` and `![x][ref]` — Astro imports these at build time, so a path
//     out of the folder read the build machine's files, and `?raw`/`?url` printed them;
//     they must also be image files (an imported `.js` or `.mdx` would run), written `./…` when
//     in a subfolder (a bare `pkg/x.png` resolves in node_modules), and exist (CONT-13: a missing
//     one stopped the build with the bundler's message);
//   - `<img src/srcset>`, `<MapImage src>` (a missing map is CONT-10's), links to files
//     `[方案](./plan.pdf)` and `attachments[].file` (existence and format are CONT-12's).
// URLs with a scheme are not files: their scheme is SEC-02's (remark-safe-urls.ts), `file:` included;
// an image from another site (http, https) is refused as SEC-01: a page loads nothing from elsewhere.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Definition, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { FrontMatter } from '../../schema/front-matter-schema.ts';
import { IMAGE_EXTENSIONS, extensionOf, lstatInside, parseReference, printable, quoteReference, symlinkRefusal } from '../../security/content-paths.ts';
import { urlScheme } from '../../security/url-policy.ts';
import { closestName } from '../../util/closest-name.ts';
import { platformRoot } from './support/data-files.ts';
import { isJsxElement, report, type FieldPath } from './support/text.ts';

/** Links to these are pages, not files (relative page links are CONT-13's). */
const PAGES = new Set(['html', 'htm', 'mdx', 'md', 'shtml']);
const IMAGE_ELEMENTS = new Set(['img', 'Image', 'Picture', 'MapImage']);

type ImageUse = 'markdown' | 'element' | 'map';

interface Where {
  place?: Point;
  field?: FieldPath;
}

function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.') && e.name !== 'index.mdx')
      .map((e) => e.name);
  } catch {
    return [];
  }
}

/** The item whose files are checked: its folder, its site's assets, and where findings go. */
interface ItemFiles {
  file: VFile;
  /** Project-relative path of the item's MDX file. */
  relativeFile: string;
  itemDir: string;
  folderLabel: string;
  /** A folder item (<slug>/index.mdx): the only kind that has files of its own. */
  folderItem: boolean;
  siteDir?: string;
}

const refuse = (item: ItemFiles, where: Where, ruleId: string, reason: string, note: string) => report(item.file, { ruleId, reason, note }, where);

/** The shared part: refusals of the string, links on the way. Returns the path when there is one to look at. */
function resolve(item: ItemFiles, written: string, what: string, where: Where, options: { siteAssets: boolean; body: boolean }): { path: string; siteAsset: boolean; dotSlash: boolean } | undefined {
  // In the body every URL with a scheme (file: and C: too) is refused by SEC-02 already.
  if (options.body && urlScheme(written) !== undefined) return undefined;
  const parsed = parseReference(written, { siteAssets: options.siteAssets, urls: true });
  if (parsed.kind === 'url') return undefined;
  if (parsed.kind === 'refused') {
    refuse(item, where, parsed.ruleId, `${what}“${quoteReference(written)}”不可用：${parsed.reason}`, parsed.fix);
    return undefined;
  }
  const base = parsed.siteAsset ? item.siteDir : item.itemDir;
  if (!base) return undefined;
  const state = lstatInside(base, parsed.path);
  if (state.state === 'symlink') {
    const refusal = symlinkRefusal(written, state.at);
    refuse(item, where, refusal.ruleId, `${what}${refusal.reason}`, refusal.fix);
    return undefined;
  }
  return parsed;
}

/** CONT-13: an image of the item's own folder exists there, and the item is a folder item. */
function checkImageFile(item: ItemFiles, parsedPath: string, what: string, shown: string, where: Where) {
  const { itemDir, folderLabel } = item;
  if (!item.folderItem) {
    refuse(
      item,
      where,
      'CONT-13',
      `${what}“${shown}”无处存放：只有目录形式的条目才能带图片`,
      `新建目录 ${item.relativeFile.replace(/\.mdx$/, '')}/，把本文件移进去并改名为 index.mdx，图片放在同一目录（网址不变）`,
    );
    return;
  }
  const state = lstatInside(itemDir, parsedPath);
  if (state.state !== 'file') {
    const found = closestName(parsedPath, filesIn(itemDir));
    const guess = found && printable(found);
    refuse(
      item,
      where,
      'CONT-13',
      state.state === 'not-file' ? `${what}“${shown}”是一个目录，不是图片文件` : `${what}“${shown}”不存在（在 ${folderLabel} 中没有找到）`,
      guess ? `文件名写错了吗？目录里有“${guess}”：改为 ./${guess}，或把图片放进该目录` : `把图片放进 ${folderLabel}，或改正文件名（区分大小写）`,
    );
  }
}

function checkImage(item: ItemFiles, written: string, where: Where, use: ImageUse) {
  const what = use === 'map' ? '地图图片' : '图片';
  // A page loads nothing from elsewhere: a remote image tells another site who reads what, and can change under the page.
  const scheme = urlScheme(written);
  if (scheme === 'http' || scheme === 'https') {
    refuse(item, where, 'SEC-01', `${what}“${quoteReference(written)}”在其他网站上：网页只能显示本站的图片`, '把图片下载下来放进本条目的目录，写 ![说明图片内容的文字](./图片.jpg)；需要注明出处时在图片说明中写明');
    return;
  }
  const parsed = resolve(item, written, what, where, { siteAssets: true, body: true });
  if (!parsed) return;
  const shown = quoteReference(written);
  if (!IMAGE_EXTENSIONS.has(extensionOf(parsed.path))) {
    refuse(item, where, 'SEC-01', `${what}“${shown}”不是图片文件：只能插入 .jpg、.png、.gif、.webp、.avif 或 .svg 图片`, '把图片另存为 JPG 或 PNG 放进本条目的目录，再写 ![说明图片内容的文字](./图片.jpg)');
    return;
  }
  if (use === 'markdown' && !parsed.siteAsset && !parsed.dotSlash && parsed.path.includes('/')) {
    refuse(item, where, 'SEC-01', `图片“${shown}”没有以 ./ 开头：这样写会被当作软件包中的文件`, `写成 ./${parsed.path}`);
    return;
  }
  // Site assets are published at /assets/ by the build; a missing one is a broken link (CONT-13 on the output).
  if (parsed.siteAsset || use === 'map') return;
  checkImageFile(item, parsed.path, what, shown, where);
}

function checkFileLink(item: ItemFiles, written: string, where: Where) {
  const trimmed = written.trim();
  // Anchors, site paths and URLs with a scheme are links, not files of this item.
  if (!trimmed || /^[#/?]/.test(trimmed) || urlScheme(trimmed) !== undefined) return;
  const ext = extensionOf(trimmed.split(/[?#]/)[0]!);
  if (!ext || PAGES.has(ext)) return;
  resolve(item, trimmed, '链接的文件', where, { siteAssets: false, body: true });
}

/** `<img src/srcset>`, `<MapImage src>` and the other image elements. */
function checkImageElement(item: ItemFiles, node: MdxJsxFlowElement | MdxJsxTextElement, place: Point | undefined) {
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
    const name = (attribute as MdxJsxAttribute).name.toLowerCase();
    const where = { place: attribute.position?.start ?? place };
    const use: ImageUse = node.name === 'MapImage' ? 'map' : 'element';
    if (name === 'src') checkImage(item, attribute.value, where, use);
    if (name === 'srcset') {
      for (const candidate of attribute.value.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) checkImage(item, url, where, use);
      }
    }
  }
}

function checkAttachments(item: ItemFiles, attachments: NonNullable<FrontMatter['attachments']>) {
  attachments.forEach((attachment, i) => {
    // A URL here is CONT-12's ("是网址"), a missing file too; only paths out and links are refused here.
    if (item.folderItem) resolve(item, attachment.file, '附件', { field: ['attachments', i, 'file'] }, { siteAssets: false, body: false });
    else {
      const parsed = parseReference(attachment.file, { urls: true });
      if (parsed.kind === 'refused') refuse(item, { field: ['attachments', i, 'file'] }, parsed.ruleId, `附件“${quoteReference(attachment.file)}”不可用：${parsed.reason}`, parsed.fix);
    }
  });
}

export default function remarkLocalFiles() {
  return (tree: Root, file: VFile) => {
    const context = file.data.govsite;
    if (!context) return;
    const root = platformRoot(context.absoluteFile, context.file);
    const siteId = context.file.split('/')[1] ?? '';
    const item: ItemFiles = {
      file,
      relativeFile: context.file,
      itemDir: path.dirname(context.absoluteFile),
      folderLabel: `${path.posix.dirname(context.file)}/`,
      folderItem: path.basename(context.absoluteFile) === 'index.mdx',
      siteDir: root && path.join(root, 'sites', siteId),
    };

    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      definitions.set(node.identifier.toLowerCase(), node);
    });
    visit(tree, (node) => {
      const place = node.position?.start;
      if (node.type === 'image') checkImage(item, node.url, { place }, 'markdown');
      else if (node.type === 'imageReference') {
        const definition = definitions.get(node.identifier.toLowerCase());
        if (definition) checkImage(item, definition.url, { place }, 'markdown');
      } else if (node.type === 'link') checkFileLink(item, node.url, { place });
      else if (node.type === 'linkReference') {
        const definition = definitions.get(node.identifier.toLowerCase());
        if (definition) checkFileLink(item, definition.url, { place });
      } else if (isJsxElement(node) && node.name && IMAGE_ELEMENTS.has(node.name)) {
        checkImageElement(item, node, place);
      }
    });
    checkAttachments(item, context.frontMatter?.attachments ?? []);
    // The data file of a data release (CONT-15) is read and published like an attachment.
    const dataFile = context.frontMatter?.data?.file;
    if (dataFile && item.folderItem) resolve(item, dataFile, '数据文件', { field: ['data', 'file'] }, { siteAssets: false, body: false });
  };
}
