// Files that are not pages: the site's own assets (logo…) at /assets/, and each folder item's
// images and attachments beside its page, so `./report.pdf` in an item resolves in the output.
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { copyTree } from '../../src/util/copy-tree.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJunk, lstatInside, parseReference } from '../../src/security/content-paths.ts';
import { renderedItems } from '../../src/render/rendered-items.ts';
import type { SiteData } from '../../src/render/site-data.ts';

interface Roots {
  siteId: string;
  contentRoot: string;
}

/** The folder of a folder item, by its source file: a copy by reference uses the original's. */
function itemFolder(roots: Roots, item: { file: string }): string {
  return path.join(roots.contentRoot, path.dirname(item.file));
}

/**
 * Copies a folder's files the way the checks saw them (src/security/content-files.ts): a symbolic
 * link is never followed or copied, nor a hidden file, OS junk, a pipe or device, nor (in an
 * item's folder) an .mdx. The load refuses a site with any of these (SEC-07) before it gets here;
 * this holds if it did not.
 */
async function copyFolder(from: string, to: string, itemFolder: boolean): Promise<void> {
  let top;
  try {
    top = await lstat(from);
  } catch {
    return;
  }
  if (!top.isDirectory()) return;
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || isJunk(entry.name) || (itemFolder && entry.name.endsWith('.mdx'))) continue;
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) await copyFolder(source, path.join(to, entry.name), itemFolder);
    else if (entry.isFile()) await copyTree(source, path.join(to, entry.name));
  }
}

export async function copySiteFiles(roots: Roots, data: SiteData, outDir: URL): Promise<void> {
  const out = fileURLToPath(outDir);
  const assets = path.join(roots.contentRoot, 'sites', roots.siteId, 'assets');
  await copyFolder(assets, path.join(out, 'assets'), false);
  for (const item of renderedItems(data)) {
    if (!item.assetBase) continue;
    const folder = itemFolder(roots, item);
    await copyFolder(folder, path.join(out, item.columnId, item.slug), true);
  }
}

const types: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
  '.ofd': 'application/ofd',
};

/** Dev-server middleware serving the same files at the same URLs as the build puts them. */
export function serveSiteFiles(roots: Roots, data: () => SiteData) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    let url: string;
    try {
      url = decodeURIComponent((req.url ?? '').split('?')[0]!);
    } catch {
      return next();
    }
    let base: string | undefined;
    let relative = '';
    if (url.startsWith('/assets/')) {
      base = path.join(roots.contentRoot, 'sites', roots.siteId);
      relative = url.slice(1);
    } else {
      const item = data().items.find((i) => i.assetBase && url.startsWith(i.url) && url.length > i.url.length);
      if (item) {
        base = itemFolder(roots, item);
        relative = url.slice(item.url.length);
      }
    }
    // As the build copies: no way out of the folder, no hidden file, no link followed, no .mdx.
    const parsed = base ? parseReference(relative) : undefined;
    if (!base || parsed?.kind !== 'file' || parsed.path.endsWith('.mdx') || lstatInside(base, parsed.path).state !== 'file') return next();
    const file = path.join(base, parsed.path);
    res.setHeader('Content-Type', types[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  };
}
