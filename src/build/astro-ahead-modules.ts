// What the Astro process started ahead (astro-process.ts, astro-worker.ts) loads while it waits.
/** What a process started ahead says once the modules it loads ahead are loaded. */
export interface AstroWarmedMessage {
  warmed: string[];
}

/**
 * Modules a build loads after Astro's own, which a process started ahead loads before its site
 * is known (half a second of a one-item edit's render here): what the configuration imports
 * (astro.config.mjs itself needs the site's env), and what Vite and the rendered pages load on
 * the way (CSS, the QR codes of the pages' footers). One failing to load only loses its time.
 */
export const AHEAD_MODULES = [
  '@astrojs/mdx',
  '@astrojs/markdown-satteri',
  '../../plugins/astro-govsite/index.ts',
  '../../plugins/astro-govsite/body-processor.ts',
  'postcss',
  'lightningcss',
  'qrcode',
];

export async function warmAstroModules(): Promise<string[]> {
  const results = await Promise.allSettled(AHEAD_MODULES.map((specifier) => import(specifier)));
  return AHEAD_MODULES.filter((_, i) => results[i]!.status === 'fulfilled');
}
