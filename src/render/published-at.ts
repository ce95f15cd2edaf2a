// When an item is published (定时发布): its own module, so that the platform's link check
// (src/rules/output/platform-pages.ts) decides it as the site data does without loading the
// site data's modules (the MDX compiler among them: half a second of `npm run check`).

/** Whether an item is published at `now`: an item whose pubDate is later is scheduled (定时发布). */
export function publishedAt(pubDate: string, now: string): boolean {
  return pubDate <= now;
}
