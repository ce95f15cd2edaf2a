// The one decision of an incremental build (src/incremental/plan-build.ts): keep, patch bodies,
// render some pages, or render all, from the previous record and this build's keys. That each
// plan's output equals a full build is tests/integration/incremental-render.test.ts.
import { describe, expect, it } from 'vitest';
import { keepPlan, planSiteBuild, MAX_CHANGED_SHARE, type PlanInputs } from '../../src/incremental/plan-build.ts';
import { siteDataKey, type SiteKeys } from '../../src/incremental/site-keys.ts';
import type { BuildRecord } from '../../src/incremental/build-record.ts';
import type { ItemSummary, SiteData } from '../../src/render/site-data.ts';

const item = (id: string, more: Partial<ItemSummary> = {}): ItemSummary =>
  ({ id, columnId: 'news', slug: id, url: `/news/${id}/`, file: `content/s/news/${id}.mdx`, summary: '', data: {}, relations: {}, directBody: true, ...more }) as ItemSummary;

const data = (items: ItemSummary[], now = '2026-11-22 10:00'): SiteData => ({ id: 's', config: {} as SiteData['config'], items, leaving: [], now, notices: {} as SiteData['notices'], searchParts: 1, subjects: [] });

const items = [item('a'), item('b'), item('c', { directBody: false }), item('d', { assetBase: '/news/d/' }), item('e', { url: '/files/e.pdf' }), item('f'), item('g'), item('h')];
const site = data(items);
const ids = items.map((i) => i.id);

const keysOf = (changed: string[] = [], more: Partial<SiteKeys> = {}): SiteKeys => ({
  input: changed.length ? `input-${changed.join()}` : 'input',
  shared: 'shared',
  items: Object.fromEntries(ids.map((id) => [id, changed.includes(id) ? `new-${id}` : `old-${id}`])),
  listPages: { 'news/index.html': 'list' },
  siteData: siteDataKey(site),
  ...more,
});

const record = (more: Partial<BuildRecord['itemPages']> = {}): BuildRecord => ({
  version: 3,
  key: 'input',
  output: 'o',
  pages: 10,
  diagnostics: [],
  itemPages: { shared: 'shared', items: keysOf().items, assets: {}, listPages: { 'news/index.html': 'list' }, siteData: siteDataKey(site), ...more },
});

const plan = (inputs: Partial<PlanInputs>) => planSiteBuild({ keys: keysOf(), published: record(), data: site, noticeOnly: false, ...inputs });

describe('planSiteBuild', () => {
  it('keeps the published output when every input is the same, a notice-only site too', () => {
    expect(plan({}).kind).toBe('keep');
    expect(plan({ noticeOnly: true }).kind).toBe('keep');
  });

  it('decides keep from the input key alone, before any page key is computed (keepPlan)', () => {
    expect(keepPlan('input', record())).toEqual({ kind: 'keep', record: record() });
    expect(keepPlan('input-a', record())).toBeUndefined();
    expect(keepPlan('input', undefined)).toBeUndefined();
  });

  it('renders all without a usable record (none, --force, output changed by hand, an older record)', () => {
    expect(plan({ keys: keysOf(['a']), published: undefined })).toEqual({ kind: 'full', reason: 'no-record' });
    expect(plan({ keys: keysOf(['a']), published: { ...record(), itemPages: undefined } })).toEqual({ kind: 'full', reason: 'no-record' });
  });

  it('renders all when the shared inputs changed: program, platform data, configuration, date', () => {
    expect(plan({ keys: keysOf(['a'], { shared: 'other' }) })).toEqual({ kind: 'full', reason: 'shared-inputs' });
  });

  it('renders all when more than half the items changed, and for a notice-only site', () => {
    const many = ids.slice(0, Math.floor(MAX_CHANGED_SHARE * ids.length) + 1);
    expect(plan({ keys: keysOf(many) })).toEqual({ kind: 'full', reason: 'many-items' });
    expect(plan({ keys: keysOf(['a']), noticeOnly: true })).toEqual({ kind: 'full', reason: 'notice-only' });
  });

  it('patches plain bodies of published items when nothing else of the site data changed', () => {
    const p = plan({ keys: keysOf(['a', 'b']) });
    expect(p.kind).toBe('patch');
    if (p.kind === 'patch') {
      expect(p.items.map((i) => i.id)).toEqual(['a', 'b']);
      // The fallback when a page cannot be patched after all: the same partial render.
      expect(p.render.render).toEqual(['a', 'b']);
      expect(p.render.renderListPages).toEqual([]);
    }
  });

  it('renders the changed items when the site data changed (a title), a list page changed, or a body is not plain', () => {
    const title = plan({ keys: keysOf(['a'], { siteData: 'other' }) });
    expect(title.kind === 'render' && title.render.render).toEqual(['a']);
    const list = plan({ keys: keysOf(['a'], { listPages: { 'news/index.html': 'other' } }) });
    expect(list.kind === 'render' && list.render.renderListPages).toEqual(['news/index.html']);
    for (const id of ['c', 'd', 'e']) expect(plan({ keys: keysOf(['a', id]) }).kind, id).toBe('render');
  });

  it('renders a new item, and all list pages when the record has no list keys', () => {
    const previous = record();
    delete previous.itemPages!.items.b;
    const added = plan({ keys: keysOf([]), published: { ...previous, key: 'before' } });
    expect(added.kind === 'render' && added.render.render).toEqual(['b']);
    const unlisted = plan({ keys: keysOf(['a']), published: record({ listPages: undefined }) });
    expect(unlisted.kind === 'render' && unlisted.render.renderListPages).toBeUndefined();
  });
});

describe('siteDataKey', () => {
  it('is the same for the same data whatever the render restriction or the time of day, else different', () => {
    const key = siteDataKey(site);
    expect(siteDataKey({ ...site, renderOnly: ['a'], renderListPages: [] })).toBe(key);
    expect(siteDataKey(data(items, '2026-11-22 18:30'))).toBe(key);
    expect(siteDataKey(data(items, '2026-11-23 10:00'))).not.toBe(key);
    expect(siteDataKey(data([item('a', { summary: '新摘要' }), ...items.slice(1)]))).not.toBe(key);
  });
});
