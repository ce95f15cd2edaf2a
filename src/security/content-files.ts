// The files of one site's content and assets, walked once without following anything, so that
// what the build reads and publishes is what was checked (SEC-03, SEC-05, SEC-07):
//   - a symbolic link anywhere under content/<site>/ or sites/<site>/ is refused (SEC-07): a link
//     makes the build read, and publish, whatever it points to (`/etc/passwd`, another site);
//     so is a pipe, socket or device (reading a pipe would stop the build);
//   - a hidden file or folder (`.x.mdx`, `.secret/`) is refused (SEC-07): it would be silently
//     skipped, so nobody sees what it holds; an operating system's junk (.DS_Store, Thumbs.db,
//     desktop.ini…) is quietly ignored, and never published;
//   - every file that is published as it is — everything in an item's folder but its index.mdx,
//     everything in sites/<site>/assets/ — must be of a type a browser does not run (images,
//     documents, audio and video; not .html, .js, .xml…: opened from the site, they would be
//     pages of its origin, SEC-03), within the size limits (SEC-05, file-limits.ts), an SVG
//     without script or external references (SEC-03, svg.ts), a raster image whose header is an
//     image's and whose canvas is within the pixel limit (SEC-05, image-header.ts).
// Run on every load, never cached: the item cache keys on file names, not on their bytes, and
// a logo or image replaced in place must be checked again.
import { lstatSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { relativePath } from '../util/paths.ts';
import { extensionOf, isJunk, printable, quoteReference } from './content-paths.ts';
import { PUBLISHED_FILE_LIMITS } from './file-limits.ts';
import { FORMAT_OF_EXTENSION, readImageHeader } from './image-header.ts';
import { formatBytes } from './limits.ts';
import { inspectSvg } from './svg.ts';

/** File types published as they are: images, documents (CONT-12 judges which to link), data, media, fonts. */
export const PUBLISHED_EXTENSIONS = new Set([
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'svg', 'bmp', 'ico', 'tif', 'tiff',
  'pdf', 'ofd', 'doc', 'docx', 'xls', 'xlsx', 'wps', 'et', 'csv', 'zip', 'rar', '7z', 'ppt', 'pptx', 'dps', 'txt', 'rtf',
  // Data releases' machine-readable files (CONT-15). A browser shows JSON as text and never runs
  // it: it is served as application/json with nosniff (security-headers.ts), as the site's own
  // search index and JSON feed are.
  'json',
  'pages', 'numbers', 'key', 'ceb', 'caj',
  'mp3', 'mp4', 'm4a', 'wav', 'webm', 'ogg', 'oga', 'ogv',
  'woff', 'woff2',
]);

export interface ContentFileScan {
  diagnostics: Diagnostic[];
  /** The entries of every folder walked that may be loaded: real files and folders, not hidden, not junk. */
  listing: Map<string, Dirent[]>;
}

function sec07(file: string, message: string, fix: string): Diagnostic {
  return diagnostic({ ruleId: 'SEC-07', file, line: 1, message, fix });
}

/** The SEC-07 finding for an entry that is not a plain file or folder, or undefined. */
function entryProblem(entry: Dirent, file: string): Diagnostic | undefined {
  if (entry.isSymbolicLink()) {
    return sec07(file, `“${file}”是符号链接：符号链接可以指向构建机器上的任何文件，不会被读取或发布`, '把符号链接换成真实的文件或目录（复制文件本身）');
  }
  if (!entry.isFile() && !entry.isDirectory()) {
    return sec07(file, `“${file}”不是普通文件（是管道、套接字或设备文件）`, '删除它；内容目录中只放内容文件、图片和附件');
  }
  if (entry.name.startsWith('.')) {
    return sec07(
      file,
      `“${file}”是隐藏${entry.isDirectory() ? '目录' : '文件'}：隐藏的文件不会被检查或发布，其中的内容谁也看不到`,
      entry.name.endsWith('.mdx') ? `如果这是一篇内容，把文件改名为不以 . 开头的路径名（如 ${printable(entry.name.replace(/^\.+/, '')) || 'item.mdx'}）；否则删除它` : '删除它；需要发布的文件改用不以 . 开头的名称',
    );
  }
  return undefined;
}

/** The SEC-03/SEC-05 findings for a file published as it is (in an item's folder or the site's assets). */
export function publishedFileProblems(absolute: string, file: string, size: number): Diagnostic[] {
  const name = path.basename(absolute);
  const ext = extensionOf(name);
  const shown = quoteReference(name);
  const error = (ruleId: string, message: string, fix: string, line = 1) => diagnostic({ ruleId, file, line, message, fix });
  if (!PUBLISHED_EXTENSIONS.has(ext)) {
    return [
      error(
        'SEC-03',
        `“${shown}”${ext ? `是 .${ext} 文件` : '没有扩展名'}，不能随内容发布：内容目录中的文件会原样发布到网站上，网页、脚本、XML 等文件会被浏览器当作本站网页执行`,
        '删除这个文件；要提供的文档转为 PDF、OFD、DOCX、XLSX 或 CSV 作为附件，其他文件压缩成 ZIP',
      ),
    ];
  }
  if (ext === 'svg') {
    if (size > PUBLISHED_FILE_LIMITS.svgBytes) {
      return [error('SEC-05', `SVG 图片“${shown}”有 ${formatBytes(size)}，超过了上限 ${formatBytes(PUBLISHED_FILE_LIMITS.svgBytes)}`, '用绘图软件简化后重新导出，或另存为 PNG/JPG')];
    }
    const findings = inspectSvg(readFileSync(absolute));
    if (findings.length === 0) return [];
    const list = findings.slice(0, 5).map((f) => `${f.what}（第 ${f.line} 行）`).join('；');
    return [
      error(
        'SEC-03',
        `SVG 图片“${shown}”含有不允许的内容：${list}${findings.length > 5 ? ` 等 ${findings.length} 处` : ''}。SVG 文件可以带脚本，在浏览器中打开时会以本站的身份运行`,
        '用绘图软件重新导出为“纯 SVG”（不含脚本、交互、嵌入字体和外部链接的图片），或另存为 PNG 图片后替换',
        findings[0]!.line,
      ),
    ];
  }
  const format = FORMAT_OF_EXTENSION[ext];
  if (format) {
    if (size > PUBLISHED_FILE_LIMITS.imageBytes) {
      return [error('SEC-05', `图片“${shown}”有 ${formatBytes(size)}，超过了上限 ${formatBytes(PUBLISHED_FILE_LIMITS.imageBytes)}`, '把图片缩小到长边 2000 像素左右、另存为 JPG（质量 80%），通常不到 1 MB')];
    }
    const header = readImageHeader(absolute);
    if (header.kind === 'markup') {
      return [
        error('SEC-03', `“${shown}”的扩展名是 .${ext}，内容却是网页或 SVG 代码，不是图片`, '换成真正的图片文件（用图片软件打开后另存为 JPG 或 PNG）'),
      ];
    }
    if (header.kind === 'image' && header.width !== undefined && header.height !== undefined && header.width * header.height > PUBLISHED_FILE_LIMITS.imagePixels) {
      return [
        error(
          'SEC-05',
          `图片“${shown}”有 ${header.width} × ${header.height} 像素（${Math.round((header.width * header.height) / 1e6)} 百万像素），超过了上限 ${PUBLISHED_FILE_LIMITS.imagePixels / 1e6} 百万像素：处理这样的图片要占用数 GB 内存`,
          '把图片缩小到长边 2000 像素左右后替换；需要提供原图的，压缩成 ZIP 作为附件',
        ),
      ];
    }
    return [];
  }
  if (size > PUBLISHED_FILE_LIMITS.attachmentBytes) {
    return [
      error(
        'SEC-05',
        `文件“${shown}”有 ${formatBytes(size)}，超过了附件的上限 ${formatBytes(PUBLISHED_FILE_LIMITS.attachmentBytes)}`,
        '压缩文件（扫描件用 150–200 dpi 重新扫描或用 PDF 软件“减小文件大小”），或拆分成几个附件',
      ),
    ];
  }
  return [];
}

/** Is this path a plain folder (not a link)? Missing: undefined. */
function folderKind(absolute: string): 'folder' | 'link' | 'other' | undefined {
  try {
    const stats = lstatSync(absolute);
    return stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'folder' : 'other';
  } catch {
    return undefined;
  }
}

interface Walk {
  root: string;
  scan: ContentFileScan;
  /** Depth from which files are published as they are (1: entries of the walked folder). */
  publishedFrom: number;
}

/** `dir` is absolute, `relDir` the same folder relative to the root, as diagnostics print it. */
function walk(w: Walk, dir: string, relDir: string, depth: number): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const kept: Dirent[] = [];
  for (const entry of entries) {
    if (isJunk(entry.name) && (entry.isFile() || entry.isDirectory())) continue;
    const absolute = `${dir}${path.sep}${entry.name}`;
    // Printable: a file name is the editor's to choose, and it is printed in the log.
    const file = `${relDir}/${printable(entry.name)}`;
    const problem = entryProblem(entry, file);
    if (problem) {
      w.scan.diagnostics.push(problem);
      continue;
    }
    kept.push(entry);
    if (entry.isDirectory()) {
      walk(w, absolute, file, depth + 1);
      continue;
    }
    if (depth < w.publishedFrom) continue;
    // An item's own .mdx files are content, not published files (load-items.ts reports strays).
    if (w.publishedFrom > 1 && depth === w.publishedFrom && entry.name.endsWith('.mdx')) continue;
    w.scan.diagnostics.push(...publishedFileProblems(absolute, file, lstatSync(absolute).size));
  }
  w.scan.listing.set(dir, kept);
}

/**
 * Walks content/<siteId>/ and sites/<siteId>/ (its assets published as they are). The site
 * folders themselves are judged by discover-sites.ts; a link there is not walked.
 */
export function scanSiteFiles(root: string, siteId: string): ContentFileScan {
  const scan: ContentFileScan = { diagnostics: [], listing: new Map() };
  // content/<site>/<column>/<item>/<files>: files from depth 3 are an item's folder's.
  const contentDir = path.join(root, 'content', siteId);
  if (folderKind(contentDir) === 'folder') walk({ root, scan, publishedFrom: 3 }, contentDir, relativePath(root, contentDir), 1);
  const siteDir = path.join(root, 'sites', siteId);
  if (folderKind(siteDir) === 'folder') {
    const assets = path.join(siteDir, 'assets');
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(siteDir, { withFileTypes: true });
    } catch {
      // unreadable: load-site-config.ts reports what it cannot read
    }
    for (const entry of entries) {
      if (isJunk(entry.name) && (entry.isFile() || entry.isDirectory())) continue;
      const problem = entryProblem(entry, `${relativePath(root, siteDir)}/${printable(entry.name)}`);
      if (problem) scan.diagnostics.push(problem);
    }
    if (folderKind(assets) === 'folder') walk({ root, scan, publishedFrom: 1 }, assets, relativePath(root, assets), 1);
  }
  return scan;
}

/**
 * SEC-07 for a site.yaml that is a link, or not a plain file: load-site-config.ts reads nothing
 * of it (a site.yaml linked to /etc/passwd put its first line into a FILE-04 message).
 */
export function siteConfigLinkProblem(root: string, siteId: string): Diagnostic | undefined {
  const file = `sites/${siteId}/site.yaml`;
  let stats;
  try {
    stats = lstatSync(path.join(root, 'sites', siteId, 'site.yaml'));
  } catch {
    return undefined;
  }
  if (stats.isSymbolicLink()) return sec07(file, `“${file}”是符号链接：符号链接可以指向构建机器上的任何文件，不会被读取`, '把符号链接换成真实的 site.yaml 文件');
  if (!stats.isFile()) return sec07(file, `“${file}”不是普通文件`, '把它换成真实的 site.yaml 文件');
  return undefined;
}
