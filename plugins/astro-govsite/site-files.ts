// Files that are not pages: the site's own assets (logo…) at /assets/, and each folder item's
// images and attachments beside its page, so `./report.pdf` in an item resolves in the output.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderedItems } from './rendered-items.ts';
import type { SiteData } from './site-data.ts';

interface Roots {
  siteId: string;
  contentRoot: string;
}

/** The folder of a folder item, by its source file: a copy by reference uses the original's. */
function itemFolder(roots: Roots, item: { file: string }): string {
  return path.join(roots.contentRoot, path.dirname(item.file));
}

export async function copySiteFiles(roots: Roots, data: SiteData, outDir: URL): Promise<void> {
  const out = fileURLToPath(outDir);
  const assets = path.join(roots.contentRoot, 'sites', roots.siteId, 'assets');
  if (existsSync(assets)) await cp(assets, path.join(out, 'assets'), { recursive: true });
  for (const item of renderedItems(data)) {
    if (!item.assetBase) continue;
    const folder = itemFolder(roots, item);
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name === 'index.mdx' || entry.name.startsWith('.')) continue;
      await cp(path.join(folder, entry.name), path.join(out, item.columnId, item.slug, entry.name), { recursive: true });
    }
  }
}

const types: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
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
    const url = decodeURIComponent((req.url ?? '').split('?')[0]!);
    let file: string | undefined;
    if (url.startsWith('/assets/')) {
      file = path.join(roots.contentRoot, 'sites', roots.siteId, url);
    } else {
      const item = data().items.find((i) => i.assetBase && url.startsWith(i.url) && url.length > i.url.length);
      if (item) file = path.join(itemFolder(roots, item), url.slice(item.url.length));
    }
    const base = path.join(roots.contentRoot, 'sites', roots.siteId);
    const contentBase = path.join(roots.contentRoot, 'content');
    const inside = file && (file.startsWith(base + path.sep) || file.startsWith(contentBase + path.sep));
    if (!file || !inside || !existsSync(file) || !statSync(file).isFile() || file.endsWith('.mdx')) return next();
    res.setHeader('Content-Type', types[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  };
}
