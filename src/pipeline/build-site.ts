// One site: validate, build with Astro into a staging folder, swap into place only on success.
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExternalLinks } from '../rules/output/check-links.ts';
import { OutputPageCache } from '../rules/output/page-cache.ts';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { parseContentError } from '../diagnostics/content-error.ts';
import { scrubMachineData } from '../diagnostics/scrub-machine-data.ts';
import type { LoadedSite } from '../rules/load-site.ts';
import { toSiteData, type SiteData } from '../render/site-data.ts';
import { hasItemPage, inRenderOrder, itemPageFile } from '../render/rendered-items.ts';
import { stagingDir, swapIntoPlace } from '../publish/swap-directory.ts';
import { MANIFEST_FILE, readManifest, writeIntegrityManifest } from '../publish/integrity-manifest.ts';
import { astroRootFor } from '../render/astro-root.ts';
import { astroProcess } from '../render/astro-process.ts';
import { forgetBuild, outputUnchanged, readBuildRecord, recordBuild, reusableBuild, siteInputKey } from '../incremental/build-cache.ts';
import { bodyOnlyEdit, patchBodies, siteDataKey } from '../render/body-patch.ts';
import { carryAssets, carryPages, itemAssets, itemPageKeys, listPageKeys, planRender, sharedPageKey } from '../incremental/incremental-render.ts';
import { writeSitemapXml } from '../render/sitemap-xml.ts';
import { keepOnlyNoticePages } from '../render/notice-only-output.ts';
import { WrittenPages } from '../render/written-pages.ts';
import { publishesNoticeOnly } from '../rules/site/site-09-lifecycle.ts';
import { refreshPlatformSearch } from '../index/platform-search.ts';
import { BUNDLE_DIR, INDEX_FOLDERS, partFolder, partOf, partOfFolder, PLATFORM_DIR } from '../index/search-parts.ts';
import { partKeys } from '../index/search-part-keys.ts';
import { isPage, listOutputFiles, relistFolders, sortedFiles } from '../util/output-files.ts';
import type { FileDigests } from '../util/hash-files.ts';
import { relativePath } from '../util/paths.ts';
import { once } from '../util/once.ts';
import { writeFileAtomically } from '../util/cache-file.ts';

export interface BuildOptions {
  /** Folder holding sites/ and content/. */
  root: string;
  /** Folder receiving <siteId>/ output folders. */
  outRoot: string;
  /** `YYYY-MM-DD HH:MM` China time. */
  now: string;
  verbose?: boolean;
  /** Build even when the inputs are those of the published output (see build-cache.ts). */
  force?: boolean;
  /** Digests of the content files as the platform check read them (hash-files.ts), for the build's keys. */
  fileDigests?: FileDigests;
}

export interface SiteBuildResult {
  siteId: string;
  ok: boolean;
  pages: number;
  items: number;
  seconds: number;
  diagnostics: Diagnostic[];
  /** Build output nobody could attribute to a content file (template or tooling failures). */
  internalError?: string;
  /** The published site's external links (CONT-13), also written to reports/<siteId>/external-links.json. */
  externalLinks?: ExternalLinks;
  /** Nothing the output depends on changed: the published output was kept (build-cache.ts). */
  skipped?: boolean;
  /** Item pages rendered: fewer than the items after a partial render (incremental-render.ts). */
  rendered?: number;
  /** Column list pages rendered, after a partial render that carried the others over. */
  renderedListPages?: number;
  /** Item pages whose body was replaced in the published page, without Astro (body-patch.ts). */
  patchedBodies?: number;
  /** Seconds per step of the build, for `--verbose` and docs/performance.md. */
  phases?: Record<string, number>;
}

/** Where a successful build leaves the list of the site's external links, beside `npm run check`'s reports. */
export function externalLinksReportFile(root: string, siteId: string): string {
  return path.join(root, 'reports', siteId, 'external-links.json');
}

async function writeExternalLinksReport(options: BuildOptions, siteId: string, externalLinks: ExternalLinks | undefined): Promise<void> {
  // Whole or not at all: a check may be writing the site's other reports meanwhile.
  await writeFileAtomically(externalLinksReportFile(options.root, siteId), `${JSON.stringify({ now: options.now, ...externalLinks }, null, 2)}\n`);
}

export async function countPages(dir: string): Promise<number> {
  return listOutputFiles(dir).filter(isPage).length;
}

/**
 * The files a partial render linked from the published output (src/publish/integrity-manifest.ts
 * takes their published hashes without comparing them): the carried pages' folders, and the
 * search index's parts taken whole from the published bundle.
 */
function linkedFromPublished(carried: readonly string[], files: readonly string[], reusedParts: ReadonlySet<number> | undefined): Set<string> {
  const linked = new Set(carried);
  const prefix = `${BUNDLE_DIR}/`;
  if (reusedParts?.size) {
    for (const file of files) {
      if (!file.startsWith(prefix)) continue;
      // pagefind/part-N/… is part N; every other file of the bundle is part 0's.
      const part = partOfFolder(file.slice(prefix.length).split('/')[0]!) ?? 0;
      if (reusedParts.has(part)) linked.add(file);
    }
  }
  return linked;
}

/** Pages each site being built has so far (Astro's and those carried over), for the platform's progress lines. */
export const pagesSoFar = new Map<string, () => number>();

/** Output-relative paths of the item pages, in the order Astro renders them ([slug].astro). */
function itemPageFiles(items: SiteData['items'], parts: number): string[] {
  return inRenderOrder(items, parts).filter(hasItemPage).map(itemPageFile);
}

/** The parts of the search index to take from the published bundle: same pages as then, none rendered again. */
function reusableParts(previous: readonly string[] | undefined, keys: readonly string[], renderedPages: ReadonlySet<string>, publishedBundle: string) {
  if (!previous || previous.length !== keys.length) return undefined;
  const touched = new Set([...renderedPages].map((page) => partOf(page, keys.length)));
  const reusable = keys
    .map((_, part) => part)
    .filter((part) => previous[part] === keys[part] && !touched.has(part) && existsSync(path.join(publishedBundle, partFolder(part), 'pagefind-entry.json')));
  return reusable.length ? { bundle: publishedBundle, parts: new Set(reusable) } : undefined;
}

// The index and output-check steps (Pagefind's client, pinyin-pro, parse5: 0.2 s of loading here,
// measured 2026-12-02) are loaded once Astro is started, and load while it starts: a site kept as
// published never needs them, and an edited site's render need not wait for them.
const outputSteps = once(() => Promise.all([import('../index/search-index.ts'), import('../rules/output/check-links.ts')]));

interface RenderOutcome {
  code: number;
  stderr: string;
  /** Item pages patched instead (body-patch.ts): Astro did not run. */
  patched?: number;
}

/**
 * The edited plain bodies put into their published pages (body-patch.ts), or, when one of them
 * cannot be, the same partial render with Astro (`render`), which reports a body that does not compile.
 */
async function patchOrRender(
  edit: { root: string; data: SiteData; items: SiteData['items']; published: string; manifest: Promise<{ files: Record<string, string> } | undefined>; renderedDir: string; written?: WrittenPages },
  render: () => Promise<RenderOutcome>,
): Promise<RenderOutcome> {
  const files = (await edit.manifest)?.files;
  const pages = files && (await patchBodies(edit.root, edit.data, edit.items, edit.published, Object.keys(files), edit.renderedDir).catch(() => undefined));
  if (!pages) {
    await rm(edit.renderedDir, { recursive: true, force: true });
    return render();
  }
  for (const page of pages) edit.written?.markWritten(page);
  return { code: 0, stderr: '', patched: pages.length };
}

function runAstro(siteId: string, options: BuildOptions, outDir: string, dataFile: string, written: WrittenPages | undefined): Promise<RenderOutcome> {
  return new Promise((resolve) => {
    const child = astroProcess(
      // Astro puts intermediate server chunks in <cwd>/.astro when the output folder is outside
      // the cwd: the site's own root keeps parallel builds apart.
      astroRootFor(options.root, siteId),
      {
        GOVSITE_SITE: siteId,
        GOVSITE_CONTENT_ROOT: options.root,
        GOVSITE_OUT_DIR: outDir,
        GOVSITE_NOW: options.now,
        GOVSITE_DATA_FILE: dataFile,
        // Astro's info log names each page it has written (written-pages.ts); shown only with --verbose.
        ...(options.verbose || written ? { GOVSITE_ASTRO_LOG: 'info' } : {}),
      },
    );
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      written?.feed(chunk);
      if (options.verbose) process.stdout.write(chunk);
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}


/** Turns the worker's failure into a diagnostic when it points into content, else a platform error (scrubbed where it is printed: build-platform.ts). */
function explainAstroFailure(stderr: string, root: string): { diagnostics: Diagnostic[]; internalError?: string } {
  const line = stderr.split('\n').find((l) => l.startsWith('GOVSITE_BUILD_ERROR '));
  if (!line) return { diagnostics: [], internalError: stderr.trim() || 'Astro 构建进程异常退出' };
  const error = JSON.parse(line.slice('GOVSITE_BUILD_ERROR '.length)) as { message: string; file?: string; line?: number; column?: number };
  const file = error.file ? relativePath(root, error.file.replace(/^file:\/\//, '').split('?')[0]!) : undefined;
  const inContent = file !== undefined && file.startsWith('content/') && file.endsWith('.mdx');
  // Raised by govsite's own plugins in the compile (plugins/mdx-data-only.ts, checked-body.ts).
  const content = parseContentError(error.message);
  if (content && inContent) {
    return { diagnostics: [diagnostic({ ruleId: content.ruleId, file, line: content.line ?? error.line, column: content.column ?? error.column, message: content.message, fix: content.fix })] };
  }
  if (inContent) {
    return {
      diagnostics: [
        diagnostic({
          ruleId: 'FILE-06',
          file,
          line: error.line,
          column: error.column,
          // The compiler's own words may quote the file they failed on: only its first line, scrubbed.
          message: `正文无法渲染：${scrubMachineData(error.message.split('\n')[0]!, root)}`,
          fix: '检查这一行的 MDX 写法（尖括号、花括号、组件名和图片路径）',
        }),
      ],
    };
  }
  return { diagnostics: [], internalError: `${error.message}${file ? `\n  位置：${file}${error.line ? `:${error.line}` : ''}` : ''}` };
}

/**
 * Builds a site the platform loader has already checked (`loaded`), replacing its output only on
 * success. `wholeSite`: no partial render (after one found the published output changed by hand).
 */
export async function buildSite(loaded: LoadedSite, options: BuildOptions, wholeSite = false): Promise<SiteBuildResult> {
  const siteId = loaded.id;
  const started = performance.now();
  const phases: Record<string, number> = {};
  let phaseStarted = started;
  const phaseDone = (name: string) => {
    const at = performance.now();
    phases[name] = (at - phaseStarted) / 1000;
    phaseStarted = at;
  };
  const finish = (result: Omit<SiteBuildResult, 'seconds' | 'siteId'>): SiteBuildResult => {
    pagesSoFar.delete(siteId);
    return { siteId, seconds: (performance.now() - started) / 1000, phases, ...result };
  };
  if (!loaded.model) return finish({ ok: false, pages: 0, items: 0, diagnostics: loaded.diagnostics });
  const items = loaded.model.items.length;

  const staging = stagingDir(options.outRoot, siteId);
  const target = path.join(options.outRoot, siteId);
  const dataFile = `${staging}.json`;
  const siteData = toSiteData(loaded.model, options.now);
  const inputKey = await siteInputKey(options.root, siteData, options.fileDigests);
  // The published output must be what its record says before it is kept or carried over: kept
  // (same inputs), it is compared now; carried over (a partial render), while Astro renders.
  const record = options.force ? undefined : await readBuildRecord(options.outRoot, siteId);
  const sameInputs = record?.key === inputKey;
  const published = record && (!sameInputs || (await outputUnchanged(options.outRoot, siteId, record))) ? record : undefined;
  const reusable = reusableBuild(published, inputKey);
  phaseDone('缓存键');
  if (reusable) {
    // The governance checks on the sources ran (loaded.diagnostics); the output checks' findings
    // are those of the same output.
    await refreshPlatformSearch(options.root, options.outRoot);
    await writeExternalLinksReport(options, siteId, reusable.externalLinks);
    const diagnostics = [...loaded.diagnostics, ...reusable.diagnostics];
    return finish({ ok: true, skipped: true, pages: reusable.pages, items, diagnostics, externalLinks: reusable.externalLinks });
  }
  // A partial render when only some items changed (incremental-render.ts); a notice-only site renders whole.
  const sharedKey = await sharedPageKey(options.root, siteData, options.fileDigests);
  const itemKeys = await itemPageKeys(options.root, siteData, options.fileDigests);
  const listKeys = listPageKeys(siteData);
  const noticeOnly = publishesNoticeOnly(loaded.model.config);
  const plan = noticeOnly || wholeSite ? undefined : planRender(published, sharedKey, itemKeys, listKeys);
  const dataKey = siteDataKey(siteData);
  // Only plain bodies changed: their pages are patched, without Astro (body-patch.ts).
  const bodyEdit = bodyOnlyEdit(plan, siteData, plan?.previous.siteData, dataKey);
  phaseDone('内容页键');
  // A partial render: Astro writes the pages it renders into a folder of their own (it empties
  // its output folder when it starts), while the pages carried over are linked into the staging
  // folder meanwhile (incremental-render.ts); the rendered ones join them once Astro is done.
  const rendered = plan ? `${staging}.rendered` : staging;
  const removeStaging = async () => {
    await rm(staging, { recursive: true, force: true });
    await rm(rendered, { recursive: true, force: true });
  };
  await removeStaging();
  await writeFile(dataFile, JSON.stringify(plan ? { ...siteData, renderOnly: plan.render, renderListPages: plan.renderListPages } : siteData));
  // The item pages are indexed as Astro writes them (written-pages.ts), so Pagefind works while
  // Astro renders. A notice-only site keeps only its notice, so it is indexed once complete.
  const written = noticeOnly ? undefined : new WrittenPages();
  // The published output's manifest, after a partial render: its file list and the hashes of the files carried over.
  const manifestReading = plan ? readManifest(target).catch(() => undefined) : undefined;
  const astro = bodyEdit
    ? patchOrRender({ root: options.root, data: siteData, items: bodyEdit, published: target, manifest: manifestReading!, renderedDir: rendered, written }, () =>
        runAstro(siteId, options, rendered, dataFile, written),
      )
    : runAstro(siteId, options, rendered, dataFile, written);
  const steps = outputSteps();
  // Pages unchanged since the last build are not parsed again (page-cache.ts); --force parses all.
  // Read while Astro renders: at 10,000 pages the file takes half a second to parse.
  const pageCacheOpening = options.force ? undefined : OutputPageCache.open<unknown>(options.root, siteId).catch(() => undefined);
  const rerendered = new Set(plan?.render);
  // The search index in parts (search-parts.ts): a part none of whose pages is rendered again is
  // taken from the published output.
  const parts = noticeOnly ? 1 : siteData.searchParts;
  const itemPages = itemPageFiles(siteData.items, parts);
  // In a partial render, the item pages written again; the others are carried over from the published output.
  const renderedPages = plan && new Set(itemPageFiles(siteData.items.filter((item) => rerendered.has(item.id)), parts));
  const carried = (page: string) => renderedPages !== undefined && !renderedPages.has(page);
  const searchParts = partKeys(itemPages, parts);
  const reuse = plan && renderedPages && reusableParts(plan.previous.searchParts, searchParts, renderedPages, path.join(target, BUNDLE_DIR));
  // The staging folder's files once Astro is done and the carried pages are in (src/util/output-files.ts).
  const listed = Promise.withResolvers<string[]>();
  const listedPages = listed.promise.then((files) => files.filter(isPage));
  // A failed build rejects them, and the index may never ask (it stops at written.fail()).
  listedPages.catch(() => undefined);
  if (written) pagesSoFar.set(siteId, () => written.count + (renderedPages ? itemPages.length - renderedPages.size : 0));
  const streamedIndex =
    written &&
    steps.then(([{ buildSearchIndex }]) =>
      buildSearchIndex(siteId, staging, options, {
        inProgress: {
          order: itemPages,
          ready: async (page) => (carried(page) ? target : (await written.ready(page), rendered)),
          complete: written.complete,
          pages: listedPages,
        },
        parts,
        reuse,
      }),
    );
  const publishedManifest = await manifestReading;
  const carrying = plan && carryPages(target, staging, siteData, plan, publishedManifest && Object.keys(publishedManifest.files)).catch((error: unknown) => ({ error }));
  // The comparison of the published output with its record, deferred while it was carried over.
  // Over the files its manifest lists, which are those a partial render carries: a walk of the
  // 10,000 folders beside Astro took 2.6 s of the main thread, which feeds the search index
  // meanwhile, and the stats alone 0.2 s (measured 2026-12-02). A listed file gone: changed.
  // Giving up this output: the index waiting for its pages must let go of Pagefind, which other
  // sites' builds share, and nothing staged stays.
  const abandonOutput = async (reason: unknown) => {
    listed.reject(reason);
    written?.fail();
    await streamedIndex;
    await removeStaging();
  };
  const publishedIntact =
    plan &&
    published &&
    outputUnchanged(options.outRoot, siteId, published, publishedManifest && sortedFiles([...Object.keys(publishedManifest.files), MANIFEST_FILE])).catch(() => false);
  const { code, stderr, patched } = await astro;
  const carriedPages = await carrying;
  // Astro regenerates its root's files on every build; only the cacheDir is worth keeping.
  await rm(astroRootFor(options.root, siteId), { recursive: true, force: true });
  await rm(dataFile, { force: true });
  if (publishedIntact && !(await publishedIntact)) {
    // Someone changed or removed published files by hand: nothing of them may be carried over.
    await abandonOutput(new Error('已发布的输出被改动'));
    return buildSite(loaded, options, true);
  }
  phaseDone(patched ? '替换正文（未启动 Astro）' : 'Astro 渲染');
  if (code !== 0 || !existsSync(path.join(rendered, 'index.html'))) {
    await abandonOutput(new Error('构建失败'));
    const failure = code !== 0 ? explainAstroFailure(stderr, options.root) : { diagnostics: [], internalError: '构建没有生成首页 index.html' };
    return finish({ ok: false, pages: 0, items, diagnostics: [...loaded.diagnostics, ...failure.diagnostics], internalError: failure.internalError });
  }
  // The staging folder's files: after a partial render exactly those linked into it (it starts
  // empty), so the 10,000 folders of a large site are not walked again.
  let outputFiles: string[];
  // Carried pages: their bytes' SHA-256 is in the published manifest (for the output checks).
  const carriedDigests = new Map<string, string>();
  try {
    if (carriedPages) {
      // The rendered pages join the carried ones, with the files of the carried pages the render
      // did not make; then sitemap.xml lists the whole site again.
      if ('error' in carriedPages) throw carriedPages.error;
      const joined = await carryAssets(target, staging, rendered, carriedPages.assets);
      outputFiles = sortedFiles([...carriedPages.files, ...joined]);
      await writeSitemapXml(siteData, pathToFileURL(`${staging}${path.sep}`), outputFiles.filter(isPage));
      outputFiles = sortedFiles([...outputFiles, 'sitemap.xml']);
      if (publishedManifest) for (const file of carriedPages.files) if (isPage(file) && publishedManifest.files[file]) carriedDigests.set(file, publishedManifest.files[file]);
      phaseDone(`合并未变化的 ${items - plan.render.length} 个内容页`);
    } else {
      // SITE-09: a temporarily offline or closed site publishes only its notice (index.html, 404.html).
      if (noticeOnly) await keepOnlyNoticePages(staging);
      outputFiles = listOutputFiles(staging);
    }
  } catch (error) {
    await abandonOutput(error);
    throw error;
  }
  listed.resolve(outputFiles);
  written?.finish();
  const pages = outputFiles.filter(isPage).length;
  // SRCH-01…03: the site's search index (docs/search.md), and CONT-13 / HEALTH-05: links,
  // images, anchors and hidden links of the output. Either failing keeps the old output. They
  // overlap (Pagefind indexes in its own process while the checks parse the pages here); the
  // checks resolve links against the output once the index is written.
  const [{ buildSearchIndex }, { checkOutputLinks }] = await steps;
  const indexing = streamedIndex ?? buildSearchIndex(siteId, staging, options);
  // Which /_astro/ files each item page uses, for the next partial render: read meanwhile too.
  const assetsReading = itemAssets(staging, siteData.items, plan && new Set(plan.render), plan?.previous.assets);
  const pageCache = await pageCacheOpening;
  // The index step adds its folders to the output (search-index.ts): walked again once it is done.
  const completeFiles = indexing.then(() => relistFolders(outputFiles, staging, INDEX_FOLDERS));
  completeFiles.catch(() => undefined);
  const checking = checkOutputLinks({
    outDir: staging,
    publishedDir: target,
    root: options.root,
    data: siteData,
    outputComplete: indexing,
    pageCache,
    digests: carriedDigests,
    listing: { initial: outputFiles, complete: completeFiles },
  }).then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  // Each one's own end too (they overlap): which of them the editor waits for.
  const sinceOutput = performance.now();
  const ended = <T>(work: Promise<T>) => work.then((value) => ({ value, seconds: (performance.now() - sinceOutput) / 1000 }));
  const [indexed, checkedEnd] = await Promise.all([ended(indexing), ended(checking)]);
  const searchError = indexed.value;
  const checked = checkedEnd.value;
  // The rendered pages are linked into the staging folder; the index read them where Astro wrote them.
  if (rendered !== staging) await rm(rendered, { recursive: true, force: true });
  phaseDone(`搜索索引与输出检查（索引 ${indexed.seconds.toFixed(1)}s，检查 ${checkedEnd.seconds.toFixed(1)}s）`);
  if (searchError) {
    await removeStaging();
    return finish({ ok: false, pages: 0, items, diagnostics: loaded.diagnostics, internalError: searchError });
  }
  if ('error' in checked) {
    await removeStaging();
    const error = checked.error as Error;
    return finish({ ok: false, pages: 0, items, diagnostics: loaded.diagnostics, internalError: `输出链接检查出错：${error.stack ?? error}` });
  }
  const links = checked.result;
  await pageCache?.save();
  const diagnostics = [...loaded.diagnostics, ...links.diagnostics];
  if (hasErrors(links.diagnostics)) {
    await removeStaging();
    return finish({ ok: false, pages: 0, items, diagnostics });
  }
  // PUB-02 防篡改 (issue 9): the integrity manifest, the last file written, over the output as published.
  // Not the portal's copies of the other sites' bundles: those are replaced while sites build in
  // parallel (refreshPlatformSearch), and the published manifest can name older bytes for them.
  const knownHashes = publishedManifest && Object.fromEntries(Object.entries(publishedManifest.files).filter(([file]) => !file.startsWith(`${PLATFORM_DIR}/`)));
  const publishedFiles = await completeFiles;
  const linked = carriedPages && !('error' in carriedPages) ? linkedFromPublished(carriedPages.files, publishedFiles, reuse?.parts) : undefined;
  await writeIntegrityManifest(staging, siteId, knownHashes && { dir: target, files: knownHashes, linked }, publishedFiles);
  phaseDone('完整性清单');
  await forgetBuild(options.outRoot, siteId);
  await swapIntoPlace(staging, target);
  phaseDone('替换发布目录');
  const assets = await assetsReading;
  await recordBuild(options.outRoot, siteId, {
    key: inputKey,
    pages,
    diagnostics: links.diagnostics,
    externalLinks: links.externalLinks,
    itemPages: noticeOnly ? undefined : { shared: sharedKey, items: itemKeys, assets, searchParts, listPages: listKeys, siteData: dataKey },
  }, sortedFiles([...publishedFiles, MANIFEST_FILE]));
  phaseDone('构建记录');
  await refreshPlatformSearch(options.root, options.outRoot);
  await writeExternalLinksReport(options, siteId, links.externalLinks);
  phaseDone('全省搜索副本与报告');
  return finish({ ok: true, pages, items, diagnostics, externalLinks: links.externalLinks, rendered: plan ? plan.render.length : items, renderedListPages: plan?.renderListPages?.length, patchedBodies: patched });
}
