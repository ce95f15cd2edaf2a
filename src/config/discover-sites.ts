// The sites of a platform: the folders under sites/ and content/. Every entry that is or claims to
// be a site folder is returned, so that nothing there is silently skipped: a folder whose name is
// not a site id (FILE-05, src/security/names.ts), a hidden entry (`.x`, SEC-07) and a symbolic
// link (SEC-07) each become a "site" that cannot be loaded, whose diagnostics siteFolderDiagnostics
// gives (load-site-config.ts reports them and reads nothing of it), while the other sites build.
import { existsSync, lstatSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { idProblem, isId, printableName as displayName, suggestId } from '../security/names.ts';

const FOLDERS = ['sites', 'content'] as const;

function entries(root: string, folder: string): Dirent[] {
  const dir = path.join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true });
}

/** Entries that are, or pretend to be, site folders. Other plain files at this level are not sites. */
const claimsSite = (entry: Dirent) => entry.isDirectory() || entry.isSymbolicLink() || entry.name.startsWith('.');

/** Every site the platform has: a folder under sites/ or under content/ (which then lacks its site.yaml). */
export async function discoverSiteIds(root: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const folder of FOLDERS) {
    for (const entry of entries(root, folder)) if (claimsSite(entry)) ids.add(displayName(entry.name));
  }
  return [...ids].sort();
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Why `id` (as discoverSiteIds returned it) cannot be loaded as a site: its name is not a site id,
 * it is hidden, or sites/<id> or content/<id> is a symbolic link. Empty for a proper site folder.
 */
export function siteFolderDiagnostics(root: string, id: string): Diagnostic[] {
  if (isId(id)) {
    // A link would make the build read (and publish) whatever it points to.
    return FOLDERS.filter((folder) => isLink(path.join(root, folder, id))).map((folder) =>
      diagnostic({
        ruleId: 'SEC-07',
        file: `${folder}/${id}`,
        message: `${folder}/${id} 是符号链接，不是目录：站点目录不能指向别处`,
        fix: `把 ${folder}/${id} 换成真实的目录，把内容直接放在里面`,
      }),
    );
  }
  const where = FOLDERS.filter((folder) => entries(root, folder).some((entry) => claimsSite(entry) && displayName(entry.name) === id));
  const places = (where.length ? where : ['sites']).map((folder) => `${folder}/${id}`);
  if (id.startsWith('.')) {
    return places.map((file) =>
      diagnostic({
        ruleId: 'SEC-07',
        file,
        message: `${file} 是隐藏的文件或目录：不会被构建，也不应提交`,
        fix: `删除 ${file}；如果它是一个网站，把目录改名为小写字母、数字和 - 组成的站点标识，例如 ${suggestId(id, 'my-site')}`,
      }),
    );
  }
  const suggestion = suggestId(id.replace(/\\u\{[0-9a-f]+\}/g, ' '), 'my-site');
  return places.map((file) =>
    diagnostic({
      ruleId: 'FILE-05',
      file,
      message: `站点目录“${id}”的名称不合规（${idProblem(id)}）：站点标识只能用小写英文字母、数字和连字符 -，这个站点不会被构建`,
      fix: `把目录改名为“${suggestion}”，sites/ 和 content/ 下的目录同时改名（站点标识也是网址和发布目录的一部分）`,
    }),
  );
}
