// PUB-02 防篡改: compares a deployed copy of a site with the integrity manifest of its build.
// The deployed copy is a folder (a web server's document root, or a publish target with its
// releases, whose `current` release is checked) or a URL (the live site, fetched file by file).
import { existsSync, lstatSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hashTree, MANIFEST_FILE, sha256, type IntegrityManifest } from './integrity-manifest.ts';
import { CURRENT_LINK } from './releases.ts';

export interface VerifyResult {
  /** What was compared: the folder or URL actually read. */
  against: string;
  changed: string[];
  removed: string[];
  added: string[];
  /** False over HTTP: a web server does not list its files, so added files cannot be found. */
  addedChecked: boolean;
}

export const differs = (r: VerifyResult) => r.changed.length + r.removed.length + r.added.length > 0;

/** The manifest file's own bytes are expected as built, beside the files it lists. */
async function expectedFiles(siteDir: string, manifest: IntegrityManifest): Promise<Record<string, string>> {
  return { ...manifest.files, [MANIFEST_FILE]: sha256(await readFile(path.join(siteDir, MANIFEST_FILE))) };
}

/** A publish target (releases + `current` link) is checked at its current release. */
export function deployedRoot(dir: string): string {
  const current = path.join(dir, CURRENT_LINK);
  return existsSync(current) && lstatSync(current).isSymbolicLink() ? current : dir;
}

export async function verifyDirectory(siteDir: string, manifest: IntegrityManifest, dir: string): Promise<VerifyResult> {
  const expected = await expectedFiles(siteDir, manifest);
  const root = deployedRoot(path.resolve(dir));
  if (!existsSync(root)) throw new Error(`没有这个目录：${root}`);
  const actual = await hashTree(root);
  const result: VerifyResult = { against: root, changed: [], removed: [], added: [], addedChecked: true };
  for (const [file, hash] of Object.entries(expected)) {
    if (!(file in actual)) result.removed.push(file);
    else if (actual[file] !== hash) result.changed.push(file);
  }
  for (const file of Object.keys(actual)) if (!(file in expected)) result.added.push(file);
  return result;
}

export async function verifyUrl(siteDir: string, manifest: IntegrityManifest, baseUrl: string): Promise<VerifyResult> {
  const expected = await expectedFiles(siteDir, manifest);
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const result: VerifyResult = { against: base, changed: [], removed: [], added: [], addedChecked: false };
  const files = Object.keys(expected);
  for (let i = 0; i < files.length; i += 8) {
    await Promise.all(
      files.slice(i, i + 8).map(async (file) => {
        const url = new URL(file.split('/').map(encodeURIComponent).join('/'), base);
        const response = await fetch(url, { redirect: 'manual' });
        if (response.status === 404 || response.status === 410) {
          result.removed.push(file);
          await response.body?.cancel();
          return;
        }
        if (!response.ok) throw new Error(`读取 ${url} 失败：HTTP ${response.status}`);
        // fetch undoes gzip/brotli transfer compression: these are the file's own bytes.
        if (sha256(Buffer.from(await response.arrayBuffer())) !== expected[file]) result.changed.push(file);
      }),
    );
  }
  result.changed.sort();
  result.removed.sort();
  return result;
}

export function formatVerifyResult(siteId: string, manifest: IntegrityManifest, result: VerifyResult): string {
  const lines = [`校验 ${siteId}：完整性清单 ${manifest.fileCount} 个文件（清单摘要 sha256:${manifest.digest}），对照 ${result.against}`];
  for (const file of result.changed) lines.push(`✘ 被修改：${file}`);
  for (const file of result.removed) lines.push(`✘ 被删除：${file}`);
  for (const file of result.added) lines.push(`✘ 多出的文件：${file}`);
  if (!result.addedChecked) lines.push('（通过网址校验时无法列出服务器上多出的文件；要查多出的文件，请对服务器上的目录运行校验）');
  lines.push(
    differs(result)
      ? `✘ 发现 ${result.changed.length + result.removed.length + result.added.length} 处与构建结果不一致（修改 ${result.changed.length}，删除 ${result.removed.length}，多出 ${result.added.length}）：网站可能被篡改，请立即核查并重新发布`
      : '✔ 与构建结果完全一致',
  );
  return lines.join('\n');
}
