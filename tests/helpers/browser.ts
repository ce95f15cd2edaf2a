// Debian's Chromium driven by playwright-core: never a downloaded browser.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The machine has no network: background services would only produce refused connections.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
  });
}

/**
 * Resolves once every layout shift of the frames the page has rendered so far has reached the
 * page's PerformanceObservers: the page renders two more frames (a change made before this call
 * is laid out and painted in the first at the latest), then a performance mark made after them has
 * to come back through an observer. Entries reach observers in the order they were recorded, so
 * the shifts before the mark have been delivered by then. To be awaited before reading a total of
 * shifts, instead of a fixed wait.
 */
export function layoutReported(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const name = `layout-reported-${performance.now()}`;
        const observer = new PerformanceObserver((list) => {
          if (list.getEntriesByName(name).length === 0) return;
          observer.disconnect();
          resolve();
        });
        observer.observe({ type: 'mark' });
        requestAnimationFrame(() => requestAnimationFrame(() => performance.mark(name)));
      }),
  );
}
