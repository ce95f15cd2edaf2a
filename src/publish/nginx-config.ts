// The production web server's configuration for one site: an nginx server block for the domestic
// host (SITE-10), generated from site.yaml and the one header policy (security-headers.ts), so it
// is never edited by hand. PUB-05: it listens on IPv6 and IPv4. HTTPS only (HTTP redirects),
// HSTS, gzip, long caching of the hashed build assets, the site's 404 page, and the document
// root at <target>/current, the release link `npm run publish` switches (releases.ts).
//
// SEC-06: every value from site.yaml or the options goes through a guard of
// src/security/server-values.ts that throws unless it is a host name, an absolute path or a plain
// header value: validation refuses such values first, and this holds even if it did not.
import type { SiteConfig } from '../schema/site-schema.ts';
import { isId } from '../security/names.ts';
import { commentText, headerField, listenParameters, serverName, serverPath, UnsafeServerValue } from '../security/server-values.ts';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, IMMUTABLE_PREFIX, securityHeaders } from './security-headers.ts';
import { CURRENT_LINK } from './releases.ts';

export interface NginxOptions {
  siteId: string;
  config: SiteConfig;
  /** The publish target on the server (holds releases/ and the `current` link). */
  target: string;
  /** `listen` parameters of the HTTPS server; production: `443 ssl http2` on IPv4 and IPv6. */
  listen?: string[];
  /** Also answer plain HTTP with a redirect to HTTPS (production: on port 80, both protocols). */
  redirectHttp?: boolean;
  certificate?: string;
  certificateKey?: string;
  /** Folder holding data/iframe-hosts.yaml for the CSP's frame-src. */
  root?: string;
  /** Certificates of the old domains (SITE-09); /etc/nginx/tls/<old domain>.crt and .key by default. */
  previousDomainCertificates?: Record<string, { certificate: string; certificateKey: string }>;
}

/** Where, inside a site's publish target, the old domains' notice site is published. */
export const PREVIOUS_DOMAIN_DIR = 'previous-domain';

export const PRODUCTION_LISTEN = ['443 ssl http2', '[::]:443 ssl http2'];

/** Where the certificate is expected when site.yaml does not say. */
export function defaultCertificate(config: SiteConfig): { certificate: string; certificateKey: string } {
  const production = config.deploy?.production;
  const domain = () => serverName(config.domain, 'domain');
  return {
    certificate: serverPath(production?.certificate ?? `/etc/nginx/tls/${domain()}.crt`, 'deploy.production.certificate'),
    certificateKey: serverPath(production?.certificateKey ?? `/etc/nginx/tls/${domain()}.key`, 'deploy.production.certificateKey'),
  };
}

/** The English domain and the Chinese one in its ASCII (punycode) form, which nginx matches. */
export function serverNames(config: SiteConfig): string[] {
  const names = [serverName(config.domain, 'domain')];
  if (config.chineseDomain !== undefined) names.push(serverName(config.chineseDomain, 'chineseDomain'));
  return names;
}

/**
 * `add_header <name> "<value>" always;`: the value in double quotes, after headerField refused
 * `"`, `\`, `$` (a variable in nginx) and anything outside printable ASCII, so that `;`, `{` or
 * `#` in it (a CSP has `;`) stay inside the one word.
 */
export function headerDirective(name: string, value: string): string {
  const header = headerField(name, value);
  return `add_header ${header.name} "${header.value}" always;`;
}

/** Feeds and text files get their charset; the feeds their registered types. */
const GZIP_TYPES = 'text/css text/plain text/xml application/javascript application/json application/feed+json application/rss+xml application/xml image/svg+xml application/wasm';

/** What each server block of a site repeats. */
interface ServerParts {
  listen: string[];
  redirectHttp: boolean;
  root: string;
  /** add_header in a location replaces the server's: every location repeats the whole set. */
  headerLines: (cache: string, indent: string) => string;
}

const httpRedirect = (names: string) => ['server {', '    listen 80;', '    listen [::]:80;', `    server_name ${names};`, '    server_tokens off;', '    return 301 https://$host$request_uri;', '}', ''];

/** The site's own server block: TLS, the current release, compression and caching by location. */
function siteServer(parts: ServerParts, names: string, tls: { certificate: string; certificateKey: string }): string[] {
  const { listen, root, headerLines } = parts;
  return [
  'server {',
  ...listen.map((l) => `    listen ${l};`),
  `    server_name ${names};`,
  '',
  `    ssl_certificate ${tls.certificate};`,
  `    ssl_certificate_key ${tls.certificateKey};`,
  '    ssl_protocols TLSv1.2 TLSv1.3;',
  '    ssl_prefer_server_ciphers off;',
  '    ssl_session_timeout 1d;',
  '    ssl_session_tickets off;',
  '',
  '    server_tokens off;',
  `    root ${root}/${CURRENT_LINK};`,
  // A release holds no links (verify reports one as tampering); should one appear, it is not
  // followed: a link to / would otherwise serve the server's files. The root itself is a link.
  '    disable_symlinks on from=$document_root;',
  '    index index.html;',
  '    charset utf-8;',
  `    charset_types text/css text/plain text/xml application/javascript application/json application/feed+json application/rss+xml image/svg+xml;`,
  '',
  '    gzip on;',
  '    gzip_vary on;',
  '    gzip_comp_level 5;',
  '    gzip_min_length 256;',
  `    gzip_types ${GZIP_TYPES};`,
  '',
  '    error_page 404 /404.html;',
  '',
  '    location / {',
  '        try_files $uri $uri/ =404;',
  headerLines(CACHE_REVALIDATE, '        '),
  '    }',
  '',
  '    # Build assets carry a content hash in their names: cache them for a year.',
  `    location ${IMMUTABLE_PREFIX} {`,
  '        try_files $uri =404;',
  headerLines(CACHE_IMMUTABLE, '        '),
  '    }',
  '',
  '    # PUB-06: feeds with their registered media types.',
  '    location /feeds/ {',
  '        types { application/rss+xml xml; application/feed+json json; }',
  '        try_files $uri =404;',
  headerLines(CACHE_REVALIDATE, '        '),
  '    }',
  '',
  '    # Nothing published starts with a dot; whatever does was not published by govsite.',
  '    location ~ /\\.(?!well-known/) {',
  '        return 404;',
  '    }',
  '}',
  '',
  ];
}

/** SITE-09: a server block for each old domain of the site. */
function previousDomainServers(options: NginxOptions, parts: ServerParts): string[] {
  const { config } = options;
  const { listen, redirectHttp, root, headerLines } = parts;
  const lines: string[] = [];
  // SITE-09: each old domain serves the domain-change notice (dist/<siteId>--previous-domain/, which
  // npm run publish puts under <target>/previous-domain/): the notice at / and for every old address.
  for (const [index, previous] of (config.lifecycle.previousDomains ?? []).entries()) {
    const domain = serverName(previous.domain, `lifecycle.previousDomains[${index}].domain`);
    const certificates = options.previousDomainCertificates?.[previous.domain];
    const certificate = serverPath(certificates?.certificate ?? `/etc/nginx/tls/${domain}.crt`, 'previousDomainCertificates');
    const certificateKey = serverPath(certificates?.certificateKey ?? `/etc/nginx/tls/${domain}.key`, 'previousDomainCertificates');
    lines.push(
      `# 原域名 ${domain}：域名变更公告（SITE-09），所有旧网址都显示公告。`,
      ...(redirectHttp ? httpRedirect(domain) : []),
      'server {',
      ...listen.map((l) => `    listen ${l};`),
      `    server_name ${domain};`,
      `    ssl_certificate ${certificate};`,
      `    ssl_certificate_key ${certificateKey};`,
      '    ssl_protocols TLSv1.2 TLSv1.3;',
      '    server_tokens off;',
      `    root ${root}/${PREVIOUS_DOMAIN_DIR}/${CURRENT_LINK};`,
      '    disable_symlinks on from=$document_root;',
      '    index index.html;',
      '    charset utf-8;',
      '    error_page 404 /404.html;',
      '    location / {',
      '        try_files $uri $uri/ =404;',
      headerLines(CACHE_REVALIDATE, '        '),
      '    }',
      '}',
      '',
    );
  }
  return lines;
}

export function nginxServerBlock(options: NginxOptions): string {
  const { config, siteId } = options;
  if (!isId(siteId)) throw new UnsafeServerValue('站点标识', '不是小写字母、数字和 - 组成的标识');
  const listen = (options.listen ?? PRODUCTION_LISTEN).map(listenParameters);
  const redirectHttp = options.redirectHttp ?? true;
  const tls = {
    certificate: options.certificate ? serverPath(options.certificate, 'certificate') : defaultCertificate(config).certificate,
    certificateKey: options.certificateKey ? serverPath(options.certificateKey, 'certificateKey') : defaultCertificate(config).certificateKey,
  };
  const names = serverNames(config).join(' ');
  const root = serverPath(options.target.replace(/\/+$/, ''), 'deploy.production.target');
  const headers = securityHeaders({ https: true, root: options.root });
  const headerLines = (cache: string, indent: string) =>
    [...headers, { name: 'Cache-Control', value: cache }].map((h) => `${indent}${headerDirective(h.name, h.value)}`).join('\n');
  const parts: ServerParts = { listen, redirectHttp, root, headerLines };
  return [
    `# ${commentText(config.name)}（${siteId}）：由 govsite 生成（npm run nginx -- --site ${siteId}），请勿手工修改，改 site.yaml 后重新生成。`,
    '# PUB-01 安全响应头、PUB-05 IPv6、SITE-10 境内服务器；说明见 docs/publishing.md。',
    ...(redirectHttp ? httpRedirect(names) : []),
    ...siteServer(parts, names, tls),
    ...previousDomainServers(options, parts),
  ].join('\n');
}
