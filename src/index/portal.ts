// Which site hosts the platform-wide search (SRCH-03): the provincial portal (省级政府门户网站).
import type { SiteConfig } from '../schema/site-schema.ts';

export function isPlatformPortal(config: Pick<SiteConfig, 'kind' | 'level'>): boolean {
  return config.kind === 'portal' && config.level === 'province';
}
