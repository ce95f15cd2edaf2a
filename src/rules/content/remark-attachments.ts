// CONT-12: attachments exist, open with common software, and are linked by a descriptive name
// (网页设计规范 四: “附件、视频等格式应便于常用软件打开……名称要直观准确”; 指引 “附件等应有效可用”).
//   - every `attachments[].file` exists in the item's folder (error at that field); a name out
//     of the folder, hidden, or through a symbolic link is remark-local-files.ts's (SEC-01/SEC-07);
//   - its format is common: pdf, ofd, docx, xlsx, wps, et, csv, zip; .doc/.xls warn (suggesting
//     .docx/.xlsx); anything else is an error; and its content is that format (support/file-format.ts):
//     a text file renamed .pdf is an error;
//   - its `title` describes the document: not 附件, 附件1, 下载, 点击下载, 点击这里, 这里, a file name…
//   - a link in the body to a file beside the item (`[重点任务分工表](./key-tasks.pdf)`) must point to
//     a file that exists, in a common format, with descriptive link text (same list).
// Site-absolute links and pages are CONT-13's (links resolve); images are CONT-11's and CONT-13's.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Definition, Link, LinkReference, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { lstatInside, parseReference, printable } from '../../security/content-paths.ts';
import { urlScheme } from '../../security/url-policy.ts';
import { closestName } from '../../util/closest-name.ts';
import { maskPersonalData } from './remark-no-personal-data.ts';
import { formatMismatch } from './support/file-format.ts';
import { report, type Finding } from './support/text.ts';

export const COMMON_FORMATS = ['pdf', 'ofd', 'docx', 'xlsx', 'wps', 'et', 'csv', 'zip'];
const LEGACY: Record<string, string> = { doc: 'docx', xls: 'xlsx' };
const IMAGES = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'svg', 'avif']);
const PAGES = new Set(['html', 'htm', 'mdx', 'md', 'shtml']);

const formatAdvice: Record<string, string> = {
  rar: '用 zip 格式重新压缩（Windows 资源管理器右键“发送到 → 压缩(zipped)文件夹”即可）',
  '7z': '用 zip 格式重新压缩',
  ppt: '另存为 PDF',
  pptx: '另存为 PDF',
  dps: '另存为 PDF',
  txt: '另存为 PDF 或 DOCX',
  rtf: '另存为 DOCX 或 PDF',
  pages: '导出为 PDF',
  numbers: '导出为 XLSX 或 CSV',
  key: '导出为 PDF',
  ceb: '转为 PDF 或 OFD',
  caj: '转为 PDF',
};

/** Link text and titles that do not say what the file is. */
const NON_DESCRIPTIVE = new RegExp(
  '^(?:' +
    [
      '附件', '附表', '附图', '(?:附件|附表|附图)[0-9０-９一二三四五六七八九十]+', '下载', '点击下载', '点此下载', '下载附件', '附件下载', '下载文件',
      '文件下载', '点击这里', '点击此处', '点这里', '点此', '这里', '此处', '这儿', '点击', '链接', '网址', '更多', '详情', '查看', '查看详情',
      '查看附件', '详见附件', '见附件', '原文', '全文', '原文下载', '全文下载', '文件', '文档', '附件文件', 'pdf', 'word', 'excel', 'ofd',
      'clickhere', 'here', 'download', 'link', 'more', 'file',
    ].join('|') +
    ')$',
  'i',
);

/** Why a title or link text does not describe the file, or undefined when it does. */
export function nonDescriptiveReason(text: string, fileName: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return '是空的';
  const base = path.posix.basename(fileName).toLowerCase();
  const stem = base.replace(/\.[^.]+$/, '');
  if (trimmed.toLowerCase() === base || trimmed.toLowerCase() === stem || /^[\w\-.()（） ]+\.[a-z0-9]{2,5}$/i.test(trimmed)) return '只是文件名';
  if (/\.(?:pdf|ofd|docx?|xlsx?|wps|et|csv|zip|rar|7z|pptx?|txt)$/i.test(trimmed)) return '写成了文件名（带扩展名）';
  const normalized = trimmed
    .replace(/[（(［[【]\s*(?:pdf|ofd|docx?|xlsx?|wps|et|csv|zip|word|excel|下载|[0-9.]+\s*[kKmM]?[bB])\s*(?:版|格式|文件)?\s*[）)］\]】]/gi, '')
    .replace(/[\s　"'“”‘’《》<>【】[\]（）():：,，。.!！、;；>»›→]+/g, '');
  if (NON_DESCRIPTIVE.test(normalized)) return '没有说明是什么文件';
  return undefined;
}

const extensionOf = (name: string) => (/\.([^./\\]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/** The format finding for a file name, or undefined when the format is common. */
function formatFinding(name: string, where: string): Finding | undefined {
  const ext = extensionOf(name);
  if (COMMON_FORMATS.includes(ext)) return undefined;
  if (LEGACY[ext]) {
    return {
      ruleId: 'CONT-12',
      severity: 'warn',
      reason: `${where}“${name}”是旧版 .${ext} 格式，部分手机和新版软件打开不便`,
      note: `用 WPS 或 Office 打开后“另存为” .${LEGACY[ext]} 格式，替换原文件，并把文件名改为 ${name.replace(/\.[^.]+$/, `.${LEGACY[ext]}`)}`,
    };
  }
  return {
    ruleId: 'CONT-12',
    reason: ext ? `${where}“${name}”是 .${ext} 格式，公众的常用软件不一定能打开` : `${where}“${name}”没有扩展名，无法判断格式`,
    note: `${formatAdvice[ext] ?? '转换为常用格式'}；可用的格式：${COMMON_FORMATS.join('、')}（PDF 适合正式文件，XLSX/CSV 适合数据表）`,
  };
}

function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.endsWith('.mdx'))
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  } catch {
    return [];
  }
}

type FileState = { ok: true; absolute: string } | { ok: false; reason: string; note: string } | { ok: false; refused: true };

/** The format finding for a file's content: its extension's format, or an error saying what it is. */
function contentFinding(absolute: string, name: string, where: string): Finding | undefined {
  const mismatch = formatMismatch(absolute, extensionOf(name));
  if (!mismatch) return undefined;
  return {
    ruleId: 'CONT-12',
    reason: `${where}“${name}”${mismatch}，读者下载后打不开`,
    note: '用原来的软件把文件重新导出为这种格式（例如在 WPS 或 Office 中“另存为 PDF”），不要只改扩展名',
  };
}

/**
 * Whether `name` (relative to the item's folder) is a file there. A name that leaves the folder,
 * names a hidden file or meets a symbolic link is refused by remark-local-files.ts (SEC-01/SEC-07)
 * and not looked at here; nothing is followed (lstat).
 */
function fileState(dir: string, name: string, folderLabel: string): FileState {
  const scheme = urlScheme(name);
  // file: and a drive letter (C:) are not web addresses: refused as paths out of the folder.
  if (scheme !== undefined && scheme !== 'file' && scheme.length > 1) {
    return { ok: false, reason: `“${name}”是网址，不是本条目目录中的文件`, note: '把文件下载后放进本条目的目录，这里只写文件名；外部网页请在正文中用链接' };
  }
  const parsed = parseReference(name);
  if (parsed.kind !== 'file') return { ok: false, refused: true };
  const state = lstatInside(dir, parsed.path);
  if (state.state === 'symlink') return { ok: false, refused: true };
  if (state.state === 'missing') {
    const found = closestName(parsed.path, listFolder(dir));
    const guess = found && printable(found);
    return {
      ok: false,
      reason: `文件“${name}”不存在（在 ${folderLabel} 中没有找到）`,
      note: guess ? `文件名写错了吗？目录里有“${guess}”：改为 ${guess}，或把文件放进该目录` : `把文件放进 ${folderLabel}，或改正文件名（区分大小写）`,
    };
  }
  if (state.state === 'not-file') return { ok: false, reason: `“${name}”是一个目录，不是文件`, note: '写目录中的具体文件名，或把目录压缩成 zip 文件' };
  if (state.stats.size === 0) return { ok: false, reason: `文件“${name}”是空文件（0 字节）`, note: '重新导出或复制完整的文件' };
  return { ok: true, absolute: path.join(dir, parsed.path) };
}

function linkText(node: Link | LinkReference): string {
  const parts: string[] = [];
  visit(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') parts.push(child.value);
    if (child.type === 'image') parts.push(child.alt ?? '');
  });
  return parts.join('');
}

/** A link to a file beside the item: relative, with a file extension that is not a page. */
function localFile(url: string): string | undefined {
  if (!url || /^[a-z][a-z0-9+.-]*:|^\/|^#|^\?/i.test(url)) return undefined;
  let clean = url.split(/[?#]/)[0]!;
  try {
    clean = decodeURI(clean);
  } catch {
    // keep as written
  }
  const ext = extensionOf(clean);
  if (!ext || PAGES.has(ext)) return undefined;
  return clean;
}

export default function remarkAttachments() {
  return (tree: Root, file: VFile) => {
    const context = file.data.govsite;
    if (!context) return;
    const dir = path.dirname(context.absoluteFile);
    const folderLabel = `${path.posix.dirname(context.file)}/`;
    const isFolderItem = path.basename(context.absoluteFile) === 'index.mdx';
    const attachments = context.frontMatter?.attachments ?? [];

    attachments.forEach((attachment, i) => {
      const field = ['attachments', i, 'file'];
      if (!isFolderItem) {
        const slug = path.basename(context.file, '.mdx');
        report(
          file,
          {
            ruleId: 'CONT-12',
            reason: `附件“${attachment.file}”无处存放：只有目录形式的条目才能带附件`,
            note: `新建目录 ${path.posix.dirname(context.file)}/${slug}/，把本文件移进去并改名为 index.mdx，附件放在同一目录（网址不变）`,
          },
          { field },
        );
      } else {
        const state = fileState(dir, attachment.file, folderLabel);
        if (!state.ok && 'refused' in state) {
          // reported by remark-local-files.ts
        } else if (!state.ok) report(file, { ruleId: 'CONT-12', reason: `附件${state.reason}`, note: state.note }, { field });
        else {
          const format = formatFinding(attachment.file, '附件') ?? contentFinding(state.absolute, attachment.file, '附件');
          if (format) report(file, format, { field });
        }
      }
      const why = nonDescriptiveReason(attachment.title, attachment.file);
      if (why) {
        report(
          file,
          {
            ruleId: 'CONT-12',
            reason: `附件“${attachment.file}”的名称“${maskPersonalData(attachment.title)}”${why}：读者（包括使用读屏软件的读者）看不出这是什么文件`,
            note: '写出文件的完整标题，例如“示例省进一步优化营商环境重点任务分工表”；页面会自动显示文件类型和大小，名称中不用写“下载”“附件”',
          },
          { field: ['attachments', i, 'title'] },
        );
      }
    });

    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      definitions.set(node.identifier.toLowerCase(), node);
    });
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'linkReference') return;
      const url = node.type === 'link' ? node.url : definitions.get(node.identifier.toLowerCase())?.url;
      const name = url ? localFile(url) : undefined;
      if (!url || !name) return;
      const place = node.position?.start;
      const state = fileState(dir, name, folderLabel);
      if (!state.ok && 'refused' in state) return; // reported by remark-local-files.ts
      if (!state.ok) report(file, { ruleId: 'CONT-12', reason: `正文链接的${state.reason}`, note: state.note }, { place });
      else if (!IMAGES.has(extensionOf(name))) {
        const format = formatFinding(name, '正文链接的文件') ?? contentFinding(state.absolute, name, '正文链接的文件');
        if (format) report(file, format, { place });
      }
      const text = linkText(node);
      const why = nonDescriptiveReason(text, name);
      if (why) {
        report(
          file,
          {
            ruleId: 'CONT-12',
            reason: `链接到“${url}”的文字“${maskPersonalData(text)}”${why}：读者看不出链接的是什么文件`,
            note: `把方括号里的文字改为文件的完整标题，例如 [示例省重点任务分工表](${url})`,
          },
          { place },
        );
      }
    });
  };
}
