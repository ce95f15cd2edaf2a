// Builds a set of sites, a few at a time, reporting progress and a summary. One broken site
// never stops the others; the exit status says whether all of them built.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { formatDiagnostic } from '../diagnostics/diagnostic.ts';
import { scrubMachineData } from '../diagnostics/scrub-machine-data.ts';
import { checkPlatform } from './check-platform.ts';
import type { LoadedSite } from '../rules/load-site.ts';
import { ItemCache } from '../incremental/item-cache.ts';
import { stagingDir } from '../publish/swap-directory.ts';
import { buildSite, countPages, pagesSoFar, type BuildOptions, type SiteBuildResult } from './build-site.ts';
import { publishPreviousDomainNotice } from '../render/previous-domain-site.ts';

export interface PlatformBuildOptions extends BuildOptions {
  jobs?: number;
  log?: (line: string) => void;
  /** How often a long build says how far it got. */
  progressIntervalMs?: number;
  /** Vetoes (单项否决) fail a site's build, as errors do. */
  strict?: boolean;
}

function seconds(s: number): string {
  return `${s.toFixed(1)}s`;
}

/** CONT-13: how many other websites the site links to (the list: reports/<siteId>/external-links.json). */
function externalSummary(result: SiteBuildResult): string {
  if (!result.externalLinks) return '';
  const { hosts, links } = result.externalLinks;
  const other = hosts.filter((h) => !h.government).length;
  const direct = new Set(links.filter((l) => !l.government && !l.viaNotice).map((l) => l.host)).size;
  return `，外部链接 ${hosts.length} 个网站（非政府网站 ${other} 个${direct > 0 ? `，其中 ${direct} 个未经离站提示` : ''}）`;
}

/** After a partial render (src/render/carry-pages.ts): how many item pages were rendered again. */
function partialSummary(result: SiteBuildResult): string {
  if (result.rendered === undefined || result.rendered >= result.items) return '';
  // List pages: the columns', and the 政府信息公开目录's and 政策文件库's pages (OPEN-03, OPEN-04).
  const lists = result.renderedListPages !== undefined ? `和 ${result.renderedListPages} 个列表页` : '';
  // Patched bodies (body-patch.ts): the editor learns that the edit was published without a render.
  const patched = result.patchedBodies ? `；只改了正文，直接替换了 ${result.patchedBodies} 个页面的正文，未启动 Astro` : '';
  return `（只重新渲染了有改动的 ${result.rendered} 个内容页${lists}${patched}）`;
}

export async function buildPlatform(siteIds: readonly string[], options: PlatformBuildOptions): Promise<SiteBuildResult[]> {
  // Items refer to each other across sites: load and check the whole platform once, with the
  // same checks as `npm run check` (inspection indicators computed against --now).
  const checkStarted = performance.now();
  // Files unchanged since the last build keep their findings (src/incremental/item-cache.ts); --force re-checks all.
  const itemCache = options.force ? undefined : await ItemCache.open(options.root);
  const platform = await checkPlatform(options.root, options.now, { itemCache });
  // Sites whose items changed go first: an editor waits for the site they changed, not for the
  // others to be found unchanged. (Only the order: every site is still checked for changes.)
  const changed = new Set(itemCache?.changedFiles().map((file) => file.split('/')[1]));
  siteIds = [...siteIds.filter((id) => changed.has(id)), ...siteIds.filter((id) => !changed.has(id))];
  await itemCache?.save();
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (options.verbose) log(`全平台读取与治理检查用时 ${seconds((performance.now() - checkStarted) / 1000)}`);
  const jobs = Math.max(1, Math.min(options.jobs ?? Math.min(2, availableParallelism()), siteIds.length));
  const started = performance.now();
  const results: SiteBuildResult[] = [];
  const running = new Map<string, number>();
  let next = 0;

  log(`开始构建 ${siteIds.length} 个站点（并行 ${jobs} 个）`);
  const heartbeat = setInterval(async () => {
    for (const [siteId, since] of running) {
      // Astro's log names each page it has written (written-pages.ts); a site without that log
      // (a notice-only one, a few pages) is counted in its staging folder.
      const staging = stagingDir(options.outRoot, siteId);
      const soFar = pagesSoFar.get(siteId);
      const pages = soFar ? soFar() : existsSync(staging) ? await countPages(staging).catch(() => 0) : 0;
      log(`  … ${siteId} 构建中：已生成 ${pages} 个页面，已用 ${seconds((performance.now() - since) / 1000)}`);
    }
  }, options.progressIntervalMs ?? 10_000);
  heartbeat.unref();

  async function worker() {
    while (next < siteIds.length) {
      const index = next++;
      const siteId = siteIds[index]!;
      log(`▶ [${index + 1}/${siteIds.length}] ${siteId}：校验内容并构建`);
      running.set(siteId, performance.now());
      const checked = platform.get(siteId);
      // Strict mode (CI and publishing): a veto (单项否决) stops the site like an error.
      const loaded: LoadedSite = !checked ? { id: siteId, diagnostics: [] } : options.strict && checked.vetoed ? { ...checked, model: undefined } : checked;
      const result = await buildSite(loaded, { ...options, fileDigests: itemCache?.digests, platformPages: checked?.platformPages });
      // SITE-09: the old domains' notice site, dist/<siteId>--previous-domain/, follows the site's output.
      if (result.ok && loaded.model) await publishPreviousDomainNotice(options.outRoot, siteId, loaded.model.config);
      running.delete(siteId);
      results.push(result);
      for (const d of result.diagnostics) log(formatDiagnostic(d));
      if (options.verbose && result.phases) {
        log(`  ${siteId} 各步用时：${Object.entries(result.phases).map(([name, s]) => `${name} ${seconds(s)}`).join('，')}`);
      }
      if (result.internalError) log(`  构建程序出错（不是内容问题，请联系平台技术人员）：\n${scrubMachineData(result.internalError, options.root)}`);
      log(
        result.skipped
          ? `✔ ${siteId}：未变化，跳过构建，保留已发布的 dist/${siteId}/（${result.items} 条内容，${result.pages} 个页面，用时 ${seconds(result.seconds)}）`
          : result.ok
          ? `✔ ${siteId}：${result.items} 条内容，${result.pages} 个页面${partialSummary(result)}，用时 ${seconds(result.seconds)}${externalSummary(result)}`
          : `✘ ${siteId}：${options.strict && result.diagnostics.some((d) => d.severity === 'veto') ? '有单项否决项（严格模式），' : ''}构建失败，已发布的 dist/${siteId}/ 保持不变（用时 ${seconds(result.seconds)}）`,
      );
    }
  }
  try {
    await Promise.all(Array.from({ length: jobs }, worker));
  } finally {
    clearInterval(heartbeat);
  }

  results.sort((a, b) => a.siteId.localeCompare(b.siteId));
  const failed = results.filter((r) => !r.ok);
  const errorCount = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error' || (options.strict && d.severity === 'veto')).length, 0);
  log('');
  log('站点            结果    内容  页面   用时');
  for (const r of results) {
    log(`${r.siteId.padEnd(16)}${(r.skipped ? '未变化' : r.ok ? '成功' : '失败').padEnd(6)}${String(r.items).padStart(6)}${String(r.pages).padStart(6)}${seconds(r.seconds).padStart(8)}`);
  }
  log(
    failed.length === 0
      ? `全部 ${results.length} 个站点构建成功，总用时 ${seconds((performance.now() - started) / 1000)}`
      : `${failed.length} 个站点构建失败（${failed.map((r) => r.siteId).join('、')}），共 ${errorCount} 个错误；其余 ${results.length - failed.length} 个站点构建成功`,
  );
  // 定时发布: when to build again so that the next scheduled item is published on time.
  const scheduled = results.flatMap((r) => (r.nextScheduled ? [{ siteId: r.siteId, ...r.nextScheduled }] : [])).sort((a, b) => (a.pubDate < b.pubDate ? -1 : 1));
  if (scheduled[0]) {
    const first = scheduled[0];
    log(`定时发布：下一篇 ${first.file} 将于 ${first.pubDate} 到期，届时（或之后）重新构建 ${first.siteId} 才会发布；共有 ${scheduled.length} 个站点有定时发布的内容`);
  }
  return results;
}
