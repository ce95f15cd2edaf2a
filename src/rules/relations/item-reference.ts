// `<columnId>/<slug>` or `<siteId>:<columnId>/<slug>`: how items point at each other.

export interface ItemReference {
  siteId: string;
  itemId: string;
}

export function parseItemReference(reference: string, fromSiteId: string): ItemReference {
  const colon = reference.indexOf(':');
  return colon === -1 ? { siteId: fromSiteId, itemId: reference } : { siteId: reference.slice(0, colon), itemId: reference.slice(colon + 1) };
}

/** The files an editor would create for a reference, for messages about missing targets. */
export function expectedFiles(ref: ItemReference): string {
  return `content/${ref.siteId}/${ref.itemId}.mdx 或 content/${ref.siteId}/${ref.itemId}/index.mdx`;
}
