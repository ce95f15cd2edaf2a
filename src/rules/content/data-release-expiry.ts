// CONT-15: data past their `data.validUntil` are marked 已过期 on the page (指引 四(一)8: “对过期
// 失效的数据应及时清理更新或标注过期失效标识”), and the check warns so the editor updates them.
// It depends on the build's date (--now), which the item checks and their cache do not see: this
// runs over the loaded items at the platform's `now`, like the lifecycle rule (SITE-09).
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ContentItem } from '../../content/items.ts';
import { dataExpired } from '../../schema/data-release.ts';

export function expiredDataReleases(items: readonly ContentItem[], now: string): Diagnostic[] {
  return items
    .filter((item) => !item.data.draft && !item.referenceOf && dataExpired(item.data.data, now))
    .map((item) =>
      diagnostic({
        ruleId: 'CONT-15',
        severity: 'warn',
        file: item.file,
        ...item.locate(['data', 'validUntil']),
        field: 'data.validUntil',
        message: `数据的有效期到 ${item.data.data!.validUntil} 为止，现已过期：页面上标注“已过期”`,
        fix: '发布更新后的数据（更新数据文件和 validUntil），或确认数据仍然有效后把 validUntil 改为新的日期',
      }),
    );
}
