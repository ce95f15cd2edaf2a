// CONT-09: serious wording errors (严重表述错误, 浙 第十七条、第二十二条; 普查). Three checks:
//   - wrong forms of official names and titles from the platform-maintained data/official-names.yaml
//     (中华人民共合国 → 中华人民共和国), each an error with the correct form in the fix;
//   - the year brackets of a document number (文号) must be 六角括号 〔〕 (GB/T 9704):
//     国发[2024]1号, 国发（2024）1号, 国发【2024】1号 → 国发〔2024〕1号;
//   - the configurable data/sensitive-words.yaml: a hit warns, it does not block publication.
// Checked in the body and in the published front-matter fields (title, description, source, issuer,
// docNumber, keywords, attachment titles).
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { loadDataFile } from './support/data-files.ts';
import { bodyRuns, fieldRuns, inRun, matchesIn, reportInRun, type TextRun } from './support/text.ts';

export const officialNamesSchema = z.strictObject({
  names: z
    .array(
      z.strictObject({
        wrong: z.string().min(2),
        right: z.string().min(1),
        note: z.string().optional(),
        /** Words that, just before the wrong form, show it is not one (“20多个国家总理”: 国家 belongs to 个). */
        notAfter: z.array(z.string().min(1)).default([]),
      }),
    )
    .default([]),
});

export const sensitiveWordsSchema = z.strictObject({
  words: z
    .array(z.union([z.string().min(1), z.strictObject({ word: z.string().min(1), suggestion: z.string().optional() })]))
    .nullish()
    .transform((words) => words ?? []),
});

const FIELDS = ['title', 'description', 'source', 'issuer', 'docNumber', 'keywords', 'attachments'];

const YEAR_IN_BRACKETS = '\\s*([[［【(（﹝〈<{｛])\\s*((?:19|20)\\d{2})\\s*([\\]］】)）﹞〉>}｝])\\s*(第?\\d{1,5})\\s*号';
/**
 * 〔2024〕 written with other brackets after an issuing organ's code. In running text: square
 * brackets after any Chinese characters (示教基[2026]3号), round ones only after a code ending in
 * 发/办/函/字/令/电 (国发(2024)1号) — so that 审图号 GS京(2023)0456号 and 编号（2024）第3号 pass.
 * In the docNumber field everything is a document number.
 */
const DOC_NUMBER_SQUARE = new RegExp(`(?<=[\\u4e00-\\u9fa5])(?=\\s*[[［【﹝])${YEAR_IN_BRACKETS}`);
const DOC_NUMBER_ROUND = new RegExp(`(?<=[\\u4e00-\\u9fa5][发办函字令电])${YEAR_IN_BRACKETS}`);
const DOC_NUMBER_FIELD = new RegExp(`(?<=\\S)${YEAR_IN_BRACKETS}`);

interface Hit {
  index: number;
  length: number;
  text: string;
  right: string;
  note?: string;
}

function nameHits(text: string, names: z.output<typeof officialNamesSchema>['names']): Hit[] {
  // A correct form that contains the wrong one (at the same place) is not a hit.
  const rights = names.map((n) => n.right.replace(/（.*?）/g, ''));
  const hits: Hit[] = [];
  for (const { wrong, right, note, notAfter } of names) {
    for (let index = text.indexOf(wrong); index !== -1; index = text.indexOf(wrong, index + 1)) {
      const before = text.slice(0, index);
      if (notAfter.some((word) => before.endsWith(word))) continue;
      const insideRight = rights.some((r) => {
        if (r.length <= wrong.length || !r.includes(wrong)) return false;
        for (let at = r.indexOf(wrong); at !== -1; at = r.indexOf(wrong, at + 1)) {
          if (text.slice(index - at, index - at + r.length) === r) return true;
        }
        return false;
      });
      if (!insideRight) hits.push({ index, length: wrong.length, text: wrong, right, note });
    }
  }
  // Overlapping entries (人大代表大会 inside 全国人大代表大会): keep the longer.
  hits.sort((a, b) => a.index - b.index || b.length - a.length);
  return hits.filter((hit, i) => !hits.slice(0, i).some((h) => hit.index < h.index + h.length && h.index < hit.index + hit.length));
}

function docNumberHits(text: string, isDocNumberField: boolean): Hit[] {
  const hits: Hit[] = [];
  const found = isDocNumberField ? [...matchesIn(text, DOC_NUMBER_FIELD)] : [...matchesIn(text, DOC_NUMBER_SQUARE), ...matchesIn(text, DOC_NUMBER_ROUND)];
  const unique = found.filter((m, i) => found.findIndex((other) => other.index === m.index) === i);
  for (const m of unique.sort((a, b) => a.index - b.index)) {
    // The organ's code: the Chinese characters just before the bracket (at most 6).
    let code = /[\u4e00-\u9fa5]{1,6}$/.exec(text.slice(0, m.index))?.[0] ?? '';
    // …without the words that lead into it: “文号国发” → “国发”, “印发晋政办发” → “晋政办发”.
    const lead = /^.*(?:文号|印发|转发|根据|依据|按照|参照|的|和|及|与|是|为|见|即)/.exec(code);
    if (lead && lead[0].length < code.length) code = code.slice(lead[0].length);
    const [, , year, , serial] = m;
    hits.push({ index: m.index - code.length, length: code.length + m[0].length, text: code + m[0].trim(), right: `${code}〔${year}〕${serial}号` });
  }
  return hits;
}

export default function remarkNoWrongOfficialNames() {
  return (tree: Root, file: VFile) => {
    const { names } = loadDataFile(file, 'official-names.yaml', officialNamesSchema);
    const { words } = loadDataFile(file, 'sensitive-words.yaml', sensitiveWordsSchema);
    const runs: TextRun[] = [...fieldRuns(file.data.govsite?.frontMatter, FIELDS), ...bodyRuns(tree, file)];
    for (const run of runs) {
      for (const hit of nameHits(run.text, names)) {
        reportInRun(file, run, hit.index, {
          ruleId: 'CONT-09',
          reason: `${inRun(run)}“${hit.text}”是错误写法，规范名称为“${hit.right}”（严重表述错误）`,
          note: `把“${hit.text}”改为“${hit.right}”${hit.note ? `（${hit.note}）` : ''}`,
        });
      }
      for (const hit of docNumberHits(run.text, run.field?.[0] === 'docNumber')) {
        reportInRun(file, run, hit.index, {
          ruleId: 'CONT-09',
          reason: `${inRun(run)}文号“${hit.text}”的年份括号用错了：文号中的年份应使用六角括号〔〕（GB/T 9704）`,
          note: `改为“${hit.right}”（可直接复制这里的〔〕；输入法中输入“六角括号”或“kuohao”也可选到）`,
        });
      }
      for (const entry of words) {
        const { word, suggestion } = typeof entry === 'string' ? { word: entry, suggestion: undefined } : entry;
        for (const m of matchesIn(run.text, new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))) {
          reportInRun(file, run, m.index, {
            ruleId: 'CONT-09',
            severity: 'warn',
            reason: `${inRun(run)}有敏感词“${word}”（平台敏感词表 data/sensitive-words.yaml）`,
            note: suggestion ?? '请编辑和审核人再确认这里的用词是否恰当，必要时改用规范表述；确认无误可以保留（这是提醒，不阻止发布）',
          });
        }
      }
    }
  };
}
