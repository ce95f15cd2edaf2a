// The chart of a data release (CONT-15) as SVG, drawn at build time: no script, no library in
// the browser, the same bytes for the same table (coordinates rounded to 0.1, no dates, no
// random ids). Accessible: role="img" named by its <title> and described by a <desc> stating
// every value (chartDescription), and the page's table beside it holds the same data. Colours
// pass 3:1 against white (WCAG 1.4.11) and every bar or point carries its value as text, so no
// value is told by colour alone; the classes let the high-contrast mode (a11y-modes.css) and
// forced colours redraw it in the reader's colours.
import { chartDescription, type ChartModel, valueWithUnit } from './data-release-view.ts';

/** Dark enough on white for graphics (≥ 4.5:1), distinct from one another. */
export const SERIES_COLOURS = ['#1f4e8c', '#9c4215', '#2e6b30', '#6a1b9a'] as const;
const TEXT = '#1f2328';
const GRID = '#8c959f';
const WIDTH = 400;
/** 16 in a 400-wide drawing: about 12 px on a 320 px phone, where the drawing is scaled down. */
const FONT = 16;

const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const n = (value: number) => String(Math.round(value * 10) / 10);

function text(x: number, y: number, content: string, extra = ''): string {
  return `<text class="data-chart__text" x="${n(x)}" y="${n(y)}" font-size="${FONT}" fill="${TEXT}"${extra}>${escapeXml(content)}</text>`;
}

function legend(model: ChartModel): { svg: string; height: number } {
  if (model.series.length < 2) return { svg: '', height: 0 };
  const items = model.series.map((s, i) => {
    const y = 8 + i * 24;
    return `<rect class="data-chart__mark data-chart__mark--${i}" x="8" y="${y}" width="16" height="16" fill="${SERIES_COLOURS[i]}"/>${text(30, y + 14, s.name)}`;
  });
  return { svg: items.join(''), height: model.series.length * 24 + 8 };
}

/** Horizontal bars, each category's name on its own line above its bars: long Chinese names stay whole at 390 px. */
function barChart(model: ChartModel): { body: string; height: number } {
  const values = model.series.flatMap((s) => s.points.flatMap((p) => (p.value ? [p.value.value] : [])));
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const left = 8;
  const span = WIDTH - left - 96; // room for the value written after the longest bar
  const x = (v: number) => left + (high === low ? 0 : ((v - low) / (high - low)) * span);
  const top = legend(model);
  const parts: string[] = [top.svg];
  let y = top.height + 4;
  const categories = model.series[0]?.points.length ?? 0;
  for (let c = 0; c < categories; c++) {
    parts.push(text(left, y + FONT, model.series[0]!.points[c]!.label));
    // Clear of the text below: a CJK font's line box is about 1.4 em, more than the font size.
    y += FONT + 10;
    model.series.forEach((s, i) => {
      const value = s.points[c]!.value;
      const label = value ? valueWithUnit(value, model.unit) : '未公布';
      if (value) {
        const [from, to] = [x(Math.min(0, value.value)), x(Math.max(0, value.value))];
        parts.push(`<rect class="data-chart__mark data-chart__mark--${i}" x="${n(from)}" y="${n(y)}" width="${n(Math.max(to - from, 1))}" height="18" fill="${SERIES_COLOURS[i]}"/>`);
        parts.push(text(to + 6, y + 15, label));
      } else parts.push(text(x(0) + 6, y + 15, label));
      y += 24;
    });
    y += 8;
  }
  parts.push(`<line class="data-chart__axis" x1="${n(x(0))}" y1="${top.height}" x2="${n(x(0))}" y2="${n(y - 8)}" stroke="${TEXT}"/>`);
  return { body: parts.join(''), height: Math.ceil(y) };
}

/** Round steps for the value axis: 1, 2 or 5 times a power of ten, about four of them. */
function ticks(low: number, high: number): number[] {
  const raw = (high - low) / 4 || 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  // Whole multiples of the step, written with the step's decimals: 3 × 0.2 is 0.6, not 0.6000000000000001.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const out: number[] = [];
  for (let k = Math.floor(low / step); k * step <= high + step / 2; k++) out.push(Number((k * step).toFixed(decimals)));
  return out;
}

/** Consecutive published values as [index, value] runs. */
function publishedRuns(values: Array<number | null>): Array<Array<[number, number]>> {
  const runs: Array<Array<[number, number]>> = [[]];
  values.forEach((v, j) => {
    if (v === null) runs.push([]);
    else runs.at(-1)!.push([j, v]);
  });
  return runs.filter((run) => run.length > 0);
}

/** Categories along the bottom (in order: months, quarters), one line per series, values over the points. */
function lineChart(model: ChartModel): { body: string; height: number } {
  const values = model.series.flatMap((s) => s.points.flatMap((p) => (p.value ? [p.value.value] : [])));
  const marks = ticks(Math.min(0, ...values), Math.max(0, ...values));
  const [low, high] = [marks[0]!, marks.at(-1)!];
  const top = legend(model);
  const [left, right, plotTop, plotHeight] = [44, WIDTH - 16, top.height + 20, 180];
  const count = model.series[0]?.points.length ?? 0;
  const x = (i: number) => (count < 2 ? (left + right) / 2 : left + (i * (right - left)) / (count - 1));
  const y = (v: number) => plotTop + plotHeight - (high === low ? 0 : ((v - low) / (high - low)) * plotHeight);
  const parts: string[] = [top.svg];
  for (const m of marks) {
    parts.push(`<line class="data-chart__grid" x1="${left}" y1="${n(y(m))}" x2="${right}" y2="${n(y(m))}" stroke="${GRID}" stroke-dasharray="2 3"/>`);
    parts.push(text(left - 6, y(m) + 5, String(m), ' text-anchor="end"'));
  }
  model.series.forEach((s, i) => {
    // The line breaks where a value is not published: joining across it would draw a value that was never given.
    for (const run of publishedRuns(s.points.map((p) => p.value?.value ?? null))) {
      if (run.length < 2) continue;
      const points = run.map(([j, v]) => `${n(x(j))},${n(y(v))}`).join(' ');
      parts.push(`<polyline class="data-chart__line data-chart__line--${i}" points="${points}" fill="none" stroke="${SERIES_COLOURS[i]}" stroke-width="2.5"/>`);
    }
    s.points.forEach((p, j) => {
      if (!p.value) return;
      parts.push(`<circle class="data-chart__mark data-chart__mark--${i}" cx="${n(x(j))}" cy="${n(y(p.value.value))}" r="4" fill="${SERIES_COLOURS[i]}"/>`);
      if (model.series.length === 1) parts.push(text(x(j), y(p.value.value) - 9, p.value.text, ' text-anchor="middle"'));
    });
  });
  const base = plotTop + plotHeight;
  const labels = model.series[0]?.points.map((p, j) => {
    const short = [...p.label].length > 8 ? `${[...p.label].slice(0, 7).join('')}…` : p.label;
    return text(x(j), base + 18, short, ` text-anchor="end" transform="rotate(-35 ${n(x(j))} ${n(base + 18)})"`);
  });
  parts.push(...(labels ?? []));
  return { body: parts.join(''), height: base + 110 };
}

/** The chart as an SVG element; `id` prefixes the ids its title and description are named by. */
export function dataChartSvg(model: ChartModel, id: string): string {
  const { body, height } = model.kind === 'bar' ? barChart(model) : lineChart(model);
  const unit = model.unit === '%' ? '%' : model.unit;
  return (
    `<svg class="data-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeXml(`${model.title}（单位：${unit}）`)}</title>` +
    `<desc id="${id}-desc">${escapeXml(chartDescription(model))}</desc>` +
    body +
    '</svg>'
  );
}
