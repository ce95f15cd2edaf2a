// A11Y-03, issue 26: read-aloud while reading, in Debian's Chromium — the player
// (templates/components/A11yPlayer.astro: 暂停/继续, 停止, 语速) docked at the bottom of the screen
// while 连读 reads, in view at the end of a long page with the tools closed, its controls working
// there, large enough in 大字版 and one row; and 指读 by tap on a touch screen (touch emulation).
// Speech is observed as in a11y-read-aloud.test.ts: the page's own speechSynthesis, recorded.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoSite, fakeSpeech, finishUtterance, newContext, open, openTools, PAGES, speechLog, spoken, squash, statusText, type ContextOptions, type Prefs } from './a11y-helpers.ts';

const demo = demoSite();

const PHONE: ContextOptions = { width: 390, height: 844, touch: true };
const DESKTOP: ContextOptions = { width: 1366, height: 900 };

async function reader(options: ContextOptions, prefs?: Prefs) {
  const context = await newContext(demo.browser, demo.server.url, { ...options, prefs });
  await context.addInitScript(fakeSpeech, {});
  return context;
}

/** The player's box and its controls' boxes, and whether each control is the topmost thing at its centre. */
const playerFacts = (page: Page) =>
  page.locator('[data-a11y-player]').evaluate((player) => {
    const box = player.getBoundingClientRect();
    const controls = [...player.querySelectorAll<HTMLElement>('button, select')].map((control) => {
      const r = control.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { name: control.textContent!.trim().slice(0, 4), width: r.width, height: r.height, top: Math.round(r.top), reachable: top === control || control.contains(top) };
    });
    return { top: box.top, bottom: box.bottom, height: box.height, docked: player.hasAttribute('data-docked'), innerHeight: window.innerHeight, controls };
  });

const press = (page: Page, touch: boolean, name: string) => {
  const button = page.locator('[data-a11y-player]').getByRole('button', { name, exact: true });
  return touch ? button.tap() : button.click();
};

describe('the player while reading (issue 26)', () => {
  for (const [device, options, prefs] of [
    ['phone, 大字版', PHONE, { large: true }],
    ['phone, default', PHONE, undefined],
    ['desktop, 大字版', DESKTOP, { large: true }],
    ['desktop, default', DESKTOP, undefined],
  ] as const) {
    it(`${device}: docked in view at the end of a long page, tools closed; pause, resume, speed and stop work there`, async () => {
      const touch = options.touch === true;
      const context = await reader(options, prefs);
      const page = await open(context, `${demo.server.url}${PAGES.data}`);
      expect(await page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight)).toBeGreaterThan(2.5);
      await openTools(page);
      await page.getByRole('button', { name: '连读' }).click();
      await expect.poll(async () => (await spoken(page)).length).toBe(1);
      // The reader closes the tools and reads on to the end of the page.
      await page.getByRole('button', { name: '无障碍工具' }).click();
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(() => page.evaluate(() => Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1)).toBe(true);

      const facts = await playerFacts(page);
      expect(facts.docked).toBe(true);
      expect(facts.top).toBeGreaterThanOrEqual(0);
      expect(facts.bottom).toBeLessThanOrEqual(facts.innerHeight);
      // Small: one row, under 15 % of the screen, even in 大字版 on a phone.
      expect(facts.height).toBeLessThanOrEqual(0.15 * facts.innerHeight);
      expect(new Set(facts.controls.map((c) => c.top)).size).toBe(1);
      const target = prefs ? 66 : 44;
      for (const control of facts.controls) {
        expect(control.width, control.name).toBeGreaterThanOrEqual(target);
        expect(control.height, control.name).toBeGreaterThanOrEqual(target);
        expect(control.reachable, control.name).toBe(true);
      }
      // The end of the page can be scrolled clear of it.
      const footerEnd = await page.locator('.site-footer').evaluate((f) => f.getBoundingClientRect().bottom);
      expect(footerEnd).toBeLessThanOrEqual(facts.top + 1);

      await press(page, touch, '暂停');
      expect((await speechLog(page)).at(-1)).toEqual({ call: 'pause' });
      await statusText(page, '已暂停朗读');
      await press(page, touch, '继续');
      expect((await speechLog(page)).at(-1)).toEqual({ call: 'resume' });
      await page.locator('[data-a11y-player]').getByLabel('语速').selectOption({ label: '较快' });
      await expect.poll(async () => (await spoken(page)).at(-1)?.rate).toBe(1.25);
      expect(await finishUtterance(page)).toBe(true);
      await expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(2);
      await press(page, touch, '停止');
      expect((await speechLog(page)).map((c) => c.call)).toContain('cancel');
      await statusText(page, '已停止朗读');
      expect(await finishUtterance(page)).toBe(false);
      // Once the reader moves on from it, it leaves (the tools are closed).
      await page.locator('main').click({ position: { x: 5, y: 5 } });
      await expect.poll(() => page.locator('[data-a11y-player]').isVisible()).toBe(false);
      await context.close();
    });
  }

  it('docking moves nothing on the page, and the sentence being read is kept above the player', async () => {
    const context = await reader({ ...PHONE, height: 700 }, { large: true });
    const page = await open(context, `${demo.server.url}${PAGES.data}`);
    await openTools(page);
    // Where <main> is in the page (reading scrolls the page to the title, which is no move).
    const top = () => page.locator('main').evaluate((m) => m.getBoundingClientRect().top + window.scrollY);
    const before = await top();
    await page.getByRole('button', { name: '连读' }).click();
    await expect.poll(async () => (await spoken(page)).length).toBe(1);
    expect(await page.locator('[data-a11y-player]').getAttribute('data-docked')).toBe('');
    expect(await top()).toBe(before);
    for (let i = 1; i < 12; i++) {
      expect(await finishUtterance(page)).toBe(true);
      await expect.poll(async () => (await spoken(page)).length).toBe(i + 1);
      const said = squash((await spoken(page)).at(-1)!.text!);
      // Where the sentence is marked, once any scroll has settled: above the player's top edge.
      await expect
        .poll(
          () =>
            page.evaluate(() => {
              const range = [...(CSS.highlights.get('govsite-reading') ?? [])][0] as Range | undefined;
              const box = range?.getBoundingClientRect();
              const player = document.querySelector('[data-a11y-player]')!.getBoundingClientRect();
              // A whole table (its size is read first) may be taller than the screen: its start counts.
              return box ? box.top >= 0 && Math.min(box.bottom, box.top + 100) <= player.top : false;
            }),
          { timeout: 5000, message: said },
        )
        .toBe(true);
    }
    await context.close();
  });
});

describe('指读 by tap on a touch screen (issue 26)', () => {
  it('reads the tapped paragraph, docks the player, stops when it is tapped again; a tapped link still works; nothing when 指读 is off', async () => {
    const context = await reader(PHONE);
    const page = await open(context, `${demo.server.url}${PAGES.article}`);
    const paragraph = page.locator('.article__body p').nth(1);
    // 指读 off: a tap reads nothing (so what follows is 指读's doing).
    await paragraph.tap();
    await openTools(page);
    await page.getByRole('button', { name: '指读' }).tap();
    await statusText(page, '指读已开启');
    expect(await spoken(page)).toEqual([]);
    // A tapped button takes the focus, and 指读 says what it is, as for the keyboard.
    await page.getByRole('button', { name: '无障碍工具' }).tap();
    await expect.poll(async () => (await spoken(page)).at(-1)?.text).toMatch(/^按钮：无障碍工具/);
    const before = (await spoken(page)).length;

    await paragraph.tap();
    await expect.poll(async () => (await spoken(page)).length).toBe(before + 1);
    const text = squash(await paragraph.innerText());
    expect(text.startsWith(squash((await spoken(page)).at(-1)!.text!))).toBe(true);
    expect(await paragraph.getAttribute('data-a11y-reading')).toBe('');
    expect(await page.locator('[data-a11y-player]').getAttribute('data-docked')).toBe('');
    expect(await page.locator('[data-a11y-player]').getByRole('button', { name: '暂停', exact: true }).isVisible()).toBe(true);

    // Another paragraph: read instead.
    const other = page.locator('.article__body p').nth(2);
    await other.tap();
    await expect.poll(async () => (await spoken(page)).length).toBe(before + 2);
    expect(squash(await other.innerText()).startsWith(squash((await spoken(page)).at(-1)!.text!))).toBe(true);
    expect(await other.getAttribute('data-a11y-reading')).toBe('');

    // The same one again: stops.
    await other.tap();
    await statusText(page, '已停止朗读');
    expect((await speechLog(page)).at(-1)).toEqual({ call: 'cancel' });
    const count = (await spoken(page)).length;

    // A link keeps doing what a link does (here: its click, kept from leaving the page); 指读 says
    // what it is, as when the keyboard focuses it, and reads nothing else.
    const link = page.locator('.breadcrumb a').first();
    await link.evaluate((a) => a.addEventListener('click', (event) => {
      event.preventDefault();
      (window as unknown as { clicked: boolean }).clicked = true;
    }));
    await link.tap();
    await page.waitForFunction(() => (window as unknown as { clicked?: boolean }).clicked);
    expect((await spoken(page)).slice(count).map((c) => c.text)).toEqual(['链接：首页']);
    await context.close();
  });
});
