// What a site's build is given and what it returns, and the small records it keeps on the way:
// the time of each step (for --verbose) and the pages made so far (for the progress lines).
import path from 'node:path';
import type { ExternalLinks } from '../rules/output/check-links.ts';
import type { PlatformPages } from '../rules/output/platform-pages.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FileDigests } from '../util/hash-files.ts';
import { isPage, listOutputFiles } from '../util/output-files.ts';
import { writeFileAtomically } from '../util/cache-file.ts';

export interface BuildOptions {
  /** Folder holding sites/ and content/. */
  root: string;
  /** Folder receiving <siteId>/ output folders. */
  outRoot: string;
  /** `YYYY-MM-DD HH:MM` China time. */
  now: string;
  verbose?: boolean;
  /** Build even when the inputs are those of the published output (src/incremental/plan-build.ts). */
  force?: boolean;
  /** Digests of the content files as the platform check read them (hash-files.ts), for the build's keys. */
  fileDigests?: FileDigests;
  /** The pages of every site of the platform (check-platform.ts): links to the other sites are checked against it. */
  platformPages?: PlatformPages;
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
  /** Nothing the output depends on changed: the published output was kept. */
  skipped?: boolean;
  /** Item pages rendered: fewer than the items after a partial render (src/render/carry-pages.ts). */
  rendered?: number;
  /** Column list pages rendered, after a partial render that carried the others over. */
  renderedListPages?: number;
  /** Item pages whose body was replaced in the published page, without Astro (src/render/body-patch.ts). */
  patchedBodies?: number;
  /** The site's earliest item scheduled after --now (定时发布): a build at or after its time publishes it. */
  nextScheduled?: { pubDate: string; file: string };
  /** Seconds per step of the build, for `--verbose`. */
  phases?: Record<string, number>;
}

/** Where a successful build leaves the list of the site's external links, beside `npm run check`'s reports. */
export function externalLinksReportFile(root: string, siteId: string): string {
  return path.join(root, 'reports', siteId, 'external-links.json');
}

export async function writeExternalLinksReport(options: BuildOptions, siteId: string, externalLinks: ExternalLinks | undefined): Promise<void> {
  // Whole or not at all: a check may be writing the site's other reports meanwhile.
  await writeFileAtomically(externalLinksReportFile(options.root, siteId), `${JSON.stringify({ now: options.now, ...externalLinks }, null, 2)}\n`);
}

export async function countPages(dir: string): Promise<number> {
  return listOutputFiles(dir).filter(isPage).length;
}

/** Pages each site being built has so far (Astro's and those carried over), for the platform's progress lines. */
export const pagesSoFar = new Map<string, () => number>();

/** The seconds each step of a build took, named in Chinese for `--verbose`. */
export class PhaseClock {
  readonly started = performance.now();
  readonly phases: Record<string, number> = {};
  private last = this.started;

  done(name: string): void {
    const at = performance.now();
    this.phases[name] = (at - this.last) / 1000;
    this.last = at;
  }

  get seconds(): number {
    return (performance.now() - this.started) / 1000;
  }
}
