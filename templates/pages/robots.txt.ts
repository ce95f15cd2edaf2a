// PUB-06: robots.txt points crawlers at sitemap.xml; leave-site notices and search results are
// not content of their own. SEC-06: the domain is written only as a host name (serverName throws
// on anything else), so no value of site.yaml can add a line of its own.
import type { APIRoute } from 'astro';
import { serverName } from '../../src/security/server-values.ts';
import { config } from '../lib/site.ts';

export const GET: APIRoute = () =>
  new Response(['User-agent: *', 'Disallow: /leaving/', 'Disallow: /search/', '', `Sitemap: https://${serverName(config.domain, 'domain')}/sitemap.xml`, ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
