// SRCH-01…05 in headless Chromium, on the real indexes the demo build made: the relevance set
// (tests/fixtures/search-relevance.yaml), filters, sorting, status marks, the platform-wide
// search of the provincial portal, typo correction, keyboard use, screen-reader announcements,
// large text and axe-core.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { relevanceQueries, reportRelevance, REQUIRED_HIT_AT_3, runRelevance } from '../helpers/search-relevance.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { searchInPlace, searchSettled as settled } from '../helpers/search-page.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';
import { projectRoot } from '../../src/util/paths.ts';

const SITES = { shili: 'www.shili.gov.cn', anping: 'www.anping.gov.cn', 'shili-jyt': 'jyt.shili.gov.cn' } as const;
type SiteId = keyof typeof SITES;
const relevance = relevanceQueries();

interface ShownResult {
  href: string;
  title: string;
  meta: string;
  badges: string[];
  excerpt: string;
}

let browser: Browser;
const servers = {} as Record<SiteId, StaticServer>;

beforeAll(async () => {
  const root = inject('demoRoot');
  browser = await launchBrowser();
  for (const id of Object.keys(SITES) as SiteId[]) servers[id] = await serveDirectory(path.join(root, 'dist', id));
});
afterAll(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) await server.close();
});

async function shown(page: Page): Promise<ShownResult[]> {
  return page.$$eval('.search-result', (items) =>
    items.map((li) => ({
      href: li.querySelector('.search-result__title a')!.getAttribute('href')!,
      title: li.querySelector('.search-result__title a')!.textContent!,
      meta: li.querySelector('.search-result__meta')!.textContent!,
      badges: [...li.querySelectorAll('.badge')].map((b) => b.textContent!),
      excerpt: li.querySelector('.search-result__excerpt')!.innerHTML,
    })),
  );
}

async function search(page: Page, site: SiteId, params: Record<string, string>): Promise<{ status: string; results: ShownResult[] }> {
  await page.goto(`${servers[site].url}/search/?${new URLSearchParams(params)}`);
  const status = await settled(page);
  return { status, results: await shown(page) };
}

describe('search relevance over the demo platform', () => {
  it('has at least 80 queries of every kind, citizens’ wording included', () => {
    expect(relevance.length).toBeGreaterThanOrEqual(80);
    const kinds = new Set(relevance.map((q) => q.kind));
    for (const kind of ['title', 'body', 'docnumber', 'pinyin', 'initials', 'typo', 'colloquial', 'question', 'homophone', 'docfamily']) expect(kinds, kind).toContain(kind);
  });

  it(`lists the expected item in the top 3 for at least ${REQUIRED_HIT_AT_3 * 100} % of the queries`, async () => {
    const page = await browser.newPage();
    // One page load a site, then searches in place: ranking does not depend on how a search starts.
    const outcome = await runRelevance(async (on, q) => {
      await searchInPlace(page, servers[on as SiteId].url, { q });
      return (await shown(page)).slice(0, 3).map((r) => r.href);
    });
    const table = reportRelevance(outcome, 'search-relevance');
    console.log(`search relevance: ${outcome.hits}/${outcome.total} queries have their item in the top 3\n${table}\n${outcome.misses.join('\n')}`);
    expect(outcome.hits / outcome.total, outcome.misses.join('\n')).toBeGreaterThanOrEqual(REQUIRED_HIT_AT_3);
    await page.close();
  });
});

describe('the search page', () => {
  it('indexes the main content only: not the header, navigation, footer or article tools', async () => {
    const page = await browser.newPage();
    // As exact phrases (in quotes, typo correction off): Pagefind otherwise also ranks pages that
    // share only some of the words.
    for (const text of ['我为政府网站找错', '党政机关网站标识', '手机扫码阅读', '复制链接', '跳到主要内容', '当前位置', '主办单位']) {
      const q = `"${text}"`;
      const { status, results } = await search(page, 'anping', { q, exact: '1' });
      expect(results, q).toEqual([]);
      expect(status).toContain('没有找到');
    }
    // The same kind of query finds text of the article (so an empty answer above means something).
    const control = await search(page, 'anping', { q: '"出生医学证明"', exact: '1' });
    expect(control.results.map((r) => r.href)).toEqual(['/services/newborn-one-thing/']);
    await page.close();
  });

  it('shows title, column, date and a highlighted excerpt, and marks 文号', async () => {
    const page = await browser.newPage();
    const { results } = await search(page, 'anping', { q: '高标准农田' });
    const policy = results.find((r) => r.href === '/policies/2026-farmland-construction-plan/')!;
    expect(policy.title).toBe('安平县人民政府关于印发《安平县2026年高标准农田建设实施方案》的通知');
    expect(policy.meta).toContain('栏目：政策文件');
    expect(policy.meta).toContain('发布时间：2026-');
    expect(policy.meta).toContain('文号：安政发〔2026〕7号');
    expect(policy.excerpt).toMatch(/<mark>[^<]+<\/mark>/);
    // The excerpt is the item's text, not its title line or tools.
    expect(policy.excerpt).not.toContain('发布时间');
    await page.close();
  });

  it('filters by column, content type and year, and sorts by date', async () => {
    const page = await browser.newPage();
    const byColumn = await search(page, 'shili', { q: '营商环境', scope: 'site', column: '政策文件' });
    expect(byColumn.results.length).toBeGreaterThan(0);
    for (const r of byColumn.results) expect(r.meta).toContain('栏目：政策文件');

    const byType = await search(page, 'shili', { q: '会议', scope: 'site', type: '工作动态' });
    expect(byType.results.length).toBeGreaterThan(0);
    for (const r of byType.results) expect(r.meta).toMatch(/栏目：(工作动态|市县动态|通知公告)/);

    const byYear = await search(page, 'shili', { q: '工作', scope: 'site', year: '2025' });
    expect(byYear.results.length).toBeGreaterThan(0);
    for (const r of byYear.results) expect(r.meta).toContain('发布时间：2025-');

    // Only the filter, no query: the items of the column, newest first.
    const columnOnly = await search(page, 'anping', { column: '政策文件' });
    expect(columnOnly.results.length).toBe(4);
    expect(columnOnly.status).toContain('符合条件的结果 4 条');

    const byDate = await search(page, 'shili', { q: '政策', scope: 'site', sort: 'date' });
    const dates = byDate.results.map((r) => r.meta.match(/发布时间：(\S{10})/)![1]!);
    expect(dates.length).toBeGreaterThan(3);
    expect([...dates].sort().reverse()).toEqual(dates);

    // The form shows the chosen filter with the counts of the index.
    await search(page, 'anping', { q: '防汛', year: '2025' });
    expect(await page.$eval('#search-year', (s: HTMLSelectElement) => s.value)).toBe('2025');
    expect(await page.$$eval('#search-column option', (os) => os.map((o) => o.textContent))).toContain('政策文件（1）');
    await page.close();
  });

  it('finds a document by its 文号 however the brackets are typed', async () => {
    const page = await browser.newPage();
    for (const q of ['示政办发〔2025〕38号', '示政办发[2025]38号', '示政办发(2025)38号', '示政办发2025年第38号']) {
      const { results } = await search(page, 'shili', { q, scope: 'site' });
      expect(results[0]?.href, q).toBe('/policies/2025-winter-energy-supply/');
    }
    await page.close();
  });

  it('marks archived, repealed, expired and amended items, and can leave them out', async () => {
    const page = await browser.newPage();
    const cases: Array<[SiteId, string, string, string]> = [
      ['shili', '示政办发〔2025〕11号', '/policies/2025-youth-employment-measures/', '已修改'],
      ['shili', '示政办发〔2025〕4号', '/policies/2025-enterprise-registration-measures/', '已废止'],
      ['shili', '示政办发〔2025〕38号', '/policies/2025-winter-energy-supply/', '已失效'],
      ['shili', '全体会议 部署2025年重点工作', '/news/2025-01-08-new-year-work-deployment/', '已归档'],
      ['anping', '春季义务植树', '/news/2025-03-12-tree-planting/', '已归档'],
    ];
    for (const [site, q, url, badge] of cases) {
      const { results } = await search(page, site, { q, scope: 'site' });
      const result = results.find((r) => r.href === url);
      expect(result, `${q} → ${url}`).toBeDefined();
      expect(result!.badges).toEqual([badge]);
    }
    const current = await search(page, 'shili', { q: '通知', scope: 'site', status: 'current' });
    expect(current.results.length).toBeGreaterThan(0);
    for (const r of current.results) expect(r.badges.filter((b) => b !== '已修改')).toEqual([]);
    const repealed = await search(page, 'shili', { status: '已废止', scope: 'site' });
    expect(repealed.results.map((r) => r.href)).toEqual(['/policies/2025-enterprise-registration-measures/']);
    await page.close();
  });

  it('searches every site of the platform from the provincial portal, with a site filter', async () => {
    const page = await browser.newPage();
    const all = await search(page, 'shili', { q: '老年助餐' });
    expect(all.status).toContain('在全省政府网站找到');
    const sitesShown = new Set(all.results.map((r) => r.meta.split('栏目：')[0]));
    expect(sitesShown).toEqual(new Set(['示例省人民政府', '安平县人民政府']));
    // Other sites' results link to their own domain.
    expect(all.results.some((r) => r.href.startsWith('https://www.anping.gov.cn/'))).toBe(true);
    for (const r of all.results.filter((r) => r.meta.startsWith('安平县人民政府'))) expect(r.href).toMatch(/^https:\/\/www\.anping\.gov\.cn\//);

    const anping = await search(page, 'shili', { q: '政策', site: '安平县人民政府' });
    expect(anping.results.length).toBeGreaterThan(0);
    for (const r of anping.results) expect(r.href).toMatch(/^https:\/\/www\.anping\.gov\.cn\//);
    const jyt = await search(page, 'shili', { q: '政策', site: '示例省教育厅' });
    expect(jyt.results.length).toBeGreaterThan(0);
    for (const r of jyt.results) expect(r.href).toMatch(/^https:\/\/jyt\.shili\.gov\.cn\//);
    expect(await page.$$eval('#search-site option', (os: HTMLOptionElement[]) => os.map((o) => o.value).filter(Boolean).sort())).toEqual(['安平县人民政府', '示例省人民政府', '示例省教育厅'].sort());

    // Only the portal itself.
    const own = await search(page, 'shili', { q: '老年助餐', scope: 'site' });
    expect(own.status).toContain('在本站找到');
    for (const r of own.results) expect(r.href).toMatch(/^\//);

    // A document republished by reference (PUB-07) is shown once, as the original.
    const policy = await search(page, 'shili', { q: '示政发〔2026〕12号' });
    expect(policy.results[0]!.href).toBe('/policies/2026-business-environment-opinions/');
    expect(policy.results.some((r) => r.href.includes('/superior-policies/'))).toBe(false);
    await page.close();
  });

  it('sorts platform-wide results by date across the sites, page after page (SRCH-02)', async () => {
    const page = await browser.newPage();
    const dateOf = (r: ShownResult) => r.meta.match(/发布时间：(\S{10})/)![1]!;
    const siteOf = (r: ShownResult) => r.meta.split('栏目：')[0]!;
    // A query sorted by date, and a browse by a filter alone (newest first by default).
    for (const params of [{ q: '政策', sort: 'date' }, { type: '政策文件' }] as Array<Record<string, string>>) {
      const first = await search(page, 'shili', params);
      expect(first.status, JSON.stringify(params)).toContain('当前第 1 页');
      // Pagefind alone interleaves the sites by their positions: the portal's own older items came first.
      expect(new Set(first.results.map(siteOf)).size, JSON.stringify(params)).toBeGreaterThan(1);
      const second = await search(page, 'shili', { ...params, page: '2' });
      const dates = [...first.results, ...second.results].map(dateOf);
      expect(dates.length).toBeGreaterThan(10);
      expect(dates, JSON.stringify(params)).toEqual([...dates].sort().reverse());
    }
    await page.close();
  });

  it('a site that is not the portal searches itself only', async () => {
    const page = await browser.newPage();
    const { status, results } = await search(page, 'shili-jyt', { q: '老年助餐' });
    expect(status).toContain('在本站');
    for (const r of results) expect(r.href).toMatch(/^\//);
    expect(await page.$('#search-site')).toBeNull();
    await page.close();
  });

  it('finds 政府网站 items by full pinyin and by initials', async () => {
    const page = await browser.newPage();
    for (const q of ['zhengfu wangzhan', 'zhengfuwangzhan', 'ZFWZ', 'zheng fu wang zhan']) {
      const { results } = await search(page, 'shili', { q, scope: 'site' });
      expect(results.slice(0, 3).map((r) => r.href), q).toContain('/notices/2026-06-10-website-inspection/');
    }
    await page.close();
  });

  it('corrects a common typo and offers the query as typed', async () => {
    const page = await browser.newPage();
    const { status, results } = await search(page, 'shili', { q: '营商环竟', scope: 'site' });
    expect(status).toContain('“营商环境”');
    expect(await page.textContent('[data-search-suggestion]')).toContain('您是不是要找：“营商环境”');
    expect(results[0]!.href).toBe('/policies/2026-business-environment-opinions/');
    // “仍然搜索” runs the query as typed, without correcting it.
    await page.click('[data-search-suggestion] a');
    expect(await settled(page)).toContain('“营商环竟”');
    expect(await page.isHidden('[data-search-suggestion]')).toBe(true);
    // A correct query is left alone.
    await search(page, 'shili', { q: '营商环境', scope: 'site' });
    expect(await page.isHidden('[data-search-suggestion]')).toBe(true);
    await page.close();
  });

  it('understands everyday wording: the dictionary’s words, question words dropped, the query as typed one click away (SRCH-05)', async () => {
    const page = await browser.newPage();
    const card = await search(page, 'shili', { q: '社保卡怎么办', scope: 'site' });
    expect(card.results[0]?.href).toBe('/services/social-security-card/');
    const suggestion = await page.textContent('[data-search-suggestion]');
    expect(suggestion).toContain('已同时搜索规范用语“社会保障卡”');
    expect(suggestion).toContain('仍然只搜索：社保卡怎么办');
    // A homophone typed by sound: corrected, and said so.
    const typo = await search(page, 'shili', { q: '养老服物', scope: 'site' });
    expect(typo.status).toContain('“养老服务”');
    expect(await page.textContent('[data-search-suggestion]')).toContain('您是不是要找：“养老服务”');
    expect(typo.results.slice(0, 3).map((r) => r.href)).toContain('/policies/2026-elderly-care-service-opinions/');
    // Pinyin spelling a known word.
    const pinyin = await search(page, 'shili', { q: 'shebaoka', scope: 'site' });
    expect(pinyin.results[0]?.href).toBe('/services/social-security-card/');
    // Excerpts read as Chinese: no “. ” after Chinese text, no space after Chinese punctuation.
    for (const r of [...card.results, ...typo.results]) {
      const text = r.excerpt.replace(/<[^>]+>/g, '');
      expect(text, r.href).not.toMatch(/[\p{Script=Han}，。；：！？、]\. |[，。；：！？、] /u);
    }
    await page.close();
  });

  it('ranks documents no longer in force after current ones unless the reader asks for them (SRCH-04)', async () => {
    const page = await browser.newPage();
    const pinyin = await search(page, 'shili', { q: 'yingshanghuanjing', scope: 'site' });
    expect(pinyin.results[0]?.badges).toEqual([]);
    const words = await search(page, 'shili', { q: '营商环境', scope: 'site' });
    const firstRepealed = words.results.findIndex((r) => r.badges.some((b) => b === '已废止' || b === '已失效'));
    expect(firstRepealed).toBeGreaterThan(0);
    for (const r of words.results.slice(firstRepealed)) expect(r.badges.some((b) => b === '已废止' || b === '已失效'), r.href).toBe(true);
    // Asked for: listed first.
    const repealed = await search(page, 'shili', { q: '营商环境', scope: 'site', status: '已废止' });
    expect(repealed.results[0]?.href).toBe('/policies/2025-enterprise-registration-measures/');
    await page.close();
  });

  it('lists a 文号 prefix as a family, and folds a reprint under its original (SRCH-02/03)', async () => {
    const page = await browser.newPage();
    const family = await search(page, 'shili', { q: '示政发〔2026〕', scope: 'site' });
    const members = ['/policies/2026-business-environment-opinions/', '/policies/2026-digital-government-plan/', '/policies/2026-elderly-care-service-opinions/'];
    expect(new Set(family.results.slice(0, 3).map((r) => r.href))).toEqual(new Set(members));
    for (const r of family.results.slice(0, 3)) expect(r.meta).toMatch(/文号：示政发〔2026〕\d+号/);

    const reprint = 'https://www.anping.gov.cn/policies/2026-business-environment-opinions-reprint/';
    const { results } = await search(page, 'shili', { q: '营商环境若干意见' });
    expect(results.map((r) => r.href)).not.toContain(reprint);
    const original = results.find((r) => r.href === '/policies/2026-business-environment-opinions/')!;
    expect(original).toBeDefined();
    const folded = await page.$$eval('.search-result', (items) =>
      items.map((li) => [...li.querySelectorAll('.search-result__reprints a')].map((a) => `${a.textContent} ${a.getAttribute('href')}`)),
    );
    expect(folded[results.indexOf(original)]).toEqual([`安平县人民政府（2026-11-18） ${reprint}`]);
    // On its own site the reprint is listed: its original is not in that index.
    const own = await search(page, 'anping', { q: '营商环境若干意见' });
    expect(own.results.map((r) => r.href)).toContain('/policies/2026-business-environment-opinions-reprint/');
    await page.close();
  });

  it('is no dead end when nothing is found: corrections and related words, the 12345 hotline and 纠错', async () => {
    const page = await browser.newPage();
    const none = await search(page, 'shili', { q: '麒麟鳄鱼', scope: 'site' });
    expect(none.results).toEqual([]);
    expect(none.status).toContain('没有找到与“麒麟鳄鱼”相关的结果');
    expect(await page.isVisible('[data-search-empty]')).toBe(true);
    expect(await page.isHidden('[data-search-heading]')).toBe(true);
    expect(await page.getAttribute('[data-search-empty] a[href="tel:12345"]', 'href')).toBe('tel:12345');
    const report = await page.getAttribute('[data-search-empty] a:has-text("我为政府网站找错")', 'href');
    expect(report).toMatch(/^https:\/\/zfwzgl\.www\.gov\.cn\/exposure\/jiucuo\.html\?site_code=/);
    // The scope is a filter: searching without it is offered.
    expect(await page.textContent('[data-search-empty]')).toContain('不加筛选重新搜索');

    // Searched as typed (exact): the correction and related words are offered as links that find pages.
    await search(page, 'shili', { q: '"养老服物"', exact: '1', scope: 'site' });
    const tries = await page.$$eval('.search-results__try a', (links) => links.map((a) => a.textContent));
    expect(tries[0]).toBe('养老服务');
    expect(tries.length).toBeGreaterThan(1);
    await page.click('.search-results__try a');
    const found = await settled(page);
    expect(found).toContain('找到与“养老服务”相关的结果');
    expect(await page.isHidden('[data-search-empty]')).toBe(true);
    await page.close();
  });

  it('is operated by keyboard, announces results and moves focus to them when paging', async () => {
    const page = await browser.newPage();
    await page.goto(`${servers.shili.url}/search/`);
    await page.waitForSelector('[data-search-filters]:not([hidden])');
    expect(await page.getAttribute('[data-search-status]', 'role')).toBe('status');
    // From the skip link to the page's search box by keyboard only.
    await page.focus('#search-query');
    await page.keyboard.type('政策');
    await page.keyboard.press('Enter');
    const status = await settled(page);
    expect(status).toMatch(/找到与“政策”相关的结果 \d+ 条，当前第 1 页，共 \d+ 页/);
    expect(page.url()).toContain('q=%E6%94%BF%E7%AD%96');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
    // A filter chosen with the keyboard updates the results in place.
    await page.focus('#search-sort');
    await page.keyboard.press('ArrowDown');
    await settled(page);
    expect(page.url()).toContain('sort=date');
    // Tab reaches the pager; Enter on “下一页” shows page 2 and puts focus on the results heading.
    const next = page.locator('[data-search-pager] a', { hasText: '下一页' });
    await next.focus();
    await page.keyboard.press('Enter');
    expect(await settled(page)).toContain('当前第 2 页');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-results-heading');
    expect(await page.textContent('[data-search-pager] [aria-current="page"]')).toBe('2');
    // Back restores page 1.
    await page.goBack();
    expect(await settled(page)).toContain('当前第 1 页');
    await page.close();
  });

  it('never loses what the reader types while the page is still loading, and Enter searches it (issue 26)', async () => {
    const { url } = servers.shili;
    const html = await (await fetch(`${url}/search/`)).text();
    const moduleScript = html.match(/<script type="module" src="([^"]+)"/)![1]!;
    // Held, as on a slow line: the search script itself, or the index it loads when it starts.
    for (const [held, start] of [
      [moduleScript, '/search/'],
      ['/pagefind/pagefind.js', '/search/?q=%E8%90%A5%E5%95%86%E7%8E%AF%E5%A2%83'],
    ] as const) {
      const page = await browser.newPage();
      let requested!: () => void;
      let release!: () => void;
      const asked = new Promise<void>((resolve) => (requested = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route((u) => u.pathname === held, async (route) => {
        requested();
        await released;
        await route.continue();
      });
      // Not waiting for the page to be ready: the reader does not either (a held module script
      // holds DOMContentLoaded back).
      await page.goto(`${url}${start}`, { waitUntil: 'commit' });
      await asked;
      // What the reader types replaces what the box shows (the URL's query, once the script runs).
      await page.locator('#search-query').fill('老年助餐');
      release();
      // The page's own search (the URL's query, or none) has run: the box still has what was typed.
      await page.waitForSelector('[data-search-filters]:not([hidden])');
      if (start.includes('?q=')) expect(await settled(page), held).toContain('营商环境');
      expect(await page.inputValue('#search-query'), held).toBe('老年助餐');
      // The form's submission empties the status line at once (announce() in search.ts), so what
      // settles next is this search's outcome.
      await page.keyboard.press('Enter');
      expect(await settled(page), held).toMatch(/找到与“老年助餐”相关的结果 \d+ 条/);
      expect(page.url(), held).toContain(`q=${encodeURIComponent('老年助餐')}`);
      await page.close();
    }

    // Enter pressed before the index is ready: the search runs as soon as it is, on this page.
    const page = await browser.newPage();
    let requested!: () => void;
    let release!: () => void;
    const asked = new Promise<void>((resolve) => (requested = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route((u) => u.pathname === '/pagefind/pagefind.js', async (route) => {
      requested();
      await released;
      await route.continue();
    });
    await page.goto(`${url}/search/`, { waitUntil: 'commit' });
    await asked;
    await page.locator('#search-query').pressSequentially('政策');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('[data-search-status]')).toBe('正在搜索…');
    release();
    expect(await settled(page)).toMatch(/找到与“政策”相关的结果/);
    expect(await page.inputValue('#search-query')).toBe('政策');
    await page.close();
  });

  it('says so when the search box is empty, in the live region, and puts the focus back in it (issue 26)', async () => {
    const page = await browser.newPage();
    await page.goto(`${servers.anping.url}/search/`);
    await page.waitForSelector('[data-search-filters]:not([hidden])');
    for (const typed of ['', '   ']) {
      await page.fill('#search-query', typed);
      await page.click('.search-form__row button[type="submit"]');
      expect(await settled(page), JSON.stringify(typed)).toBe('请输入要搜索的词语。');
      expect(await page.getAttribute('[data-search-status]', 'role')).toBe('status');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
      expect(await page.locator('.search-result').count()).toBe(0);
      await page.evaluate(() => { document.querySelector('[data-search-status]')!.textContent = ''; });
    }
    await page.close();
  });

  it('has no axe-core violations with results, filters and a suggestion shown, and with no results, in every display mode', async () => {
    const axeSource = readFileSync(path.join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
    // The site's display modes are attributes on <html> (大字版, 高对比度: components/A11yPrefs.astro);
    // browser text zoom is the root font size.
    const modes: Array<{ name: string; width: number; attributes: string[]; fontSize?: string }> = [
      { name: 'normal', width: 1280, attributes: [] },
      { name: '200% text at 320 px', width: 320, attributes: [], fontSize: '200%' },
      { name: '大字版 at 320 px', width: 320, attributes: ['data-a11y-large'] },
      { name: '高对比度', width: 1280, attributes: ['data-a11y-contrast'] },
    ];
    for (const [site, params] of [
      ['shili', { q: '营商环竟' }],
      ['anping', { q: '老年助餐', sort: 'date' }],
      // A dictionary rewrite and a folded reprint; a search that found nothing, with what to try.
      ['shili', { q: '营商环境若干意见怎么办' }],
      ['shili', { q: '"养老服物"', exact: '1', scope: 'site' }],
    ] as Array<[SiteId, Record<string, string>]>) {
      for (const mode of modes) {
        const page = await browser.newPage({ viewport: { width: mode.width, height: 900 } });
        await search(page, site, params);
        await page.evaluate(({ attributes, fontSize }) => {
          // Audit the filters too where a phone shows them folded.
          document.querySelector<HTMLDetailsElement>('[data-search-filters]')!.open = true;
          for (const name of attributes) document.documentElement.setAttribute(name, '');
          if (fontSize) document.documentElement.style.setProperty('font-size', fontSize);
        }, mode);
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run();
          return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations, `${site} ${JSON.stringify(params)} ${mode.name}`).toEqual([]);
        await page.close();
      }
    }
  });

  it('folds the filters on a phone unless one is in use, so the results are not pushed a screen down', async () => {
    const phone = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await search(phone, 'shili', { q: '营商环境' });
    const filters = phone.locator('[data-search-filters]');
    expect(await filters.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    expect(await phone.isVisible('#search-column')).toBe(false);
    const firstResultTop = () => phone.locator('.search-result').first().evaluate((li) => li.getBoundingClientRect().top + window.scrollY);
    const folded = await firstResultTop();
    // The summary is a native disclosure: Enter opens it and the filters can be used.
    await phone.focus('.search-page__filters-summary');
    await phone.keyboard.press('Enter');
    expect(await phone.isVisible('#search-column')).toBe(true);
    // Folded, the results start most of a phone screen higher.
    expect((await firstResultTop()) - folded).toBeGreaterThan(400);
    await phone.selectOption('#search-sort', 'date');
    await settled(phone);
    expect(await phone.textContent('[data-search-filter-count]')).toBe('（已选 1 项）');
    // A search with a filter in use starts with the filters open, and says how many are chosen.
    await search(phone, 'shili', { q: '营商环境', type: '政策文件', sort: 'date' });
    expect(await filters.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    expect(await phone.textContent('[data-search-filter-count]')).toBe('（已选 2 项）');
    await phone.close();

    const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await search(desktop, 'shili', { q: '营商环境' });
    expect(await desktop.isVisible('#search-column')).toBe(true);
    expect(await desktop.textContent('[data-search-filter-count]')).toBe('');
    // On a desktop the open filters lie in one row, and the first result is in the first screen.
    const tops = await desktop.locator('.search-page__filter select').evaluateAll((selects) => selects.map((s) => Math.round(s.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThanOrEqual(5);
    expect(new Set(tops).size).toBe(1);
    const first = await desktop.locator('.search-result').first().evaluate((li) => li.getBoundingClientRect().top);
    expect(first).toBeLessThan(900 - 60);
    await desktop.close();
  });

  it('reflows with large text (200 %, and 大字版) at 320 px: the search form and results fit the width', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await search(page, 'shili', { q: '示政办发〔2026〕30号', sort: 'date' });
    await page.evaluate(() => {
      document.documentElement.setAttribute('data-a11y-large', '');
      document.documentElement.style.setProperty('font-size', '200%');
    });
    // The page's own content (the shared site header is the layout tests' business).
    const wider = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    );
    expect(wider).toEqual([]);
    await page.screenshot({ path: path.join(projectRoot, 'test-results', 'screenshots', 'search-large-text-320.png'), fullPage: true });
    await page.close();
  });

  it('keeps the pinyin and word keys out of the published pages', () => {
    const html = readFileSync(path.join(inject('demoRoot'), 'dist/shili/notices/2026-06-10-website-inspection/index.html'), 'utf8');
    expect(html).toContain('data-pagefind-body');
    expect(html).not.toContain('zhengfuwangzhan');
    expect(html).not.toContain('data-pagefind-meta="pinyin');
  });
});
