// OPEN-02: the 索引号 of a site's items (src/content/index-number.ts) are unique within the site.
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ContentItem } from '../../content/items.ts';
import { indexNumberOf } from '../../content/index-number.ts';
import type { SiteConfig } from '../../schema/site-schema.ts';

/** Every item of a site whose 索引号 an earlier item of the site already has. */
export function duplicateIndexNumbers(config: Pick<SiteConfig, 'organizerCode' | 'siteCode'>, items: readonly ContentItem[]): Diagnostic[] {
  const code = config.organizerCode ?? config.siteCode;
  const seen = new Map<string, ContentItem>();
  const found: Diagnostic[] = [];
  for (const item of items) {
    if (item.data.draft) continue;
    const number = indexNumberOf({ itemId: item.id, ...item.data }, code);
    const first = seen.get(number);
    if (!first) {
      seen.set(number, item);
      continue;
    }
    const explicit = item.data.indexNumber !== undefined;
    found.push(
      diagnostic({
        ruleId: 'OPEN-02',
        file: item.file,
        ...item.locate(explicit ? ['indexNumber'] : ['title']),
        field: explicit ? 'indexNumber' : undefined,
        message: `索引号“${number}”与 ${first.file} 相同：同一网站的索引号不能重复`,
        fix: explicit ? '核对并改正 indexNumber' : `在前置信息中写一个未用过的索引号，例如 indexNumber: ${code}/${(item.data.writtenDate ?? item.data.pubDate).slice(0, 4)}-（原系统中的编号）`,
      }),
    );
  }
  return found;
}
