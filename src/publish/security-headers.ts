// PUB-01: the HTTP response headers of every published site, in one place. The nginx server
// blocks (nginx-config.ts), the Netlify preview's _headers file (netlify-headers.ts) and the
// tests all read them from here, so what is tested is what is served.
//
// Why each header (docs/publishing.md has the long form):
// - Content-Security-Policy: scripts only from the site itself and the allowlisted third parties
//   below, never inline (templates keep every script external; Astro is told not to inline);
//   styles only from files (astro.config.mjs sets inlineStylesheets: 'never' and the site's
//   colours come as a stylesheet, so no inline style is needed and none is allowed).
//   'wasm-unsafe-eval' and worker-src 'self' are for Pagefind (WebAssembly in a Web Worker,
//   docs/search.md); frame-src lists the government video hosts CONT-16 allows in bodies.
// - Strict-Transport-Security: HTTPS only, for a year, subdomains included (HTTPS servers only).
// - X-Content-Type-Options: nosniff, so an uploaded attachment is never run as a script or page.
// - Referrer-Policy: other sites see our origin, never the full address of the page.
// - Permissions-Policy: no camera, microphone, location, payment…; the article tools' copy link
//   needs clipboard-write for the site itself.
// - X-Frame-Options: frame-ancestors for old browsers that still lack CSP level 2.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { iframeHostsSchema } from '../rules/content/remark-mdx-allowlist.ts';
import { projectRoot } from '../util/paths.ts';

/**
 * Third-party scripts a page may load, and nothing else (CONT-08: no ad or tracking scripts).
 * Each must be optional: the page works the same when the script is blocked or unreachable.
 */
export const THIRD_PARTY_SCRIPTS = [
  {
    origin: 'https://dcs.conac.cn',
    name: '党政机关网站标识（中央机构编制委员会办公室）',
    /** The badge the script draws is an image from the same host. */
    images: true,
  },
] as const;

export interface HeaderPolicyOptions {
  /** The server speaks HTTPS (production): adds HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** Folder holding data/iframe-hosts.yaml (a platform may carry its own); the repository's by default. */
  root?: string;
}

/** `https://host` sources for frame-src: the government video hosts of data/iframe-hosts.yaml. */
export function frameSources(root?: string): string[] {
  const own = root ? path.join(root, 'data', 'iframe-hosts.yaml') : undefined;
  const file = own && existsSync(own) ? own : path.join(projectRoot, 'data', 'iframe-hosts.yaml');
  const { hosts } = iframeHostsSchema.parse(parse(readFileSync(file, 'utf8')) ?? {});
  return [...new Set(hosts.map((h) => `https://${h.host}`))].sort();
}

/** The CSP directives, in a fixed order (byte-identical configuration for the same inputs). */
export function cspDirectives(options: HeaderPolicyOptions): Array<[string, string[]]> {
  const scriptOrigins = THIRD_PARTY_SCRIPTS.map((s) => s.origin);
  const imageOrigins = THIRD_PARTY_SCRIPTS.filter((s) => s.images).map((s) => s.origin);
  const frames = frameSources(options.root);
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'", ...scriptOrigins]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", ...imageOrigins]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['frame-src', frames.length ? frames : ["'none'"]],
    ['media-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'self'"]],
  ];
  if (options.https) directives.push(['upgrade-insecure-requests', []]);
  return directives;
}

export function contentSecurityPolicy(options: HeaderPolicyOptions): string {
  return cspDirectives(options)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

export interface Header {
  name: string;
  value: string;
}

/** The headers every response carries (pages, files, the 404 page). */
export function securityHeaders(options: HeaderPolicyOptions): Header[] {
  const headers: Header[] = [
    { name: 'Content-Security-Policy', value: contentSecurityPolicy(options) },
    { name: 'X-Content-Type-Options', value: 'nosniff' },
    { name: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    {
      name: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), clipboard-write=(self), fullscreen=(self)',
    },
    { name: 'X-Frame-Options', value: 'SAMEORIGIN' },
    { name: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
  if (options.https) headers.push({ name: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' });
  return headers;
}

/** Cache rules: hashed build assets never change under their name; everything else is revalidated. */
export const IMMUTABLE_PREFIX = '/_astro/';
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages must show a correction (or a repaired tampering) at once: revalidate every time (ETag). */
export const CACHE_REVALIDATE = 'no-cache';

/** Whether a script URL may appear in a published page: same site, or an allowlisted origin. */
export function allowedScript(src: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) return true;
  let url: URL;
  try {
    url = new URL(src, 'https://site.invalid/');
  } catch {
    return false;
  }
  return url.protocol === 'https:' && THIRD_PARTY_SCRIPTS.some((s) => s.origin === url.origin);
}
