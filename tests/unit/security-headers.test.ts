// PUB-01: the one header policy (src/publish/security-headers.ts) and the two files generated from
// it, the nginx server block and Netlify's _headers, which must carry exactly the same headers.
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/config/load-site-config.ts';
import { netlifyHeaders } from '../../src/publish/netlify-headers.ts';
import { nginxServerBlock } from '../../src/publish/nginx-config.ts';
import { allowedScript, contentSecurityPolicy, securityHeaders, THIRD_PARTY_SCRIPTS } from '../../src/publish/security-headers.ts';
import { siteSchema } from '../../src/schema/site-schema.ts';
import { projectRoot } from '../../src/util/paths.ts';

describe('the header policy', () => {
  it('forbids inline script and style, and allows Pagefind, the badge script and nothing else', () => {
    const csp = contentSecurityPolicy({ https: true });
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' https://dcs.conac.cn;");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("worker-src 'self';");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toMatch(/upgrade-insecure-requests$/);
    expect(contentSecurityPolicy({ https: false })).not.toContain('upgrade-insecure-requests');
  });

  it('sends HSTS only over HTTPS', () => {
    expect(securityHeaders({ https: true }).map((h) => h.name)).toContain('Strict-Transport-Security');
    expect(securityHeaders({ https: false }).map((h) => h.name)).not.toContain('Strict-Transport-Security');
  });

  it('allows scripts from the site and the allowlist only', () => {
    expect(allowedScript('/_astro/search.js')).toBe(true);
    expect(allowedScript('https://dcs.conac.cn/js/59/000/0000/59000001/CA590000000590000010001.js')).toBe(true);
    expect(allowedScript('https://hm.baidu.com/hm.js?x')).toBe(false);
    expect(allowedScript('//cdn.example.com/x.js')).toBe(false);
    expect(allowedScript('http://dcs.conac.cn/js/x.js')).toBe(false);
  });

  it('accepts in site.yaml only a badge script the CSP allows', async () => {
    const { config } = await loadSiteConfig(projectRoot, 'shili');
    expect(config!.conacScript).toBeDefined();
    expect(THIRD_PARTY_SCRIPTS.some((s) => config!.conacScript!.startsWith(`${s.origin}/`))).toBe(true);
    const bad = siteSchema.safeParse({ ...config, conacScript: 'https://cdn.example.com/conac.js' });
    expect(bad.success).toBe(false);
  });
});

describe('the generated server configurations carry the same headers', () => {
  it('nginx: every location repeats the whole set (add_header in a location replaces the server’s)', async () => {
    const { config } = await loadSiteConfig(projectRoot, 'shili');
    const block = nginxServerBlock({ siteId: 'shili', config: config!, target: '/srv/www/shili' });
    const locations = block.split(/\n {4}location /).slice(1);
    expect(locations.length).toBeGreaterThanOrEqual(3);
    for (const location of locations.filter((l) => !l.includes('return 404'))) {
      for (const { name, value } of securityHeaders({ https: true })) expect(location).toContain(`add_header ${name} "${value}" always;`);
    }
    // Same inputs, same file.
    expect(nginxServerBlock({ siteId: 'shili', config: config!, target: '/srv/www/shili' })).toBe(block);
  });

  it('Netlify: _headers lists every header of the policy for every path', () => {
    const text = netlifyHeaders();
    const all = text.slice(text.indexOf('/*\n'), text.indexOf('/_astro/*'));
    for (const { name, value } of securityHeaders({ https: true })) expect(all).toContain(`  ${name}: ${value}\n`);
  });
});
