// content/<siteId>/<columnId>/<slug>.mdx (or <slug>/index.mdx): the item files of a site, and
// the files that are in the wrong place or badly named (FILE-05), found before any is read.
import { statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { oversizeProblem } from '../config/read-source-file.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import { scanSiteFiles, type ContentFileScan } from '../security/content-files.ts';
import { printable } from '../security/content-paths.ts';
import { ID_PATTERN } from '../security/names.ts';
import { closestName } from '../util/closest-name.ts';
import { relativePath } from '../util/paths.ts';
import type { Candidate } from './items.ts';

// One grammar for slugs, column and site ids (FILE-05).
const SLUG = ID_PATTERN;
// Hidden files, links and OS junk never reach here: the walk of content-files.ts reports the
// first two (SEC-07) and leaves them out of its listing. `_draft.mdx` stays an editor's way to
// keep a file aside, with a warning that says so (nothing under content/ is skipped unseen).
const IGNORED = /^(?:\.|_|Thumbs\.db$|desktop\.ini$)/i;

function suggestSlug(name: string): string {
  const ascii = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return ascii || 'policy-2024-01';
}

/** A folder's entries from the walk (real files and folders only, sorted), minus the ignored names. */
function listOf(listing: ContentFileScan['listing'], dir: string) {
  return (listing.get(dir) ?? []).filter((e) => !IGNORED.test(e.name));
}

/** One walk of a site's content folder: what it lists, and where it reports what it finds. */
interface Walk {
  root: string;
  siteId: string;
  /** The column ids site.yaml declares. */
  declared: string[];
  listDir: (dir: string, skipsAside?: boolean) => Dirent[];
  misplaced: (absolute: string, message: string, fix: string) => void;
  diagnostics: Diagnostic[];
}

function newWalk(root: string, siteId: string, config: SiteConfig): Walk {
  // SEC-03/05/07: links, hidden files and every published file, walked once without following links.
  const scan = scanSiteFiles(root, siteId);
  const diagnostics: Diagnostic[] = scan.diagnostics;
  // Columns and items named _… are skipped (an item's own files named _… are published as they are).
  const listDir = (dir: string, skipsAside = true) => {
    for (const aside of skipsAside ? (scan.listing.get(dir) ?? []).filter((e) => e.name.startsWith('_')) : []) {
      const file = printable(relativePath(root, path.join(dir, aside.name)));
      diagnostics.push(
        diagnostic({ ruleId: 'SEC-07', severity: 'warn', file, line: 1, message: `“${file}”以 _ 开头，不会发布，也不做检查`, fix: '要发布就去掉名称开头的 _；不再需要就删除它' }),
      );
    }
    return listOf(scan.listing, dir);
  };
  // Printable: folder and file names are the editor's to choose, and are printed in the log.
  const misplaced = (absolute: string, message: string, fix: string) =>
    diagnostics.push(diagnostic({ ruleId: 'FILE-05', file: printable(relativePath(root, absolute)), line: 1, message: printable(message), fix: printable(fix) }));
  return { root, siteId, declared: config.columns.map((c) => c.id), listDir, misplaced, diagnostics };
}

/** The item an entry of a column folder is, by its shape: a folder with index.mdx, or an .mdx file. */
function entryCandidate(walk: Walk, columnDir: string, columnId: string, entry: Dirent): Candidate | undefined {
  const { root, misplaced } = walk;
  const absolute = path.join(columnDir, entry.name);
  if (entry.isDirectory()) {
    const index = path.join(absolute, 'index.mdx');
    const inner = walk.listDir(absolute, false);
    if (!inner.some((e) => e.isFile() && e.name === 'index.mdx')) {
      const strayMdx = inner.find((e) => e.isFile() && e.name.endsWith('.mdx'));
      misplaced(
        strayMdx ? path.join(absolute, strayMdx.name) : absolute,
        `条目目录“${entry.name}”里没有 index.mdx`,
        `带图片或附件的条目，正文文件须命名为 index.mdx，放在 ${relativePath(root, absolute)}/ 下`,
      );
      return undefined;
    }
    for (const stray of inner.filter((e) => e.isFile() && e.name.endsWith('.mdx') && e.name !== 'index.mdx')) {
      misplaced(path.join(absolute, stray.name), '条目目录里只能有一个正文文件 index.mdx', `另起一个条目：移到 ${relativePath(root, columnDir)}/ 下`);
    }
    return { absolute: index, file: relativePath(root, index), columnId, slug: entry.name, assetDir: relativePath(root, absolute) };
  }
  if (entry.name.endsWith('.mdx')) return { absolute, file: relativePath(root, absolute), columnId, slug: entry.name.slice(0, -4) };
  if (entry.name.endsWith('.md')) {
    misplaced(absolute, '内容文件的扩展名须为 .mdx', `把文件改名为 ${entry.name.slice(0, -3)}.mdx`);
  } else {
    misplaced(absolute, '栏目目录里只能放 .mdx 条目和条目目录，附件和图片要放在所属条目的目录里', `新建目录 ${relativePath(root, columnDir)}/<条目路径名>/，把正文改名为 index.mdx，与此文件放在一起`);
  }
  return undefined;
}

/** Whether an item file may be read: its column is declared, its slug is valid, its size within the limit. */
function acceptable(walk: Walk, candidate: Candidate): boolean {
  const { siteId, declared, misplaced } = walk;
  const { columnId } = candidate;
  if (!declared.includes(columnId)) {
    const guess = closestName(columnId, declared);
    misplaced(
      candidate.absolute,
      `条目所在栏目“${columnId}”没有在 sites/${siteId}/site.yaml 的 columns 中声明${guess ? `，你是不是想放在“${guess}”？` : ''}`,
      guess
        ? `把条目移到 content/${siteId}/${guess}/，或在 site.yaml 的 columns 中添加 id 为“${columnId}”的栏目`
        : `在 site.yaml 的 columns 中添加 id 为“${columnId}”的栏目，或把条目移到已声明的栏目：${declared.join('、')}`,
    );
    return false;
  }
  if (!SLUG.test(candidate.slug)) {
    misplaced(
      candidate.absolute,
      `路径名“${candidate.slug}”不合规：网址由它生成，只能用小写英文字母、数字和连字符 -`,
      `改名为例如“${suggestSlug(candidate.slug)}”（中文标题可用拼音或英文缩写，发布后不要再改）`,
    );
    return false;
  }
  // Refused before any loader reads it: one oversized file must not stop the platform's load.
  const oversize = oversizeProblem(candidate.file, statSync(candidate.absolute).size);
  if (oversize) walk.diagnostics.push(oversize);
  return !oversize;
}

/** Walks the site's content folder and reports files that are in the wrong place or badly named. */
export async function findCandidates(root: string, siteId: string, config: SiteConfig): Promise<{ candidates: Candidate[]; diagnostics: Diagnostic[] }> {
  const siteDir = path.join(root, 'content', siteId);
  const walk = newWalk(root, siteId, config);
  const candidates: Candidate[] = [];
  for (const columnEntry of walk.listDir(siteDir)) {
    const columnDir = path.join(siteDir, columnEntry.name);
    if (!columnEntry.isDirectory()) {
      walk.misplaced(columnDir, '文件直接放在站点内容目录下，不属于任何栏目', `移到栏目目录里，例如 content/${siteId}/${walk.declared[0]}/`);
      continue;
    }
    for (const entry of walk.listDir(columnDir)) {
      const candidate = entryCandidate(walk, columnDir, columnEntry.name, entry);
      if (candidate && acceptable(walk, candidate)) candidates.push(candidate);
    }
  }
  return { candidates, diagnostics: walk.diagnostics };
}
