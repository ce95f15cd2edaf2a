// The items of a site loaded and checked: each file found (src/content/item-files.ts) is read,
// its front matter validated and its body checked by the content rules, or its result taken
// from the item cache when the file has not changed.
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseYaml } from '../config/parse-yaml.ts';
import { decodeSource } from '../config/read-source-file.ts';
import { loadSiteConfig } from '../config/load-site-config.ts';
import { siteAssetFieldProblems } from '../config/site-asset-fields.ts';
import { createLocator, validateYaml } from '../config/validate-yaml.ts';
import { splitFrontMatter } from '../content/front-matter.ts';
import { bodyLinks } from '../content/body-links.ts';
import { findCandidates } from '../content/item-files.ts';
import { lazyLocator, newItem, type Candidate, type ContentItem } from '../content/items.ts';
import type { parseMdxBody } from '../content/parse-mdx-body.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { fileStamp, type FrontMatterCache } from '../incremental/front-matter-cache.ts';
import type { ItemCache } from '../incremental/item-cache.ts';
import { frontMatterSchema } from '../schema/front-matter-schema.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import { frontImageProblem } from '../security/front-image.ts';
import { mapLimited } from '../util/map-limited.ts';
import { once } from '../util/once.ts';
import type { ItemLoadPool } from './item-load-pool.ts';

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
    const item = newItem(candidate, siteId, cached.data, cached.bodyFirstLine, split.body, lazyLocator(candidate));
    return { item: cached.links ? { ...item, links: cached.links } : item, diagnostics: cached.diagnostics };
  }
  const loaded = await loadWhole(candidate, siteId, config, pool, bytes);
  cache.set(candidate.file, key, { data: loaded.item?.data ?? null, bodyFirstLine: loaded.item?.bodyFirstLine ?? 1, diagnostics: loaded.diagnostics, links: loaded.item?.links });
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
const bodyCheckers = once(() => Promise.all([import('../content/parse-mdx-body.ts'), import('./content/run-item-checks.ts')]));

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
  const item = newItem(candidate, siteId, data, split.bodyFirstLine, split.body, locate);
  // The body's addresses, for the platform's link check (CONT-13), which runs afresh every time.
  if (body.tree) item.links = bodyLinks(body.tree, split.bodyFirstLine);
  return { item, diagnostics };
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
