// Preview deploys on Netlify (netlify.toml): the same header policy as production
// (security-headers.ts), written as Netlify's `_headers` file into the published folder. A
// preview is not the site of record, so search engines are told not to index it.
// SEC-06: a header is one line `  Name: value`; headerField refuses a name that is not a token
// and a value with a line break or other control character, which would start a rule of its own.
import { headerField } from '../security/server-values.ts';
import { CACHE_IMMUTABLE, IMMUTABLE_PREFIX, securityHeaders } from './security-headers.ts';

export const NETLIFY_HEADERS_FILE = '_headers';

/** One `  Name: value` line of a rule, or a throw (headerField). */
export function headerLine(name: string, value: string): string {
  const header = headerField(name, value);
  return `  ${header.name}: ${header.value}`;
}

export function netlifyHeaders(options: { root?: string } = {}): string {
  const all = [...securityHeaders({ https: true, root: options.root }), { name: 'X-Robots-Tag', value: 'noindex' }];
  return [
    '# 由 govsite 生成（npm run preview），与生产 nginx 配置同源：src/publish/security-headers.ts',
    '/*',
    ...all.map((h) => headerLine(h.name, h.value)),
    `${IMMUTABLE_PREFIX}*`,
    headerLine('Cache-Control', CACHE_IMMUTABLE),
    '',
  ].join('\n');
}
