// A11Y-03 read-aloud (templates/scripts/a11y-read-aloud.js) in Debian's Chromium. Headless
// Chromium has no voices, so the page's real `speechSynthesis` is wrapped (a11y-helpers.ts,
// fakeSpeech): every speak/pause/resume/cancel call is recorded with the utterance's text, rate,
// language and voice, and the utterances' events fire as an engine's would. The tests read the
// reading order, chunking, speed, voice choice, pause/resume/stop and the moving highlight from
// there, and remove the API to see the message a reader gets where the browser cannot speak.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoSite, fakeSpeech, finishUtterance, highlight, newContext, open, openTools, PAGES, type Prefs, speechLog, spoken, squash, statusText, type FakeSpeechOptions } from './a11y-helpers.ts';

const MAX_CHARS = 50;
const ZH = { lang: 'zh-CN', name: 'Chinese (China)' };
const EN = { lang: 'en-US', name: 'English (United States)' };

const demo = demoSite();

async function withSpeech(options: FakeSpeechOptions, prefs?: Prefs, viewport?: { width: number; height: number }): Promise<BrowserContext> {
  const context = await newContext(demo.browser, demo.server.url, { prefs, ...viewport });
  await context.addInitScript(fakeSpeech, options);
  return context;
}

/** Reads the page aloud with 连读 to the end (utterances end by themselves) and returns what was said. */
async function readAll(page: Page): Promise<string[]> {
  await openTools(page);
  await page.getByRole('button', { name: '连读' }).click();
  await statusText(page, '朗读完毕');
  return (await spoken(page)).map((c) => c.text!);
}

const mainText = (page: Page, selector: string) => page.locator(selector).first().innerText().then(squash);

describe('连读: the main content in reading order', () => {
  it('article: title, time and source, then the body in order, nothing from navigation, toolbars or footer', async () => {
    const context = await withSpeech({ auto: 5, voices: [EN, ZH] });
    const page = await open(context, `${demo.server.url}${PAGES.article}`);
    const said = await readAll(page);
    const title = await mainText(page, 'h1');
    expect(squash(said[0]!)).toBe(title);
    expect(said[1]).toMatch(/^发布时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(said[2]).toMatch(/^信息来源：/);
    expect(said[3]).toMatch(/^责任编辑：/);
    // Everything spoken, joined, is the body's text in order.
    const joined = squash(said.join(''));
    expect(joined).toContain(await mainText(page, '.article__body'));
    for (const text of ['首页', '工作动态', '字号', '复制链接', '手机扫码阅读', '连读', '主办单位', '跳到主要内容']) {
      expect(said.some((s) => s.includes(text)), text).toBe(false);
    }
    for (const call of await spoken(page)) {
      expect(call.lang).toBe('zh-CN');
      expect(call.rate).toBe(1);
      expect(call.voice).toBe('zh-CN');
      expect(call.text!.length).toBeLessThanOrEqual(MAX_CHARS);
    }
    await context.close();
  });

  it('data release: tables row by row with each cell named by its column header, the chart’s description, long sentences cut at commas', async () => {
    const context = await withSpeech({ auto: 5 });
    const page = await open(context, `${demo.server.url}${PAGES.data}`);
    const said = await readAll(page);
    const row = said.indexOf('指标：地区生产总值，单位：亿元，绝对值：38562.4，同比增长（%）：5.3。');
    expect(row).toBeGreaterThan(0);
    expect(said[row - 1]).toBe('表格：2026年前三季度全省经济运行主要指标，共12行。');
    expect(said[row + 1]).toBe('指标：第一产业增加值，单位：亿元，绝对值：3184.6，同比增长（%）：3.8。');
    expect(said.filter((s) => s.startsWith('指标：'))).toHaveLength(12);
    // The table generated from the data file (CONT-15) under its section's heading.
    expect(said.indexOf('数据')).toBe(row - 2);
    // The chart: its text alternative, announced as an image, in pieces.
    const chart = said.findIndex((s) => s.startsWith('图片：'));
    expect(chart).toBeGreaterThan(row);
    // A first sentence of 60 characters, cut at a comma into pieces that together say all of it.
    const first = '根据地区生产总值统一核算结果，2026年前三季度全省地区生产总值为38562.4亿元，按不变价格计算，同比增长5.3%。';
    expect(first.length).toBeGreaterThan(MAX_CHARS);
    const start = said.findIndex((s) => first.startsWith(s));
    expect(said[start]!.length).toBeLessThan(first.length);
    expect(said[start]!.endsWith('，')).toBe(true);
    expect(said.slice(start, start + 2).join('')).toBe(first);
    expect(Math.max(...said.map((s) => s.length))).toBeLessThanOrEqual(MAX_CHARS);
    await context.close();
  });

  it('policy: the document information table as “header: value”', async () => {
    const context = await withSpeech({ auto: 5 });
    const page = await open(context, `${demo.server.url}${PAGES.policy}`);
    const said = await readAll(page);
    const info = said.findIndex((s) => /^表格：文件信息，共\d行。$/.test(s));
    expect(info).toBeGreaterThan(0);
    // The seven fields of the 信息公开目录, in their order (DocumentInfo.astro).
    expect(said[info + 1]).toMatch(/^索引号：\d{10}\/20\d\d-\d{7}/);
    expect(said[info + 2]).toMatch(/^主题分类：/);
    expect(said[info + 3]).toMatch(/^发文机关：示例省/);
    expect(said.slice(info + 4, info + 8).join('|')).toMatch(/^成文日期：.*\|发布日期：.*\|发文字号：示政.*\|有效性：/);
    await context.close();
  });

  it('highlights the sentence being read, outlines its block and keeps it in view as reading moves on', async () => {
    const context = await withSpeech({}, undefined, { width: 1280, height: 600 });
    const page = await open(context, `${demo.server.url}${PAGES.data}`);
    await openTools(page);
    await page.getByRole('button', { name: '连读' }).click();
    await expect.poll(async () => (await spoken(page)).length).toBe(1);
    expect(await highlight(page)).toEqual({ text: squash((await spoken(page))[0]!.text!), outlined: 'h1', inView: true });

    // Step through: each new utterance moves the highlight to its own text.
    const seen = new Set<string>(['h1']);
    for (let i = 1; ; i++) {
      expect(await finishUtterance(page)).toBe(true);
      // The next utterance, or the end of the page.
      await expect.poll(async () => (await spoken(page)).length === i + 1 || (await highlight(page)).outlined === null).toBe(true);
      if ((await spoken(page)).length === i) break;
      const said = (await spoken(page)).at(-1)!.text!;
      const now = await highlight(page);
      seen.add(now.outlined!);
      if (now.outlined === 'tr') {
        // A table row: the row is highlighted, its cells' values in it.
        expect(now.text).toContain(said.split('，')[0]!.replace('指标：', ''));
      } else if (now.outlined === 'img') {
        expect(now.text).toBe(''); // the image itself: it has no text to mark, only its outline
      } else if (now.outlined === 'svg') {
        // A chart drawn as SVG: outlined whole while its title and description (its text) are read, piece by piece.
        expect(squash(now.text ?? '')).toContain(squash(said.replace(/^图片：/, '')).slice(0, 8));
      } else if (now.outlined !== 'table') {
        expect(now.text, said).toBe(squash(said));
      }
      // Far down the page by now: scrolled so that the sentence is visible.
      await expect.poll(async () => (await highlight(page)).inView, { timeout: 5000, message: said }).toBe(true);
    }
    // The data page: title, time, paragraphs, the generated table row by row and the chart's caption (CONT-15).
    expect([...seen]).toEqual(expect.arrayContaining(['h1', 'span', 'p', 'h2', 'table', 'tr', 'svg', 'figcaption']));
    await statusText(page, '朗读完毕');
    expect(await highlight(page)).toEqual({ text: null, outlined: null, inView: false });
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await context.close();
  });
});

describe('controls', () => {
  it('pause, resume and stop call the engine, hold the reading, and say so', async () => {
    const context = await withSpeech({});
    const page = await open(context, `${demo.server.url}${PAGES.article}`);
    await openTools(page);
    const pause = page.getByRole('button', { name: '暂停' });
    expect(await pause.getAttribute('aria-disabled')).toBe('true');
    await page.getByRole('button', { name: '连读' }).click();
    await statusText(page, '开始朗读');
    expect(await pause.getAttribute('aria-disabled')).toBe('false');
    await finishUtterance(page);
    await pause.click();
    expect((await speechLog(page)).at(-1)).toEqual({ call: 'pause' });
    await statusText(page, '已暂停朗读');
    const resume = page.getByRole('button', { name: '继续' });
    expect(await resume.isVisible()).toBe(true);
    // Paused: the engine holds the utterance, and reading does not move on.
    expect(await finishUtterance(page)).toBe(false);
    expect(await spoken(page)).toHaveLength(2);
    await resume.click();
    expect((await speechLog(page)).at(-1)).toEqual({ call: 'resume' });
    await statusText(page, '继续朗读');
    expect(await finishUtterance(page)).toBe(true);
    await expect.poll(async () => (await spoken(page)).length).toBe(3);

    await page.getByRole('button', { name: '停止' }).click();
    expect((await speechLog(page)).map((c) => c.call)).toContain('cancel');
    await statusText(page, '已停止朗读');
    expect(await highlight(page)).toEqual({ text: null, outlined: null, inView: false });
    expect(await pause.getAttribute('aria-disabled')).toBe('true');
    // Nothing more is said after stopping.
    expect(await finishUtterance(page)).toBe(false);
    expect(await spoken(page)).toHaveLength(3);

    // Esc stops from anywhere, even while paused (and the engine is left unpaused for next time).
    await page.getByRole('button', { name: '连读' }).click();
    await page.getByRole('button', { name: '暂停' }).click();
    await page.keyboard.press('Escape');
    await statusText(page, '已停止朗读');
    expect((await speechLog(page)).slice(-2)).toEqual([{ call: 'cancel' }, { call: 'resume' }]);
    await context.close();
  });

  it('speed: the chosen rate is applied to every utterance, at once to the current sentence, and kept on the next page', async () => {
    const context = await withSpeech({});
    const page = await open(context, `${demo.server.url}${PAGES.article}`);
    await openTools(page);
    await page.getByLabel('语速').selectOption({ label: '较慢' });
    await page.getByRole('button', { name: '连读' }).click();
    // The read-aloud script loads on first use: finish the first sentence only once it is spoken.
    await expect.poll(async () => (await spoken(page)).length).toBe(1);
    expect(await finishUtterance(page)).toBe(true);
    await expect.poll(async () => (await spoken(page)).length).toBe(2);
    expect((await spoken(page)).map((c) => c.rate)).toEqual([0.8, 0.8]);
    await page.getByLabel('语速').selectOption({ label: '快' });
    await statusText(page, '语速：快');
    // The sentence being read starts again at the new speed.
    const log = await speechLog(page);
    expect(log.at(-2)).toEqual({ call: 'cancel' });
    expect(log.at(-1)).toMatchObject({ call: 'speak', rate: 1.5, text: log.filter((c) => c.call === 'speak').at(-2)!.text });
    await finishUtterance(page);
    await expect.poll(async () => (await spoken(page)).at(-1)?.rate).toBe(1.5);

    await page.goto(`${demo.server.url}${PAGES.policy}`);
    await openTools(page);
    expect(await page.getByLabel('语速').inputValue()).toBe('1.5');
    await page.getByRole('button', { name: '连读' }).click();
    await expect.poll(async () => (await spoken(page))[0]?.rate).toBe(1.5);
    await context.close();
  });

  it('voice: a Chinese one when the browser has it (zh-CN first, then any zh), otherwise the default voice and a message', async () => {
    const cases: Array<[FakeSpeechOptions['voices'], string | null]> = [
      [[EN, { lang: 'zh-TW', name: 'Chinese (Taiwan)' }, ZH], 'zh-CN'],
      [[EN, { lang: 'zh-HK', name: 'Cantonese' }], 'zh-HK'],
      [[EN], null],
    ];
    for (const [voices, expected] of cases) {
      const context = await withSpeech({ voices });
      const page = await open(context, `${demo.server.url}${PAGES.home}`);
      await openTools(page);
      await page.getByRole('button', { name: '连读' }).click();
      await expect.poll(async () => (await spoken(page)).length).toBe(1);
      expect((await spoken(page))[0], JSON.stringify(voices)).toMatchObject({ voice: expected, lang: 'zh-CN' });
      if (!expected) await statusText(page, '没有找到中文语音，将用浏览器的默认语音朗读');
      await context.close();
    }
  });

  it('loads only when first used: a page that does not read aloud never downloads the read-aloud script', async () => {
    const context = await withSpeech({});
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${demo.server.url}${PAGES.article}`);
    await openTools(page);
    await page.getByRole('button', { name: '大字版' }).click();
    expect(requested.filter((u) => u.includes('a11y-read-aloud'))).toEqual([]);
    await page.getByRole('button', { name: '连读' }).click();
    await expect.poll(async () => (await spoken(page)).length).toBe(1);
    expect(requested.filter((u) => u.includes('a11y-read-aloud'))).toHaveLength(1);
    await context.close();
  });
});

describe('指读: what the pointer rests on or the focus is on', () => {
  it('reads a paragraph under the mouse, a link as a link, a focused button with its state; stops when turned off', async () => {
    const context = await withSpeech({});
    // The page's timers run on Playwright's clock: as usual, except that the test can fire at once
    // every timer due within a given time. What must not happen is checked after that, not after
    // a fixed wait.
    await context.clock.install();
    // The script arrives late, as on a slow line: held until the test lets it through. 指读 is
    // said to be on only once it listens, so the hover just after the message is read.
    let requested!: () => void;
    let release!: () => void;
    const scriptRequested = new Promise<void>((resolve) => (requested = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/a11y-read-aloud.*.js', async (route) => {
      requested();
      await released;
      await route.continue();
    });
    const page = await open(context, `${demo.server.url}${PAGES.article}`);
    await openTools(page);
    await page.getByRole('button', { name: '指读' }).click();
    // The press was handled (the script is asked for); past the toolbar's announcement delay, the
    // reader still hears nothing while the script is on its way.
    await scriptRequested;
    await page.clock.runFor(1000);
    expect(await page.locator('.a11y-toolbar [role="status"]').textContent()).toBe('');
    release();
    await statusText(page, '指读已开启');
    const before = (await spoken(page)).length;

    const paragraph = page.locator('.article__body p').nth(1);
    await paragraph.hover();
    await expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(before);
    const text = squash(await paragraph.innerText());
    expect(text.startsWith(squash((await spoken(page)).at(-1)!.text!))).toBe(true);
    expect(await paragraph.getAttribute('data-a11y-reading')).toBe('');

    await page.locator('.breadcrumb a').first().hover();
    await expect.poll(async () => (await spoken(page)).at(-1)?.text).toBe('链接：首页');
    expect((await speechLog(page)).map((c) => c.call)).toContain('cancel');

    await page.getByRole('button', { name: '大字版' }).focus();
    await expect.poll(async () => (await spoken(page)).at(-1)?.text).toBe('按钮：大字版');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await spoken(page)).at(-1)?.text).toBe('按钮：无障碍工具，已展开');
    await page.getByLabel('语速').focus();
    await expect.poll(async () => (await spoken(page)).at(-1)?.text).toBe('语速，下拉列表，当前为正常');

    await page.getByRole('button', { name: '指读' }).click();
    await statusText(page, '指读已关闭');
    const count = (await spoken(page)).length;
    // Nothing is said once the page has seen the pointer arrive on the paragraph and its clock has
    // run well past 指读's pause before reading (300 ms), firing any timer the hover set.
    await paragraph.evaluate((p) => p.addEventListener('pointerover', () => ((window as unknown as { pointed: boolean }).pointed = true), { once: true }));
    await paragraph.hover();
    await page.waitForFunction(() => (window as unknown as { pointed?: boolean }).pointed);
    await page.clock.runFor(1000);
    expect(await spoken(page)).toHaveLength(count);
    await context.close();
  });

  it('stays on across pages when chosen, and reads a table cell with its column header', async () => {
    const context = await withSpeech({}, { point: true });
    const page = await open(context, `${demo.server.url}${PAGES.data}`);
    await page.locator('.data-table td').nth(1).hover();
    await expect.poll(async () => (await spoken(page)).at(-1)?.text).toBe('绝对值：38562.4');
    await context.close();
  });
});

describe('where the browser cannot speak', () => {
  it('says so in the toolbar at once, and again when 连读 or 指读 is pressed', async () => {
    const context = await newContext(demo.browser, demo.server.url);
    await context.addInitScript(() => {
      delete (window as unknown as Record<string, unknown>).speechSynthesis;
      delete (window as unknown as Record<string, unknown>).SpeechSynthesisUtterance;
      Object.defineProperty(window, 'speechSynthesis', { value: undefined });
    });
    const page = await open(context, `${demo.server.url}${PAGES.article}`);
    await openTools(page);
    const message = /您的浏览器不能朗读网页/;
    expect(await page.locator('[data-read="unsupported"]').isVisible()).toBe(true);
    expect(await page.locator('[data-read="unsupported"]').textContent()).toMatch(message);
    await page.getByRole('button', { name: '连读' }).click();
    await statusText(page, message);
    await page.getByRole('button', { name: '大字版' }).click();
    await statusText(page, '大字版已开启');
    await page.getByRole('button', { name: '指读' }).click();
    await statusText(page, message);
    await context.close();
  });

  it('says so when the engine fails while speaking', async () => {
    const context = await withSpeech({});
    const page = await open(context, `${demo.server.url}${PAGES.article}`);
    await openTools(page);
    await page.getByRole('button', { name: '连读' }).click();
    await expect.poll(async () => (await spoken(page)).length).toBe(1);
    await page.evaluate(() => (window as unknown as { __speech: { fail: (e: string) => void } }).__speech.fail('synthesis-failed'));
    await statusText(page, /浏览器未能朗读/);
    expect(await page.getByRole('button', { name: '停止' }).getAttribute('aria-disabled')).toBe('true');
    expect(await highlight(page)).toMatchObject({ text: null, outlined: null });
    await context.close();
  });
});
