// Which item bodies the item page renders itself (direct-body.ts) instead of Astro compiling them
// as MDX modules. Its own module: the build decides this for every item without loading Astro.

/**
 * Whether a body can be rendered directly. Conservative on purpose: anything that could be an
 * image (Markdown `![…]`, an `<img>` or the MapImage component) or a fenced code block sends the
 * body to Astro's MDX modules, which render everything.
 */
export function canRenderDirectly(body: string): boolean {
  return !/!\[|<img\b|<MapImage\b|^\s{0,3}(?:```|~~~)/im.test(body);
}

/** Turns the site's off switch into the decision for one body (the switch is for comparing the two ways). */
export function rendersDirectly(body: string): boolean {
  return process.env.GOVSITE_DIRECT_BODIES !== 'off' && canRenderDirectly(body);
}
