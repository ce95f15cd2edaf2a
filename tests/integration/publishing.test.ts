// Issue 9, publishing and security (PUB-01…06, SITE-10), end to end with the real programs:
// the demo platform built by the global setup, published with `npm run publish` into a throwaway
// target, served by Debian's nginx with the server block `npm run nginx` generates (only the
// listen addresses and the certificate differ from production), and checked over HTTPS.
import { cpSync, existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSiteConfig } from '../../src/config/load-site-config.ts';
import { listing, MANIFEST_FILE, sha256, type IntegrityManifest } from '../../src/publish/integrity-manifest.ts';
import { nginxServerBlock } from '../../src/publish/nginx-config.ts';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, securityHeaders } from '../../src/publish/security-headers.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { freePort, makeCertificate, NGINX, nginxTest, startNginx, type RunningNginx } from '../helpers/nginx.ts';
import { readText, runCli, treeHashes } from '../helpers/platform.ts';

const SITES = ['shili', 'shili-jyt', 'anping'];
let demo: string;
let work: string;
let tls: { certificate: string; certificateKey: string };
let target: string;
let server: RunningNginx;

const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as IntegrityManifest;

beforeAll(async () => {
  // Debian's nginx, as on the production host: .ci/run installs it (apt-get install nginx-light).
  if (!NGINX) throw new Error('nginx is not installed: apt-get install -y nginx-light');
  demo = inject('demoRoot');
  work = mkdtempSync(path.join(tmpdir(), 'govsite-publishing-'));
  tls = makeCertificate(work);
  target = path.join(work, 'srv', 'shili');
  // Publishes the demo build as it is: the global setup's dist/ is shared and stays untouched.
  const published = runCli(['publish', '--root', demo, '--site', 'shili', '--to', target, '--skip-build']);
  expect(published.status, published.output).toBe(0);
  const { config } = await loadSiteConfig(demo, 'shili');
  const port = await freePort();
  const block = nginxServerBlock({ siteId: 'shili', config: config!, target, root: demo, listen: [`127.0.0.1:${port} ssl http2`, `[::1]:${port} ssl http2`], redirectHttp: false, ...tls });
  writeFileSync(path.join(work, 'shili.conf'), block);
  server = await startNginx(path.join(work, 'shili.conf'), port, tls.certificate);
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('PUB-02 the integrity manifest of every build', () => {
  it('lists every file of the output with its SHA-256, and its own digest over the list', () => {
    for (const id of SITES) {
      const dir = path.join(demo, 'dist', id);
      const manifest = manifestOf(dir);
      const actual = treeHashes(dir);
      delete actual[MANIFEST_FILE];
      expect(manifest.files, id).toEqual(Object.fromEntries(Object.entries(actual).map(([f, h]) => [f.split(path.sep).join('/'), h])));
      expect(manifest.fileCount).toBe(Object.keys(actual).length);
      expect(manifest.digest).toBe(sha256(listing(manifest.files)));
    }
  });

  it('covers the portal’s copies of the other sites’ search bundles as they are after the last refresh', () => {
    const manifest = manifestOf(path.join(demo, 'dist', 'shili'));
    const copies = Object.keys(manifest.files).filter((f) => f.startsWith('pagefind-sites/'));
    expect(copies).toContain('pagefind-sites/sites.json');
    for (const id of ['shili-jyt', 'anping']) {
      // The copy of each site's bundle equals the bundle that site published.
      const entry = `pagefind-sites/${id}/pagefind-entry.json`;
      expect(manifest.files[entry], entry).toBe(sha256(readFileSync(path.join(demo, 'dist', id, 'pagefind', 'pagefind-entry.json'))));
    }
  });

  it('verify names every changed, removed and added file of a deployed folder, with a non-zero exit', () => {
    const copy = path.join(work, 'deployed-copy');
    cpSync(path.join(demo, 'dist', 'shili-jyt'), copy, { recursive: true });
    let result = runCli(['verify', '--root', demo, '--site', 'shili-jyt', '--against', copy]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('✔ 与构建结果完全一致');

    writeFileSync(path.join(copy, 'index.html'), readFileSync(path.join(copy, 'index.html'), 'utf8').replace('</body>', '<a href="https://casino.example/">x</a></body>'));
    unlinkSync(path.join(copy, 'robots.txt'));
    writeFileSync(path.join(copy, 'news', 'shell.php'), '<?php system($_GET["c"]);');
    result = runCli(['verify', '--root', demo, '--site', 'shili-jyt', '--against', copy]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('✘ 被修改：index.html');
    expect(result.stdout).toContain('✘ 被删除：robots.txt');
    expect(result.stdout).toContain('✘ 多出的文件：news/shell.php');
    expect(result.stdout).toContain('发现 3 处与构建结果不一致（修改 1，删除 1，多出 1）');
  });

  it('refuses a manifest whose list was edited (its digest no longer matches)', () => {
    const out = path.join(work, 'forged-out');
    const copy = path.join(out, 'shili-jyt');
    cpSync(path.join(demo, 'dist', 'shili-jyt'), copy, { recursive: true });
    const manifest = manifestOf(copy);
    manifest.files['index.html'] = '0'.repeat(64);
    writeFileSync(path.join(copy, MANIFEST_FILE), JSON.stringify(manifest));
    const result = runCli(['verify', '--root', demo, '--out', out, '--site', 'shili-jyt', '--against', copy]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('本身被改动过（摘要不符）');
  });
});

describe('PUB-01 / PUB-05 the generated nginx configuration, served by nginx', () => {
  it('passes nginx -t for every demo site (production blocks: 443 and 80 on IPv4 and IPv6)', async () => {
    const out = path.join(work, 'nginx');
    const result = runCli(['nginx', '--root', demo, '--out', out]);
    expect(result.status, result.output).toBe(0);
    const files = SITES.map((id) => path.join(out, `${id}.conf`));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const listen of ['listen 443 ssl http2;', 'listen [::]:443 ssl http2;', 'listen 80;', 'listen [::]:80;']) expect(text).toContain(listen);
      expect(text).toContain('return 301 https://$host$request_uri;');
      expect(text).toMatch(/root \/srv\/www\/[a-z-]+\/current;/);
      // nginx -t needs the certificate files to exist: the test's, at the same place in the block.
      writeFileSync(file, text.replace(/ssl_certificate (\S+);/, `ssl_certificate ${tls.certificate};`).replace(/ssl_certificate_key (\S+);/, `ssl_certificate_key ${tls.certificateKey};`));
    }
    // The Chinese domain is written in punycode, which is what nginx matches.
    expect(readFileSync(files[0]!, 'utf8')).toMatch(/server_name www\.shili\.gov\.cn xn--[a-z0-9-]+\.xn--[a-z0-9]+;/);
    const tested = nginxTest(files);
    expect(tested.output).toContain('test is successful');
    expect(tested.ok).toBe(true);
  });

  it('sends every security header of the one policy on pages, assets, feeds and the 404 page', async () => {
    const expected = securityHeaders({ https: true, root: demo });
    expect(expected.map((h) => h.name)).toEqual([
      'Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'X-Frame-Options', 'Cross-Origin-Opener-Policy', 'Strict-Transport-Security',
    ]);
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(readText(target, 'current/index.html'))![1]!;
    for (const [pathname, status] of [['/', 200], ['/news/', 200], [css, 200], ['/feeds/news.xml', 200], ['/robots.txt', 200], ['/no-such-page/', 404]] as const) {
      const response = await server.get(pathname);
      expect(response.status, pathname).toBe(status);
      for (const { name, value } of expected) expect(response.headers[name.toLowerCase()], `${name} on ${pathname}`).toBe(value);
    }
  });

  it('states a CSP without inline script or style, Pagefind’s needs, the badge script and frame-ancestors', async () => {
    const csp = String((await server.get('/')).headers['content-security-policy']);
    const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
    expect(directive('script-src')).toBe("script-src 'self' 'wasm-unsafe-eval' https://dcs.conac.cn");
    expect(directive('style-src')).toBe("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(directive('worker-src')).toBe("worker-src 'self'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
    // The video hosts CONT-16 allows in bodies (data/iframe-hosts.yaml) may be framed.
    expect(directive('frame-src')).toContain('https://www.gov.cn');
  });

  it('publishes pages with no inline script, style element or style attribute, and scripts only from the site or the allowlist', () => {
    const pages = Object.keys(treeHashes(path.join(target, 'current'))).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const html = readText(target, `current/${page}`);
      for (const script of html.match(/<script\b[^>]*>/g) ?? []) {
        const src = /\bsrc="([^"]+)"/.exec(script)?.[1];
        expect(src, `inline script in ${page}: ${script}`).toBeDefined();
        expect(src!.startsWith('/') || src!.startsWith('https://dcs.conac.cn/'), `${page}: ${src}`).toBe(true);
      }
      expect(html, page).not.toMatch(/<style[\s>]/);
      expect(html, page).not.toMatch(/\sstyle=/);
      expect(html, page).not.toMatch(/\son[a-z]+=/);
    }
  });

  it('caches hashed assets for a year and revalidates pages', async () => {
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(readText(target, 'current/index.html'))![1]!;
    expect((await server.get(css)).headers['cache-control']).toBe(CACHE_IMMUTABLE);
    expect((await server.get('/news/')).headers['cache-control']).toBe(CACHE_REVALIDATE);
  });

  it('serves the site’s 404 page, compresses text, and gives feeds their media types', async () => {
    const missing = await server.get('/no-such-page/');
    expect(missing.body.toString()).toBe(readText(target, 'current/404.html'));
    const gz = await server.get('/news/', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(readText(target, 'current/news/index.html'));
    expect((await server.get('/feeds/news.xml')).headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect((await server.get('/feeds/news.json')).headers['content-type']).toBe('application/feed+json; charset=utf-8');
  });

  it('answers over IPv6 as over IPv4 (PUB-05)', async () => {
    const { get } = await import('../helpers/nginx.ts');
    // Node's name check does not handle IPv6 literals; the certificate is still the test's own (ca).
    const response = await get(`https://[::1]:${server.port}/`, readFileSync(tls.certificate), {}, false);
    expect(response.status).toBe(200);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('verify over HTTPS finds a page changed on the server', () => {
    const env = { NODE_EXTRA_CA_CERTS: tls.certificate };
    let result = runCli(['verify', '--root', demo, '--site', 'shili', '--against', server.url], { env });
    expect(result.status, result.output).toBe(0);
    const page = path.join(target, 'current', 'news', 'index.html');
    const original = readFileSync(page);
    try {
      writeFileSync(page, original.toString().replace('工作动态', '工作动态（已被篡改）'));
      result = runCli(['verify', '--root', demo, '--site', 'shili', '--against', server.url], { env });
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('✘ 被修改：news/index.html');
      // On the server's folder the same command finds it too, and would find added files.
      result = runCli(['verify', '--root', demo, '--site', 'shili', '--against', target]);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('✘ 被修改：news/index.html');
    } finally {
      writeFileSync(page, original);
    }
  });
});

describe('Netlify previews use the same header policy', () => {
  it('writes _headers from the policy, with noindex, and netlify.toml builds the chosen site into it', () => {
    const preview = path.join(work, 'preview');
    const result = runCli(['preview', '--root', demo, '--site', 'anping', '--to', preview]);
    expect(result.status, result.output).toBe(0);
    const headers = readFileSync(path.join(preview, '_headers'), 'utf8');
    for (const { name, value } of securityHeaders({ https: true, root: demo })) expect(headers).toContain(`  ${name}: ${value}\n`);
    expect(headers).toContain('  X-Robots-Tag: noindex\n');
    expect(headers).toContain(`/_astro/*\n  Cache-Control: ${CACHE_IMMUTABLE}`);
    expect(existsSync(path.join(preview, 'index.html'))).toBe(true);
    const toml = readFileSync(path.join(projectRoot, 'netlify.toml'), 'utf8');
    expect(toml).toMatch(/npm run build -- --site "?\$GOVSITE_SITE"?/);
    expect(toml).toMatch(/npm run preview -- --site "?\$GOVSITE_SITE"? --to \.preview/);
  });
});

describe('publish target layout', () => {
  it('serves from a current link to a complete release', () => {
    expect(readlinkSync(path.join(target, 'current'))).toMatch(/^releases\/[0-9a-f]{16}$/);
    expect(manifestOf(path.join(target, 'current')).digest).toBe(manifestOf(path.join(demo, 'dist', 'shili')).digest);
  });
});

describe('package.json', () => {
  it('is private, so `npm publish` can never upload the project; `npm run publish` is govsite’s', () => {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
    expect(pkg.private).toBe(true);
    expect(pkg.scripts.publish).toBe('node src/cli/main.ts publish');
  });
});
