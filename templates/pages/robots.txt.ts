// PUB-06: robots.txt points crawlers at sitemap.xml; leave-site notices and search results are
// not content of their own.
import type { APIRoute } from 'astro';
import { config } from '../lib/site.ts';

export const GET: APIRoute = () =>
  new Response(['User-agent: *', 'Disallow: /leaving/', 'Disallow: /search/', '', `Sitemap: https://${config.domain}/sitemap.xml`, ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
