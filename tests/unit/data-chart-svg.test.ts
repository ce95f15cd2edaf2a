// CONT-15: the chart of a data release, drawn at build time (src/render/data-chart-svg.ts):
// well-formed SVG, the same bytes every time, named and described for assistive technology,
// with every value in its text alternative.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataTable } from '../../src/content/data-table.ts';
import { dataChartSvg } from '../../src/render/data-chart-svg.ts';
import { chartDescription, chartModel, columnHeader } from '../../src/render/data-release-view.ts';
import { dataReleaseSchema, type DataRelease } from '../../src/schema/data-release.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { parseXml, type XmlElement } from '../helpers/xml.ts';

const fixture = (name: string) => readFileSync(path.join(projectRoot, 'tests', 'fixtures', 'data-release', name));

const indicators: DataRelease = dataReleaseSchema.parse({
  file: 'indicators.csv',
  columns: [{ name: '指标' }, { name: '单位' }, { name: '绝对值', type: 'number', unitColumn: '单位' }, { name: '同比增长（%）', type: 'number', unit: '%' }],
  chart: { kind: 'bar', category: '指标', values: ['同比增长（%）'], title: '主要指标同比增速' },
});
const cpi: DataRelease = dataReleaseSchema.parse({
  file: 'monthly-cpi.json',
  columns: [{ name: '月份' }, { name: '居民消费价格同比涨幅', type: 'number', unit: '%' }],
  chart: { kind: 'line', category: '月份', values: ['居民消费价格同比涨幅'] },
});

function svgOf(release: DataRelease, file: string): string {
  const { table, problems } = readDataTable(fixture(file), release.file.endsWith('.json') ? 'json' : 'csv', release.columns);
  expect(problems).toEqual([]);
  return dataChartSvg(chartModel(release, table)!, 'chart');
}

/** The elements of an SVG in document order, read by a strict XML parser (malformed markup throws). */
function elements(svg: string): XmlElement[] {
  const all: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    all.push(element);
    element.children.forEach(walk);
  };
  walk(parseXml(svg));
  return all;
}

describe('dataChartSvg', () => {
  it.each([
    ['bar', indicators, 'indicators.csv'],
    ['line', cpi, 'monthly-cpi.json'],
  ] as const)('%s chart: well-formed, role="img" named by its title and described by its desc', (_kind, release, file) => {
    const all = elements(svgOf(release, file));
    const svg = all[0]!;
    expect(svg.name).toBe('svg');
    expect(svg.attributes.role).toBe('img');
    expect(svg.attributes['aria-labelledby']).toBe('chart-title chart-desc');
    expect(all.find((e) => e.attributes.id === 'chart-title')?.name).toBe('title');
    expect(all.find((e) => e.attributes.id === 'chart-desc')?.name).toBe('desc');
    // No script and nothing loaded from elsewhere in a chart.
    expect(all.some((e) => e.name === 'script' || e.name === 'foreignObject' || 'href' in e.attributes || 'xlink:href' in e.attributes)).toBe(false);
  });

  it('the same table gives the same bytes (twice, and from a fresh read of the file)', () => {
    const first = svgOf(indicators, 'indicators.csv');
    expect(svgOf(indicators, 'indicators.csv')).toBe(first);
    expect(first).toMatch(/^<svg class="data-chart" [^>]*viewBox="0 0 400 \d+"/);
    // Coordinates are rounded: no long binary fractions that could differ between machines.
    expect(first).not.toMatch(/\d\.\d{2,}/);
  });

  it('the text alternative states every value with its unit, and what is not published', () => {
    const { table } = readDataTable(fixture('indicators.csv'), 'csv', indicators.columns);
    const description = chartDescription(chartModel(indicators, table)!);
    expect(description).toBe('条形图，主要指标同比增速，单位：%。地区生产总值 5.3%，规模以上工业增加值 6.4%，货物进出口总额（含"一般贸易"） 7.2%，城镇居民人均可支配收入 -0.5%。');
    const desc = elements(svgOf(indicators, 'indicators.csv')).find((e) => e.name === 'desc')!;
    expect(desc.text).toBe(description);
    const line = elements(svgOf(cpi, 'monthly-cpi.json'));
    expect(line.find((e) => e.name === 'desc')!.text).toContain('7月 0.2%，8月 -0.1%，9月 未公布，10月 0.4%');
    expect(line.find((e) => e.name === 'title')!.text).toBe('居民消费价格同比涨幅（按月份）（单位：%）');
  });

  it('draws one bar per published value, each with its value as text, and the negative one left of zero', () => {
    const all = elements(svgOf(indicators, 'indicators.csv'));
    const bars = all.filter((e) => e.name === 'rect');
    expect(bars).toHaveLength(4);
    const texts = all.filter((e) => e.name === 'text').map((e) => e.text);
    for (const value of ['5.3%', '6.4%', '7.2%', '-0.5%']) expect(texts).toContain(value);
    const axis = Number(all.find((e) => e.name === 'line')!.attributes.x1);
    const negative = bars[3]!;
    expect(Number(negative.attributes.x) + Number(negative.attributes.width)).toBeCloseTo(axis, 0);
    expect(Number(bars[0]!.attributes.x)).toBeCloseTo(axis, 0);
  });

  it('a line chart marks the published points and breaks its line where a value is not published', () => {
    const all = elements(svgOf(cpi, 'monthly-cpi.json'));
    expect(all.filter((e) => e.name === 'circle')).toHaveLength(3);
    // 7月–8月 joined; 9月 unpublished; 10月 a point on its own.
    const lines = all.filter((e) => e.name === 'polyline');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.attributes.points!.split(' ')).toHaveLength(2);
  });
});

describe('columnHeader', () => {
  it('adds the unit unless the name already ends with it', () => {
    expect(columnHeader({ name: '地区生产总值', type: 'number', unit: '亿元' })).toBe('地区生产总值（亿元）');
    expect(columnHeader({ name: '同比增长（%）', type: 'number', unit: '%' })).toBe('同比增长（%）');
    expect(columnHeader({ name: '指标', type: 'text' })).toBe('指标');
  });
});
