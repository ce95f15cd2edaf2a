// PUB-02 防篡改: compares a deployed copy of a site with the integrity manifest of its build.
// The deployed copy is a folder (a web server's document root, or a publish target with its
// releases, whose `current` release is checked) or a URL (the live site, fetched file by file).
//
// The copy is not trusted (deployed-tree.ts): no symbolic link in it is followed, each is
// reported as tampering; an entry that cannot be read is reported and the others are still
// checked, so the result is always the whole list, never a stack trace half-way.
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { printableName } from '../security/names.ts';
import { readDeployedTree, type Unreadable } from './deployed-tree.ts';
import { MANIFEST_FILE, sha256, type IntegrityManifest } from './integrity-manifest.ts';
import { CURRENT_LINK, RELEASES_DIR } from './releases.ts';

export interface VerifyResult {
  /** What was compared: the folder or URL actually read. */
  against: string;
  changed: string[];
  removed: string[];
  added: string[];
  /** Symbolic links found in the copy (never followed): govsite never publishes one. */
  symlinks: string[];
  /** Entries that could not be read, and why (permissions, not a regular file, an HTTP error). */
  unreadable: Unreadable[];
  /** False over HTTP: a web server does not list its files, so added files cannot be found. */
  addedChecked: boolean;
  /** The copy as a whole could not be checked: the folder is missing, `current` points elsewhere. */
  problem?: string;
}

const count = (r: VerifyResult) => r.changed.length + r.removed.length + r.added.length + r.symlinks.length + r.unreadable.length;

export const differs = (r: VerifyResult) => count(r) > 0 || r.problem !== undefined;

const emptyResult = (against: string, addedChecked: boolean): VerifyResult => ({ against, changed: [], removed: [], added: [], symlinks: [], unreadable: [], addedChecked });

/** The manifest file's own bytes are expected as built, beside the files it lists. */
async function expectedFiles(siteDir: string, manifest: IntegrityManifest): Promise<Record<string, string>> {
  return { ...manifest.files, [MANIFEST_FILE]: sha256(await readFile(path.join(siteDir, MANIFEST_FILE))) };
}

const isLink = (file: string) => {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
};

/**
 * A publish target (releases + `current` link) is checked at its current release: the one link
 * read, and only when it names a folder of the target's own releases/ (as releases.ts writes it).
 */
export function deployedRoot(dir: string): string {
  return resolveRoot(dir).root;
}

function resolveRoot(dir: string): { root: string; against: string; problem?: string } {
  const current = path.join(dir, CURRENT_LINK);
  if (!isLink(current)) return { root: dir, against: dir };
  const link = readlinkSync(current);
  const release = /^releases\/([^/]+)$/.exec(link)?.[1];
  const root = release && release !== '.' && release !== '..' ? path.join(dir, RELEASES_DIR, release) : undefined;
  if (!root || isLink(root) || !existsSync(root) || !lstatSync(root).isDirectory()) {
    return { root: dir, against: current, problem: `发布目录的 ${CURRENT_LINK} 没有指向本目录 ${RELEASES_DIR}/ 下的版本：发布目录被改动过` };
  }
  return { root, against: current };
}

export async function verifyDirectory(siteDir: string, manifest: IntegrityManifest, dir: string): Promise<VerifyResult> {
  const expected = await expectedFiles(siteDir, manifest);
  const { root, against, problem } = resolveRoot(path.resolve(dir));
  const result = emptyResult(against, true);
  if (problem) return { ...result, problem };
  if (!existsSync(root)) return { ...result, problem: '没有这个目录' };
  const tree = readDeployedTree(root);
  result.symlinks = tree.symlinks;
  result.unreadable = tree.unreadable;
  // A path that is a link or unreadable is reported as such, not again as removed.
  const reported = new Set([...tree.symlinks, ...tree.unreadable.map((u) => u.file)]);
  for (const [file, hash] of Object.entries(expected)) {
    if (reported.has(file)) continue;
    if (!(file in tree.files)) result.removed.push(file);
    else if (tree.files[file] !== hash) result.changed.push(file);
  }
  for (const file of Object.keys(tree.files)) if (!(file in expected)) result.added.push(file);
  result.added.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return result;
}

export async function verifyUrl(siteDir: string, manifest: IntegrityManifest, baseUrl: string): Promise<VerifyResult> {
  const expected = await expectedFiles(siteDir, manifest);
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const result = emptyResult(base, false);
  const files = Object.keys(expected);
  for (let i = 0; i < files.length; i += 8) {
    await Promise.all(
      files.slice(i, i + 8).map(async (file) => {
        const url = new URL(file.split('/').map(encodeURIComponent).join('/'), base);
        let response: Response;
        try {
          response = await fetch(url, { redirect: 'manual' });
        } catch {
          result.unreadable.push({ file, reason: '无法连接' });
          return;
        }
        if (response.status === 404 || response.status === 410) {
          result.removed.push(file);
          await response.body?.cancel();
          return;
        }
        if (!response.ok) {
          result.unreadable.push({ file, reason: `HTTP ${response.status}` });
          await response.body?.cancel();
          return;
        }
        // fetch undoes gzip/brotli transfer compression: these are the file's own bytes.
        if (sha256(Buffer.from(await response.arrayBuffer())) !== expected[file]) result.changed.push(file);
      }),
    );
  }
  result.changed.sort();
  result.removed.sort();
  result.unreadable.sort((a, b) => (a.file < b.file ? -1 : 1));
  return result;
}

export function formatVerifyResult(siteId: string, manifest: IntegrityManifest, result: VerifyResult): string {
  const lines = [`校验 ${siteId}：完整性清单 ${manifest.fileCount} 个文件（清单摘要 sha256:${manifest.digest}），对照 ${result.against}`];
  // Names come from the copy: printed so that none can forge a line of this report.
  const name = printableName;
  if (result.problem) lines.push(`✘ ${result.problem}`);
  for (const file of result.changed) lines.push(`✘ 被修改：${name(file)}`);
  for (const file of result.removed) lines.push(`✘ 被删除：${name(file)}`);
  for (const file of result.added) lines.push(`✘ 多出的文件：${name(file)}`);
  for (const file of result.symlinks) lines.push(`✘ 多出的符号链接：${name(file)}（发布的网站不含符号链接；未跟随读取）`);
  for (const { file, reason } of result.unreadable) lines.push(`✘ 无法读取：${name(file)}（${reason}）`);
  if (!result.addedChecked) lines.push('（通过网址校验时无法列出服务器上多出的文件；要查多出的文件，请对服务器上的目录运行校验）');
  const extra = [result.symlinks.length ? `，符号链接 ${result.symlinks.length}` : '', result.unreadable.length ? `，无法读取 ${result.unreadable.length}` : ''].join('');
  lines.push(
    differs(result)
      ? `✘ 发现 ${count(result) + (result.problem ? 1 : 0)} 处与构建结果不一致（修改 ${result.changed.length}，删除 ${result.removed.length}，多出 ${result.added.length}${extra}）：网站可能被篡改，请立即核查并重新发布`
      : '✔ 与构建结果完全一致',
  );
  return lines.join('\n');
}
