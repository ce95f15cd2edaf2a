// The site data as the templates read it, for the keys that say whether pages can change
// (site-keys.ts: the input key, the shared page key and the site-data key of a body patch).
import type { SiteData } from '../render/site-data.ts';

/**
 * The site data as the templates read it: without a partial render's restrictions, of `now` only
 * the date, and without the items' body hashes (they guard the compile's input, checked-body.ts,
 * and change no page: a body's own change is the item's, not the templates').
 */
export function dataTemplatesRead(data: SiteData): Omit<SiteData, 'renderOnly' | 'renderListPages' | 'items'> & { items: Array<Omit<SiteData['items'][number], 'bodyHash'>> } {
  const { renderOnly: _renderOnly, renderListPages: _renderListPages, ...rest } = data;
  return { ...rest, items: rest.items.map(({ bodyHash: _bodyHash, ...item }) => item), now: data.now.slice(0, 10) };
}

const jsonOf = new WeakMap<SiteData, string>();

/**
 * dataTemplatesRead as JSON, made once per site data object: the input key and the site-data key
 * hash the same text, 3 MB and 43 ms at 5,000 items (2026-12-02). A site's data is not changed
 * once made (toSiteData); a partial render's restrictions go into a copy.
 */
export function templatesReadJson(data: SiteData): string {
  let json = jsonOf.get(data);
  if (json === undefined) {
    json = JSON.stringify(dataTemplatesRead(data));
    jsonOf.set(data, json);
  }
  return json;
}
