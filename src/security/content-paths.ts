// SEC-01 / SEC-07: a file named by content (a body image, a link to a file, `<img src>`,
// `<MapImage src>`, `attachments[].file`, `image:`, site.yaml `logo`) is a file of the content:
// inside the item's folder, or for site-absolute `/assets/…` (and site.yaml) inside
// sites/<id>/assets/. Whatever the bundler would do with the string decides what is refused:
// Astro imports a Markdown body image with `import x from "<url, percent-decoded>"`, so
// `../../../proc/self/environ?raw` printed the build machine's environment, `?url`, `?inline`,
// `?worker` change what Vite makes of a file, and a bare `pkg/x.png` resolves in node_modules.
//
// The reference is judged as written, before any file is looked at, and refused when it
//   - has a scheme (`file:`, a drive letter `C:`), starts with `//` or is absolute (except
//     `/assets/…` where a site asset may be named);
//   - contains a backslash, `?` or `#`, a control character, a character reference or a
//     percent-encoding of a reserved character (`%2F`, `%3F`, `%25`…: decoded by one reader and
//     not by another, the checker and the bundler would look at different files);
//   - after percent-decoding, has a `..` segment (`%2e%2e` too), an empty segment (`a//b`) or a
//     hidden segment (`.secret/`), or ends with `/`.
// Only then is the file looked at: every component with lstat, never following a link (a
// symbolic link anywhere on the way is refused, SEC-07), and the last one must be a regular file.
import { lstatSync, type Stats } from 'node:fs';
import path from 'node:path';
import { decodeCharacterReferences, urlScheme } from './url-policy.ts';

/** Images the build may import and pages may show. */
export const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'svg']);

/** Files an operating system or git leaves in folders: ignored quietly, never published. */
export function isJunk(name: string): boolean {
  return /^(?:\.DS_Store|\._.*|Thumbs\.db|ehthumbs\.db|desktop\.ini|\.directory|\.gitkeep|Icon\r)$/i.test(name);
}

export const extensionOf = (name: string): string => (/\.([^./\\]+)$/.exec(name)?.[1] ?? '').toLowerCase();

export type ParsedReference =
  /** A URL with a scheme (https:, mailto:, data:…): not a file; its scheme is SEC-02's (url-policy.ts). */
  | { kind: 'url'; scheme: string }
  /** A file: `path` is normalised POSIX, relative to the item's folder, or to sites/<id>/ when `siteAsset`. */
  | { kind: 'file'; path: string; siteAsset: boolean; dotSlash: boolean }
  | { kind: 'refused'; ruleId: 'SEC-01' | 'SEC-07'; reason: string; fix: string };

export interface ReferenceOptions {
  /** `/assets/…` names a file of sites/<id>/assets/ (body images and links); else absolute is refused. */
  siteAssets?: boolean;
  /** A URL with an allowed scheme is acceptable here (body images and links); else only files. */
  urls?: boolean;
}

const FILE_FIX = '只写本条目目录中的文件名，例如 ./photo.jpg；文件放进本条目的目录（与 index.mdx 同一目录）';

function refused(reason: string, fix = FILE_FIX, ruleId: 'SEC-01' | 'SEC-07' = 'SEC-01'): ParsedReference {
  return { kind: 'refused', ruleId, reason, fix };
}

/**
 * A name as it may be printed: control, format (bidi, zero-width) and line-separator characters
 * as `\u{…}`, so that a file name cannot forge or reorder lines of the log.
 */
export function printable(value: string): string {
  return value.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** Shown in a message: printable, at most 60 characters. */
export function quoteReference(value: string): string {
  const shown = printable(value);
  return shown.length > 60 ? `${shown.slice(0, 60)}…` : shown;
}

/** Classifies a reference as written in content; see the comment at the top for what is refused. */
export function parseReference(raw: string, options: ReferenceOptions = {}): ParsedReference {
  const value = raw.trim();
  if (value === '') return refused('文件名是空的');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return refused('文件名中含有控制字符');
  const scheme = urlScheme(value);
  if (scheme !== undefined) {
    if (scheme === 'file') return refused('“file:”地址指向构建机器上的文件，不是网站内容中的文件');
    if (scheme.length === 1) return refused('写的是电脑上的绝对路径（如 C:\\…），构建时不存在这个文件');
    if (options.urls) return { kind: 'url', scheme };
    return refused(`这里要写文件名，不能写网址（“${scheme}:”）`);
  }
  if (decodeCharacterReferences(value) !== value) return refused('文件名中有 &…; 形式的转义字符', '文件名只用字母、数字、汉字、- 和 _，不要转义');
  if (value.includes('\\')) return refused('文件路径中有反斜杠 \\', '路径用正斜杠 / 分隔，例如 ./images/photo.jpg');
  if (/[?#]/.test(value)) {
    const suffix = '文件名后面带有“?…”或“#…”后缀：这种写法会让构建程序以其他方式读取文件';
    const before = parseReference(value.split(/[?#]/)[0]!, options);
    // Both at once when the path is wrong too: an editor fixes the reference in one go.
    if (before.kind === 'refused') return refused(`${before.reason}；并且${suffix}`, `${before.fix}；去掉 ? 或 # 及其后面的部分`, before.ruleId);
    return refused(suffix, '去掉 ? 或 # 及其后面的部分，只写文件名');
  }
  if (value.startsWith('//')) return refused('以 // 开头的地址指向其他网站，不是本站文件');
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return refused('文件名中的百分号编码（%xx）不正确', '直接写文件名（可以是中文），不要用 % 编码');
  }
  // eslint-disable-next-line no-control-regex
  if (decoded !== decodeURI(value) || /[?#%\\\u0000-\u001f\u007f]/.test(decoded)) {
    return refused('文件名中有编码过的特殊字符（如 %2F、%3F、%25）', '直接写文件名（可以是中文），不要用 % 编码');
  }
  let rest = decoded;
  let siteAsset = false;
  if (rest.startsWith('/')) {
    if (!options.siteAssets || !rest.startsWith('/assets/')) {
      return refused('写的是绝对路径：只能引用本条目目录中的文件', options.siteAssets ? `${FILE_FIX}；站点的公用图片写 /assets/文件名` : FILE_FIX);
    }
    siteAsset = true;
    rest = rest.slice(1);
  }
  const dotSlash = rest.startsWith('./');
  const segments = rest.split('/');
  const kept: string[] = [];
  for (const [i, segment] of segments.entries()) {
    if (segment === '.' && i === 0) continue;
    if (segment === '..') return refused('路径中有“..”：引用了本条目目录以外的文件', `${FILE_FIX}；不能用 .. 引用其他目录`);
    if (segment === '' || segment === '.') return refused(i === segments.length - 1 ? '路径以 / 结尾，写的是目录不是文件' : '路径中有多余的 / 或 ./');
    if (segment.startsWith('.')) return refused(`路径中的“${quoteReference(segment)}”是隐藏文件或目录`, '改用不以 . 开头的文件名和目录名', 'SEC-07');
    kept.push(segment);
  }
  if (kept.length === 0) return refused('没有写文件名');
  return { kind: 'file', path: kept.join('/'), siteAsset, dotSlash };
}

export type FileState =
  | { state: 'file'; stats: Stats }
  | { state: 'missing' }
  | { state: 'not-file' }
  /** `at` is the link's path relative to the base folder. */
  | { state: 'symlink'; at: string };

/**
 * What `relative` (a normalised path from parseReference) is under `base`: every component is
 * looked at with lstat, so a symbolic link is found, never followed. The base folder itself is
 * checked too (the walk of content/ reports links above it).
 */
export function lstatInside(base: string, relative: string): FileState {
  const parts = relative.split('/');
  let current = base;
  for (let i = -1; i < parts.length; i++) {
    if (i >= 0) current = path.join(current, parts[i]!);
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch {
      return { state: 'missing' };
    }
    if (stats.isSymbolicLink()) return { state: 'symlink', at: i < 0 ? '.' : parts.slice(0, i + 1).join('/') };
    if (i < parts.length - 1 && !stats.isDirectory()) return { state: 'missing' };
    if (i === parts.length - 1) return stats.isFile() ? { state: 'file', stats } : { state: 'not-file' };
  }
  return { state: 'missing' };
}

/** The SEC-07 refusal of a reference that meets a symbolic link. */
export function symlinkRefusal(written: string, at: string): { ruleId: 'SEC-07'; reason: string; fix: string } {
  return {
    ruleId: 'SEC-07',
    reason: `“${quoteReference(written)}”经过符号链接（${quoteReference(at)}）：符号链接可以指向构建机器上的任何文件，不会被读取`,
    fix: '把符号链接换成真实的文件（复制文件本身放进目录）',
  };
}
