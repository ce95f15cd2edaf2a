// A site's visual identity on its home page (issue 26 item 5): a banner pattern drawn with CSS
// gradients in the site's own colours (site.yaml `identity.pattern`, `colors`), so the provincial
// portal, a county portal and a department site each look like themselves within one template.
// Gradients, not an image: no request, no text in a picture, and the CSP allows no inline style,
// so the pattern is a custom property of the theme stylesheet (index.ts themeCss).
import type { SiteConfig } from '../../src/schema/site-schema.ts';

type Pattern = NonNullable<SiteConfig['identity']['pattern']>;

/** The pattern a site gets when its site.yaml names none: by kind and level. */
export function defaultPattern(config: Pick<SiteConfig, 'kind' | 'level'>): Pattern {
  if (config.kind === 'department') return 'grid';
  return config.level === 'province' ? 'hills' : 'waves';
}

const PATTERNS: Record<Pattern, string> = {
  // Layered ridges in the secondary colour over a primary-to-secondary sky.
  hills:
    'radial-gradient(120% 70% at 15% 115%, rgb(255 255 255 / 0.16) 0 48%, transparent 49%), radial-gradient(90% 60% at 70% 120%, rgb(255 255 255 / 0.12) 0 50%, transparent 51%), linear-gradient(160deg, var(--color-primary), var(--color-secondary))',
  // Repeating soft bands, for a county by the water or the fields.
  waves:
    'repeating-radial-gradient(circle at 100% 120%, rgb(255 255 255 / 0.1) 0 14px, transparent 14px 36px), linear-gradient(135deg, var(--color-primary), var(--color-secondary))',
  // A fine grid, for a department's orderly look.
  grid: 'repeating-linear-gradient(0deg, rgb(255 255 255 / 0.08) 0 1px, transparent 1px 24px), repeating-linear-gradient(90deg, rgb(255 255 255 / 0.08) 0 1px, transparent 1px 24px), linear-gradient(120deg, var(--color-primary), var(--color-secondary))',
  none: 'linear-gradient(var(--color-primary), var(--color-primary))',
};

/** The CSS value of `--identity-pattern` for a site. */
export function identityPattern(config: Pick<SiteConfig, 'kind' | 'level' | 'identity'>): string {
  return PATTERNS[config.identity?.pattern ?? defaultPattern(config)];
}
