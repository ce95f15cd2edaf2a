// 体裁 (OPEN-01): the kinds of 公文 (党政机关公文处理工作条例 第八条) and of normative documents.
// A module of its own, without zod: the catalogue's pages (src/render/catalogue-pages.ts) list the
// genres in this order, in Astro's process. Append only: the catalogue lists them in this order.
export const GENRES = [
  '决议', '决定', '命令', '令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要',
  '办法', '规定', '规则', '细则', '方案', '规划', '计划', '条例', '指引', '标准', '其他',
] as const;
