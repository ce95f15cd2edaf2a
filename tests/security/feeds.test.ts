// A feed reader renders an RSS title, description and category as HTML after decoding the XML:
// the editor's text must reach it as text. (Issue 23 review: `<img onerror>` in a description.)
import { describe, expect, it } from 'vitest';
import type { ItemSummary } from '../../src/render/site-data.ts';
import type { ColumnConfig, SiteConfig } from '../../src/schema/site-schema.ts';
import { rssFeed } from '../../templates/lib/feeds.ts';
import { childrenNamed, childText, parseXml } from '../helpers/xml.ts';

const PAYLOAD = '摘要<img src=x onerror=alert(4)>摘要';

describe('SEC: RSS text stays text in a reader that renders HTML', () => {
  it('escapes title, description and category as HTML inside the XML', () => {
    const config = { name: '测试市人民政府', domain: 'www.ceshi.gov.cn', organizer: '测试市人民政府办公室' } as unknown as SiteConfig;
    const column = { id: 'news', name: '工作动态', description: `栏目${PAYLOAD}` } as unknown as ColumnConfig;
    const item = { url: '/news/a/', summary: PAYLOAD, data: { title: `标题${PAYLOAD}`, pubDate: '2026-11-20 09:30', keywords: [PAYLOAD] } } as unknown as ItemSummary;
    const xml = rssFeed({ config, column, items: [item] });
    expect(xml).not.toMatch(/&lt;img|<img/);
    const channel = childrenNamed(parseXml(xml), 'channel')[0]!;
    const first = childrenNamed(channel, 'item')[0]!;
    // What the reader gets after decoding the XML: HTML in which the payload is escaped text.
    for (const text of [childText(first, 'title'), childText(first, 'description'), childText(first, 'category'), childText(channel, 'description')]) {
      expect(text).toContain('&lt;img src=x onerror=alert(4)&gt;');
    }
  });
});
