// SITE-06: 网页设计规范 — one main colour, at most three colours. The schema's three fields
// (primary, secondary, accent) bound the count; here the colours must be distinct (three names
// for two colours is a scheme nobody meant), and they must stay readable where the shared
// templates put them (templates/styles/global.css): white header text on `primary`, white
// navigation text on `secondary`, and `secondary` as the link colour on white and on the pale
// grey surface of entry buttons. Without a secondary colour the templates use `primary` in its
// place, so `primary` then has to work as a link colour too. Text there is normal size and
// weight, so WCAG 2.1 AA asks for 4.5:1 (A11Y-01 fails the page otherwise, but only after a
// build; a colour is cheaper to fix here, with the replacement computed).
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { contrastRatio, darkenToContrast, formatRatio } from '../../util/contrast.ts';
import type { SiteRule, SiteRuleContext } from './index.ts';
import { report } from './support.ts';

const RULE = 'SITE-06';
const MIN_RATIO = 4.5;
const WHITE = '#ffffff';
/** `--surface` of templates/styles/global.css, behind the home page's entry links. */
const SURFACE = '#f6f8fa';
const BACKGROUND_NAME: Record<string, string> = { [WHITE]: '与白色', [SURFACE]: `与浅灰底 ${SURFACE}` };

type ColourField = 'primary' | 'secondary' | 'accent';
const LABEL: Record<ColourField, string> = { primary: '主色', secondary: '辅助色', accent: '点缀色' };

function checkDistinct(context: SiteRuleContext): Diagnostic[] {
  const colors = context.site.config.colors;
  const found: Diagnostic[] = [];
  const seen: [ColourField, string][] = [['primary', colors.primary.toLowerCase()]];
  for (const field of ['secondary', 'accent'] as const) {
    const value = colors[field]?.toLowerCase();
    if (value === undefined) continue;
    const same = seen.find(([, v]) => v === value);
    if (same) {
      found.push(
        report(context, RULE, ['colors', field], {
          message: `${LABEL[field]}“${colors[field]}”与${LABEL[same[0]]}相同：配色是一种主色加至多两种不同的颜色`,
          fix: `删除 ${field} 这一行（只用${LABEL[same[0]]}），或换成另一种颜色`,
        }),
      );
    } else {
      seen.push([field, value]);
    }
  }
  return found;
}

interface Use {
  /** Where the colour appears, in words. */
  where: string;
  backgrounds: string[];
}

function checkContrast(context: SiteRuleContext, field: ColourField, uses: Use[]): Diagnostic[] {
  const value = context.site.config.colors[field];
  if (value === undefined) return [];
  const backgrounds = [...new Set(uses.flatMap((u) => u.backgrounds))];
  const ratio = Math.min(...backgrounds.map((bg) => contrastRatio(value, bg)));
  if (ratio >= MIN_RATIO) return [];
  const measured = backgrounds.map((bg) => `${formatRatio(contrastRatio(value, bg))}（${BACKGROUND_NAME[bg] ?? bg}）`).join('、');
  const darker = darkenToContrast(value, backgrounds, MIN_RATIO);
  const reached = Math.min(...backgrounds.map((bg) => contrastRatio(darker, bg)));
  return [
    report(context, RULE, ['colors', field], {
      message: `${LABEL[field]}“${value}”对比度不足：它用作${uses.map((u) => u.where).join('、')}，对比度只有 ${measured}，至少要 4.5:1（GB/T 37668、WCAG 2.1 AA）`,
      fix: `改用同一色相的深一些的颜色，例如 ${field}: "${darker}"（对比度 ${formatRatio(reached)}）`,
    }),
  ];
}

export const site06Colours: SiteRule = (context) => {
  const { secondary } = context.site.config.colors;
  const linkUse: Use = { where: '链接文字的颜色（白底和浅灰底）', backgrounds: [WHITE, SURFACE] };
  const primaryUses: Use[] = [{ where: '页头白色文字的底色', backgrounds: [WHITE] }];
  // Without a secondary colour the templates put the primary one in its place.
  if (secondary === undefined) primaryUses.push({ where: '导航栏白色文字的底色（没有辅助色时）', backgrounds: [WHITE] }, linkUse);
  return [
    ...checkDistinct(context),
    ...checkContrast(context, 'primary', primaryUses),
    ...checkContrast(context, 'secondary', [{ where: '导航栏白色文字的底色', backgrounds: [WHITE] }, linkUse]),
  ];
};
