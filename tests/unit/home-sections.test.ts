// What the home page shows where (templates/lib/home-sections.ts, issue 26 item 5): one 头条, photo
// news from items with a title image and its alt text, each item in one place only, service
// entries from the 办事服务 column, interaction entries from its column types.
import { describe, expect, it } from 'vitest';
import { homeSections, photoOf, type HomeSiteView } from '../../templates/lib/home-sections.ts';
import { entryIcon } from '../../templates/lib/entry-icons.ts';
import type { ItemSummary } from '../../src/render/site-data.ts';
import type { ColumnConfig } from '../../src/schema/site-schema.ts';

const column = (id: string, type: string, more: Partial<ColumnConfig> = {}) => ({ id, name: id, type, ...more }) as ColumnConfig;
const item = (id: string, columnId: string, data: Partial<ItemSummary['data']> = {}): ItemSummary =>
  ({ id, columnId, slug: id, url: `/${columnId}/${id}/`, assetBase: `/${columnId}/${id}/`, summary: '', data: { title: id, pubDate: '2026-11-20 10:00', ...data } }) as unknown as ItemSummary;

const columns = [column('news', '工作动态'), column('policies', '政策文件'), column('services', '办事服务'), column('ask', '咨询投诉'), column('sub', '咨询投诉', { parent: 'ask' })];
const items = [
  item('lead', 'news', { important: true }),
  item('photo', 'news', { image: './a.jpg', imageAlt: '群众在窗口办理业务' }),
  item('no-alt', 'news', { image: './b.jpg' }),
  item('policy', 'policies', { important: true }),
  item('old', 'policies', { archived: { at: '2026-01-01 10:00' } } as never),
  item('repealed', 'policies', { status: { state: 'repealed', date: '2026-06-30', note: '废止' } } as never),
  item('guide', 'services', { title: '社会保障卡办事指南' }),
];
const site: HomeSiteView = { config: { columns }, items, itemsOf: (id) => items.filter((i) => i.columnId === id) };

describe('homeSections', () => {
  const home = homeSections(site);

  it('leads with the newest current important item', () => {
    expect(home.headline?.id).toBe('lead');
  });

  it('photo news: items with a title image and its alt text, with the image as published', () => {
    expect(home.photos.map((p) => [p.item.id, p.src, p.alt])).toEqual([['photo', '/news/photo/a.jpg', '群众在窗口办理业务']]);
    expect(photoOf(items[2]!)).toBeUndefined();
    expect(photoOf(item('gif', 'news', { image: './a.gif', imageAlt: '动图' }))).toBeUndefined();
  });

  it('shows each item once: the sections skip what the 头条, photos and 要闻 show', () => {
    const everywhere = [home.headline!.id, ...home.photos.map((p) => p.item.id), ...home.important.map((i) => i.id), ...home.sections.flatMap((s) => s.items.map((i) => i.id))];
    expect(new Set(everywhere).size).toBe(everywhere.length);
    expect(home.important.map((i) => i.id)).toEqual(['policy']);
    expect(home.sections.find((s) => s.column.id === 'policies')?.items.map((i) => i.id)).toEqual(['repealed']);
  });

  it('a repealed or archived item never leads nor takes a photo slot', () => {
    const stale: HomeSiteView = { ...site, items: [items[4]!, items[5]!], itemsOf: () => [items[4]!, items[5]!] };
    expect(homeSections(stale).headline).toBeUndefined();
  });

  it('service entries from the 办事服务 column; interaction entries from the top-level interaction columns', () => {
    expect(home.services.map((i) => i.id)).toEqual(['guide']);
    expect(home.interaction.map((c) => c.id)).toEqual(['ask']);
  });
});

describe('entryIcon', () => {
  it('draws a matter by its words, a document otherwise', () => {
    expect(entryIcon('社会保障卡')).not.toBe(entryIcon('其他事项'));
    expect(entryIcon('不动产登记')).not.toBe(entryIcon('社会保障卡'));
    expect(entryIcon('12345 政务服务便民热线')).not.toBe(entryIcon('其他事项'));
  });
});
