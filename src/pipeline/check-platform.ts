// The governance check of a platform: everything the loader finds (files, site rules, content
// rules, relations), the links of every site against the pages the builds will write (CONT-13 /
// HEALTH-05, across sites), and the inspection indicators computed against a time. The build
// and `npm run check` use this one function, so they can never disagree.
import { compareDiagnostics, hasErrors } from '../diagnostics/diagnostic.ts';
import { loadPlatform, type LoadedSite, type LoadPlatformOptions } from '../rules/load-site.ts';
import { checkHealth } from '../rules/health/index.ts';
import { PlatformPages } from '../rules/output/platform-pages.ts';
import { checkSourceLinks } from '../rules/output/source-links.ts';

export interface CheckedSite extends LoadedSite {
  /** Any veto finding: the site fails inspection (不合格). */
  vetoed: boolean;
  /**
   * The pages every site of the platform will have: the build's output check resolves links to
   * the other sites of the platform against it (src/rules/output/check-links.ts).
   */
  platformPages: PlatformPages;
}

export interface CheckPlatformOptions extends LoadPlatformOptions {
  /**
   * The time links are resolved at: the pages a build then would write. `now` when absent. A
   * report for a past window (check --to, REP-03) inspects today's content, so its links are
   * resolved as of today, not as of the window's end (an item linked since was not there then).
   */
  linksAt?: string;
}

export async function checkPlatform(root: string, now: string, options: CheckPlatformOptions = {}): Promise<Map<string, CheckedSite>> {
  const { linksAt = now, ...loadOptions } = options;
  const platform = await loadPlatform(root, now, loadOptions);
  const platformPages = new PlatformPages(root, platform, linksAt);
  const links = checkSourceLinks(platformPages, platform, linksAt);
  const checked = new Map<string, CheckedSite>();
  for (const [id, site] of platform) {
    const health = site.source ? checkHealth({ siteId: id, now, ...site.source }) : [];
    const broken = links.get(id) ?? [];
    const diagnostics = [...site.diagnostics, ...broken, ...health].sort(compareDiagnostics);
    // A broken link is an error: the site is not built (as the output check would refuse it),
    // and fails in well under a second, before Astro starts.
    const model = hasErrors(broken) ? undefined : site.model;
    checked.set(id, { ...site, model, diagnostics, vetoed: diagnostics.some((d) => d.severity === 'veto'), platformPages });
  }
  return checked;
}
