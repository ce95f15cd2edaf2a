// content/<siteId>/<columnId>/<slug>.mdx (or <slug>/index.mdx) → validated content items.
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { frontMatterSchema, type FrontMatter } from '../schema/front-matter-schema.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import { scanSiteFiles, type ContentFileScan } from '../security/content-files.ts';
import { printable } from '../security/content-paths.ts';
import { frontImageProblem } from '../security/front-image.ts';
import { ID_PATTERN } from '../security/names.ts';
import { siteAssetFieldProblems } from '../security/site-asset-fields.ts';
import { closestName } from '../util/closest-name.ts';
import { relativePath } from '../util/paths.ts';
import { fileStamp, type FrontMatterCache } from '../incremental/front-matter-cache.ts';
import type { ItemCache } from '../incremental/item-cache.ts';
import type { ItemLoadPool } from './item-load-pool.ts';
import { splitFrontMatter } from './front-matter.ts';
import type { parseMdxBody } from './parse-mdx-body.ts';
import { parseYaml } from '../config/parse-yaml.ts';
import { decodeSource, oversizeProblem } from '../config/read-source-file.ts';
import { loadSiteConfig } from '../config/load-site-config.ts';
import { createLocator, validateYaml, type FieldLocator } from '../config/validate-yaml.ts';
import { mapLimited } from '../util/map-limited.ts';
import { once } from '../util/once.ts';

/** A link from one item to another, possibly on another site of the platform. */
export interface ItemLink {
  title: string;
  /** Site-relative on the same site, absolute across sites. */
  url: string;
  /** The other site's name, when the link leaves the site. */
  siteName?: string;
}

/** Relations resolved across the platform after every site is loaded (src/rules/relations). */
export interface ItemRelations {
  interprets?: ItemLink;
  interpretations: ItemLink[];
  replacedBy?: ItemLink;
  reprintOf?: ItemLink;
}

export interface ContentItem {
  /** `<columnId>/<slug>`: unique within the site, and the Astro content entry id. */
  id: string;
  siteId: string;
  columnId: string;
  slug: string;
  /** Site-relative URL, stable: derived from column and slug, never from the title. */
  url: string;
  /** Project-relative path of the MDX file. */
  file: string;
  /** Project-relative folder holding the item's own images and attachments, for folder items. */
  assetDir?: string;
  bodyFirstLine: number;
  /** The MDX body, for summaries; empty for items served from the front-matter cache (check --files). */
  body: string;
  data: FrontMatter;
  /** Line and column of a front-matter field in the file. */
  locate: FieldLocator;
  relations?: ItemRelations;
  /** Set on a copy published by reference (PUB-07): the original it follows. */
  referenceOf?: ItemReferenceSource;
}

/** Where a referenced copy comes from: the original item on a superior site. */
export interface ItemReferenceSource {
  /** `<siteId>:<columnId>/<slug>`: the Astro entry id of the original's body. */
  key: string;
  siteId: string;
  siteName: string;
  /** Absolute URL of the original: the copy's canonical URL. */
  url: string;
}

// One grammar for slugs, column and site ids (FILE-05).
const SLUG = ID_PATTERN;
// Hidden files, links and OS junk never reach here: the walk of content-files.ts reports the
// first two (SEC-07) and leaves them out of its listing. `_draft.mdx` stays an editor's way to
// keep a file aside, with a warning that says so (nothing under content/ is skipped unseen).
const IGNORED = /^(?:\.|_|Thumbs\.db$|desktop\.ini$)/i;

export interface Candidate {
  absolute: string;
  file: string;
  columnId: string;
  slug: string;
  assetDir?: string;
}

function suggestSlug(name: string): string {
  const ascii = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return ascii || 'policy-2024-01';
}

/** A folder's entries from the walk (real files and folders only, sorted), minus the ignored names. */
function listOf(listing: ContentFileScan['listing'], dir: string) {
  return (listing.get(dir) ?? []).filter((e) => !IGNORED.test(e.name));
}

/** Walks the site's content folder and reports files that are in the wrong place or badly named. */
async function findCandidates(root: string, siteId: string, config: SiteConfig): Promise<{ candidates: Candidate[]; diagnostics: Diagnostic[] }> {
  const siteDir = path.join(root, 'content', siteId);
  const declared = config.columns.map((c) => c.id);
  const candidates: Candidate[] = [];
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

  for (const columnEntry of listDir(siteDir)) {
    const columnDir = path.join(siteDir, columnEntry.name);
    if (!columnEntry.isDirectory()) {
      misplaced(columnDir, '文件直接放在站点内容目录下，不属于任何栏目', `移到栏目目录里，例如 content/${siteId}/${declared[0]}/`);
      continue;
    }
    const columnId = columnEntry.name;
    const columnDeclared = declared.includes(columnId);
    for (const entry of listDir(columnDir)) {
      const absolute = path.join(columnDir, entry.name);
      let candidate: Candidate | undefined;
      if (entry.isDirectory()) {
        const index = path.join(absolute, 'index.mdx');
        const inner = listDir(absolute, false);
        if (!inner.some((e) => e.isFile() && e.name === 'index.mdx')) {
          const strayMdx = inner.find((e) => e.isFile() && e.name.endsWith('.mdx'));
          misplaced(
            strayMdx ? path.join(absolute, strayMdx.name) : absolute,
            `条目目录“${entry.name}”里没有 index.mdx`,
            `带图片或附件的条目，正文文件须命名为 index.mdx，放在 ${relativePath(root, absolute)}/ 下`,
          );
          continue;
        }
        for (const stray of inner.filter((e) => e.isFile() && e.name.endsWith('.mdx') && e.name !== 'index.mdx')) {
          misplaced(path.join(absolute, stray.name), '条目目录里只能有一个正文文件 index.mdx', `另起一个条目：移到 ${relativePath(root, columnDir)}/ 下`);
        }
        candidate = { absolute: index, file: relativePath(root, index), columnId, slug: entry.name, assetDir: relativePath(root, absolute) };
      } else if (entry.name.endsWith('.mdx')) {
        candidate = { absolute, file: relativePath(root, absolute), columnId, slug: entry.name.slice(0, -4) };
      } else if (entry.name.endsWith('.md')) {
        misplaced(absolute, '内容文件的扩展名须为 .mdx', `把文件改名为 ${entry.name.slice(0, -3)}.mdx`);
        continue;
      } else {
        misplaced(absolute, '栏目目录里只能放 .mdx 条目和条目目录，附件和图片要放在所属条目的目录里', `新建目录 ${relativePath(root, columnDir)}/<条目路径名>/，把正文改名为 index.mdx，与此文件放在一起`);
        continue;
      }
      if (!columnDeclared) {
        const guess = closestName(columnId, declared);
        misplaced(
          candidate.absolute,
          `条目所在栏目“${columnId}”没有在 sites/${siteId}/site.yaml 的 columns 中声明${guess ? `，你是不是想放在“${guess}”？` : ''}`,
          guess
            ? `把条目移到 content/${siteId}/${guess}/，或在 site.yaml 的 columns 中添加 id 为“${columnId}”的栏目`
            : `在 site.yaml 的 columns 中添加 id 为“${columnId}”的栏目，或把条目移到已声明的栏目：${declared.join('、')}`,
        );
        continue;
      }
      if (!SLUG.test(candidate.slug)) {
        misplaced(
          candidate.absolute,
          `路径名“${candidate.slug}”不合规：网址由它生成，只能用小写英文字母、数字和连字符 -`,
          `改名为例如“${suggestSlug(candidate.slug)}”（中文标题可用拼音或英文缩写，发布后不要再改）`,
        );
        continue;
      }
      // Refused before any loader reads it: one oversized file must not stop the platform's load.
      const oversize = oversizeProblem(candidate.file, statSync(candidate.absolute).size);
      if (oversize) {
        diagnostics.push(oversize);
        continue;
      }
      candidates.push(candidate);
    }
  }
  return { candidates, diagnostics };
}

/** What to load: everything by default; an editor's check of a few files reads the others' front matter only. */
export interface LoadItemsOptions {
  /** Parse and check the MDX body of this file? (Front matter is always read: relations need it.) */
  checkBody?: (file: string) => boolean;
  /** Front matter of files whose body is not checked may come from here (an editor's check). */
  frontMatterCache?: FrontMatterCache;
  /** Whole results of files loaded and checked before, unchanged since (the build, the full check). */
  itemCache?: ItemCache;
  /** Worker threads for the files loaded whole from their source (item-load-pool.ts). */
  pool?: ItemLoadPool;
}

function newItem(candidate: Candidate, siteId: string, data: FrontMatter, bodyFirstLine: number, body: string, locate: FieldLocator): ContentItem {
  return {
    id: `${candidate.columnId}/${candidate.slug}`,
    siteId,
    columnId: candidate.columnId,
    slug: candidate.slug,
    url: `/${candidate.columnId}/${candidate.slug}/`,
    file: candidate.file,
    assetDir: candidate.assetDir,
    bodyFirstLine,
    body,
    data,
    locate,
  };
}

/** A cached item's field positions are needed only if a finding names one: parse then, once. */
function lazyLocator(candidate: Candidate): FieldLocator {
  let locate: FieldLocator | undefined;
  return (fieldPath) => {
    if (!locate) {
      const source = decodeSource(readFileSync(candidate.absolute), candidate.file);
      const split = source.ok ? splitFrontMatter(source.text, candidate.file).split : undefined;
      const yamlSource = split && { text: split.yaml, file: candidate.file, firstLine: split.yamlFirstLine };
      locate = yamlSource ? createLocator({ source: yamlSource, ...parseYaml(yamlSource) }) : () => ({ line: 1, column: 1 });
    }
    return locate(fieldPath);
  };
}

type LoadedItem = { item?: ContentItem; diagnostics: Diagnostic[] };

async function loadItem(candidate: Candidate, siteId: string, config: SiteConfig, options: LoadItemsOptions): Promise<LoadedItem> {
  const cache = options.frontMatterCache;
  if (options.itemCache && !options.checkBody) {
    const loaded = await loadItemThroughCache(candidate, siteId, config, options.itemCache, options.pool);
    // A full check fills the editors' front-matter cache as well.
    cache?.set(candidate.file, fileStamp(await stat(candidate.absolute)), { data: loaded.item?.data ?? null, bodyFirstLine: loaded.item?.bodyFirstLine ?? 1 });
    return loaded;
  }
  if (!cache) return options.checkBody ? loadItemFromSource(candidate, siteId, config, options) : loadWhole(candidate, siteId, config, options.pool);
  const stamp = fileStamp(await stat(candidate.absolute));
  // Files being checked are always read whole; their front matter refreshes the cache for next time.
  const cached = options.checkBody?.(candidate.file) === false ? cache.get(candidate.file, stamp) : undefined;
  if (cached) return { item: cached.data ? newItem(candidate, siteId, cached.data, cached.bodyFirstLine, '', lazyLocator(candidate)) : undefined, diagnostics: [] };
  const loaded = await loadItemFromSource(candidate, siteId, config, options);
  cache.set(candidate.file, stamp, { data: loaded.item?.data ?? null, bodyFirstLine: loaded.item?.bodyFirstLine ?? 1 });
  return loaded;
}

/** A file unchanged since it was last loaded keeps its result; only its body is read again (for summaries). */
async function loadItemThroughCache(candidate: Candidate, siteId: string, config: SiteConfig, cache: ItemCache, pool: ItemLoadPool | undefined): Promise<LoadedItem> {
  // Synchronous: see src/util/hash-files.ts (0.75 s of the platform check's 2.5 s for 10,104 items went to the promise API's round trips).
  const bytes = readFileSync(candidate.absolute);
  const key = await cache.keyOf(candidate.absolute, bytes, config);
  const cached = cache.get(candidate.file, key);
  if (cached) {
    const source = decodeSource(bytes, candidate.file);
    const split = cached.data && source.ok ? splitFrontMatter(source.text, candidate.file).split : undefined;
    if (!cached.data || !split) return { diagnostics: cached.diagnostics };
    return { item: newItem(candidate, siteId, cached.data, cached.bodyFirstLine, split.body, lazyLocator(candidate)), diagnostics: cached.diagnostics };
  }
  const loaded = await loadWhole(candidate, siteId, config, pool, bytes);
  cache.set(candidate.file, key, { data: loaded.item?.data ?? null, bodyFirstLine: loaded.item?.bodyFirstLine ?? 1, diagnostics: loaded.diagnostics });
  return loaded;
}

/** An item loaded and checked whole from its source, on a worker of the pool when there is one. */
async function loadWhole(candidate: Candidate, siteId: string, config: SiteConfig, pool: ItemLoadPool | undefined, bytes?: Uint8Array): Promise<LoadedItem> {
  if (!pool) return loadItemFromSource(candidate, siteId, config, {}, bytes);
  const { item, diagnostics } = await pool.load(candidate, siteId, config, () => loadItemFromSource(candidate, siteId, config, {}, bytes));
  // Loaded here, the item keeps its locator; from a worker it gets one that reads the file when asked.
  return { item: item && { locate: lazyLocator(candidate), ...item }, diagnostics };
}

// The MDX parser and the content rules (0.13 s of loading here, measured 2026-12-02) are loaded
// for the first file read from its source: a build whose items are all in the item cache never
// needs them.
const bodyCheckers = once(() => Promise.all([import('./parse-mdx-body.ts'), import('../rules/content/run-item-checks.ts')]));

export async function loadItemFromSource(candidate: Candidate, siteId: string, config: SiteConfig, options: LoadItemsOptions, bytes?: Uint8Array): Promise<LoadedItem> {
  const source = decodeSource(bytes ?? (await readFile(candidate.absolute)), candidate.file);
  if (!source.ok) return { diagnostics: source.diagnostics };
  const { split, diagnostics: splitDiagnostics } = splitFrontMatter(source.text, candidate.file);
  if (!split) return { diagnostics: splitDiagnostics };
  const yamlSource = { text: split.yaml, file: candidate.file, firstLine: split.yamlFirstLine };
  const parsed = parseYaml(yamlSource);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  const { data, diagnostics } = validateYaml(frontMatterSchema, { source: yamlSource, ...parsed });
  const checkers = options.checkBody?.(candidate.file) === false ? undefined : await bodyCheckers();
  const body: ReturnType<typeof parseMdxBody> = checkers ? checkers[0].parseMdxBody(split.body, candidate.file, split.bodyFirstLine) : { diagnostics: [] };
  diagnostics.push(...body.diagnostics);
  if (!data) return { diagnostics };
  const locate = createLocator({ source: yamlSource, ...parsed });
  if (body.tree) {
    const context = { file: candidate.file, absoluteFile: candidate.absolute, frontMatter: data, site: config, bodyFirstLine: split.bodyFirstLine, locate };
    // A tree is there only when the body was parsed, so the rules are loaded.
    diagnostics.push(...(await checkers![1].runItemChecks(body.tree, context)));
  }
  // SEC-01/SEC-07: the image is a file of the item's folder (the page names it in og:image).
  const imageProblem = data.image === undefined ? undefined : frontImageProblem(data.image, path.dirname(candidate.absolute));
  if (imageProblem) diagnostics.push(diagnostic({ ...imageProblem, file: candidate.file, ...locate(['image']), field: 'image' }));
  if (data.image && !data.imageAlt?.trim()) {
    diagnostics.push(
      diagnostic({
        ruleId: 'CONT-11',
        file: candidate.file,
        ...locate(['image']),
        field: 'imageAlt',
        message: `题图“${data.image}”没有替代文本（imageAlt）`,
        fix: '在 image 下一行加“imageAlt: 说明图片内容的文字”',
      }),
    );
  }
  if (config.review.required && !data.reviewedBy && !data.draft) {
    diagnostics.push(
      diagnostic({
        ruleId: 'CONT-14',
        file: candidate.file,
        line: 1,
        field: 'reviewedBy',
        message: '本站要求先审后发，这篇内容没有审核人（reviewedBy），不能发布',
        fix: '审核通过后在前置信息中添加“reviewedBy: 审核人姓名”；尚未审核的稿件请加“draft: true”',
      }),
    );
  }
  return { item: newItem(candidate, siteId, data, split.bodyFirstLine, split.body, locate), diagnostics };
}

export async function loadItems(root: string, siteId: string, config: SiteConfig, options: LoadItemsOptions = {}): Promise<{ items: ContentItem[]; diagnostics: Diagnostic[] }> {
  const { candidates, diagnostics } = await findCandidates(root, siteId, config);
  // SEC-01: site.yaml's logo and banners name files of the site's assets; located only when wrong.
  const assetFields = siteAssetFieldProblems(siteId, config, () => ({ line: 1 }));
  if (assetFields.length > 0) {
    const { locate } = await loadSiteConfig(root, siteId);
    diagnostics.push(...siteAssetFieldProblems(siteId, config, locate));
  }
  // Bounded: the sites of a platform load at once, and 50,000 files open together exceed the
  // file descriptor limit; 64 in flight keep the disk as busy as all of them did.
  const loaded = await mapLimited(candidates, 64, (candidate) => loadItem(candidate, siteId, config, options));
  const items: ContentItem[] = [];
  const byId = new Map<string, ContentItem>();
  for (const { item, diagnostics: itemDiagnostics } of loaded) {
    diagnostics.push(...itemDiagnostics);
    if (!item) continue;
    const twin = byId.get(item.id);
    if (twin) {
      diagnostics.push(
        diagnostic({
          ruleId: 'FILE-05',
          file: item.file,
          line: 1,
          message: `路径名“${item.slug}”在栏目“${item.columnId}”中重复：${twin.file} 也用了它，两篇内容会得到同一个网址 ${item.url}`,
          fix: `给其中一篇换一个路径名（改文件名或目录名），例如 ${item.slug}-2`,
        }),
      );
      continue;
    }
    byId.set(item.id, item);
    items.push(item);
  }
  return { items, diagnostics };
}
