// Icons of the home page's service and interaction entries (EntryTiles.astro): one drawing per
// kind of matter, chosen by words in the entry's title, so the tiles can be told apart at a glance
// by readers who read slowly. Each is a 24×24 path drawn in the text colour (it survives high
// contrast) and hidden from screen readers: the label says everything.
const ICONS: Array<[RegExp, string]> = [
  [/社保|社会保障|医保|医疗|养老|退休/, 'M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2v10h14V7zm2 2h4v4H7zm6 0h4v2h-4zm0 3h4v2h-4z'],
  [/不动产|住房|房屋|公积金/, 'M12 3 2 11h3v9h5v-6h4v6h5v-9h3z'],
  [/企业|开办|营业执照|市场主体|经营/, 'M9 4h6a2 2 0 0 1 2 2v1h3a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h3V6a2 2 0 0 1 2-2zm0 3h6V6H9zm-4 2v4h14V9zm0 6v3h14v-3z'],
  [/教育|入学|学校|考试|招生/, 'M12 3 1 9l11 6 9-4.9V17h2V9zm-7 9.2V16l7 4 7-4v-3.8l-7 3.8z'],
  [/户籍|身份证|户口|出入境/, 'M12 4a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm0 10c4.4 0 8 2 8 4.5V20H4v-1.5C4 16 7.6 14 12 14z'],
  [/咨询|留言|投诉|信箱/, 'M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H9l-5 4v-4H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm3 4v2h10V8zm0 4v2h7v-2z'],
  [/征集|调查|意见/, 'M9 2h6v2h3a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3zm0 2v2h6V4zm-1 6v2h8v-2zm0 4v2h8v-2z'],
  [/访谈|直播|发布会/, 'M12 2a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V5a3 3 0 0 1 3-3zM6 10h2a4 4 0 0 0 8 0h2a6 6 0 0 1-5 5.9V19h3v2H8v-2h3v-3.1A6 6 0 0 1 6 10z'],
  [/12345|热线|电话/, 'M6.6 2.5 9.5 5.4 7.8 8.3a12 12 0 0 0 7.9 7.9l2.9-1.7 2.9 2.9-1.9 3.6C12.4 20.6 3.4 11.6 3 4.4z'],
];
/** A document: the default for a matter no drawing fits. */
const DOCUMENT = 'M6 2h8l5 5v14a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm7 1.5V8h4.5zM8 11v2h8v-2zm0 4v2h8v-2z';

export function entryIcon(title: string): string {
  return ICONS.find(([words]) => words.test(title))?.[1] ?? DOCUMENT;
}
