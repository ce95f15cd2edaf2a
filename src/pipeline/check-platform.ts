// The governance check of a platform: everything the loader finds (files, site rules, content
// rules, relations) plus the inspection indicators computed against a time. The build and
// `npm run check` use this one function, so they can never disagree.
import { compareDiagnostics } from '../diagnostics/diagnostic.ts';
import { loadPlatform, type LoadedSite, type LoadPlatformOptions } from '../rules/load-site.ts';
import { checkHealth } from '../rules/health/index.ts';

export interface CheckedSite extends LoadedSite {
  /** Any veto finding: the site fails inspection (不合格). */
  vetoed: boolean;
}

export async function checkPlatform(root: string, now: string, options: LoadPlatformOptions = {}): Promise<Map<string, CheckedSite>> {
  const platform = await loadPlatform(root, now, options);
  const checked = new Map<string, CheckedSite>();
  for (const [id, site] of platform) {
    const health = site.source ? checkHealth({ siteId: id, now, ...site.source }) : [];
    const diagnostics = [...site.diagnostics, ...health].sort(compareDiagnostics);
    checked.set(id, { ...site, diagnostics, vetoed: diagnostics.some((d) => d.severity === 'veto') });
  }
  return checked;
}
