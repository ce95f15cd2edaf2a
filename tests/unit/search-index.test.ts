// SRCH-01/02/05 building blocks: the pinyin keys, the words and keys added to the index copy of
// a page, and what the search page does to a query (文号, pinyin, typos).
import { describe, expect, it } from 'vitest';
import { pageForIndex, pageUrl, segmentWords } from '../../src/index/page-for-index.ts';
import { pinyinKeys } from '../../src/index/pinyin-keys.ts';
import { chineseWords, correctionCandidates, findDocNumber, isPinyinQuery, normalizeDocNumber, normalizePinyin } from '../../templates/scripts/search-query.ts';

describe('pinyin keys of a title and its keywords', () => {
  const keys = pinyinKeys('全省政府网站检查', ['政府网站', '政务新媒体']).split(' ');

  it('lets full pinyin, with or without spaces, and initials prefix a key', () => {
    const prefixes = (query: string) => query.split(' ').every((word) => keys.some((key) => key.startsWith(word)));
    expect(prefixes('zhengfu wangzhan')).toBe(true);
    expect(prefixes('zhengfuwangzhan')).toBe(true);
    expect(prefixes('zfwz')).toBe(true);
    expect(prefixes('zwxmt')).toBe(true);
    expect(prefixes('zhengwuxinmeiti')).toBe(true);
    expect(prefixes('wangzhanjiancha')).toBe(true);
    expect(prefixes('yinhang')).toBe(false);
  });

  it('reads polyphonic characters in context and keeps latin keys only', () => {
    expect(pinyinKeys('重庆长江')).toContain('chongqingchangjiang');
    expect(pinyinKeys('银行行长')).toContain('yinhanghangzhang');
    expect(pinyinKeys('2026年Ⅳ级')).toBe('nian ji');
    expect(pinyinKeys('Hello')).toBe('');
    for (const key of keys) expect(key).toMatch(/^[a-z]+$/);
  });
});

describe('the page Pagefind indexes', () => {
  const html = '<html lang="zh-CN"><body><nav>导航</nav><article class="article" data-pagefind-body data-search-title="关于进一步优化营商环境的若干意见" data-search-keywords="营商环境 政务服务"><h1>标题</h1></article></body></html>';

  it('gets the title and keywords as words and pinyin keys, as metadata of the index copy only', () => {
    const page = pageForIndex(html)!;
    expect(page).toContain('<span data-pagefind-meta="words:关于 进一步 优 化 营 商 环境 的 若干 意见 营 商 环境 政务 服务"></span>');
    expect(page).toMatch(/<span data-pagefind-meta="pinyin:[a-z ]*yingshanghuanjing[a-z ]*"><\/span><h1>/);
  });

  it('is the article alone in a bare document: the page chrome, its footer badge image included, is not sent to Pagefind', () => {
    const page = pageForIndex(
      '<!DOCTYPE html><html lang="zh-CN"><head><title>t</title><link rel="stylesheet" href="/a.css"></head><body><header><img src="/logo.svg" alt="标志"></header>' +
        '<article class="article" data-pagefind-body data-search-title="通知"><h1>通知</h1><article class="inner"><p>正文</p></article><p>正文之后</p></article>' +
        '<aside><article>相关</article></aside><footer><img src="/conac-badge.svg" alt="党政机关网站标识"></footer></body></html>',
    )!;
    expect(page).toMatch(/^<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><\/head><body><article class="article" data-pagefind-body /);
    // The nested article is kept whole, and the article ends where it ends, not at the first </article>.
    expect(page).toMatch(/<article class="inner"><p>正文<\/p><\/article><p>正文之后<\/p><\/article><\/body><\/html>$/);
    for (const chrome of ['logo.svg', 'conac-badge.svg', '相关', 'a.css']) expect(page).not.toContain(chrome);
  });

  it('leaves out pages without data-pagefind-body (lists, home, search page)', () => {
    expect(pageForIndex('<html><body><main>栏目列表</main></body></html>')).toBeUndefined();
  });

  it('cuts words as the browser does and maps files to directory URLs', () => {
    expect(segmentWords('全省政府网站')).toBe('全 省政府 网站');
    expect(pageUrl('news/a/index.html')).toBe('/news/a/');
    expect(pageUrl('index.html')).toBe('/');
  });
});

describe('queries on the search page', () => {
  it('finds 文号 however brackets, 第, 年 and zeros are typed', () => {
    for (const q of ['示政办发〔2026〕30号', '示政办发[2026]30号', '示政办发（2026）30号', '示政办发(2026)30号', '示政办发【2026】第30号', '示政办发2026年030号', '示政办发〔2026〕30号 修改']) {
      expect(findDocNumber(q), q).toBe('示政办发〔2026〕30号');
    }
    expect(findDocNumber('2026年工作要点')).toBeUndefined();
    expect(findDocNumber('示政办发')).toBeUndefined();
    expect(normalizeDocNumber('浙政办发[2021]80号')).toBe('浙政办发〔2021〕80号');
  });

  it('tells pinyin queries from Chinese ones', () => {
    expect(isPinyinQuery('zfwz')).toBe(true);
    expect(isPinyinQuery("Xi'an zhengfu")).toBe(true);
    expect(isPinyinQuery('政府 zf')).toBe(false);
    expect(isPinyinQuery('2026')).toBe(false);
    expect(normalizePinyin("  Xi'an   ZhengFu ")).toBe('xian zhengfu');
  });

  it('proposes one-character corrections from the confusable groups', () => {
    expect(correctionCandidates('营商环竟')).toContain('营商环境');
    expect(correctionCandidates('帐户')).toContain('账户');
    expect(correctionCandidates('登纪')).toContain('登记');
    expect(correctionCandidates('水果')).toEqual([]);
    expect(chineseWords('营商环竟 2026年 zf 的 社会保章卡')).toEqual(['营商环竟', '社会保章卡']);
  });
});
