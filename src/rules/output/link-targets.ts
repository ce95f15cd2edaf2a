// Where an address of a built page points (check-links.ts): nowhere to check (mailto:, tel:…),
// another website, a file of the site's own output (directory URLs to their index.html), or an
// address too malformed to open.
import { webHost } from '../../config/government-hosts.ts';

export type Target =
  | { type: 'skip' }
  | { type: 'external'; url: string; host: string }
  | { type: 'internal'; pathname: string; fragment: string; sameDocument: boolean }
  | { type: 'malformed' };

export function classify(value: string, from: string, ownHosts: ReadonlySet<string>): Target {
  const v = value.trim();
  if (v === '') return { type: 'skip' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return { type: 'skip' }; // mailto:, tel:, data:…
  const host = webHost(v);
  if (scheme || v.startsWith('//')) {
    if (!host) return { type: 'malformed' };
    if (!ownHosts.has(host)) return { type: 'external', url: v, host };
  }
  let url: URL;
  try {
    url = new URL(v, `https://site.invalid${from}`);
  } catch {
    return { type: 'malformed' };
  }
  let pathname: string;
  let fragment: string;
  try {
    pathname = decodeURIComponent(url.pathname);
    fragment = decodeURIComponent(url.hash.slice(1));
  } catch {
    return { type: 'malformed' };
  }
  return { type: 'internal', pathname, fragment, sameDocument: v.startsWith('#') };
}

/** The output file a site path is served from, if there is one (files: the output's, or those a build will write). */
export function resolveFile(pathname: string, files: { has(file: string): boolean }): string | undefined {
  const p = pathname.replace(/^\/+/, '');
  if (p === '' || p.endsWith('/')) return files.has(`${p}index.html`) ? `${p}index.html` : undefined;
  if (files.has(p)) return p;
  if (files.has(`${p}/index.html`)) return `${p}/index.html`;
  return undefined;
}
