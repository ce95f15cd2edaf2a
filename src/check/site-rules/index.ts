// SITE-01…08: rules over the site configuration, some of which need the whole platform
// (one organizer one site, a department's domain under its parent portal's).
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { SiteConfig } from '../../schema/site-schema.ts';
import type { FieldLocator } from '../../load/validate-yaml.ts';

export interface PlatformSite {
  id: string;
  config: SiteConfig;
  /** Project-relative path of the site's site.yaml. */
  file: string;
  locate: FieldLocator;
}

export interface SiteRuleContext {
  site: PlatformSite;
  /** Every site of the platform whose site.yaml is valid, this one included. */
  platform: ReadonlyMap<string, PlatformSite>;
}

export type SiteRule = (context: SiteRuleContext) => Diagnostic[];

/** The rules, in catalogue order; each lives in its own file. */
export const siteRules: SiteRule[] = [];

export function checkSiteRules(context: SiteRuleContext): Diagnostic[] {
  return siteRules.flatMap((rule) => rule(context));
}
