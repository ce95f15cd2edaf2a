// Every file a site's build writes that a link can name, known without rendering: the routes of
// templates/pages as Astro's file-based routing names their output (build.format 'directory'),
// each dynamic route with the parameters its getStaticPaths takes from the site data (through the
// same functions: item pages, column list pages), sitemap.xml (sitemap-xml.ts), the files of
// templates/public, and the folders the render and the search index fill, whose names no editor
// writes. The platform's link check (src/rules/output/source-links.ts) resolves item bodies'
// links against it; tests/integration/source-links.test.ts compares it with a real build's output,
// so a route added to templates/pages without a line here fails there, not in an editor's check.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { INDEX_FOLDERS } from '../index/search-parts.ts';
import { MANIFEST_FILE } from '../publish/integrity-manifest.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import { projectRoot } from '../util/paths.ts';
import { CATALOGUE_DIR, cataloguePages, LIBRARY_DIR, type CatalogueSource } from './catalogue-pages.ts';
import { columnListPages } from './list-pages.ts';
import { hasItemPage, itemPageFile } from './rendered-items.ts';

/** What the list needs of the site data (SiteData, or the loaded items published at the time). */
export interface SitePagesInput<Item extends { url: string; columnId: string }> {
  config: SiteConfig;
  /** The items published, newest first. */
  items: readonly Item[];
  /** Leave-site notice pages (SiteData.leaving); the source check does not make them. */
  leaving?: readonly { hash: string }[];
  /** The 政府信息公开目录 and, on the portal, the 政策文件库 (OPEN-03/OPEN-04): what their pages list. */
  catalogue?: CatalogueSource;
}

type Params = (data: SitePagesInput<{ url: string; columnId: string }>) => string[];

/** The dynamic routes of templates/pages: the files each writes, as its getStaticPaths says. */
const DYNAMIC_ROUTES: Record<string, Params> = {
  '[column]/[slug].astro': (data) => data.items.filter(hasItemPage).map(itemPageFile),
  '[column]/[...page].astro': (data) => columnListPages(data).map((page) => page.file),
  'feeds/[column].xml.ts': (data) => data.config.columns.map((column) => `feeds/${column.id}.xml`),
  'feeds/[column].json.ts': (data) => data.config.columns.map((column) => `feeds/${column.id}.json`),
  'topics/[topic].astro': (data) => data.config.topics.map((topic) => `topics/${topic.id}/index.html`),
  'leaving/[hash].astro': (data) => (data.leaving ?? []).map((page) => `leaving/${page.hash}/index.html`),
  [`${CATALOGUE_DIR}/[...path].astro`]: (data) => catalogueFiles(data, 'catalogue'),
  [`${LIBRARY_DIR}/[...path].astro`]: (data) => catalogueFiles(data, 'library'),
};

/** The pages of the catalogue or the library: from `catalogue`, or from the site data itself (SiteData has its items' 索引号, the subjects and the library). */
function catalogueFiles(data: SitePagesInput<{ url: string; columnId: string }>, area: 'catalogue' | 'library'): string[] {
  const source = data.catalogue ?? ('subjects' in data ? (data as unknown as CatalogueSource) : undefined);
  return source ? cataloguePages(source).filter((page) => page.area === area).map((page) => page.file) : [];
}

/** Written after the render: sitemap.xml (sitemap-xml.ts), the integrity manifest (PUB-02). */
const WRITTEN_AFTER_RENDER = ['sitemap.xml', MANIFEST_FILE];

/** Folders of files with generated names: the render's scripts and styles, the search index. */
export const GENERATED_FOLDERS: readonly string[] = ['_astro', ...INDEX_FOLDERS];

/** Computed on the first call, then kept: templates do not change while a process runs. */
function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const pagesDir = () => path.join(projectRoot, 'templates', 'pages');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();

/** A static route's output file: `index.astro` → `index.html`, `404.astro` → `404.html`, `a.astro` → `a/index.html`, `robots.txt.ts` → `robots.txt`. */
function staticRouteFile(route: string): string {
  if (!route.endsWith('.astro')) return route.replace(/\.[jt]s$/, '');
  const name = route.slice(0, -'.astro'.length);
  if (name === 'index' || name.endsWith('/index')) return `${name}.html`;
  if (name === '404') return '404.html';
  return `${name}/index.html`;
}

/** The routes of templates/pages, read once: the static ones' files, and the dynamic ones. */
const routes = memo(() => {
  const fixed: string[] = [];
  const dynamic: Params[] = [];
  for (const route of filesUnder(pagesDir())) {
    if (!/\.(?:astro|[jt]s)$/.test(route) || route.split('/').some((part) => part.startsWith('_'))) continue;
    if (!route.includes('[')) {
      fixed.push(staticRouteFile(route));
      continue;
    }
    const params = DYNAMIC_ROUTES[route];
    // A programming error, for the platform's technicians: the list would miss the route's pages.
    if (!params) throw new Error(`templates/pages/${route} 是新的动态路由：请在 src/render/site-pages.ts 的 DYNAMIC_ROUTES 中写明它生成哪些页面`);
    dynamic.push(params);
  }
  return { fixed, dynamic };
});

/** The files of templates/public, copied as they are into every site's output. */
export const publicFiles = memo(() => new Set(filesUnder(path.join(projectRoot, 'templates', 'public'))));

/** The pages (and other route files: feeds, robots.txt, sitemap.xml) the build writes, output-relative. */
export function sitePages<Item extends { url: string; columnId: string }>(data: SitePagesInput<Item>): Set<string> {
  const { fixed, dynamic } = routes();
  return new Set([...fixed, ...WRITTEN_AFTER_RENDER, ...dynamic.flatMap((params) => params(data))]);
}
