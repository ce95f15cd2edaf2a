// PUB-06: sitemap.xml (https://www.sitemaps.org/protocol.html) for search engines, beside the
// human site map page /sitemap/. Written after Astro has written the pages, from the pages
// themselves, so it lists exactly what is published. lastmod is an item's publish time, never
// the build's (PUB-04: the same content gives the same bytes).
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverName } from '../security/server-values.ts';
import { chinaDateTimeToIso } from '../util/china-time.ts';
import type { SiteData } from './site-data.ts';

/** Pages that are not content: the 404 page, leave-site notices, search results. */
const SKIP = /^(?:404\.html|leaving\/|search\/)/;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function sitemapXml(data: SiteData, pagePaths: readonly string[]): string {
  // SEC-06: a host name only (serverName throws on anything else), then escaped as every <loc> is.
  const base = `https://${serverName(data.config.domain, 'domain')}`;
  const published = new Map(data.items.map((item) => [item.url, item.data.pubDate]));
  const urls = pagePaths
    .filter((p) => p.endsWith('index.html') && !SKIP.test(p))
    .map((p) => `/${p.slice(0, -'index.html'.length)}`)
    // Code-unit order: the same in every locale.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const url of urls) {
    const pubDate = published.get(url);
    lines.push(`<url><loc>${escapeXml(encodeURI(`${base}${url}`))}</loc>${pubDate ? `<lastmod>${chinaDateTimeToIso(pubDate)}</lastmod>` : ''}</url>`);
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/**
 * Writes `<outDir>/sitemap.xml` over the HTML pages in `outDir`, or over `pagePaths` (POSIX,
 * relative to it) when the caller already knows them: a partial render does (src/util/output-files.ts).
 */
export async function writeSitemapXml(data: SiteData, outDir: URL, pagePaths?: readonly string[]): Promise<void> {
  const out = fileURLToPath(outDir);
  // Synchronous: a large site's output is tens of thousands of entries (see src/util/hash-files.ts).
  const pages =
    pagePaths ??
    readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.html'))
      .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  await writeFile(path.join(out, 'sitemap.xml'), sitemapXml(data, pages));
}
