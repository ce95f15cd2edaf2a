// Issue 23 (3, 8): no site.yaml value can inject a directive into the generated server
// configuration. Every value that reaches nginx, _headers, robots.txt or sitemap.xml is refused
// by the site.yaml grammar (SEC-06, at its line) and, should validation be bypassed, by the
// writers themselves (src/security/server-values.ts): the generated nginx configuration is parsed
// into its directives and compared with the clean one, so an injected `location`, `alias` or
// `include` would show as a directive of its own.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitemapXml } from '../../src/render/sitemap-xml.ts';
import type { SiteData } from '../../src/render/site-data.ts';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadSiteConfig } from '../../src/config/load-site-config.ts';
import { headerLine, netlifyHeaders } from '../../src/publish/netlify-headers.ts';
import { headerDirective, nginxServerBlock } from '../../src/publish/nginx-config.ts';
import { CACHE_IMMUTABLE, securityHeaders } from '../../src/publish/security-headers.ts';
import type { SiteConfig } from '../../src/schema/site-schema.ts';
import { headerField, serverName, UnsafeServerValue } from '../../src/security/server-values.ts';
import { fixturesDir, copyPlatform, removePlatform, runCli } from '../helpers/platform.ts';
import { makeCertificate, NGINX, nginxTest } from '../helpers/nginx.ts';
import { directiveLines, parseNetlifyHeaders, parseNginx } from '../helpers/nginx-directives.ts';

const work = mkdtempSync(path.join(tmpdir(), 'govsite-generated-config-'));
const tls = makeCertificate(work);
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Kind = 'host' | 'path' | 'target' | 'service';
interface Field {
  path: (string | number)[];
  clean: string;
  kind: Kind;
}

/** Every site.yaml value that reaches a generated server file, with a clean value. */
const FIELDS: Record<string, Field> = {
  domain: { path: ['domain'], clean: 'www.ceshi.gov.cn', kind: 'host' },
  chineseDomain: { path: ['chineseDomain'], clean: '测试市人民政府.政务', kind: 'host' },
  'lifecycle.previousDomains[0].domain': { path: ['lifecycle', 'previousDomains', 0, 'domain'], clean: 'old.ceshi.gov.cn', kind: 'host' },
  'deploy.production.target': { path: ['deploy', 'production', 'target'], clean: '/srv/www/alpha', kind: 'target' },
  'deploy.production.certificate': { path: ['deploy', 'production', 'certificate'], clean: tls.certificate, kind: 'path' },
  'deploy.production.certificateKey': { path: ['deploy', 'production', 'certificateKey'], clean: tls.certificateKey, kind: 'path' },
  'deploy.preview.target': { path: ['deploy', 'preview', 'target'], clean: 'netlify', kind: 'service' },
};

/** A YAML double-quoted scalar with every invisible character escaped: the source stays plain text. */
const yamlString = (value: string) =>
  `"${[...value].map((ch) => (ch === '"' || ch === '\\' ? `\\${ch}` : /[\p{C}\p{Z}]/u.test(ch) && ch !== ' ' ? `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}` : ch)).join('')}"`;

const ALPHA = readFileSync(path.join(fixturesDir, 'mini', 'sites', 'alpha', 'site.yaml'), 'utf8');

/** alpha's site.yaml with every server field present, `values` written in; and each field's line. */
function siteYaml(values: Record<string, string>): { text: string; lines: Record<string, number> } {
  const v = (field: string) => yamlString(values[field] ?? FIELDS[field]!.clean);
  const lines = ALPHA.replace(/\ndeploy:\n[\s\S]*$/, '\n').replace(/\n$/, '').split('\n');
  const at: Record<string, number> = {};
  const domainLine = lines.findIndex((l) => l.startsWith('domain:'));
  lines[domainLine] = `domain: ${v('domain')}`;
  at.domain = domainLine + 1;
  lines.splice(domainLine + 1, 0, `chineseDomain: ${v('chineseDomain')}`);
  at.chineseDomain = domainLine + 2;
  const add = (field: string | undefined, line: string) => {
    lines.push(line);
    if (field) at[field] = lines.length;
  };
  add(undefined, 'deploy:');
  add(undefined, '  production:');
  add('deploy.production.target', `    target: ${v('deploy.production.target')}`);
  add(undefined, '    domestic: true');
  add('deploy.production.certificate', `    certificate: ${v('deploy.production.certificate')}`);
  add('deploy.production.certificateKey', `    certificateKey: ${v('deploy.production.certificateKey')}`);
  add(undefined, '  preview:');
  add('deploy.preview.target', `    target: ${v('deploy.preview.target')}`);
  add(undefined, 'lifecycle:');
  add(undefined, '  previousDomains:');
  add('lifecycle.previousDomains[0].domain', `    - domain: ${v('lifecycle.previousDomains[0].domain')}`);
  add(undefined, '      until: 2026-01-01');
  return { text: `${lines.join('\n')}\n`, lines: at };
}

let root: string;
let counter = 0;
/** Loads a site.yaml text as the CLI does (a fresh site folder each time, no cache in between). */
async function load(text: string) {
  const id = 'alpha';
  const dir = path.join(root, `r${counter++}`);
  mkdirSync(path.join(dir, 'sites', id), { recursive: true });
  writeFileSync(path.join(dir, 'sites', id, 'site.yaml'), text);
  return loadSiteConfig(dir, id);
}

let clean: SiteConfig;
const options = (config: SiteConfig) => ({ siteId: 'alpha', config, target: config.deploy!.production.target });
let cleanBlock: string;

beforeAll(async () => {
  root = path.join(work, 'roots');
  const loaded = await load(siteYaml({}).text);
  expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
  clean = loaded.config!;
  cleanBlock = nginxServerBlock(options(clean));
});

const setField = (config: SiteConfig, keys: (string | number)[], value: string): SiteConfig => {
  const copy = structuredClone(config);
  let node = copy as unknown as Record<string | number, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[keys.at(-1)!] = value;
  return copy;
};

/** Injections: each is made from the field's clean value, so only the hostile part is wrong. */
const INJECTIONS: Array<[string, (clean: string, kind: Kind) => string]> = [
  ['issue 23 (3): newline + location with alias /etc/', () => '/srv/www/x/current;\n    location /leak/ { alias /etc/; autoindex on; }\n    #'],
  ['the same after the clean value', (c) => `${c};\n    location /leak/ { alias /etc/; autoindex on; }\n    #`],
  ['semicolon + include', (c) => `${c}; include /etc/passwd`],
  ['closing brace + new server', (c) => `${c} } server { listen 8080`],
  ['opening brace', (c) => `${c}{`],
  ['closing brace', (c) => `${c}}`],
  ['hash (comments out the rest)', (c) => `${c}#`],
  ['double quote', (c) => `${c}"`],
  ['single quote', (c) => `'${c}`],
  ['backtick', (c) => `${c}\``],
  ['nginx variable', (c) => `${c}$document_root`],
  ['backslash', (c) => `${c}\\;`],
  ['carriage return + location', (c) => `${c}\r    location /leak/ { alias /etc/; }`],
  ['leading newline', (c) => `\n${c}`],
  ['tab + directive', (c) => `${c}\tssl_verify_client off`],
  ['space + parameter', (c) => `${c} default_server`],
  ['line separator U+2028', (c) => `${c}\u2028location /leak/`],
  ['paragraph separator U+2029', (c) => `${c}\u2029location /leak/`],
  ['next line U+0085', (c) => `${c}\u0085location`],
  ['NUL', (c) => `${c}\u0000`],
  ['escape sequence', (c) => `${c}\u001b[2J`],
  ['zero-width space', (c) => `${c.slice(0, 3)}\u200b${c.slice(3)}`],
  ['bidi override', (c) => `\u202e${c}`],
  ['ideographic space', (c) => `${c}\u3000x`],
  ['no-break space', (c) => `${c}\u00a0x`],
  ['full-width semicolon (IDNA maps it to ;)', (c) => `${c}；ｌｏｃａｔｉｏｎ`],
  ['small semicolon U+FE54', (c) => `${c}\ufe54`],
  ['full-width braces', (c) => `${c}｛｝`],
  ['very long value', (_c, kind) => (kind === 'host' ? `${'a'.repeat(300)}.gov.cn` : kind === 'service' ? 'n'.repeat(100) : `/srv/${'a'.repeat(2000)}`)],
];

/** Values of the right shape but wrong in a way that matters to a server. */
const SHAPES: Record<Kind, Array<[string, string]>> = {
  host: [
    ['wildcard server name', '*.ceshi.gov.cn'],
    ['regular-expression server name (catches every host)', '~^(.*)$'],
    ['catch-all name', '_'],
    ['underscore', 'www_x.ceshi.gov.cn'],
    ['comma-separated list', 'www.ceshi.gov.cn,www.shili.gov.cn'],
  ],
  path: [
    ['relative path', 'tls/site.crt'],
    ['dot-dot segment', '/etc/nginx/../../etc/shadow'],
    ['double slash', '/etc//nginx/x.crt'],
    ['shell substitution', '/etc/$(id)/x.crt'],
  ],
  target: [
    ['relative path with a slash', 'srv/www/alpha'],
    ['dot-dot segment', '/srv/www/alpha/../shili'],
    ['inside another site’s live release', '/srv/www/shili/current/alpha'],
    ['inside another site’s releases', '/srv/www/shili/releases/alpha'],
  ],
  service: [
    ['path-like service', 'net/lify'],
    ['URL as a service', 'https://app.netlify.com/'],
  ],
};

const CASES = Object.entries(FIELDS).flatMap(([field, spec]) => [
  ...INJECTIONS.map(([name, make]) => [field, name, make(spec.clean, spec.kind)] as const),
  ...SHAPES[spec.kind].map(([name, value]) => [field, name, value] as const),
]);
const isShape = (name: string) => Object.values(SHAPES).some((list) => list.some(([shape]) => shape === name));
const shapeOf = (text: string) => parseNginx(text).map((d) => `${d.context.replace(/ .*/, '')} ${d.name} ${d.args.length}`);
/** Characters another rule (SEC-04, text hygiene) may refuse first, at the same line. */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;
const MARKERS = ['location', 'leak', 'alias', 'autoindex', 'include', 'document_root', 'default_server', 'ssl_verify_client'];

describe('SEC-06: every server value of site.yaml is refused at its line', () => {
  it.each(CASES)('%s: %s', async (field, _name, value) => {
    const { text, lines } = siteYaml({ [field]: value });
    const loaded = await load(text);
    expect(loaded.config, 'a refused value leaves no configuration to write').toBeUndefined();
    const rules = HIDDEN.test(value) ? ['SEC-04', 'SEC-06'] : ['SEC-06'];
    const found = loaded.diagnostics.find((d) => rules.includes(d.ruleId) && d.line === lines[field]);
    expect(found, loaded.diagnostics.map(formatDiagnostic).join('\n')).toBeDefined();
    expect(found).toMatchObject({ severity: 'error', file: 'sites/alpha/site.yaml' });
    // The message says what is wrong without repeating the payload.
    const printed = loaded.diagnostics.map(formatDiagnostic).join('\n');
    for (const marker of MARKERS) if (value.includes(marker)) expect(printed).not.toContain(marker);
    // eslint-disable-next-line no-control-regex
    expect(printed).not.toMatch(/[\r\u0000\u001b\u2028\u2029]/);
  });
});

describe('SEC-06 in depth: the nginx writer refuses what validation would have refused', () => {
  it('writes the clean configuration as the directives expected, and nginx -t accepts it', () => {
    const lines = directiveLines(cleanBlock);
    expect(lines).toContain('server :: server_name www.ceshi.gov.cn xn--gmq658ainal6so7i0zbv10h.xn--zfr164b');
    expect(lines).toContain(`server :: ssl_certificate ${tls.certificate}`);
    expect(lines).toContain('server :: root /srv/www/alpha/current');
    expect(lines).toContain('server :: server_name old.ceshi.gov.cn');
    expect(lines.filter((l) => / :: (alias|include|autoindex)\b/.test(l))).toEqual([]);
    expect(lines.filter((l) => / :: location /.test(l))).toHaveLength(5);
    if (!NGINX) throw new Error('nginx is not installed: apt-get install -y nginx-light');
    const file = path.join(work, 'clean.conf');
    writeFileSync(file, nginxServerBlock({ ...options(clean), previousDomainCertificates: { 'old.ceshi.gov.cn': tls } }));
    const tested = nginxTest([file]);
    expect(tested.output).toContain('test is successful');
    expect(tested.ok).toBe(true);
  });

  it.each(CASES)('%s: %s', (field, name, value) => {
    const spec = FIELDS[field]!;
    const config = setField(clean, spec.path, value);
    if (field === 'deploy.preview.target') {
      // Not written into nginx at all: the configuration is exactly the clean one.
      expect(nginxServerBlock(options(config))).toBe(cleanBlock);
      return;
    }
    if (!isShape(name)) {
      expect(() => nginxServerBlock(options(config))).toThrow(UnsafeServerValue);
      return;
    }
    // A well-formed but wrong value (validation refuses it) may be written: as one argument.
    let written: string | undefined;
    try {
      written = nginxServerBlock(options(config));
    } catch (error) {
      expect(error).toBeInstanceOf(UnsafeServerValue);
    }
    if (written !== undefined) expect(shapeOf(written)).toEqual(shapeOf(cleanBlock));
  });

  it.each(Object.entries(FIELDS).filter(([field]) => field !== 'deploy.preview.target'))('a valid other %s changes arguments, never directives', (field, spec) => {
    const other: Record<Kind, string> = { host: 'www.other.gov.cn', path: '/etc/ssl/private/other-site.pem', target: '/data/web/alpha', service: 'vercel' };
    const written = nginxServerBlock(options(setField(clean, spec.path, spec.kind === 'host' && field === 'chineseDomain' ? '其他市人民政府.政务' : other[spec.kind])));
    expect(written).not.toBe(cleanBlock);
    expect(shapeOf(written)).toEqual(shapeOf(cleanBlock));
  });

  it.each(INJECTIONS)('the site name, written only in a comment, adds no directive: %s', (_name, make) => {
    const text = nginxServerBlock(options({ ...clean, name: make(clean.name, 'host') }));
    expect(directiveLines(text)).toEqual(directiveLines(cleanBlock));
    // The comment stays on its one line: the next line is the second comment.
    expect(text.split('\n')[1]).toMatch(/^# PUB-01 /);
  });

  it('refuses unsafe options of the writer too (listen parameters, site id, certificates)', () => {
    expect(() => nginxServerBlock({ ...options(clean), listen: ['443 ssl; include /etc/passwd'] })).toThrow(UnsafeServerValue);
    expect(() => nginxServerBlock({ ...options(clean), siteId: 'alpha;x' })).toThrow(UnsafeServerValue);
    expect(() => nginxServerBlock({ ...options(clean), certificate: '/x.crt;\n location / {}' })).toThrow(UnsafeServerValue);
    expect(() => nginxServerBlock({ ...options(clean), target: '/srv/www/alpha }' })).toThrow(UnsafeServerValue);
  });
});

describe('SEC-06: Netlify _headers, robots.txt and sitemap.xml', () => {
  it('_headers holds exactly the rules of the one header policy', () => {
    const rules = parseNetlifyHeaders(netlifyHeaders());
    const expected = [
      ...securityHeaders({ https: true }).map((h) => ({ path: '/*', ...h })),
      { path: '/*', name: 'X-Robots-Tag', value: 'noindex' },
      { path: '/_astro/*', name: 'Cache-Control', value: CACHE_IMMUTABLE },
    ];
    expect(rules).toEqual(expected);
  });

  it('a header value of 9,000 characters is refused', () => {
    expect(() => headerField('X-Test', 'a'.repeat(9000))).toThrow(UnsafeServerValue);
  });

  it.each(INJECTIONS.filter(([name]) => name !== 'very long value'))('a header with %s is refused, or stays one header', (_name, make) => {
    const value = make("default-src 'self'", 'path');
    // A name is a token: any of these makes it something else.
    expect(() => headerField(`X-Test${make('', 'path').slice(0, 40)}`, 'ok')).toThrow(UnsafeServerValue);
    let directive: string | undefined;
    try {
      directive = headerDirective('X-Test', value);
    } catch (error) {
      expect(error).toBeInstanceOf(UnsafeServerValue);
      expect(() => headerLine('X-Test', value)).toThrow(UnsafeServerValue);
      return;
    }
    // Accepted (`;`, `{`, `#`, quotes and spaces are ordinary in a CSP): one directive, one rule, the value intact.
    expect(parseNginx(`server {\n${directive}\n}\n`)).toEqual([
      { context: '', name: 'server', args: [] },
      { context: 'server', name: 'add_header', args: ['X-Test', value, 'always'] },
    ]);
    expect(parseNetlifyHeaders(`/*\n${headerLine('X-Test', value)}\n`)).toEqual([{ path: '/*', name: 'X-Test', value: value.trim() }]);
  });

  it.each(CASES.filter(([field]) => FIELDS[field]!.kind === 'host'))('robots.txt and sitemap.xml refuse %s: %s', (_field, _name, value) => {
    expect(() => serverName(value, 'domain')).toThrow(UnsafeServerValue);
    const data = { config: { ...clean, domain: value }, items: [] } as unknown as SiteData;
    expect(() => sitemapXml(data, ['index.html'])).toThrow(UnsafeServerValue);
  });

  it('writes the clean domain into sitemap.xml', () => {
    const data = { config: clean, items: [] } as unknown as SiteData;
    expect(sitemapXml(data, ['index.html', 'news/index.html'])).toContain('<loc>https://www.ceshi.gov.cn/news/</loc>');
  });
});

describe('issue 23 (3) reproduced with the CLI: validate refuses, npm run nginx writes nothing', () => {
  let platform: string;
  beforeAll(() => {
    platform = copyPlatform('mini');
    const payload = yamlString('/srv/www/x/current;\n    location /leak/ { alias /etc/; autoindex on; }\n    #');
    const edit = (file: string, from: string, to: string) => {
      const before = readFileSync(path.join(platform, file), 'utf8');
      expect(before).toContain(from);
      writeFileSync(path.join(platform, file), before.replace(from, to));
    };
    edit('sites/alpha/site.yaml', 'target: /srv/www/alpha', `target: ${payload}`);
    edit('sites/beta/site.yaml', 'domestic: true }', `domestic: true, certificate: ${payload} }`);
  });
  afterAll(() => removePlatform(platform));

  it('validate: SEC-06 at the target line of alpha and the certificate line of beta, exit 1', () => {
    const result = runCli(['validate', '--root', platform]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/sites\/alpha\/site\.yaml:35:\d+ +错误 \[SEC-06\] 字段“发布目标”（deploy\.production\.target）/);
    expect(result.stdout).toMatch(/sites\/beta\/site\.yaml:31:\d+ +错误 \[SEC-06\] 字段“HTTPS 证书”（deploy\.production\.certificate）/);
    expect(result.stdout).toContain('✘ alpha：有错误，不能发布');
    expect(result.stdout).toContain('✘ beta：有错误，不能发布');
    expect(result.output).not.toMatch(/leak|autoindex|alias/);
  });

  it('nginx: no configuration file, a non-zero exit', () => {
    for (const site of ['alpha', 'beta']) {
      const out = path.join(platform, 'nginx-out');
      const result = runCli(['nginx', '--root', platform, '--site', site, '--out', out]);
      expect(result.status, result.output).not.toBe(0);
      expect(existsSync(path.join(out, `${site}.conf`))).toBe(false);
      expect(result.output).not.toMatch(/leak|autoindex/);
      expect(result.output).not.toMatch(/\n\s+at /);
    }
  });
});

describe('SEC-06: a production target is the site’s own folder, never another site’s', () => {
  let platform: string;
  beforeAll(() => {
    platform = copyPlatform('mini');
    const file = path.join(platform, 'sites', 'alpha', 'site.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('target: /srv/www/alpha', 'target: /srv/www/beta'));
  });
  afterAll(() => removePlatform(platform));

  it('validate reports it at alpha’s target line; beta is not blamed', () => {
    const result = runCli(['validate', '--root', platform, '--site', 'alpha', '--site', 'beta']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/sites\/alpha\/site\.yaml:35:\d+ +错误 \[SEC-06\] 生产发布目标“\/srv\/www\/beta”的最后一级目录“beta”不是本站标识“alpha”/);
    expect(result.stdout).toContain('改为 target: /srv/www/alpha');
    expect(result.stdout).toMatch(/✔ beta：/);
  });

  it('publish, rollback and nginx refuse to use it', () => {
    for (const command of [['publish', '--skip-build'], ['rollback'], ['nginx']]) {
      const result = runCli([...command, '--root', platform, '--site', 'alpha']);
      expect(result.status, result.output).not.toBe(0);
      expect(result.stderr).toContain('SEC-06');
    }
    expect(existsSync('/srv/www/beta/current')).toBe(false);
  });

  it('nginx refuses a domain that only the site rules (SITE-04) would have refused, which it does not run', () => {
    const file = path.join(platform, 'sites', 'beta', 'site.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('domain: sjj.ceshi.gov.cn', 'domain: https://sjj.ceshi.gov.cn/'));
    const out = path.join(platform, 'nginx-out');
    const result = runCli(['nginx', '--root', platform, '--site', 'beta', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('✘ beta 不生成生产服务器配置：site.yaml 的 domain 不能写进服务器配置');
    expect(existsSync(path.join(out, 'beta.conf'))).toBe(false);
  });
});
