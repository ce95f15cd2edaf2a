// What a reader's browser downloads to show a page, by kind: the HTML document, stylesheets and
// scripts the page loads until the network is idle (deferred toolbar and module scripts included,
// scripts loaded only on use — read-aloud — not), gzip-compressed as a web server would send them
// (level 6, the usual default). Images, fonts, WebAssembly and data files are listed apart: they
// are not text budgets. Observed in Chromium, so what counts is what the page really requests.
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface PageWeight {
  /** gzip bytes of HTML + CSS + JS. */
  text: number;
  html: number;
  css: number;
  js: number;
  /** Bytes (as served) of everything else: images, fonts, WebAssembly, index files. */
  other: number;
  /** Requested text files, for a failing budget's message. */
  files: Array<{ url: string; kind: 'html' | 'css' | 'js'; gzip: number }>;
}

function kindOf(resourceType: string, url: string): 'html' | 'css' | 'js' | undefined {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet' || /\.css(\?|$)/.test(url)) return 'css';
  if (resourceType === 'script' || /\.m?js(\?|$)/.test(url)) return 'js';
  return undefined;
}

export async function measurePageWeight(browser: Browser, url: string): Promise<PageWeight> {
  // A fresh context: nothing cached, as on a first visit.
  const context = await browser.newContext();
  const page = await context.newPage();
  const pending: Array<Promise<void>> = [];
  const weight: PageWeight = { text: 0, html: 0, css: 0, js: 0, other: 0, files: [] };
  page.on('response', (response) => {
    pending.push(
      response.body().then(
        (body) => {
          const kind = kindOf(response.request().resourceType(), response.url());
          if (!kind) {
            weight.other += body.length;
            return;
          }
          const gzip = gzipSync(body, { level: 6 }).length;
          weight[kind] += gzip;
          weight.text += gzip;
          weight.files.push({ url: response.url(), kind, gzip });
        },
        () => undefined, // redirects and aborted requests have no body
      ),
    );
  });
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await Promise.all(pending);
  } finally {
    await context.close();
  }
  return weight;
}
