// What a site's home page shows (templates/pages/index.astro): the important items (要闻) and the
// newest items of the top-level columns of the featured types. The home page's freshness
// indicator (HEALTH-01, src/rules/health/) counts exactly these: a new item in a column the home
// page does not show does not update the home page.
import type { ColumnConfig, SiteConfig } from './site-schema.ts';

/** Column types whose newest items have a section on the home page. */
export const HOME_COLUMN_TYPES: readonly string[] = ['工作动态', '政策文件', '政策解读', '回应关切', '数据发布'];

/** The columns with a section of their own on the home page, in site.yaml's order. */
export function homeColumns(config: Pick<SiteConfig, 'columns'>): ColumnConfig[] {
  return config.columns.filter((column) => !column.parent && HOME_COLUMN_TYPES.includes(column.type));
}

/** Whether an item in `columnId` (marked `important` or not) appears on the home page when it is among the newest. */
export function shownOnHomePage(config: Pick<SiteConfig, 'columns'>, columnId: string, important: boolean | undefined): boolean {
  if (important) return true;
  const column = config.columns.find((c) => c.id === columnId);
  // A sub-column's items are listed under its parent's section.
  const top = column?.parent ? config.columns.find((c) => c.id === column.parent) : column;
  return top !== undefined && homeColumns(config).includes(top);
}
