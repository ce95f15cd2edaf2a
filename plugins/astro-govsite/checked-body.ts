// The MDX compiler's input for an item file: exactly the body govsite's checks read, split from
// the front matter by govsite's one splitter (src/content/front-matter.ts) — never the file as it
// is on disk, which another front-matter parser could split elsewhere. Both ways a body is
// compiled take it from here: Astro's MDX modules (through the Vite `load` hook below, which
// runs before @astrojs/mdx reads the file) and the direct render (direct-body.ts).
//
// In a build, the site data records a hash of each checked body; a file whose body no longer
// matches (edited between the check and the render) is refused rather than compiled unchecked.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';
import { ContentError } from '../../src/diagnostics/content-error.ts';
import { splitFrontMatter } from '../../src/content/front-matter.ts';
import { decodeSource } from '../../src/config/read-source-file.ts';
import { bodyHash } from '../../src/content/body-hash.ts';

const CHANGED_SINCE_CHECK = {
  ruleId: 'FILE-06',
  message: '文件在检查之后、渲染之前被修改，本次构建不发布未经检查的内容',
  fix: '等文件保存完毕后重新运行构建',
};

/**
 * The checked body, preceded by blank lines so that the compiler's line numbers are the file's.
 * `expectedHash` (a build): the hash the checks recorded; a mismatch is refused.
 */
export async function checkedBody(absoluteFile: string, expectedHash: string | undefined): Promise<string> {
  const source = decodeSource(await readFile(absoluteFile), absoluteFile);
  const split = source.ok ? splitFrontMatter(source.text, absoluteFile).split : undefined;
  if (!split) throw new ContentError({ ...CHANGED_SINCE_CHECK, line: 1 });
  if (expectedHash !== undefined && bodyHash(split.body) !== expectedHash) throw new ContentError({ ...CHANGED_SINCE_CHECK, line: split.bodyFirstLine });
  return '\n'.repeat(split.bodyFirstLine - 1) + split.body;
}

/**
 * The compile input @astrojs/mdx is handed for an item module. It reads a front matter off the
 * top of what it is given: an empty one is put there (so a body that starts with `---` stays
 * body), and the padding keeps the body on its file lines.
 */
export async function checkedModuleSource(absoluteFile: string, expectedHash: string | undefined): Promise<string> {
  const padded = await checkedBody(absoluteFile, expectedHash);
  return `---\n---\n${padded.slice(2)}`;
}

/**
 * A Vite plugin that serves every `.mdx` module from its checked body. An `.mdx` file outside
 * the platform's content folder, or one that is no checked item of the site, is not compiled.
 * `checkedHashes` maps a content-root-relative file (`content/<site>/…`) to its body hash; in the
 * dev server (no hashes) every file under content/ is served from govsite's split.
 */
export function checkedBodiesPlugin(contentRoot: string, checkedHashes: () => Map<string, string> | undefined): Plugin {
  return {
    name: 'govsite:checked-bodies',
    enforce: 'pre',
    async load(id) {
      const file = id.split('?')[0]!;
      if (!file.endsWith('.mdx')) return undefined;
      const relative = path.relative(contentRoot, file).split(path.sep).join('/');
      const hashes = checkedHashes();
      if (!relative.startsWith('content/') || (hashes && !hashes.has(relative))) {
        throw new ContentError({ ruleId: 'CONT-16', message: '这个 MDX 文件不是本站经过检查的内容条目，不能编译', fix: '正文文件只能放在 content/<站点>/<栏目>/ 下' });
      }
      return checkedModuleSource(file, hashes?.get(relative));
    },
  };
}
