// Preview deploys on Netlify (netlify.toml): the same header policy as production
// (security-headers.ts), written as Netlify's `_headers` file into the published folder. A
// preview is not the site of record, so search engines are told not to index it.
import { CACHE_IMMUTABLE, IMMUTABLE_PREFIX, securityHeaders } from './security-headers.ts';

export const NETLIFY_HEADERS_FILE = '_headers';

export function netlifyHeaders(options: { root?: string } = {}): string {
  const all = [...securityHeaders({ https: true, root: options.root }), { name: 'X-Robots-Tag', value: 'noindex' }];
  return [
    '# 由 govsite 生成（npm run preview），与生产 nginx 配置同源：src/publish/security-headers.ts',
    '/*',
    ...all.map((h) => `  ${h.name}: ${h.value}`),
    `${IMMUTABLE_PREFIX}*`,
    `  Cache-Control: ${CACHE_IMMUTABLE}`,
    '',
  ].join('\n');
}
