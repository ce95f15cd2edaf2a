// SITE-09: a temporarily offline or closed site publishes only its notice. Astro builds the site
// as usual, with index.html and 404.html rendering the notice (templates/components/NoticePage.astro);
// this then removes every other file from the staging folder, before it replaces the published
// output (PUB-03), keeping the two pages and the files they use (styles, logo, the 党政机关网站标识).
// Served by an ordinary web server, every old address of the site then shows the notice: the home
// page at /, and the 404 page for any other URL.
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';

export const NOTICE_PAGES = ['index.html', '404.html'];

/** Site-relative URLs in a page or stylesheet: href, src, srcset and CSS url(). */
function references(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\b(?:href|src)=["']?(\/[^"'\s>#?]*)/g)) found.push(m[1]!);
  for (const m of text.matchAll(/\bsrcset=["']([^"']*)["']/g)) {
    for (const candidate of m[1]!.split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url?.startsWith('/')) found.push(url.split(/[?#]/)[0]!);
    }
  }
  for (const m of text.matchAll(/url\(\s*["']?(\/[^"')#?\s]*)/g)) found.push(m[1]!);
  return found;
}

/** The files of the output a notice page needs, relative to `dir`. Pages it links to are not followed. */
async function filesToKeep(dir: string): Promise<Set<string>> {
  const keep = new Set<string>();
  const queue = [...NOTICE_PAGES];
  while (queue.length > 0) {
    const relative = queue.shift()!;
    const full = path.join(dir, relative);
    if (keep.has(relative) || !full.startsWith(dir + path.sep) || !existsSync(full) || !statSync(full).isFile()) continue;
    keep.add(relative);
    if (!/\.(?:html|css|svg)$/i.test(relative)) continue;
    for (const url of references(await readFile(full, 'utf8'))) {
      let file: string;
      try {
        file = decodeURIComponent(url).replace(/^\/+/, '');
      } catch {
        continue;
      }
      if (file === '' || file.endsWith('/') || file.endsWith('.html')) continue;
      queue.push(path.normalize(file));
    }
  }
  return keep;
}

/** Reduces a built site in `dir` to its notice pages and what they use. */
export async function keepOnlyNoticePages(dir: string): Promise<void> {
  const keep = await filesToKeep(dir);
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && !keep.has(path.relative(dir, full))) await rm(full, { force: true });
  }
  // Then the folders left empty, deepest first.
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => path.join(e.parentPath, e.name))
    .sort((a, b) => b.length - a.length);
  for (const folder of folders) {
    if ((await readdir(folder)).length === 0) await rmdir(folder);
  }
}
