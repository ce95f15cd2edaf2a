// The one decision of an incremental build: from the previous build's record and this build's
// keys (site-keys.ts), what a site's build does. A pure function: the pipeline
// (src/pipeline/build-site.ts) executes the plan in a straight line.
//
// - keep: every input is what the published output was made from: it stays as it is.
// - patch: only plain bodies changed (no image, no component, no folder of files) and nothing
//   else of the site data: the edited pages are the published ones with the new body
//   (src/render/body-patch.ts), no Astro. If a page cannot be patched after all, the executor
//   renders the same items with Astro (the `render` half of the plan).
// - render: the items whose keys changed, and the list pages whose keys changed, are rendered
//   again; every other page is carried over from the published output (src/render/carry-pages.ts).
// - full: everything is rendered: no usable record, the shared inputs changed (program, platform
//   data, configuration, date), too many items changed, or the site publishes only a notice.
import type { ItemSummary, SiteData } from '../render/site-data.ts';
import { hasItemPage } from '../render/rendered-items.ts';
import type { BuildRecord, ItemPagesRecord } from './build-record.ts';
import type { SiteKeys } from './site-keys.ts';

/** What a partial render makes again; `previous` is the record it carries the rest over from. */
export interface RenderPlan {
  /** Items whose pages are rendered again: new or changed. The pages of items gone are simply not carried over. */
  render: string[];
  /** Column list pages rendered again, those whose items changed; undefined: all of them. */
  renderListPages?: string[];
  previous: ItemPagesRecord;
}

export type FullReason = 'no-record' | 'notice-only' | 'shared-inputs' | 'many-items';

export type SitePlan =
  | { kind: 'keep'; record: BuildRecord }
  | { kind: 'patch'; items: ItemSummary[]; render: RenderPlan }
  | { kind: 'render'; render: RenderPlan }
  | { kind: 'full'; reason: FullReason };

export interface PlanInputs {
  keys: SiteKeys;
  /** The published build's record when its output is unchanged since it was recorded; undefined: none, --force, or changed by hand. */
  published: BuildRecord | undefined;
  data: SiteData;
  /** SITE-09: the site publishes only its notice (temporarily offline or closed). */
  noticeOnly: boolean;
}

/** Past this share of changed items a full render costs about the same, and is simpler. */
export const MAX_CHANGED_SHARE = 0.5;

/** The items that can be patched into their published pages: all edited, all plain and of published pages. */
function patchable(render: RenderPlan, data: SiteData): ItemSummary[] | undefined {
  const byId = new Map(data.items.map((item) => [item.id, item]));
  const items = render.render.map((id) => byId.get(id));
  const plain = (item: ItemSummary | undefined): item is ItemSummary => item !== undefined && item.id in render.previous.items && hasItemPage(item) && item.directBody && !item.assetBase;
  return items.every(plain) ? items : undefined;
}

/** The first half of the plan, from the input key alone: keep, or undefined (compute the page keys and plan). */
export function keepPlan(input: string, published: BuildRecord | undefined): Extract<SitePlan, { kind: 'keep' }> | undefined {
  return published?.key === input ? { kind: 'keep', record: published } : undefined;
}

export function planSiteBuild({ keys, published, data, noticeOnly }: PlanInputs): SitePlan {
  const keep = keepPlan(keys.input, published);
  if (keep) return keep;
  if (noticeOnly) return { kind: 'full', reason: 'notice-only' };
  const previous = published?.itemPages;
  if (!previous) return { kind: 'full', reason: 'no-record' };
  if (previous.shared !== keys.shared) return { kind: 'full', reason: 'shared-inputs' };
  const changed = Object.keys(keys.items).filter((id) => previous.items[id] !== keys.items[id]);
  const removed = Object.keys(previous.items).filter((id) => !(id in keys.items)).length;
  if (changed.length + removed > MAX_CHANGED_SHARE * Math.max(1, Object.keys(keys.items).length)) return { kind: 'full', reason: 'many-items' };
  const listed = previous.listPages;
  const renderListPages = listed && Object.keys(keys.listPages).filter((file) => listed[file] !== keys.listPages[file]);
  const render: RenderPlan = { render: changed, renderListPages, previous };
  // A patch needs the whole site data unchanged (titles, summaries, relations…), so that every
  // page but the edited bodies is what is published.
  const onlyBodies = changed.length > 0 && previous.siteData === keys.siteData && renderListPages?.length === 0;
  const items = onlyBodies ? patchable(render, data) : undefined;
  return items ? { kind: 'patch', items, render } : { kind: 'render', render };
}

/** The record of a successful build, for the next plan. */
export function itemPagesRecord(keys: SiteKeys, assets: Record<string, string[]>, searchParts: string[]): ItemPagesRecord {
  return { shared: keys.shared, items: keys.items, assets, searchParts, listPages: keys.listPages, siteData: keys.siteData };
}
