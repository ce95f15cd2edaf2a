// Issue 26 items 8 and 9 in Chromium on the built demo: a repealed document's and an archived item's
// notices show their cue (icon, bold status word, full border) in the text colour, so it survives
// 高对比度 where every colour turns white on black; the signature block (落款) sits on the right.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoSite, newContext, open } from './a11y-helpers.ts';

const REPEALED = '/policies/2025-enterprise-registration-measures/';
const ARCHIVED = '/news/2025-01-08-new-year-work-deployment/';
const SIGNED = '/policies/2026-digital-government-plan/';

const demo = demoSite();

/** The notice's cue as drawn: the icon's size and colour, the border's, the text's. */
function cue(page: Page) {
  return page.locator('.status-notice').first().evaluate((notice) => {
    const icon = notice.querySelector('svg')!;
    const box = icon.getBoundingClientRect();
    const style = getComputedStyle(notice);
    return {
      label: notice.querySelector('strong')!.textContent,
      iconSize: Math.min(box.width, box.height),
      iconColour: getComputedStyle(icon.querySelector('path')!).fill,
      border: style.borderTopColor,
      borderWidth: parseFloat(style.borderTopWidth),
      text: style.color,
      background: style.backgroundColor,
    };
  });
}

describe('status notices (issue 26 item 8)', () => {
  for (const [url, label] of [[REPEALED, '本文件已废止'], [ARCHIVED, '本文已归档']] as const) {
    it(`${label}: icon, word and border in the text colour, in default and high-contrast mode`, async () => {
      for (const prefs of [undefined, { contrast: true }]) {
        const context = await newContext(demo.browser, demo.server.url, { prefs });
        const page = await open(context, `${demo.server.url}${url}`);
        const drawn = await cue(page);
        expect(drawn.label).toBe(label);
        expect(drawn.iconSize).toBeGreaterThanOrEqual(16);
        expect(drawn.borderWidth).toBeGreaterThanOrEqual(2);
        // Not colour alone: the icon and the border are drawn in the text's own colour, distinct from the background.
        if (prefs) {
          expect(drawn.iconColour).toBe('rgb(255, 255, 255)');
          expect(drawn.border).toBe('rgb(255, 255, 255)');
          expect(drawn.background).toBe('rgb(0, 0, 0)');
        }
        expect(drawn.iconColour).not.toBe(drawn.background);
        await context.close();
      }
    });
  }

  it('大字版 on a phone: a 文号, the dates and times each stay on one line (issue 26 item 9)', async () => {
    const context = await newContext(demo.browser, demo.server.url, { prefs: { large: true }, width: 390, height: 844 });
    const page = await open(context, `${demo.server.url}${REPEALED}`);
    const lines = await page.locator('.doc-info__token, .article__meta time').evaluateAll((tokens) =>
      tokens.map((token) => ({ text: token.textContent, lines: new Set([...token.getClientRects()].map((r) => Math.round(r.top))).size })),
    );
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const token of lines) expect(token.lines, token.text ?? '').toBe(1);
    await context.close();
  });

  it('the signature block sits at the right of the body, issuer over date', async () => {
    const context = await newContext(demo.browser, demo.server.url, { width: 1366 });
    const page = await open(context, `${demo.server.url}${SIGNED}`);
    const layout = await page.locator('.article__body .signature').evaluate((sign) => {
      const body = sign.closest('.article__body')!.getBoundingClientRect();
      const box = sign.getBoundingClientRect();
      return { lines: sign.querySelectorAll('br').length, rightGap: body.right - box.right, leftGap: box.left - body.left, text: sign.textContent };
    });
    expect(layout.text).toBe('示例省人民政府2026年4月14日');
    expect(layout.lines).toBe(1);
    expect(layout.leftGap).toBeGreaterThan(layout.rightGap);
    await context.close();
  });
});
