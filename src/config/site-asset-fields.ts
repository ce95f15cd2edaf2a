// SEC-01 / SEC-07: the files site.yaml names — `logo` and each topic's `banner` — are files of
// sites/<site>/assets/, written `assets/logo.svg`. The page templates put `/${logo}` in an <img>:
// `/evil.example/x.svg` would become `//evil.example/x.svg`, an image of another website, and
// `../../…` a path out of the site. The files themselves are checked by src/security/content-files.ts
// (SVG, size, links) like every asset, where they are; this checks site.yaml's fields, so it is
// read with site.yaml, in src/config.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import { IMAGE_EXTENSIONS, extensionOf, parseReference, quoteReference } from '../security/content-paths.ts';

type FieldPath = Array<string | number>;
export type Locate = (field: FieldPath) => { line: number; column?: number };

const FIX = '图片放进 sites/<站点>/assets/ 目录，这里写 assets/文件名，例如 logo: assets/logo.svg';

/** The files named by site.yaml fields, with their field paths. */
function namedFiles(config: SiteConfig): Array<{ field: FieldPath; value: string; label: string }> {
  const named: Array<{ field: FieldPath; value: string; label: string }> = [];
  if (typeof config.logo === 'string') named.push({ field: ['logo'], value: config.logo, label: '网站标志（logo）' });
  (config.topics ?? []).forEach((topic, i) => {
    if (typeof topic.banner === 'string') named.push({ field: ['topics', i, 'banner'], value: topic.banner, label: `专题“${topic.name}”的横幅图片（banner）` });
  });
  return named;
}

export function siteAssetFieldProblems(siteId: string, config: SiteConfig, locate: Locate): Diagnostic[] {
  const file = `sites/${siteId}/site.yaml`;
  const found: Diagnostic[] = [];
  for (const { field, value, label } of namedFiles(config)) {
    const report = (ruleId: string, message: string, fix: string) =>
      found.push(diagnostic({ ruleId, file, ...locate(field), field: field.join('.'), message, fix }));
    const parsed = parseReference(value);
    const shown = quoteReference(value);
    if (parsed.kind === 'refused') {
      report(parsed.ruleId, `${label}“${shown}”不可用：${parsed.reason}`, FIX);
      continue;
    }
    if (parsed.kind !== 'file') continue;
    if (!parsed.path.startsWith('assets/')) {
      report('SEC-01', `${label}“${shown}”不在站点的 assets 目录中：只能使用 sites/${siteId}/assets/ 中的图片`, FIX);
      continue;
    }
    if (!IMAGE_EXTENSIONS.has(extensionOf(parsed.path))) {
      report('SEC-01', `${label}“${shown}”不是图片文件（可用 .svg、.png、.jpg、.webp 等）`, FIX);
      continue;
    }
  }
  return found;
}
