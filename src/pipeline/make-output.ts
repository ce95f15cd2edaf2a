// The second step of a site's build: its output made in the staging folder, as the plan says
// (src/incremental/plan-build.ts): patched bodies, a partial render with the other pages carried
// over from the published output, or a full render.
//
// The steps overlap where they can, on the two cores an editor waits for: the search index reads
// each item page as soon as Astro has written it (written-pages.ts), and the pages carried over
// are linked into the staging folder while Astro renders the others into a folder of their own
// (it empties its output folder when it starts); the rendered ones join them once Astro is done.
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SiteData } from '../render/site-data.ts';
import { astroRootFor } from '../render/astro-root.ts';
import { explainAstroFailure, runAstro, type RenderOutcome } from '../render/run-astro.ts';
import { patchBodies } from '../render/body-patch.ts';
import { carryAssets, carryPages } from '../render/carry-pages.ts';
import { writeSitemapXml } from '../render/sitemap-xml.ts';
import { keepOnlyNoticePages } from '../render/notice-only-output.ts';
import { WrittenPages } from '../render/written-pages.ts';
import type { PublishedBuild } from '../incremental/build-record.ts';
import type { RenderPlan, SitePlan } from '../incremental/plan-build.ts';
import { isPage, listOutputFiles, sortedFiles } from '../util/output-files.ts';
import { pagesSoFar, type BuildOptions } from './site-build.ts';
import { outputSteps, searchPlan, streamSearchIndex, type SearchPlan } from './search-step.ts';

export interface OutputJob {
  options: BuildOptions;
  data: SiteData;
  plan: Exclude<SitePlan, { kind: 'keep' }>;
  published: PublishedBuild;
  noticeOnly: boolean;
  staging: string;
  target: string;
}

export interface MadeOutput {
  ok: true;
  /** The staging folder's files (output-relative, POSIX, sorted). */
  files: string[];
  /** Pages carried over from the published output and their SHA-256 there (for the output checks). */
  carriedDigests: Map<string, string>;
  /** The files linked from the published output, for the integrity manifest. */
  carriedFiles?: string[];
  search: SearchPlan;
  /** The index streamed while Astro rendered; undefined: index the finished output. */
  index?: Promise<string | undefined>;
  /** Item pages patched instead of rendered (body-patch.ts). */
  patched?: number;
  /** Where Astro wrote its pages (the staging folder, or a folder of their own in a partial render). */
  renderedDir: string;
}

export interface FailedOutput {
  ok: false;
  diagnostics: Diagnostic[];
  internalError?: string;
}

const renderOf = (plan: OutputJob['plan']): RenderPlan | undefined => (plan.kind === 'full' ? undefined : plan.render);

async function removeOutput(staging: string, renderedDir: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
  await rm(renderedDir, { recursive: true, force: true });
}

/** The plan's patch, or, when one of its pages cannot be patched after all, the same partial render with Astro. */
async function patchOrRender(job: OutputJob, items: SiteData['items'], renderedDir: string, written: WrittenPages | undefined, render: () => Promise<RenderOutcome>) {
  const files = job.published.manifest?.files;
  const pages = files && (await patchBodies(job.options.root, job.data, items, job.target, Object.keys(files), renderedDir).catch(() => undefined));
  if (!pages) {
    await rm(renderedDir, { recursive: true, force: true });
    return { ...(await render()), patched: undefined };
  }
  for (const page of pages) written?.markWritten(page);
  return { code: 0, stderr: '', patched: pages.length };
}

/** A partial render's result: the rendered pages join the carried ones, then sitemap.xml lists the whole site again. */
async function joinCarried(job: OutputJob, carried: { assets: Set<string>; files: string[] }, renderedDir: string, carriedDigests: Map<string, string>): Promise<string[]> {
  const joined = await carryAssets(job.target, job.staging, renderedDir, carried.assets);
  const files = sortedFiles([...carried.files, ...joined]);
  await writeSitemapXml(job.data, pathToFileURL(`${job.staging}${path.sep}`), files.filter(isPage));
  const manifest = job.published.manifest?.files;
  if (manifest) for (const file of carried.files) if (isPage(file) && manifest[file]) carriedDigests.set(file, manifest[file]);
  return sortedFiles([...files, 'sitemap.xml']);
}

export async function makeOutput(job: OutputJob): Promise<MadeOutput | FailedOutput> {
  const { options, data, staging, noticeOnly } = job;
  const render = renderOf(job.plan);
  const renderedDir = render ? `${staging}.rendered` : staging;
  const dataFile = `${staging}.json`;
  await removeOutput(staging, renderedDir);
  await writeFile(dataFile, JSON.stringify(render ? { ...data, renderOnly: render.render, renderListPages: render.renderListPages } : data));
  // A notice-only site keeps only its notice, so it is indexed once complete.
  const written = noticeOnly ? undefined : new WrittenPages();
  const search = searchPlan(data, render, noticeOnly, path.join(job.target, 'pagefind'));
  const listed = Promise.withResolvers<string[]>();
  // A failed build rejects it, and the index may never ask (it stops at written.fail()).
  listed.promise.catch(() => undefined);
  if (written) pagesSoFar.set(data.id, () => written.count + search.carriedPages);
  const index = written && streamSearchIndex(job, search, written, renderedDir, listed.promise);
  const carrying = render && carryPages(job.target, staging, data, render, job.published.manifest && Object.keys(job.published.manifest.files)).catch((error: unknown) => ({ error }));
  const astro = () => runAstro({ root: options.root, siteId: data.id, outDir: renderedDir, dataFile, now: options.now, verbose: options.verbose, written });
  void outputSteps();
  const outcome = job.plan.kind === 'patch' ? await patchOrRender(job, job.plan.items, renderedDir, written, astro) : { ...(await astro()), patched: undefined };
  const carried = await carrying;
  // Astro regenerates its root's files on every build; only the cacheDir is worth keeping.
  await rm(astroRootFor(options.root, data.id), { recursive: true, force: true });
  await rm(dataFile, { force: true });
  const abandon = async (reason: unknown) => {
    // The index waiting for pages must let go of Pagefind, which other sites' builds share.
    listed.reject(reason);
    written?.fail();
    await index;
    await removeOutput(staging, renderedDir);
  };
  const rendered = outcome.code === 0 && existsSync(path.join(renderedDir, 'index.html'));
  if (!rendered) {
    await abandon(new Error('构建失败'));
    const failure = outcome.code !== 0 ? explainAstroFailure(outcome.stderr, options.root) : { diagnostics: [], internalError: '构建没有生成首页 index.html' };
    return { ok: false, ...failure };
  }
  const carriedDigests = new Map<string, string>();
  let files: string[];
  try {
    if (carried && 'error' in carried) throw carried.error;
    if (carried) files = await joinCarried(job, carried, renderedDir, carriedDigests);
    else {
      // SITE-09: a temporarily offline or closed site publishes only its notice (index.html, 404.html).
      if (noticeOnly) await keepOnlyNoticePages(staging);
      files = listOutputFiles(staging);
    }
  } catch (error) {
    await abandon(error);
    throw error;
  }
  listed.resolve(files);
  written?.finish();
  return { ok: true, files, carriedDigests, carriedFiles: carried?.files, search, index, patched: outcome.patched, renderedDir };
}
