// What a data release's page shows (CONT-15), computed from the checked table so the template
// only lays it out: the header of each column with its unit, and the series a chart draws with
// the sentence that states their values (the chart's text alternative).
import type { DataCell, DataNumber, DataTable } from '../content/data-table.ts';
import type { DataColumn, DataRelease } from '../schema/data-release.ts';

/** A column's header: its name, and its unit in brackets unless the name already ends with it. */
export function columnHeader(column: DataColumn): string {
  if (!column.unit) return column.name;
  const unit = column.unit;
  return column.name.endsWith(`（${unit}）`) || column.name.endsWith(`(${unit})`) ? column.name : `${column.name}（${unit}）`;
}

/** The text of a cell in the table: a number as the file writes it, an unpublished value as —. */
export function cellText(cell: DataCell): string {
  if (cell === null) return '—';
  return typeof cell === 'string' ? cell : cell.text;
}

export interface ChartPoint {
  label: string;
  /** Null: not published for this category (no bar, no point). */
  value: DataNumber | null;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
}

export interface ChartModel {
  kind: 'bar' | 'line';
  title: string;
  unit: string;
  categoryName: string;
  series: ChartSeries[];
}

/** The chart of a release, or undefined when it has none. The table has been checked (no problems). */
export function chartModel(release: DataRelease, table: DataTable): ChartModel | undefined {
  const chart = release.chart;
  if (!chart) return undefined;
  const index = (name: string) => table.columns.findIndex((c) => c.name === name);
  const categoryIndex = index(chart.category);
  const series = chart.values.map((name) => {
    const i = index(name);
    return {
      name,
      points: table.rows.map((row) => {
        const cell = row.cells[i];
        return { label: cellText(row.cells[categoryIndex] ?? ''), value: cell && typeof cell === 'object' ? cell : null };
      }),
    };
  });
  const unit = table.columns[index(chart.values[0]!)]?.unit ?? '';
  const title = chart.title ?? `${chart.values.join('、')}（按${chart.category}）`;
  return { kind: chart.kind, title, unit, categoryName: chart.category, series };
}

const withUnit = (value: DataNumber, unit: string) => (unit === '%' ? `${value.text}%` : `${value.text}${unit}`);

/** The values a chart shows, in words: its text alternative (<desc>), the figure's caption states it too. */
export function chartDescription(model: ChartModel): string {
  const kind = model.kind === 'bar' ? '条形图' : '折线图';
  const parts = model.series.map((s) => {
    const values = s.points.map((p) => `${p.label} ${p.value ? withUnit(p.value, model.unit) : '未公布'}`).join('，');
    return `${model.series.length > 1 ? `${s.name}：` : ''}${values}`;
  });
  return `${kind}，${model.title}，单位：${model.unit}。${parts.join('；')}。`;
}

export { withUnit as valueWithUnit };
