// CONT-06: classification marks block publication (指引 二 “严禁涉密信息上网”; 浙 第二十二条
// “严格杜绝泄露国家秘密”). A document carrying a mark — 绝密/机密/秘密 with ★ or 级 and its
// period (“秘密★一年”), a 密级 field, “内部资料 注意保存”, “（此件不予公开）”, “【涉密】” — has
// not been cleared for the public. Ordinary prose about secrecy (“保守国家秘密”, “保密法”,
// “严禁涉密信息上网”, “依法不得公开的信息”, “绝密级国家秘密是最重要的国家秘密”) passes: words like
// 涉密 and 不得公开 count only where they stand as a marking — on a line of their own, in
// brackets, after “此件/本件”, or followed by a handling instruction (注意保存, 请勿外传…).
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { attachmentRuns, unreadAttachments } from './support/attachment-text.ts';
import { bodyRuns, fieldRuns, inRun, matchesIn, report, reportInRun, type TextRun } from './support/text.ts';

const LEVEL = '(?:绝密|机密|秘密)';
/** A level with the star split by one space, as text copied out of a PDF often is (“机 密★1年”): the star makes it a mark all the same. */
const SPLIT_LEVEL = '(?:[绝机秘][ \\t\\u3000]?密)';
const PERIOD = '(?:\\s*(?:[0-9０-９]+|[一二三四五六七八九十两]+)\\s*(?:年|个月|月)|\\s*长期)?';
const HANDLING = '(?:注意保存|注意保密|妥善保管|请勿外传|严禁外传|不得外传|不准外传|请勿转发|严禁转发|不得转发|不得翻印|严禁翻印|不得复制|严禁复制|阅后收回|用后收回|阅后退回)';
const INTERNAL = '(?:内部资料|内部文件|内部材料|内部刊物|内部发行|内部明电|仅供内部(?:参考|使用|传阅|交流)|仅限内部(?:参考|使用|传阅))';
/** Words that are a marking when they stand alone or in brackets. */
const STRONG = `(?:${INTERNAL}|内部参考|内部使用|内部传阅|不得公开|${LEVEL}\\s*级)`;
/** …and words that are one only outside lists (“- 绝密 三十年” lists the levels; “- 涉密” is a category). */
const WEAK = `(?:涉密|${LEVEL})`;
const STANDALONE = `(?:${STRONG}|${WEAK})`;

/**
 * Words after “机密级” that show the text is about the classification system, not marking a
 * document — including a definition (“（一）绝密级：是最重要的国家秘密”, “机密级是重要的国家秘密”).
 */
const PROSE_AFTER_LEVEL = /^\s*(?:[:：，,]?\s*(?:是|指|即)|国家秘密|事项|以上|以下|及以上|及以下|的|和|或|与|及|、|载体|涉密|范围|标准|期限|人员|岗位|计算机|信息系统|网络|设备|文件的|资料的|不超过|保密期限|别|管理|保管|要求|规定|处理|标准管理)/;
/**
 * …and words before it: a listing, an enumerated item of one (“（二）机密级。泄露会使……”), or the
 * text says how something is or was handled (“解除绝密级管理”, “按照机密级管理”).
 */
const LIST_BEFORE_LEVEL = /(?:[、和或与及]|定为|列为|属于|分为|划为|确定为|解除|按照|按|参照|比照|依照|作为|降为|升为|变更为|调整为|降低为|(?:^|\n)\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、]))\s*$/;

interface Mark {
  index: number;
  text: string;
}

const OPEN_QUOTE = '“‘「『"';
const CLOSE_QUOTE = '”’」』"';
/** Quoted marks in a row (“绝密★”“机密★”、“秘密★”) and what may stand between them. */
const MORE_QUOTED_BEFORE = /(?:[“‘「『"][^“”‘’「」『』"\n]{1,12}[”’」』"][、，,和与及或\s]*)+$/;
const MORE_QUOTED_AFTER = /^(?:[、，,和与及或\s]*[“‘「『"][^“”‘’「」『』"\n]{1,12}[”’」』"])+/;
/** Before quoted marks: the text speaks of documents bearing them (“标有‘秘密★’的文件”). */
const MENTION_BEFORE = /(?:标有|标注|标明|标示|标记|印有|带有|注有|含有|加盖|出现|使用|去掉|删去|删除|撤销|写有)\s*$/;
/** After quoted marks: …or names them as marks (“‘机密★’等密级标志”, “‘绝密★’字样”). */
const MENTION_AFTER = /^\s*(?:等)?\s*(?:密级|国家秘密)?\s*(?:标志|标识|字样|标记|符号)/;

/**
 * A mark written in quotes as the thing spoken of, not on the document: “检查是否有标有‘绝密★’
 * ‘机密★’等密级标志的文件上网” (保密检查通知). The quotes alone are not enough (“机密★一年” in
 * quotes still marks a passage): the sentence must say it is about such marks.
 */
function quotedMention(text: string, index: number, length: number): boolean {
  if (!OPEN_QUOTE.includes(text[index - 1] ?? '') || !CLOSE_QUOTE.includes(text[index + length] ?? '')) return false;
  let before = text.slice(0, index - 1);
  before = before.slice(0, before.length - (MORE_QUOTED_BEFORE.exec(before)?.[0].length ?? 0));
  let after = text.slice(index + length + 1);
  after = after.slice(MORE_QUOTED_AFTER.exec(after)?.[0].length ?? 0);
  return MENTION_BEFORE.test(before) || MENTION_AFTER.test(after);
}

function findMarks(run: TextRun): Mark[] {
  const text = run.text;
  const marks: Mark[] = [];
  const add = (index: number, found: string) => marks.push({ index, text: found.trim().replace(/[\s　，,、。:：]+$/, '') });

  // 秘密★一年, 机密 ☆ 10年, 绝密★长期
  for (const m of matchesIn(text, new RegExp(`${SPLIT_LEVEL}\\s*[★☆⭐✩✪✫✬✭✮✯*＊]${PERIOD}`))) {
    if (!quotedMention(text, m.index, m[0].length)) add(m.index, m[0]);
  }
  // 机密级 as a mark; “绝密级、机密级和秘密级”, “机密级国家秘密” are prose about the system.
  for (const m of matchesIn(text, new RegExp(`${LEVEL}\\s*级${PERIOD}`))) {
    const after = text.slice(m.index + m[0].length);
    const before = text.slice(0, m.index);
    if (PROSE_AFTER_LEVEL.test(after) || LIST_BEFORE_LEVEL.test(before)) continue;
    add(m.index, m[0]);
  }
  // 密级：机密 (a document's classification field)
  for (const m of matchesIn(text, new RegExp(`密\\s*级\\s*[:：]\\s*(?:${LEVEL}|核心|重要|内部)`))) add(m.index, m[0]);
  // （此件不予公开）, 本文件涉密, 此件仅供内部使用
  for (const m of matchesIn(text, /(?:此件|本件|本文件|本材料|本资料)\s*(?:不予公开|不公开|不得公开|不宜公开|涉密|属于?国家秘密|仅供内部(?:参考|使用|传阅)|内部(?:使用|参考|传阅))/)) add(m.index, m[0]);
  // 内部资料 注意保存, 内部文件，请勿外传 — where a mark stands: at the start of a line or clause, not
  // as the object of a sentence (“严格管理内部文件，不得外传” is a rule about such files).
  for (const m of matchesIn(text, new RegExp(`(?<=^|[\\s　（(【〔\\[［「『:：])${INTERNAL}[\\s，,、。]*${HANDLING}`))) add(m.index, m[0]);
  // 【内部资料】, （涉密）, [机密]
  for (const m of matchesIn(text, new RegExp(`[【〔\\[［（(「『]\\s*(?:${STANDALONE}|注意保密)(?:[\\s，,、]*${HANDLING})?${PERIOD}\\s*[】〕\\]］）)」』]`))) add(m.index, m[0]);
  // A line of its own made only of markings: “内部资料”, “涉密”, “机密”, “不得公开”, “内部资料 注意保存”.
  // Handling words alone (“- 妥善保管” in a guide) are not a marking; in a list item only the strong ones count.
  if (run.block !== 'tableCell' && run.block !== 'code') {
    const onlyMarks = new RegExp(`^[\\s　]*(?:(?:${STANDALONE}|${HANDLING})${PERIOD}[\\s　，,、。:：★☆*＊]*)+$`);
    const needed = new RegExp(run.block === 'listItem' ? STRONG : `${STANDALONE}|注意保密`);
    let offset = 0;
    for (const line of text.split('\n')) {
      if (line.trim() && onlyMarks.test(line) && needed.test(line)) add(offset + line.search(/\S/), line);
      offset += line.length + 1;
    }
  }
  // One report per place: drop marks inside an earlier, longer one.
  marks.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  return marks.filter((mark, i) => !marks.slice(0, i).some((m) => mark.index >= m.index && mark.index < m.index + m.text.length));
}

export default function remarkNoClassifiedMarks() {
  return (tree: Root, file: VFile) => {
    const runs = [...fieldRuns(file.data.govsite?.frontMatter, ['title', 'description', 'attachments']), ...bodyRuns(tree, file), ...attachmentRuns(file)];
    for (const run of runs) {
      for (const mark of findMarks(run)) {
        reportInRun(file, run, mark.index, {
          ruleId: 'CONT-06',
          reason: `${inRun(run)}有密级或内部标志“${mark.text}”：标有密级、“内部资料”“不得公开”等的文件不得在政府网站发布（严禁涉密信息上网）`,
          note: '立即停止发布，报本单位保密审查：未解密或不宜公开的，删除这篇内容；已依法解密、经保密审查同意公开的，删去该标志后再发布',
        });
      }
    }
    // Said once, here, for both rules that read attachments (CONT-06 and CONT-07).
    for (const unread of unreadAttachments(file)) {
      report(
        file,
        {
          ruleId: 'CONT-06',
          severity: 'warn',
          reason: `${unread.label}的文字无法读取（${unread.reason}），其中是否有密级标志（CONT-06）和个人信息（CONT-07）未经检查`,
          note: '请人工打开该附件核对；如能从原文件重新导出（如另存为 PDF，不加密，嵌入字体），替换后再构建即可自动检查',
        },
        { field: unread.field },
      );
    }
  };
}
