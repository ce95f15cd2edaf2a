// PUB-06: /feeds/<columnId>.xml, the column's RSS 2.0 feed (templates/lib/feeds.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { rssFeed } from '../../lib/feeds.ts';
import { config, itemsOf } from '../../lib/site.ts';

export const getStaticPaths = (() => config.columns.map((column) => ({ params: { column: column.id }, props: { column } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(rssFeed({ config, column: props.column, items: itemsOf(props.column.id) }), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
