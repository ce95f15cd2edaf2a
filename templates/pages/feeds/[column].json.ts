// PUB-06: /feeds/<columnId>.json, the column's JSON Feed 1.1 (templates/lib/feeds.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonFeed } from '../../lib/feeds.ts';
import { config, itemsOf } from '../../lib/site.ts';

export const getStaticPaths = (() => config.columns.map((column) => ({ params: { column: column.id }, props: { column } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(jsonFeed({ config, column: props.column, items: itemsOf(props.column.id) }), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
