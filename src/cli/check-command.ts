// `npm run check`: the governance check and the inspection reports (REP-01…03).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkPlatform } from '../pipeline/check-platform.ts';
import { compareDiagnostics, countBySeverity, formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { readBuildRecord } from '../incremental/build-record.ts';
import { annualFigures, annualFiguresHtml } from '../report/annual-figures.ts';
import { FrontMatterCache } from '../incremental/front-matter-cache.ts';
import { ItemCache } from '../incremental/item-cache.ts';
import { inspectionHtml, inspectionReport } from '../report/inspection-report.ts';
import { isCalendarDate, isChinaDateTime } from '../schema/fields.ts';
import { relativePath } from '../util/paths.ts';
import { writeFileAtomically } from '../util/cache-file.ts';
import { fail } from './usage-error.ts';
import { MANIFEST_FILE } from '../publish/integrity-manifest.ts';

interface CheckFlags {
  files?: string[];
  strict?: boolean;
  from?: string;
  to?: string;
  format?: string;
  out?: string;
}

function windowBound(value: string, flag: string, endOfDay: boolean): string {
  if (isChinaDateTime(value)) return value;
  if (isCalendarDate(value)) return `${value} ${endOfDay ? '23:59' : '00:00'}`;
  return fail(`${flag} 的格式应为 "YYYY-MM-DD" 或 "YYYY-MM-DD HH:MM"，收到的是“${value}”`);
}

export async function runCheck(root: string, now: string, flags: CheckFlags, siteIds: string[]): Promise<number> {
  // A reporting window (REP-03): the inspection is as of its end; figures count what it holds.
  const window = flags.from || flags.to
    ? { from: windowBound(flags.from ?? `${now.slice(0, 4)}-01-01`, '--from', false), to: windowBound(flags.to ?? now, '--to', true) }
    : undefined;
  const inspectedAt = window?.to ?? now;
  const figuresWindow = window ?? { from: `${now.slice(0, 4)}-01-01 00:00`, to: now };
  const files = flags.files?.map((f) => relativePath(root, path.resolve(f)));
  const json = flags.format === 'json';
  const log = (line: string) => {
    if (!json) console.log(line);
  };

  const reportRoot = path.resolve(flags.out ?? path.join(root, 'reports'));
  if (!files) refuseOutputFolder(reportRoot, siteIds);
  // An editor's check of a few files parses only their bodies; the others' front matter is
  // still read, since relations (interpretations, replacements, reprints) cross files.
  const focus = files ? new Set(files) : undefined;
  // A full check fills the cache too, so the first pre-commit check after it is already fast.
  const frontMatterCache = await FrontMatterCache.open(root);
  // A full check reuses the findings of files unchanged since the last build or check.
  const itemCache = focus ? undefined : await ItemCache.open(root);
  const platform = await checkPlatform(root, inspectedAt, { frontMatterCache, itemCache, linksAt: now, ...(focus && { checkBody: (file: string) => focus.has(file) }) });
  await frontMatterCache.save();
  await itemCache?.save();
  const reports = [];
  let failed = false;
  for (const siteId of siteIds) {
    const checked = platform.get(siteId)!;
    // REP-01: the report has the published output's link findings too, where a build ran.
    const site = files ? checked : { ...checked, diagnostics: [...checked.diagnostics, ...(await publishedLinkFindings(root, siteId, checked.diagnostics))].sort(compareDiagnostics) };
    const shown = files ? site.diagnostics.filter((d) => files.includes(d.file)) : site.diagnostics;
    for (const d of shown) log(formatDiagnostic(d));
    const counts = countBySeverity(shown);
    if (counts.error > 0 || (flags.strict && counts.veto > 0)) failed = true;
    if (files) continue; // an editor's pre-commit check: findings only, no reports
    const report = inspectionReport(site, inspectedAt, window);
    reports.push(report);
    const dir = path.join(reportRoot, siteId);
    // Each report written whole (a temporary file renamed): two checks at once leave one of the two.
    await writeFileAtomically(path.join(dir, 'inspection.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFileAtomically(path.join(dir, 'inspection.html'), inspectionHtml(report));
    if (site.source) {
      const figures = annualFigures(root, siteId, site.source.config, site.source.items, figuresWindow.from, figuresWindow.to);
      await writeFileAtomically(path.join(dir, 'annual-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
      await writeFileAtomically(path.join(dir, 'annual-figures.html'), annualFiguresHtml(figures));
    }
  }
  if (json) {
    console.log(JSON.stringify(files ? platformFindings(platform, siteIds, files) : reports, null, 2));
    return failed ? 1 : 0;
  }
  log('');
  if (files) {
    log(failed ? `✘ 所检查的 ${files.length} 个文件有问题，请按上面的提示修改后再提交` : `✔ 所检查的 ${files.length} 个文件没有发现错误`);
    return failed ? 1 : 0;
  }
  log('站点            结论      否决  错误  警告');
  for (const report of reports) {
    log(`${report.site.id.padEnd(16)}${report.verdict.padEnd(6)}${String(report.counts.veto).padStart(6)}${String(report.counts.error).padStart(6)}${String(report.counts.warn).padStart(6)}`);
  }
  log(`检查时间 ${inspectedAt}${window ? `，统计区间 ${window.from} 至 ${window.to}` : ''}；报告已写入 ${relativePath(root, reportRoot) || '.'}/<站点标识>/inspection.html（及 .json、annual-figures.*）`);
  if (reports.some((r) => r.counts.error > 0)) log('有错误（错链、断链等），检查不通过：按上面的提示修改');
  if (flags.strict && reports.some((r) => r.counts.veto > 0)) log('严格模式：有单项否决项，检查不通过');
  return failed ? 1 : 0;
}

/**
 * A check never writes into a build's output (issue 24): `--out` names the reports' folder here,
 * and `check --out dist` would put inspection.html inside the published sites, under a running
 * build and past their integrity manifests.
 */
function refuseOutputFolder(reportRoot: string, siteIds: readonly string[]): void {
  const isOutput = (id: string) => existsSync(path.join(reportRoot, `.${id}.build.json`)) || existsSync(path.join(reportRoot, `.lock-${id}`)) || existsSync(path.join(reportRoot, id, MANIFEST_FILE));
  const site = siteIds.find(isOutput);
  if (site) fail(`${reportRoot} 是构建输出目录（含站点 ${site} 的发布输出）：检查报告不能写在这里。check 的 --out 指报告目录，默认 reports/`);
}

/**
 * CONT-13 / HEALTH-05 of the published build's output checks (anchors, hidden links, what
 * templates make: only a build sees those), from its record beside the output in <root>/dist.
 * Errors never publish, so these are warnings; those the source check repeats are left out.
 */
async function publishedLinkFindings(root: string, siteId: string, known: readonly Diagnostic[]): Promise<Diagnostic[]> {
  const record = await readBuildRecord(path.join(root, 'dist'), siteId);
  const key = (d: Diagnostic) => `${d.ruleId} ${d.file}:${d.line ?? ''} ${d.message}`;
  const seen = new Set(known.map(key));
  return (record?.diagnostics ?? [])
    .filter((d) => (d.ruleId === 'CONT-13' || d.ruleId === 'HEALTH-05') && !seen.has(key(d)))
    .map((d) => ({ ...d, message: `已发布页面（上次构建的输出检查）：${d.message}` }));
}

function platformFindings(platform: Awaited<ReturnType<typeof checkPlatform>>, siteIds: string[], files: string[]) {
  return siteIds.flatMap((id) => platform.get(id)!.diagnostics.filter((d) => files.includes(d.file)));
}
