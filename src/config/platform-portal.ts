// Which site is the platform's portal: the provincial portal (省级政府门户网站). It hosts the
// platform-wide search (SRCH-03) and the platform's 政策文件库 (OPEN-04), so the loader
// (src/rules/load-site.ts) and the search index (src/index/) both ask it.
import type { SiteConfig } from '../schema/site-schema.ts';

export function isPlatformPortal(config: Pick<SiteConfig, 'kind' | 'level'>): boolean {
  return config.kind === 'portal' && config.level === 'province';
}
