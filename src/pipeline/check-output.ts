// The third step of a site's build: the search index (SRCH-01…03) and the output checks (CONT-13 /
// HEALTH-05: links, images, anchors and hidden links of the built pages). Either failing keeps the
// published output. They overlap: Pagefind indexes in its own process while the checks parse the
// pages here; the checks resolve links against the output once the index is written.
import { rm } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import type { ExternalLinks } from '../rules/output/check-links.ts';
import type { OutputPageCache } from '../rules/output/page-cache.ts';
import { INDEX_FOLDERS } from '../index/search-parts.ts';
import { isPage, relistFolders } from '../util/output-files.ts';
import type { MadeOutput, OutputJob } from './make-output.ts';
import { outputSteps } from './search-step.ts';
import type { PhaseClock } from './site-build.ts';

export interface CheckedOutput {
  ok: true;
  /** The output's files with the index's (output-relative, POSIX, sorted). */
  files: string[];
  pages: number;
  /** The output checks' findings: warnings only (errors never publish). */
  diagnostics: Diagnostic[];
  externalLinks?: ExternalLinks;
}

export interface FailedCheck {
  ok: false;
  diagnostics: Diagnostic[];
  internalError?: string;
}

/** Settles `work` with how long after `since` it ended: which of two overlapping steps the editor waits for. */
function timed<T>(work: Promise<T>, since: number): Promise<{ value: T; seconds: number }> {
  return work.then((value) => ({ value, seconds: (performance.now() - since) / 1000 }));
}

export async function checkOutput(job: OutputJob, made: MadeOutput, pageCache: Promise<OutputPageCache<unknown> | undefined> | undefined, clock: PhaseClock): Promise<CheckedOutput | FailedCheck> {
  const { options, data, staging, target } = job;
  const [{ buildSearchIndex }, { checkOutputLinks }] = await outputSteps();
  const indexing = made.index ?? buildSearchIndex(data.id, staging, options);
  const cache = await pageCache;
  // The index step adds its folders to the output (search-index.ts): walked again once it is done.
  const completeFiles = indexing.then(() => relistFolders(made.files, staging, INDEX_FOLDERS));
  completeFiles.catch(() => undefined);
  const since = performance.now();
  const checking = checkOutputLinks({
    outDir: staging,
    publishedDir: target,
    root: options.root,
    data,
    outputComplete: indexing,
    pageCache: cache,
    digests: made.carriedDigests,
    platform: options.platformPages && { pages: options.platformPages, now: options.now },
    listing: { initial: made.files, complete: completeFiles },
  }).then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  const [indexed, checked] = await Promise.all([timed(indexing, since), timed(checking, since)]);
  // The rendered pages are linked into the staging folder; the index read them where Astro wrote them.
  if (made.renderedDir !== staging) await rm(made.renderedDir, { recursive: true, force: true });
  clock.done(`搜索索引与输出检查（索引 ${indexed.seconds.toFixed(1)}s，检查 ${checked.seconds.toFixed(1)}s）`);
  const fail = async (failure: Omit<FailedCheck, 'ok'>): Promise<FailedCheck> => {
    await rm(staging, { recursive: true, force: true });
    return { ok: false, ...failure };
  };
  if (indexed.value) return fail({ diagnostics: [], internalError: indexed.value });
  if ('error' in checked.value) {
    const error = checked.value.error as Error;
    return fail({ diagnostics: [], internalError: `输出链接检查出错：${error.stack ?? String(error)}` });
  }
  const links = checked.value.result;
  await cache?.save();
  if (hasErrors(links.diagnostics)) return fail({ diagnostics: links.diagnostics });
  const files = await completeFiles;
  return { ok: true, files, pages: made.files.filter(isPage).length, diagnostics: links.diagnostics, externalLinks: links.externalLinks };
}
