// One site's build, in a straight line: plan (src/incremental/plan-build.ts), make the output in a
// staging folder (make-output.ts), index and check it (check-output.ts), and publish it by one
// swap (src/publish/swap-directory.ts). Any failure leaves the published output as it was.
import path from 'node:path';
import type { LoadedSite } from '../rules/load-site.ts';
import { nextScheduled, toSiteData } from '../render/site-data.ts';
import { publishesNoticeOnly } from '../rules/site/site-09-lifecycle.ts';
import { stagingDir, swapIntoPlace } from '../publish/swap-directory.ts';
import { MANIFEST_FILE, writeIntegrityManifest } from '../publish/integrity-manifest.ts';
import { refreshPlatformSearch } from '../index/platform-search.ts';
import { PLATFORM_DIR } from '../index/search-parts.ts';
import { forgetBuild, readPublishedBuild, recordBuild, type BuildRecord, type PublishedBuild } from '../incremental/build-record.ts';
import { itemPagesRecord, keepPlan, planSiteBuild, type SitePlan } from '../incremental/plan-build.ts';
import { inputKey, siteKeys, type SiteKeys } from '../incremental/site-keys.ts';
import { checkingFingerprint } from '../incremental/build-inputs.ts';
import { OutputPageCache } from '../rules/output/page-cache.ts';
import { itemAssets } from '../render/carry-pages.ts';
import { sortedFiles } from '../util/output-files.ts';
import { makeOutput, type MadeOutput, type OutputJob } from './make-output.ts';
import { checkOutput, type CheckedOutput } from './check-output.ts';
import { linkedFromPublished } from './search-step.ts';
import { PhaseClock, pagesSoFar, writeExternalLinksReport, type BuildOptions, type SiteBuildResult } from './site-build.ts';

export { countPages, externalLinksReportFile, pagesSoFar, type BuildOptions, type SiteBuildResult } from './site-build.ts';

const PLAN_NAMES: Record<SitePlan['kind'], string> = { keep: '保留已发布', patch: '替换正文', render: '部分渲染', full: '全部渲染' };

/** Nothing the output depends on changed: the published output stays, with the findings of its checks. */
async function keepPublished(loaded: LoadedSite, options: BuildOptions, record: BuildRecord) {
  await refreshPlatformSearch(options.root, options.outRoot);
  await writeExternalLinksReport(options, loaded.id, record.externalLinks);
  return { ok: true, skipped: true, pages: record.pages, diagnostics: [...loaded.diagnostics, ...record.diagnostics], externalLinks: record.externalLinks };
}

/** PUB-02 防篡改: the integrity manifest over the output as published, the last file written; then the swap and the record. */
async function publish(job: OutputJob, made: MadeOutput, checked: CheckedOutput, keys: SiteKeys, clock: PhaseClock): Promise<void> {
  const { options, data, staging, target, published } = job;
  // Not the portal's copies of the other sites' bundles: those are replaced while sites build in
  // parallel (refreshPlatformSearch), and the published manifest can name older bytes for them.
  const manifest = published.manifest && job.plan.kind !== 'full' ? published.manifest.files : undefined;
  const knownHashes = manifest && Object.fromEntries(Object.entries(manifest).filter(([file]) => !file.startsWith(`${PLATFORM_DIR}/`)));
  const linked = made.carriedFiles && linkedFromPublished(made.carriedFiles, checked.files, made.search.reuse?.parts);
  await writeIntegrityManifest(staging, data.id, knownHashes && { dir: target, files: knownHashes, linked }, checked.files);
  clock.done('完整性清单');
  // Which /_astro/ files each item page uses, for the next partial render.
  const render = job.plan.kind === 'full' ? undefined : job.plan.render;
  const assets = await itemAssets(staging, data.items, render && new Set(render.render), render?.previous.assets);
  await forgetBuild(options.outRoot, data.id);
  await swapIntoPlace(staging, target);
  clock.done('替换发布目录');
  const record = { key: keys.input, pages: checked.pages, diagnostics: checked.diagnostics, externalLinks: checked.externalLinks };
  const itemPages = job.noticeOnly ? undefined : itemPagesRecord(keys, assets, made.search.searchParts);
  await recordBuild(options.outRoot, data.id, { ...record, itemPages }, sortedFiles([...checked.files, MANIFEST_FILE]));
  await refreshPlatformSearch(options.root, options.outRoot);
  await writeExternalLinksReport(options, data.id, checked.externalLinks);
  clock.done('构建记录、全省搜索副本与报告');
}

/**
 * Builds a site the platform loader has already checked (`loaded`), replacing its output only on
 * success.
 */
export async function buildSite(loaded: LoadedSite, options: BuildOptions): Promise<SiteBuildResult> {
  const clock = new PhaseClock();
  const items = loaded.model?.items.length ?? 0;
  const finish = (result: Omit<SiteBuildResult, 'seconds' | 'siteId' | 'items'>): SiteBuildResult => {
    pagesSoFar.delete(loaded.id);
    const scheduled = loaded.model && nextScheduled(loaded.model, options.now);
    return { siteId: loaded.id, seconds: clock.seconds, phases: clock.phases, items, ...(scheduled && { nextScheduled: scheduled }), ...result };
  };
  if (!loaded.model) return finish({ ok: false, pages: 0, diagnostics: loaded.diagnostics });
  const data = toSiteData(loaded.model, options.now);
  const noticeOnly = publishesNoticeOnly(loaded.model.config);
  const [input, published] = await Promise.all([inputKey(options.root, data, options.fileDigests), options.force ? ({} as PublishedBuild) : readPublishedBuild(options.outRoot, data.id)]);
  // A kept output needs no page keys: at 10,000 items they are most of a no-change build's time.
  const keep = keepPlan(input, published.record);
  if (keep) {
    clock.done(`计划（${PLAN_NAMES.keep}）`);
    return finish(await keepPublished(loaded, options, keep.record));
  }
  const keys = await siteKeys(options.root, data, options.fileDigests, input);
  const plan = planSiteBuild({ keys, published: published.record, data, noticeOnly });
  clock.done(`计划（${PLAN_NAMES[plan.kind]}）`);
  if (plan.kind === 'keep') return finish(await keepPublished(loaded, options, plan.record));

  const staging = stagingDir(options.outRoot, data.id);
  const job: OutputJob = { options, data, plan, published, noticeOnly, staging, target: path.join(options.outRoot, data.id) };
  // Pages unchanged since the last build are not parsed again (page-cache.ts); --force parses all.
  // Read while Astro renders: at 10,000 pages the file takes half a second to parse.
  const pageCache = options.force ? undefined : checkingFingerprint(options.root).then((program) => OutputPageCache.open<unknown>(options.root, data.id, program.slice(0, 16))).catch(() => undefined);
  const made = await makeOutput(job);
  clock.done(made.ok && made.patched ? '替换正文（未启动 Astro）' : 'Astro 渲染');
  if (!made.ok) return finish({ ok: false, pages: 0, diagnostics: [...loaded.diagnostics, ...made.diagnostics], internalError: made.internalError });

  const checked = await checkOutput(job, made, pageCache, clock);
  if (!checked.ok) return finish({ ok: false, pages: 0, diagnostics: [...loaded.diagnostics, ...checked.diagnostics], internalError: checked.internalError });

  await publish(job, made, checked, keys, clock);
  const partial = plan.kind === 'full' ? undefined : plan.render;
  return finish({
    ok: true,
    pages: checked.pages,
    diagnostics: [...loaded.diagnostics, ...checked.diagnostics],
    externalLinks: checked.externalLinks,
    rendered: partial ? partial.render.length : items,
    renderedListPages: partial?.renderListPages?.length,
    patchedBodies: made.patched,
  });
}
