// Driving the search page (templates/scripts/search.ts) in Chromium: waiting for a search to end,
// and searching again on a page that is already open, as a reader does with a second query.
import type { Page } from 'playwright-core';

/** Waits for the search page to finish a search (the status line says how it went). */
export async function searchSettled(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-search-status]')?.textContent ?? '';
    return text !== '' && !text.startsWith('正在');
  });
  return (await page.textContent('[data-search-status]')) ?? '';
}

/**
 * Opens `${siteUrl}/search/?params`, and when the page is that site's search page already, searches
 * there without loading it again: the URL is changed and the page's popstate handler runs the search
 * the URL asks for (the same run() a page load makes), so Pagefind and its merged indexes are
 * loaded once for a series of queries. Page loads cost a second each on this machine; a relevance
 * set of 38 queries loaded one by one ran past the test timeout on a busy CI machine.
 */
export async function searchInPlace(page: Page, siteUrl: string, params: Record<string, string>): Promise<string> {
  const url = `${siteUrl}/search/?${new URLSearchParams(params)}`;
  if (!page.url().startsWith(`${siteUrl}/search/`)) {
    await page.goto(url);
    return searchSettled(page);
  }
  await page.evaluate(
    (href) =>
      new Promise<void>((resolve) => {
        document.querySelector('[data-search-form]')!.addEventListener('govsite:searched', () => resolve(), { once: true });
        window.history.pushState(null, '', href);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }),
    url,
  );
  // The status line is written 50 ms after the search ends (announce() in search.ts).
  return searchSettled(page);
}
