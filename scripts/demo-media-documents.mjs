// The demo content's attachments and data files (make-demo-media.mjs): minimal PDF 1.4
// documents written by hand, and UTF-8 CSV files whose figures match the tables in the items.

// ---------------------------------------------------------------------------
// PDFs: minimal PDF 1.4 written by hand, one page per entry, Helvetica, ASCII text.
// ---------------------------------------------------------------------------

function pdfEscape(/** @type {string} */ s) {
  return s.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)');
}

/** @param {string} title @param {string[][]} pages */
export function makePdf(title, pages) {
  // Objects: 1 Catalog, 2 Pages, 3 Font, 4 Info, then per page: Page, Contents
  const objects = [];
  const nPages = pages.length;
  const pageIds = pages.map((_, i) => 5 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${nPages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title (${pdfEscape(title)}) /Producer (govsite make-demo-media) /CreationDate (D:20261122000000+08'00') >>`;
  pages.forEach((lines, i) => {
    const pageId = pageIds[i];
    const contentId = pageId + 1;
    let stream = 'BT\n/F1 16 Tf\n18 TL\n56 780 Td\n';
    lines.forEach((line, j) => {
      if (j === 1) stream += '/F1 11 Tf\n15 TL\n';
      stream += `(${pdfEscape(line)}) Tj T*\n`;
    });
    stream += `ET\nBT\n/F1 9 Tf\n56 40 Td\n(Page ${i + 1} of ${nPages}) Tj\nET\n`;
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`;
    objects[contentId] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`;
  });
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** @type {Array<[string, string, string[][]]>} */
export const pdfs = [
  ['shili/policies/2026-business-environment-opinions/key-tasks.pdf',
    'Key tasks for further optimizing the business environment (Shi Zheng Fa [2026] No. 12)',
    [[
      'Shili Provincial People\'s Government',
      'Annex: Division of key tasks for further optimizing the business environment',
      'Document: Shi Zheng Fa [2026] No. 12, issued 17 November 2026',
      '',
      'No.  Task                                                   Lead unit                  Deadline',
      '1    Enterprise start-up within 1 working day               Government Services Admin.  2026-12',
      '2    Market access negative list, no extra thresholds       Development and Reform      ongoing',
      '3    Simplified deregistration notice cut to 10 days        Market Regulation           2027-03',
      '4    "One thing" services online and at one window          Government Services Admin.  2027-12',
      '5    At least 60 policies granted without application       Government Services Admin.  2026-12',
      '6    At most one inspection per department per year         Market Regulation / Justice ongoing',
      '7    80% of new industrial land as "standard land"          Natural Resources           2027-12',
      '8    Utility connections in one parallel application        Housing and Construction    2027-06',
      '9    Government guarantee fee rate not above 1%             Finance                     2027-06',
      '10   Fair competition review of policy measures             Market Regulation           ongoing',
      '11   Long-term mechanism against late payment to firms      Industry and IT             2027-06',
      '12   No penalty for first minor violations, list system     Justice                     2027-03',
      '13   Enterprises consulted before enterprise policies       Development and Reform      ongoing',
      '',
      'The provincial leading group office reviews progress every six months.',
    ]]],
  ['shili-jyt/services/teacher-qualification/application-guide.pdf',
    'Shili Province teacher qualification: application guide',
    [[
      'Shili Provincial Department of Education',
      'Teacher qualification certification: application guide',
      '',
      '1. Who may apply: citizens meeting the conditions of the Teachers Law.',
      '2. Sessions: spring (April) and autumn (October); see the annual notice.',
      '3. Online application on the provincial government service portal.',
      '4. Documents: identity document; degree certificate (verified online);',
      '   teacher qualification examination result (verified automatically);',
      '   Putonghua level certificate (verified automatically); medical check.',
      '5. Certifying bodies: county bureaus (kindergarten, primary, junior secondary);',
      '   city bureaus (senior secondary, vocational); the Department (higher education).',
      '6. Time limits: decision within 30 working days of acceptance;',
      '   certificate within 20 working days after approval, postage free.',
      '7. Fees: none.',
      '',
      'Enquiries: 0590-12346023 (working days 8:30-17:30) or the 12345 hotline.',
    ]]],
  ['anping/disclosure-reports/2025-annual-report/annual-report-2025.pdf',
    'Anping County People\'s Government: 2025 annual report on government information disclosure',
    [[
      'Anping County People\'s Government',
      '2025 Annual Report on Government Information Disclosure',
      'Reporting period: 1 January 2025 to 31 December 2025',
      '',
      'I. Overview',
      '   Items proactively disclosed on the portal: 4260',
      '   Policy interpretations published: 21; press conferences: 6',
      '',
      'II. Proactive disclosure',
      '   Normative documents: issued 9, repealed 4, in force 57',
      '   Administrative licensing decisions: 3615; penalties: 1182; enforcement: 37',
    ], [
      'III. Requests for disclosure',
      '   New requests: 47; carried over from 2024: 2',
      '   Disclosed: 23; partly disclosed: 5; information not held: 12',
      '   Not processed: 3; other: 2; carried over to 2026: 4',
      '',
      'IV. Administrative reconsideration and litigation',
      '   Reconsideration: 1 (upheld); litigation: 0',
      '',
      'V. Problems and improvements',
      '   Township disclosure pages to be updated monthly; more graphic interpretations.',
      '',
      'VI. Other matters',
      '   No information processing fees were charged in 2025.',
    ]]],
];

// ---------------------------------------------------------------------------
// CSV data files (UTF-8, header row, CRLF-free). Figures match the tables in the items.
// ---------------------------------------------------------------------------

/** @type {Array<[string, string[][]]>} */
export const csvs = [
  ['shili/data/2026-q3-economy/q3-indicators.csv', [
    ['指标', '单位', '绝对值', '同比增长（%）'],
    ['地区生产总值', '亿元', '38562.4', '5.3'],
    ['第一产业增加值', '亿元', '3184.6', '3.8'],
    ['第二产业增加值', '亿元', '14872.9', '5.9'],
    ['第三产业增加值', '亿元', '20504.9', '5.0'],
    ['规模以上工业增加值', '亿元', '', '6.4'],
    ['固定资产投资（不含农户）', '亿元', '', '4.1'],
    ['社会消费品零售总额', '亿元', '15236.8', '5.6'],
    ['货物进出口总额', '亿元', '6215.3', '7.2'],
    ['一般公共预算收入', '亿元', '2836.5', '3.9'],
    ['城镇居民人均可支配收入', '元', '39852', '4.7'],
    ['农村居民人均可支配收入', '元', '17436', '6.2'],
    ['居民消费价格指数（上年同期为100）', '指数', '100.4', '0.4'],
  ]],
  ['shili/data/2026-h1-economy/h1-indicators.csv', [
    ['指标', '单位', '绝对值', '同比增长（%）'],
    ['地区生产总值', '亿元', '24836.2', '5.4'],
    ['第一产业增加值', '亿元', '1526.3', '3.6'],
    ['第二产业增加值', '亿元', '9842.5', '6.0'],
    ['第三产业增加值', '亿元', '13467.4', '5.1'],
    ['社会消费品零售总额', '亿元', '10018.6', '5.3'],
    ['货物进出口总额', '亿元', '4087.9', '6.8'],
    ['城镇居民人均可支配收入', '元', '26513', '4.8'],
    ['农村居民人均可支配收入', '元', '10262', '6.4'],
  ]],
  ['shili/data/2025-statistical-bulletin/bulletin-2025.csv', [
    ['指标', '单位', '数值', '比上年增长（%）'],
    ['地区生产总值', '亿元', '50218.7', '5.5'],
    ['第一产业增加值', '亿元', '4612.4', '3.7'],
    ['第二产业增加值', '亿元', '19365.1', '6.1'],
    ['第三产业增加值', '亿元', '26241.2', '5.2'],
    ['年末常住人口', '万人', '4812', ''],
    ['常住人口城镇化率', '%', '62.3', ''],
    ['粮食总产量', '亿斤', '302.6', '1.2'],
    ['全体居民人均可支配收入', '元', '33860', '5.6'],
    ['城镇新增就业', '万人', '68.4', ''],
    ['城镇调查失业率（平均）', '%', '5.1', ''],
    ['年末基本养老保险参保人数', '万人', '3612', ''],
    ['年末基本医疗保险参保人数', '万人', '4630', ''],
  ]],
  ['shili-jyt/data/2025-education-statistics/education-statistics-2025.csv', [
    ['学段', '学校数（所）', '在校生（万人）', '专任教师（万人）'],
    ['学前教育', '9820', '142.6', '9.8'],
    ['小学', '5960', '398.2', '25.4'],
    ['初中', '2180', '186.7', '15.6'],
    ['普通高中', '486', '98.4', '8.1'],
    ['中等职业教育', '212', '52.3', '3.2'],
    ['普通高等学校', '84', '90.3', '7.1'],
  ]],
  ['anping/data/2026-q3-county-economy/county-q3-indicators.csv', [
    ['指标', '单位', '绝对值', '同比增长（%）'],
    ['地区生产总值', '亿元', '186.4', '5.6'],
    ['第一产业增加值', '亿元', '28.7', '4.1'],
    ['第二产业增加值', '亿元', '72.5', '6.8'],
    ['第三产业增加值', '亿元', '85.2', '5.0'],
    ['社会消费品零售总额', '亿元', '64.8', '5.9'],
    ['一般公共预算收入', '亿元', '9.6', '4.3'],
    ['城镇居民人均可支配收入', '元', '31425', '4.9'],
    ['农村居民人均可支配收入', '元', '16382', '6.5'],
  ]],
];

export function toCsv(/** @type {string[][]} */ rows) {
  const cell = (/** @type {string} */ v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
