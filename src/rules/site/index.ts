// SITE-01…10 and META-04: rules over the site configuration, some of which need the whole platform
// (one organizer one site, a department's domain under its parent portal's).
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { SiteConfig } from '../../schema/site-schema.ts';
import type { FieldLocator } from '../../config/validate-yaml.ts';
import { meta04ColumnType } from './meta-04-column-type.ts';
import { site01KindAndLevel } from './site-01-kind-and-level.ts';
import { site02OnePerOrganizer } from './site-02-one-site-per-organizer.ts';
import { site03SiteName } from './site-03-site-name.ts';
import { site04Domains } from './site-04-domains.ts';
import { site05IdentityLabels } from './site-05-identity-labels.ts';
import { site06Colours } from './site-06-colours.ts';
import { site07Channels } from './site-07-channels.ts';
import { site08RequiredColumns } from './site-08-required-columns.ts';
import { site09Lifecycle } from './site-09-lifecycle.ts';
import { site10DomesticProduction } from './site-10-domestic-production.ts';

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
  /** Every site id the platform has (a folder under sites/ or content/), valid or not. */
  knownSiteIds?: ReadonlySet<string>;
  /** The build or inspection time, `YYYY-MM-DD HH:MM` China time (SITE-09); the current time when absent. */
  now?: string;
}

export type SiteRule = (context: SiteRuleContext) => Diagnostic[];

/** The rules, in catalogue order; each lives in its own file. */
export const siteRules: SiteRule[] = [
  site01KindAndLevel,
  site02OnePerOrganizer,
  site03SiteName,
  site04Domains,
  site05IdentityLabels,
  site06Colours,
  site07Channels,
  site08RequiredColumns,
  site09Lifecycle,
  site10DomesticProduction,
  meta04ColumnType,
];

export function checkSiteRules(context: SiteRuleContext): Diagnostic[] {
  return siteRules.flatMap((rule) => rule(context));
}
