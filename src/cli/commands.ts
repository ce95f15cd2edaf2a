// govsite's commands (npm run build / dev / validate / check / schema / publish …), run by main.ts.
// Each command's own modules are imported when it runs: a build loads neither the check report's
// nor publishing's.
import { availableParallelism } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CLI_OPTIONS } from './cli-options.ts';
import { buildPlatform } from '../pipeline/build-platform.ts';
import { astroRootOptions } from '../render/astro-root.ts';
import { astroWorkerEnv } from '../render/astro-process.ts';
import { fail, UsageError } from './usage-error.ts';
import { changedPaths, scopeOfPaths, withParents, withPlatformPortal, withSubscribers } from '../incremental/changed-sites.ts';
import { loadSiteConfig } from '../config/load-site-config.ts';
import { isPlatformPortal } from '../config/platform-portal.ts';
import { compareDiagnostics, formatDiagnostic, hasErrors } from '../diagnostics/diagnostic.ts';
import { discoverSiteIds, loadPlatform, loadSite } from '../rules/load-site.ts';
import { isChinaDateTime } from '../schema/fields.ts';
import { currentChinaDateTime } from '../util/china-time.ts';
import { projectRoot } from '../util/paths.ts';
import { LockTimeout, siteLock, withLocks } from '../util/run-lock.ts';
import { removeAbandonedStaging } from '../publish/swap-directory.ts';

const usage = `用法：
  npm run build [-- --site <站点标识> …] [-- --changed <git 版本>] [--now "YYYY-MM-DD HH:MM"] [--strict] [--jobs N] [--force]
  npm run dev -- --site <站点标识> [--port 4321] [--verbose]
  npm run validate [-- --site <站点标识> …]
  npm run check [-- --site <站点标识> …] [--files <文件> …] [--strict] [--now 时间] [--from 日期 --to 日期] [--format json]
  npm run schema
  npm run publish -- --site <站点标识> [--to <发布目录>] [--now 时间] [--skip-build]
  npm run rollback -- --site <站点标识> [--to <发布目录>]
  npm run verify -- --site <站点标识> --against <部署目录或网址>
  npm run nginx -- [--site <站点标识> …] [--to <发布目录>] [--out <配置目录>]
  npm run preview -- --site <站点标识> [--to .preview]
公共选项：--root <目录>（含 sites/ 与 content/ 的目录，默认当前目录），--out <目录>（默认 <root>/dist）`;


async function selectSites(root: string, requested: string[] | undefined, changed: string | undefined): Promise<string[]> {
  const all = await discoverSiteIds(root);
  if (requested && requested.length > 0) {
    const unknown = requested.filter((id) => !all.includes(id));
    if (unknown.length > 0) fail(`没有这个站点：${unknown.join('、')}。现有站点：${all.join('、') || '（无）'}`);
    return requested;
  }
  if (changed) {
    let paths: string[];
    try {
      paths = changedPaths(root, changed);
    } catch (error) {
      fail((error as Error).message);
    }
    const scope = scopeOfPaths(paths);
    if (scope.all) {
      console.log(`自 ${changed} 以来模板、构建程序或平台数据（data/）有改动：构建全部站点`);
      return all;
    }
    const subscriptions = new Map<string, string[]>();
    const parents = new Map<string, string | undefined>();
    const portals: string[] = [];
    for (const id of all) {
      const { config } = await loadSiteConfig(root, id);
      subscriptions.set(id, config?.subscriptions.map((s) => s.site) ?? []);
      parents.set(id, config?.parent);
      if (config && isPlatformPortal(config)) portals.push(id);
    }
    const affected = withPlatformPortal(withSubscribers(withParents(scope.siteIds, scope.configChanged, parents), subscriptions), portals);
    const ids = all.filter((id) => affected.has(id));
    console.log(`自 ${changed} 以来有改动的站点：${ids.join('、') || '无'}`);
    return ids;
  }
  return all;
}

const parse = (argv: string[]) => parseArgs({ args: argv, allowPositionals: true, options: CLI_OPTIONS });
type Values = ReturnType<typeof parse>['values'];

async function buildCommand(root: string, now: string, values: Values): Promise<number> {
  const siteIds = await selectSites(root, values.site, values.changed);
  if (siteIds.length === 0) {
    console.log('没有需要构建的站点');
    return 0;
  }
  const outRoot = path.resolve(values.out ?? path.join(root, 'dist'));
  await mkdir(outRoot, { recursive: true });
  const jobs = values.jobs ? Number(values.jobs) : Math.min(2, availableParallelism());
  const progressIntervalMs = process.env.GOVSITE_PROGRESS_SECONDS ? Number(process.env.GOVSITE_PROGRESS_SECONDS) * 1000 : undefined;
  // One run at a time per site output (run-lock.ts): a second build waits, naming the first.
  const results = await withLocks(siteIds.map((id) => siteLock(outRoot, id)), async () => {
    await removeAbandonedStaging(outRoot, siteIds);
    return buildPlatform(siteIds, { root, outRoot, now, jobs, verbose: values.verbose, progressIntervalMs, strict: values.strict, force: values.force });
  });
  return results.every((r) => r.ok) ? 0 : 1;
}

async function validateCommand(root: string, now: string, values: Values): Promise<number> {
  const siteIds = await selectSites(root, values.site, values.changed);
  const platform = await loadPlatform(root, now);
  // Links across items and sites (CONT-13 / HEALTH-05), as check and the build resolve them.
  const [{ PlatformPages }, { checkSourceLinks }] = await Promise.all([import('../rules/output/platform-pages.ts'), import('../rules/output/source-links.ts')]);
  const links = checkSourceLinks(new PlatformPages(root, platform, now), platform, now);
  let failed = false;
  for (const siteId of siteIds) {
    const loaded = platform.get(siteId)!;
    const diagnostics = [...loaded.diagnostics, ...(links.get(siteId) ?? [])].sort(compareDiagnostics);
    for (const d of diagnostics) console.log(formatDiagnostic(d));
    if (hasErrors(diagnostics)) failed = true;
    console.log(loaded.model && !hasErrors(diagnostics) ? `✔ ${siteId}：${loaded.model.items.length} 条内容校验通过` : `✘ ${siteId}：有错误，不能发布`);
  }
  return failed ? 1 : 0;
}

async function devCommand(root: string, now: string, values: Values): Promise<number> {
  const siteId = values.site?.[0] ?? fail('请用 --site 指定要预览的站点，例如 npm run dev -- --site shili');
  const loaded = await loadSite(root, siteId);
  for (const d of loaded.diagnostics) console.log(formatDiagnostic(d));
  if (!loaded.model) return 1;
  process.env.GOVSITE_SITE = siteId;
  process.env.GOVSITE_CONTENT_ROOT = root;
  process.env.GOVSITE_NOW = now;
  // As in a build: Astro's telemetry off (no network). Nor does the preview ask the npm
  // registry for a newer Astro (Astro's update check, which reads this variable).
  Object.assign(process.env, astroWorkerEnv({}), { ASTRO_DISABLE_UPDATE_CHECK: 'true' });
  const { dev } = await import('astro');
  // Astro's Logger API (https://docs.astro.build/en/reference/logger-reference/): the terminal
  // shows what an editor acts on, and with --verbose all of Astro's and Vite's messages
  // (plugins/astro-govsite/dev-log.ts).
  const logger = {
    entrypoint: path.join(projectRoot, 'plugins/astro-govsite/dev-logger.mjs'),
    config: { siteId, projectRoot, contentRoot: root, verbose: values.verbose ?? false },
  };
  const server = await dev({
    ...astroRootOptions(root, siteId),
    logger,
    server: { port: values.port ? Number(values.port) : 4321, host: values.host ?? false },
  });
  const url = server.resolvedUrls.local[0] ?? `http://localhost:${server.address.port}/`;
  console.log(`预览地址：${url}（站点 ${siteId}；保存内容后页面自动刷新，按 Ctrl+C 停止）`);
  return await new Promise<number>(() => {});
}

// Publishing (issue 9, docs/publishing.md): src/cli/publish-commands.ts.
async function publishingCommand(command: 'publish' | 'rollback' | 'verify' | 'preview', root: string, now: string, values: Values): Promise<number> {
  const siteId = values.site?.[0] ?? fail(`请用 --site 指定站点，例如 npm run ${command} -- --site shili`);
  await selectSites(root, [siteId], undefined);
  const outRoot = path.resolve(values.out ?? path.join(root, 'dist'));
  const { previewCommand, publishCommand, rollbackCommand, verifyCommand } = await import('./publish-commands.ts');
  if (command === 'publish') {
    const jobs = values.jobs ? Number(values.jobs) : undefined;
    return await publishCommand({ root, outRoot, now, siteId, to: values.to, skipBuild: values['skip-build'], jobs });
  }
  if (command === 'rollback') return await rollbackCommand({ root, siteId, to: values.to });
  if (command === 'verify') return await verifyCommand({ outRoot, siteId, against: values.against });
  return await previewCommand({ root, outRoot, siteId, to: values.to });
}

async function schemaCommand(): Promise<number> {
  const { generatedFiles } = await import('../schema/generated-files.ts');
  for (const [file, text] of Object.entries(generatedFiles())) {
    const target = path.join(projectRoot, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
    console.log(`已生成 ${file}`);
  }
  return 0;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const command = positionals[0];
  if (values.help || !command) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const root = path.resolve(values.root ?? process.cwd());
  const now = values.now ?? currentChinaDateTime();
  if (!isChinaDateTime(now)) fail(`--now 的格式应为 "YYYY-MM-DD HH:MM"，收到的是“${now}”`);

  switch (command) {
    case 'build':
      return await buildCommand(root, now, values);
    case 'validate':
      return await validateCommand(root, now, values);
    case 'check': {
      const { runCheck } = await import('./check-command.ts');
      return await runCheck(root, now, values, await selectSites(root, values.site, values.changed));
    }
    case 'dev':
      return await devCommand(root, now, values);
    case 'publish':
    case 'rollback':
    case 'verify':
    case 'preview':
      return await publishingCommand(command, root, now, values);
    case 'nginx': {
      const { nginxCommand } = await import('./publish-commands.ts');
      return await nginxCommand({ root, siteIds: await selectSites(root, values.site, values.changed), to: values.to, out: values.out });
    }
    case 'schema':
      return await schemaCommand();
    default:
      fail(`不认识的命令“${command}”\n${usage}`);
  }
}

export async function runCommand(argv: string[]): Promise<void> {
  try {
    process.exitCode = await run(argv);
  } catch (error) {
    if (error instanceof UsageError || error instanceof LockTimeout || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((error as Error).message);
      process.exitCode = 2;
    } else {
      throw error;
    }
  }
}
