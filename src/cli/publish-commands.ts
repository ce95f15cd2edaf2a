// The publishing commands behind npm run publish / rollback / verify / nginx / preview
// (docs/publishing.md). main.ts parses the options; each command here does one thing.
import { existsSync } from 'node:fs';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPlatform } from '../pipeline/build-platform.ts';
import { loadSiteConfig } from '../config/load-site-config.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import { readManifest, type IntegrityManifest } from '../publish/integrity-manifest.ts';
import { NETLIFY_HEADERS_FILE, netlifyHeaders } from '../publish/netlify-headers.ts';
import { nginxServerBlock, PREVIOUS_DOMAIN_DIR } from '../publish/nginx-config.ts';
import { previousDomainDir } from '../render/previous-domain-site.ts';
import { removeAbandonedStaging } from '../publish/swap-directory.ts';
import { installRelease, rollback } from '../publish/releases.ts';
import { differs, formatVerifyResult, verifyDirectory, verifyUrl } from '../publish/verify.ts';
import { targetOwnerProblem, UnsafeServerValue } from '../security/server-values.ts';
import { fail } from './usage-error.ts';
import { besideLock, folderLock, siteLock, withLocks } from '../util/run-lock.ts';

export interface PublishOptions {
  root: string;
  outRoot: string;
  now: string;
  siteId: string;
  /** The publish target; deploy.production.target of site.yaml when absent. */
  to?: string;
  /** Publish dist/<siteId>/ as it is (built earlier, e.g. by CI) instead of building first. */
  skipBuild?: boolean;
  jobs?: number;
}

async function siteConfig(root: string, siteId: string): Promise<SiteConfig> {
  const { config } = await loadSiteConfig(root, siteId);
  if (!config) fail(`站点 ${siteId} 的 site.yaml 有错误：先运行 npm run validate -- --site ${siteId} 改正`);
  return config;
}

/** --to, else the production target of site.yaml (an absolute folder on this server). */
function targetOf(config: SiteConfig, siteId: string, to: string | undefined): string {
  if (to) return path.resolve(to);
  const declared = config.deploy?.production.target;
  // SEC-06: never another site's folder (validate reports it at its line).
  const foreign = declared && targetOwnerProblem(siteId, declared);
  if (foreign) fail(`✘ ${siteId}：site.yaml 的发布目标（deploy.production.target）${foreign}（规则 SEC-06）`);
  if (declared && path.isAbsolute(declared)) return declared;
  fail(`请用 --to <发布目录> 指定发布到哪里（site.yaml 的 deploy.production.target 不是本机目录：${declared ?? '未填写'}）`);
}

/** SITE-10: production is only ever a domestic server. */
function requireDomestic(config: SiteConfig, siteId: string, refused = '未发布'): void {
  if (config.deploy?.production.domestic !== true) {
    fail(`✘ ${siteId} ${refused}：site.yaml 没有声明生产服务器在境内（deploy.production.domestic: true，规则 SITE-10）`);
  }
}

async function checkedManifest(siteDir: string): Promise<IntegrityManifest> {
  const manifest = await readManifest(siteDir);
  // The build output itself must still be what the build wrote.
  const self = await verifyDirectory(siteDir, manifest, siteDir);
  if (differs(self)) throw new Error(`构建输出 ${siteDir} 在构建后被改动过：\n${formatVerifyResult(manifest.site, manifest, self)}\n请重新构建`);
  return manifest;
}

export async function publishCommand(options: PublishOptions): Promise<number> {
  const { siteId } = options;
  const config = await siteConfig(options.root, siteId);
  requireDomestic(config, siteId);
  const target = targetOf(config, siteId, options.to);
  // The site's output (built, then copied) and the target (its releases and links) stay this
  // run's until it is done (run-lock.ts): a build started meanwhile cannot swap the output being
  // copied, nor a second publish switch the links.
  await mkdir(options.outRoot, { recursive: true });
  await mkdir(target, { recursive: true });
  return withLocks([siteLock(options.outRoot, siteId), folderLock(target, `发布目录 ${target} `)], () => publishLocked(options, config, target));
}

async function publishLocked(options: PublishOptions, config: SiteConfig, target: string): Promise<number> {
  const { siteId } = options;
  if (!options.skipBuild) {
    // Strict: errors and vetoes (单项否决) both stop the site; a failed build publishes nothing.
    await removeAbandonedStaging(options.outRoot, [siteId]);
    const [result] = await buildPlatform([siteId], { root: options.root, outRoot: options.outRoot, now: options.now, jobs: options.jobs, strict: true });
    if (!result?.ok) {
      console.error(`✘ ${siteId} 构建或检查未通过，没有发布；${target} 仍是原来的版本`);
      return 1;
    }
  }
  const siteDir = path.join(options.outRoot, siteId);
  if (!existsSync(path.join(siteDir, 'index.html'))) fail(`没有 ${siteId} 的构建结果 ${siteDir}：请先构建，或去掉 --skip-build`);
  let manifest: IntegrityManifest;
  try {
    manifest = await checkedManifest(siteDir);
  } catch (error) {
    console.error(`✘ ${siteId} 没有发布：${(error as Error).message}`);
    return 1;
  }
  await mkdir(target, { recursive: true });
  const installed = await installChecked(siteDir, manifest, target);
  if (installed.unchanged) {
    console.log(`✔ ${siteId}：${target} 的当前版本已经是这次构建（${installed.release}），无需发布`);
  } else {
    console.log(`✔ ${siteId} 已发布到 ${target}（版本 ${installed.release}，${manifest.fileCount} 个文件，清单摘要 sha256:${manifest.digest}）`);
    if (installed.previous) console.log(`  上一版本 ${installed.previous} 已保留，回退：npm run rollback -- --site ${siteId} --to ${target}`);
  }
  // SITE-09: the old domains' notice site goes with it, to <target>/previous-domain/ (nginx-config.ts).
  const noticeDir = previousDomainDir(options.outRoot, siteId);
  if (config.lifecycle.previousDomains?.length && existsSync(noticeDir)) {
    try {
      const notice = await installChecked(noticeDir, await checkedManifest(noticeDir), path.join(target, PREVIOUS_DOMAIN_DIR));
      console.log(`✔ 原域名公告已发布到 ${path.join(target, PREVIOUS_DOMAIN_DIR)}（版本 ${notice.release}）`);
    } catch (error) {
      console.error(`✘ 原域名公告没有发布：${(error as Error).message}`);
      return 1;
    }
  }
  return 0;
}

/** Installs a checked build as a release of `target`: the copy must match the manifest file by file. */
async function installChecked(siteDir: string, manifest: IntegrityManifest, target: string) {
  await mkdir(target, { recursive: true });
  const check = async (dir: string) => {
    const result = await verifyDirectory(siteDir, manifest, dir);
    return differs(result) ? formatVerifyResult(manifest.site, manifest, result) : undefined;
  };
  return installRelease(siteDir, manifest, target, check);
}

export async function rollbackCommand(options: { root: string; siteId: string; to?: string }): Promise<number> {
  const config = await siteConfig(options.root, options.siteId);
  const target = targetOf(config, options.siteId, options.to);
  try {
    // Not while a publish to the same target switches its links (run-lock.ts). A target that does
    // not exist has nothing to roll back to (rollback says so) and nothing to lock.
    const state = existsSync(target) ? await withLocks([folderLock(target, `发布目录 ${target} `)], () => rollback(target)) : await rollback(target);
    console.log(`✔ ${options.siteId} 已回退到上一版本 ${state.current}（${target}）；刚才的版本 ${state.previous} 保留，再运行一次即恢复`);
    return 0;
  } catch (error) {
    console.error(`✘ ${(error as Error).message}`);
    return 1;
  }
}

export async function verifyCommand(options: { outRoot: string; siteId: string; against?: string }): Promise<number> {
  const against = options.against ?? fail('请用 --against <目录或网址> 指定要校验的部署副本，例如 --against /srv/www/shili 或 --against https://www.shili.gov.cn/');
  const siteDir = path.join(options.outRoot, options.siteId);
  let manifest: IntegrityManifest;
  try {
    manifest = await readManifest(siteDir);
  } catch (error) {
    console.error(`✘ ${(error as Error).message}`);
    return 2;
  }
  const result = /^https?:\/\//i.test(against) ? await verifyUrl(siteDir, manifest, against) : await verifyDirectory(siteDir, manifest, against);
  console.log(formatVerifyResult(options.siteId, manifest, result));
  return differs(result) ? 1 : 0;
}

export async function nginxCommand(options: { root: string; siteIds: string[]; to?: string; out?: string }): Promise<number> {
  let refused = false;
  for (const siteId of options.siteIds) {
    const config = await siteConfig(options.root, siteId);
    requireDomestic(config, siteId, '不生成生产服务器配置');
    const target = options.siteIds.length === 1 ? targetOf(config, siteId, options.to) : targetOf(config, siteId, options.to && path.join(options.to, siteId));
    let text: string;
    try {
      text = nginxServerBlock({ siteId, config, target, root: options.root });
    } catch (error) {
      // SEC-06: a value the writer refuses; nothing is written for this site.
      if (!(error instanceof UnsafeServerValue)) throw error;
      console.error(`✘ ${siteId} 不生成生产服务器配置：${error.message}`);
      refused = true;
      continue;
    }
    if (!options.out) {
      process.stdout.write(text);
      continue;
    }
    await mkdir(options.out, { recursive: true });
    const file = path.join(options.out, `${siteId}.conf`);
    await writeFile(file, text);
    console.log(`已生成 ${file}`);
  }
  return refused ? 1 : 0;
}

/** Netlify previews: the built site and its _headers file, in the folder Netlify publishes. */
export async function previewCommand(options: { root: string; outRoot: string; siteId: string; to?: string }): Promise<number> {
  const siteDir = path.join(options.outRoot, options.siteId);
  const to = path.resolve(options.to ?? '.preview');
  // The output is copied whole, never while a build replaces it; the preview folder is one run's (run-lock.ts).
  return withLocks([siteLock(options.outRoot, options.siteId), besideLock(to, `预览目录 ${to} `)], async () => {
    if (!existsSync(path.join(siteDir, 'index.html'))) fail(`没有 ${options.siteId} 的构建结果：先运行 npm run build -- --site ${options.siteId}`);
    await rm(to, { recursive: true, force: true });
    await cp(siteDir, to, { recursive: true });
    await writeFile(path.join(to, NETLIFY_HEADERS_FILE), netlifyHeaders({ root: options.root }));
    console.log(`已准备预览 ${to}（含 ${NETLIFY_HEADERS_FILE}）`);
    return 0;
  });
}
