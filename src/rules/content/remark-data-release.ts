// CONT-15: a data release (数据发布, 数据开放) comes as a machine-readable file (指引 四(一)7-8:
// “以机器可读的数据格式”; “动态生成数据图表，并提供下载功能”). An item of such a column names
// its file and the file's columns in `data` (src/schema/data-release.ts, whose own issues are
// CONT-15's too); here the file itself is read (src/content/data-table.ts, the same reading the
// page's table and chart are made from) and every problem is an error at `data.file`:
//   - no `data` in a 数据发布/数据开放 column, or a single-file item (its file has no folder);
//   - the file missing, too large for a page, or not readable as its format: an open quote,
//     a row with more or fewer cells than the header, bad JSON;
//   - a header (CSV) or record keys (JSON) that are not the columns described, a number column
//     with a cell that is not a number, a value whose unit column is empty.
// A name out of the folder or through a link is SEC-01/SEC-07's (remark-local-files.ts).
// Expired data (validUntil) depends on the build's date: data-release-expiry.ts.
import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { DATA_FILE_MAX_BYTES, readDataRelease } from '../../content/data-release-file.ts';
import { formatBytes } from '../../security/limits.ts';
import { report } from './support/text.ts';

/** Column types whose items publish data (ColumnType values, site-schema.ts). */
export const DATA_COLUMN_TYPES: readonly string[] = ['数据发布', '数据开放'];
/** Beyond this many problems in one file, the rest are counted: the first ones show what is wrong. */
const MAX_REPORTED = 10;

const EXAMPLE = 'data: { file: q3-indicators.csv, columns: [{ name: 指标 }, { name: 同比增长, type: number, unit: "%" }] }';

export default function remarkDataRelease() {
  return (_tree: Root, file: VFile) => {
    const context = file.data.govsite;
    if (!context) return;
    const columnId = context.file.split('/')[2];
    const column = context.site.columns.find((c) => c.id === columnId);
    const release = context.frontMatter.data;
    if (!release) {
      if (column && DATA_COLUMN_TYPES.includes(column.type.trim())) {
        report(
          file,
          {
            ruleId: 'CONT-15',
            reason: `“${column.name}”是${column.type.trim()}栏目，但这篇内容没有提供机器可读的数据文件（data）：数据要能下载、由程序读取，页面的表格和图表由它生成`,
            note: `把数据存成 CSV（UTF-8，第一行是表头）放进条目文件夹，在前置信息中写明文件和各列，例如 ${EXAMPLE}；详见 docs/rules.md 的 CONT-15`,
          },
          { field: ['data'] },
        );
      }
      return;
    }
    const where = { field: ['data', 'file'] };
    if (path.basename(context.absoluteFile) !== 'index.mdx') {
      report(file, { ruleId: 'CONT-15', reason: `数据文件“${release.file}”要放在条目自己的文件夹里，但这篇内容是单个文件`, note: `把 ${path.basename(context.file)} 改为文件夹 ${path.basename(context.file, '.mdx')}/index.mdx，数据文件放在同一文件夹中` }, where);
      return;
    }
    const result = readDataRelease(path.dirname(context.absoluteFile), release);
    if (result.state === 'refused') return;
    if (result.state === 'missing') {
      report(file, { ruleId: 'CONT-15', reason: `数据文件“${release.file}”不存在`, note: '把数据文件放进条目文件夹（与 index.mdx 同一文件夹），文件名与 data.file 一致（区分大小写）' }, where);
      return;
    }
    if (result.state === 'too-large') {
      report(file, { ruleId: 'CONT-15', reason: `数据文件“${release.file}”有 ${formatBytes(result.bytes)}，超过了页面表格能展示的 ${formatBytes(DATA_FILE_MAX_BYTES)}`, note: '页面只展示汇总数据；完整的数据集作为附件（attachments）提供下载' }, where);
      return;
    }
    for (const problem of result.problems.slice(0, MAX_REPORTED)) {
      report(file, { ruleId: 'CONT-15', reason: `数据文件“${release.file}”${problem.where}：${problem.reason}`, note: problem.fix }, where);
    }
    if (result.problems.length > MAX_REPORTED) {
      report(file, { ruleId: 'CONT-15', reason: `数据文件“${release.file}”还有 ${result.problems.length - MAX_REPORTED} 处问题未列出`, note: '改正上面列出的问题后再检查一次' }, where);
    }
  };
}
