// Issue 8: the reader-side budget of every page type — gzip bytes of the HTML, CSS and JS a page
// of the demo portal loads on a first visit, observed in Chromium (bench/page-weight.ts) —
// stays within bench/page-budgets.json. docs/performance.md shows the figures.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import budgets from '../../bench/page-budgets.json' with { type: 'json' };
import { measurePageWeight } from '../../bench/page-weight.ts';
import { PAGE_TYPES } from '../../templates/lib/a11y-testing.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';

const limits: Record<string, number> = budgets.gzipBytes;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDirectory(path.join(inject('demoRoot'), 'dist', 'shili'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('reader-side budgets (HTML + CSS + JS, gzip)', () => {
  it('has a budget for every page type, and no budget for a page type that does not exist', () => {
    expect(Object.keys(limits).sort()).toEqual(PAGE_TYPES.map((t) => t.id).sort());
  });

  for (const type of PAGE_TYPES) {
    it(`${type.name} ${type.demoPath} loads at most ${(limits[type.id]! / 1024).toFixed(0)} KiB`, async () => {
      const weight = await measurePageWeight(browser, `${server.url}${type.demoPath}`);
      // The toolbar is part of every page: a page without its scripts measured nothing real.
      expect(weight.files.map((f) => f.url)).toEqual(expect.arrayContaining([expect.stringMatching(/a11y-prefs.*\.js$/), expect.stringMatching(/a11y-toolbar.*\.js$/)]));
      const files = weight.files.map((f) => `${f.url.replace(server.url, '')} ${f.gzip}`).join('\n');
      expect(weight.text, `${type.demoPath} loads:\n${files}`).toBeLessThanOrEqual(limits[type.id]!);
    });
  }
});
