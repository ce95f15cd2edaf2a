// The content rules of the governance checker (CONT-06 … CONT-16 except CONT-11, which has its own
// tests), each dropped into a copy of the valid `mini` platform and loaded as `validate` does:
// the finding names the file, the file line (the body starts after the front matter) and
// column, the rule, what is wrong and how to fix it — and ordinary government text passes.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadPlatform, loadSite } from '../../src/rules/load-site.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { advertisingSchema } from '../../src/rules/content/remark-no-advertising.ts';
import { officialNamesSchema, sensitiveWordsSchema } from '../../src/rules/content/remark-no-wrong-official-names.ts';
import { iframeHostsSchema } from '../../src/rules/content/remark-mdx-allowlist.ts';
import { subjectsSchema } from '../../src/rules/content/remark-disclosure-fields.ts';
import { copyPlatform, readText, removePlatform, writeText } from '../helpers/platform.ts';
import { makeCjkPdf } from '../helpers/pdf.ts';
import { makeZip } from '../helpers/zip.ts';

const CONTENT_RULES = ['CONT-06', 'CONT-07', 'CONT-08', 'CONT-09', 'CONT-10', 'CONT-12', 'CONT-16'];

let root: string;
beforeEach(() => {
  root = copyPlatform('mini');
});
afterEach(() => removePlatform(root));

const ITEM = 'content/alpha/news/test-item.mdx';
/** Line 7 of the file is the blank line after the front matter: the body's first text line is file line 8. */
const BODY = 8;

/** A news item with the usual front matter (title on line 2) plus `extra` lines, and `body`. */
function writeItem(body: string, options: { title?: string; extra?: string; file?: string } = {}): string {
  const file = options.file ?? ITEM;
  const title = options.title ?? '测试市政务公开工作动态';
  writeText(root, file, `---\ntitle: ${title}\npubDate: 2026-11-21 10:00\nsource: 测试市人民政府办公室\nreviewedBy: 刘敏\n${options.extra ?? ''}---\n\n${body}\n`);
  return file;
}

async function findings(ruleId?: string): Promise<Diagnostic[]> {
  const loaded = await loadSite(root, 'alpha');
  return loaded.diagnostics.filter((d) => (ruleId ? d.ruleId === ruleId : CONTENT_RULES.includes(d.ruleId)));
}

function only(diagnostics: Diagnostic[]): Diagnostic {
  expect(diagnostics, diagnostics.map(formatDiagnostic).join('\n')).toHaveLength(1);
  return diagnostics[0]!;
}

function none(diagnostics: Diagnostic[]): void {
  expect(diagnostics, diagnostics.map(formatDiagnostic).join('\n')).toEqual([]);
}

describe('the valid fixture and the demo platform', () => {
  it('the mini fixture has no content-rule findings', async () => {
    none(await findings());
  });

  it('the demo platform has no content-rule findings, errors or warnings (no false alarms)', async () => {
    const platform = await loadPlatform(projectRoot);
    const all = [...platform.values()].flatMap((site) => site.diagnostics).filter((d) => CONTENT_RULES.includes(d.ruleId));
    none(all);
  });
});

describe('CONT-06 classification marks', () => {
  it('blocks a body with 机密★一年 at its line and column', async () => {
    writeItem('本页为测试。\n\n附件材料　机密★一年');
    const d = only(await findings('CONT-06'));
    expect(d).toMatchObject({ ruleId: 'CONT-06', severity: 'error', file: ITEM, line: BODY + 2, column: 6 });
    expect(d.message).toContain('“机密★一年”');
    expect(d.message).toContain('不得在政府网站发布');
    expect(d.fix).toContain('保密审查');
    expect(d.fix).toContain('删除这篇内容');
  });

  it('blocks a 内部资料 mark in the title, at the title field', async () => {
    writeItem('正文。', { title: '关于做好冬季供暖工作的通知（内部资料）' });
    const d = only(await findings('CONT-06'));
    expect(d).toMatchObject({ file: ITEM, line: 2, column: 8, field: 'title' });
    expect(d.message).toContain('标题中有密级或内部标志“（内部资料）”');
  });

  it('blocks 内部资料 standing on a line of its own in the description', async () => {
    writeItem('正文。', { extra: 'description: 内部资料 注意保存\n' });
    const d = only(await findings('CONT-06'));
    expect(d).toMatchObject({ line: 6, field: 'description' });
    expect(d.message).toContain('内部资料 注意保存');
  });

  it('lets ordinary prose about secrecy pass', async () => {
    writeItem(
      [
        '各单位要严格落实《中华人民共和国保守国家秘密法》，保守国家秘密，建立保密审查机制，严禁涉密信息上网。',
        '',
        '依法确定为国家秘密的政府信息，以及法律、行政法规禁止公开的政府信息，不予公开；依法不得公开的信息不得上网。',
        '',
        '国家秘密的密级分为绝密、机密、秘密三级。绝密级国家秘密是最重要的国家秘密。',
        '',
        '政府内部办文、办会、办事全流程线上运转。（此件公开发布）',
        '',
        '| 处理结果 | 件数 |',
        '| --- | --- |',
        '| 不予公开 | 3 |',
      ].join('\n'),
    );
    none(await findings('CONT-06'));
  });
});

describe('CONT-07 personal data', () => {
  const ID = '310101199001011234';

  it('blocks a valid resident ID number, quoting it masked', async () => {
    writeItem(`经审核，拟对以下人员给予临时救助：\n\n王某，身份证号 ${ID}，救助金额 2000 元。`);
    const d = only(await findings('CONT-07'));
    expect(d).toMatchObject({ ruleId: 'CONT-07', severity: 'error', file: ITEM, line: BODY + 2, column: 9 });
    expect(d.message).toContain('身份证号码“3101**********1234”');
    expect(`${d.message}${d.fix}`).not.toContain(ID);
    expect(d.fix).toContain('privacyReviewed: { by:');
  });

  it('blocks a mobile number in the title, at the title field', async () => {
    writeItem('正文。', { title: '请联系张老师 13812345678' });
    const d = only(await findings('CONT-07'));
    expect(d).toMatchObject({ line: 2, field: 'title' });
    expect(d.message).toContain('手机号码“138****5678”');
    expect(d.message).not.toContain('13812345678');
    expect(d.fix).toContain('办公电话');
  });

  it('blocks a bank card number with a valid Luhn digit', async () => {
    writeItem('补助资金打入银行卡 6222 0212 3456 7890 128。');
    const d = only(await findings('CONT-07'));
    expect(d).toMatchObject({ line: BODY, column: 11 });
    expect(d.message).toContain('银行卡号“6222***********0128”');
  });

  it('lets the same data pass once the item records a privacy review', async () => {
    writeItem(`王某，身份证号 ${ID}，手机 13812345678。`, { extra: 'privacyReviewed: { by: 王芳, date: 2026-11-20 }\n' });
    none(await findings('CONT-07'));
  });

  it('lets ordinary numbers pass: 18-digit order numbers, a landline, 12345, a Luhn-invalid card-like number', async () => {
    writeItem(
      [
        '订单编号 202611210000123456，统一社会信用代码 91350100MA2YQ1234X，项目编号 310101199001011235。',
        '',
        '咨询电话：0590-12345678，或拨打 12345 政务服务便民热线，传真 (0590) 87654321。',
        '',
        '专项资金编号 6217001234567890，全年 GDP 13912345678.5 万元，手机号码已打码为 138****5678。',
      ].join('\n'),
    );
    none(await findings('CONT-07'));
  });
});

describe('CONT-08 advertising', () => {
  it('blocks an ad phrase at its line and column', async () => {
    writeItem('本店新品上市，扫码领红包，数量有限。');
    const d = only(await findings('CONT-08'));
    expect(d).toMatchObject({ ruleId: 'CONT-08', severity: 'error', file: ITEM, line: BODY, column: 8 });
    expect(d.message).toContain('商业广告用语“扫码领红包”');
    expect(d.fix).toContain('删除这段推销内容');
  });

  it('blocks a link to an ad network and a tracking script', async () => {
    writeItem('详见[优惠活动](https://ad.doubleclick.net/click?id=1)。\n\n<script src="https://hm.baidu.com/hm.js?abc"></script>');
    const found = await findings('CONT-08');
    expect(found.map((d) => [d.line, d.column])).toEqual([
      [BODY, 3],
      [BODY + 2, 9],
    ]);
    expect(found[0]!.message).toContain('doubleclick.net');
    expect(found[1]!.message).toContain('<script> 嵌入了来自广告或访问跟踪服务“hm.baidu.com”');
    // The script is also outside the MDX allowlist.
    expect((await findings('CONT-16')).map((d) => d.line)).toEqual([BODY + 2]);
  });

  it('lets a policy on 广告监管 pass', async () => {
    writeItem(
      [
        '为加强广告监管，规范互联网广告投放行为，查处虚假违法广告，制定本办法。',
        '',
        '市场监管部门依法查处发布虚假广告、违规发放“优惠券”诱导消费等行为。',
        '',
        '警惕“扫码领红包”“兼职刷单”等网络诈骗。市商务局联合银行发放汽车消费优惠券。',
      ].join('\n'),
      { title: '测试市互联网广告监督管理办法' },
    );
    none(await findings('CONT-08'));
  });
});

describe('CONT-09 wrong official names and sensitive words', () => {
  it('blocks a wrong form of an official name with the correct form in the fix', async () => {
    writeItem('根据中华人民共合国有关法律规定，制定本办法。');
    const d = only(await findings('CONT-09'));
    expect(d).toMatchObject({ ruleId: 'CONT-09', severity: 'error', file: ITEM, line: BODY, column: 3 });
    expect(d.message).toContain('“中华人民共合国”是错误写法');
    expect(d.fix).toBe('把“中华人民共合国”改为“中华人民共和国”');
  });

  it('blocks square brackets in a document number, in the docNumber field and in the body', async () => {
    writeItem('依据《国务院关于加强数字政府建设的指导意见》（国发[2022]14号）。', { extra: 'docNumber: 测政发[2026]9号\n' });
    const [field, body] = await findings('CONT-09');
    expect(field).toMatchObject({ line: 6, field: 'docNumber' });
    expect(field!.message).toContain('文号“测政发[2026]9号”的年份括号用错了');
    expect(field!.fix).toContain('改为“测政发〔2026〕9号”');
    expect(body).toMatchObject({ line: BODY + 1, column: 24 });
    expect(body!.fix).toContain('国发〔2022〕14号');
  });

  it('lets correct names and document numbers pass', async () => {
    writeItem('全国人民代表大会常务委员会、全国人大常委会、中国人民政治协商会议全国委员会、国务院办公厅联合发文（国办发〔2024〕5号）。乡人民代表大会主席。', {
      extra: 'docNumber: 测政发〔2026〕9号\n',
    });
    none(await findings('CONT-09'));
  });

  it('warns (does not block) on a word of the platform sensitive-word list', async () => {
    writeText(root, 'data/sensitive-words.yaml', 'words:\n  - { word: 示例敏感词, suggestion: 改用规范表述 }\n');
    writeItem('这里有一个示例敏感词。');
    const d = only(await findings('CONT-09'));
    expect(d).toMatchObject({ severity: 'warn', line: BODY, column: 6 });
    expect(d.message).toContain('敏感词“示例敏感词”');
    expect(d.fix).toBe('改用规范表述');
    expect((await loadSite(root, 'alpha')).model).toBeDefined();
  });
});

describe('CONT-10 map review number', () => {
  const FOLDER = 'content/alpha/news/city-map';
  beforeEach(() => {
    writeText(root, `${FOLDER}/map.png`, readFileSync(path.join(root, 'content/alpha/policies/open-data-rules/hall.png')));
  });

  it('passes a MapImage with a national, a national-provincial and a provincial review number', async () => {
    writeItem(
      [
        '<MapImage src="./map.png" alt="测试市行政区划图" reviewNumber="GS(2024)1234号" />',
        '',
        '<MapImage src="./map.png" alt="测试市交通图" reviewNumber="GS京(2023)0456号" />',
        '',
        '<MapImage src="./map.png" alt="测试市区位图" reviewNumber="示S（2024）012号" />',
        '',
        '![示例市便民服务网点分布的电子地图，审图号：示S(2024)012号](./map.png)',
      ].join('\n'),
      { file: `${FOLDER}/index.mdx` },
    );
    none(await findings());
  });

  it('blocks a MapImage without reviewNumber and one with a malformed number', async () => {
    writeItem('<MapImage src="./map.png" alt="测试市行政区划图" />\n\n<MapImage src="./map.png" alt="测试市行政区划图" reviewNumber="2024-1234" />', {
      file: `${FOLDER}/index.mdx`,
    });
    const [missing, malformed] = await findings('CONT-10');
    expect(missing).toMatchObject({ file: `${FOLDER}/index.mdx`, line: BODY, column: 1 });
    expect(missing!.message).toContain('没有审图号（reviewNumber）');
    expect(missing!.fix).toContain('reviewNumber="GS(2024)1234号"');
    expect(malformed).toMatchObject({ line: BODY + 2, column: 1 });
    expect(malformed!.message).toContain('审图号“2024-1234”格式不对');
  });

  it('blocks a Markdown map image without 审图号 and tells the editor to use MapImage', async () => {
    writeItem('全市行政区划如下：\n\n![测试市行政区划地图](./map.png)', { file: `${FOLDER}/index.mdx` });
    const d = only(await findings('CONT-10'));
    expect(d).toMatchObject({ line: BODY + 2, column: 1 });
    expect(d.message).toContain('是地图（替代文本或标题中有“地图”）');
    expect(d.fix).toContain('<MapImage src="./map.png" alt="测试市行政区划地图" reviewNumber=');
  });

  it('lets photos, charts and prose about maps pass', async () => {
    writeText(root, 'content/alpha/news/city-hall/hall.png', readFileSync(path.join(root, 'content/alpha/policies/open-data-rules/hall.png')));
    writeItem('![政务服务中心大厅，群众在窗口办理业务](./hall.png)\n\n![柱状图：各区县地区生产总值增速](./hall.png)\n\n市民可通过“便民生活圈”电子地图查询身边的服务网点。', {
      file: 'content/alpha/news/city-hall/index.mdx',
    });
    none(await findings('CONT-10'));
  });
});

describe('CONT-06 and CONT-07 inside attachments (issue 25)', () => {
  const POLICY = 'content/alpha/policies/open-data-rules/index.mdx';
  const FOLDER = 'content/alpha/policies/open-data-rules';
  const ATTACHMENT_LINE = 9;
  const attach = (file: string, title: string) =>
    writeText(root, POLICY, readText(root, POLICY).replace(/\{ file: [^,]+, title: [^}]+ \}/, `{ file: ${file}, title: ${title} }`));

  it('reads a CSV attachment: a classification mark and an ID number are reported at the attachment, by row', async () => {
    writeText(root, `${FOLDER}/implementation-rules.csv`, '字段,说明\n密级,机密★10年\n联系人,王某 310101199001011234\n');
    const marks = only(await findings('CONT-06'));
    expect(marks).toMatchObject({ severity: 'error', line: ATTACHMENT_LINE, field: 'attachments.0.file' });
    expect(marks.message).toContain('附件“implementation-rules.csv”第 2 行中有密级或内部标志“机密★10年”');
    const id = only(await findings('CONT-07'));
    expect(id).toMatchObject({ line: ATTACHMENT_LINE, field: 'attachments.0.file' });
    expect(id.message).toContain('第 3 行');
    expect(`${id.message}${id.fix}`).not.toContain('310101199001011234');
  });

  it('reads a GB18030 CSV as Chinese office software saves it', async () => {
    writeFileSync(path.join(root, FOLDER, 'implementation-rules.csv'), Buffer.from([0xc3, 0xdc, 0xbc, 0xb6, 0x2c, 0xbb, 0xfa, 0xc3, 0xdc, 0xa1, 0xef, 0x31, 0x30, 0xc4, 0xea, 0x0a]));
    expect(only(await findings('CONT-06')).message).toContain('“机密★10年”');
  });

  it('reads the paragraphs of a DOCX and the rows of an XLSX', async () => {
    const docx = makeZip({ 'word/document.xml': '<w:document><w:body><w:p><w:r><w:t>关于数据开放的说明</w:t></w:r></w:p><w:p><w:r><w:t>内部资料</w:t></w:r><w:r><w:t xml:space="preserve"> 注意保存</w:t></w:r></w:p></w:body></w:document>' });
    writeFileSync(path.join(root, FOLDER, 'notes.docx'), docx);
    attach('notes.docx', '公共数据开放说明');
    expect(only(await findings('CONT-06')).message).toContain('附件“notes.docx”第 2 段中有密级或内部标志“内部资料 注意保存”');
    const xlsx = makeZip({
      'xl/sharedStrings.xml': '<sst><si><t>姓名</t></si><si><t>手机</t></si><si><t>王某</t></si></sst>',
      'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>13812345678</v></c></row></sheetData></worksheet>',
    }, false);
    writeFileSync(path.join(root, FOLDER, 'contacts.xlsx'), xlsx);
    attach('contacts.xlsx', '公共数据开放联系人名单');
    const phone = only(await findings('CONT-07'));
    expect(phone.message).toContain('附件“contacts.xlsx”工作表 1 第 2 行');
  });

  it('reads the Chinese text of a PDF (Type0 font, ToUnicode CMap): a mark and an ID number, by page', async () => {
    writeFileSync(path.join(root, FOLDER, 'catalogue.pdf'), makeCjkPdf([['测试市公共数据开放目录', '机密★10年'], ['联系人：王某 310101199001011234']]));
    attach('catalogue.pdf', '公共数据开放目录（2026年版）');
    const marks = only(await findings('CONT-06'));
    expect(marks).toMatchObject({ severity: 'error', line: ATTACHMENT_LINE, field: 'attachments.0.file' });
    expect(marks.message).toContain('附件“catalogue.pdf”第 1 页中有密级或内部标志“机密★10年”');
    const id = only(await findings('CONT-07'));
    expect(id).toMatchObject({ severity: 'error', line: ATTACHMENT_LINE, field: 'attachments.0.file' });
    expect(id.message).toContain('附件“catalogue.pdf”第 2 页');
    expect(`${id.message}${id.fix}`).not.toContain('310101199001011234');
  });

  it('warns, and does not crash, when a PDF cannot be read: its text was not checked', async () => {
    const whole = makeCjkPdf([['测试市公共数据开放目录', '机密★10年']]);
    writeFileSync(path.join(root, FOLDER, 'catalogue.pdf'), whole.subarray(0, whole.indexOf('6 0 obj') + 60));
    attach('catalogue.pdf', '公共数据开放目录（2026年版）');
    const warning = only(await findings('CONT-06'));
    expect(warning).toMatchObject({ severity: 'warn', line: ATTACHMENT_LINE, field: 'attachments.0.file' });
    expect(warning.message).toContain('附件“catalogue.pdf”的文字无法读取（找不到页面');
    expect(warning.message).toContain('未经检查');
    none(await findings('CONT-07'));
    // A PDF whose fonts have no Unicode map is not passed as clean either.
    writeFileSync(path.join(root, FOLDER, 'catalogue.pdf'), makeCjkPdf([['机密★10年']], { toUnicode: false }));
    expect(only(await findings('CONT-06')).message).toContain('ToUnicode');
  });

  it('passes the clean attachments of the fixture and of the demo (no false alarms)', async () => {
    none(await findings('CONT-06'));
    none(await findings('CONT-07'));
  });
});

describe('CONT-12 attachments', () => {
  const POLICY = 'content/alpha/policies/open-data-rules/index.mdx';
  const ATTACHMENT_LINE = 9;
  const replaceAttachment = (to: string) => writeText(root, POLICY, readText(root, POLICY).replace('{ file: implementation-rules.csv, title: 公共数据开放目录（2026年版） }', to));

  it('passes the fixture: an existing CSV with a descriptive title', async () => {
    none(await findings('CONT-12'));
  });

  it('reports a missing attachment at its field, suggesting the file that is there', async () => {
    replaceAttachment('{ file: implementation-rule.csv, title: 公共数据开放目录（2026年版） }');
    const d = only(await findings('CONT-12'));
    expect(d).toMatchObject({ severity: 'error', file: POLICY, line: ATTACHMENT_LINE, field: 'attachments.0.file' });
    expect(d.message).toContain('附件文件“implementation-rule.csv”不存在');
    expect(d.fix).toContain('目录里有“implementation-rules.csv”');
  });

  it('reports a non-descriptive title at the title field', async () => {
    replaceAttachment('{ file: implementation-rules.csv, title: 附件1 }');
    const d = only(await findings('CONT-12'));
    expect(d).toMatchObject({ line: ATTACHMENT_LINE, field: 'attachments.0.title' });
    expect(d.message).toContain('名称“附件1”没有说明是什么文件');
    expect(d.fix).toContain('写出文件的完整标题');
  });

  it('warns on .doc and blocks an uncommon format', async () => {
    writeText(root, 'content/alpha/policies/open-data-rules/old.doc', 'x');
    writeText(root, 'content/alpha/policies/open-data-rules/tool.exe', 'x');
    replaceAttachment('{ file: old.doc, title: 公共数据开放申请表 }\n  - { file: tool.exe, title: 数据开放工具 }');
    const [doc, exe] = await findings('CONT-12');
    expect(doc).toMatchObject({ severity: 'warn', line: ATTACHMENT_LINE, field: 'attachments.0.file' });
    expect(doc!.fix).toContain('.docx');
    expect(exe).toMatchObject({ severity: 'error', line: ATTACHMENT_LINE + 1, field: 'attachments.1.file' });
    expect(exe!.message).toContain('.exe 格式');
  });

  it('blocks a file whose content is not its format (a text file named .pdf), and passes a real one', async () => {
    // Issue 25: the extension alone let a text file through as a PDF.
    writeText(root, 'content/alpha/policies/open-data-rules/rules.pdf', '这是一段文字，不是 PDF。\n');
    writeText(root, 'content/alpha/policies/open-data-rules/form.docx', '<!DOCTYPE html><html><body>申请表</body></html>');
    writeText(root, 'content/alpha/policies/open-data-rules/real.pdf', '%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    replaceAttachment('{ file: rules.pdf, title: 公共数据开放实施细则 }\n  - { file: form.docx, title: 公共数据开放申请表 }\n  - { file: real.pdf, title: 公共数据开放目录 }');
    const [pdf, docx, ...rest] = await findings('CONT-12');
    expect(rest).toEqual([]);
    expect(pdf).toMatchObject({ severity: 'error', line: ATTACHMENT_LINE, field: 'attachments.0.file' });
    expect(pdf!.message).toContain('扩展名是 .pdf，但文件内容是纯文本');
    expect(pdf!.fix).toContain('不要只改扩展名');
    expect(docx).toMatchObject({ severity: 'error', line: ATTACHMENT_LINE + 1, field: 'attachments.1.file' });
    expect(docx!.message).toContain('文件内容是网页（HTML）');
  });

  it('checks body links to local files: existence and descriptive link text', async () => {
    writeText(root, POLICY, `${readText(root, POLICY)}\n[点击下载](./implementation-rules.csv)\n\n[公共数据开放目录](./catalogue.pdf)\n`);
    const [text, missing] = await findings('CONT-12');
    expect(text).toMatchObject({ line: 16, column: 1 });
    expect(text!.message).toContain('文字“点击下载”没有说明是什么文件');
    expect(missing).toMatchObject({ line: 18, column: 1 });
    expect(missing!.message).toContain('正文链接的文件“./catalogue.pdf”不存在');
  });

  it('tells a single-file item with attachments to become a folder item', async () => {
    writeItem('正文。', { extra: 'attachments:\n  - { file: plan.pdf, title: 测试市数字政府建设规划 }\n' });
    const d = only(await findings('CONT-12'));
    expect(d).toMatchObject({ line: 7, field: 'attachments.0.file' });
    expect(d.fix).toContain('content/alpha/news/test-item/');
    expect(d.fix).toContain('index.mdx');
  });
});

describe('CONT-16 MDX allowlist', () => {
  it('blocks import/export, expressions, scripts, event handlers and unknown components', async () => {
    writeItem(
      [
        "import Chart from './chart.js'",
        '',
        '共有 {count} 个项目。',
        '',
        '<sup onClick="alert(1)">注</sup>',
        '',
        '<Chart />',
        '',
        '<form action="/submit"></form>',
      ].join('\n'),
    );
    const found = await findings('CONT-16');
    expect(found.map((d) => [d.line, d.column])).toEqual([
      [BODY, 1],
      [BODY + 2, 4],
      [BODY + 4, 6],
      [BODY + 6, 1],
      [BODY + 8, 1],
    ]);
    const [esm, expression, handler, component, form] = found;
    expect(esm!.message).toContain('import/export');
    expect(esm!.fix).toContain('删除这一行');
    expect(expression!.message).toContain('{count}');
    expect(expression!.fix).toContain('全角“｛｝”');
    expect(handler!.message).toContain('onClick');
    expect(component!.message).toContain('组件 <Chart> 不在允许使用的范围内');
    expect(form!.fix).toContain('互动交流栏目');
  });

  it('allows an iframe from an allowlisted government video host and blocks others', async () => {
    writeItem('<iframe src="https://www.gov.cn/xinwen/video/embed.htm" title="新闻发布会视频"></iframe>\n\n<iframe src="https://www.youtube.com/embed/abc" title="视频"></iframe>');
    const d = only(await findings('CONT-16'));
    expect(d).toMatchObject({ line: BODY + 2, column: 1 });
    expect(d.message).toContain('“www.youtube.com”不在允许嵌入的政府视频平台名单中');
    expect(d.fix).toContain('中国政府网（www.gov.cn）');
  });

  it('allows MDX comments and the harmless HTML elements', async () => {
    writeItem(
      [
        '{/* 编辑备注：本文待补充图片 */}',
        '',
        '二氧化碳排放量下降 5%<sup>注</sup>，单位为 m<sup>2</sup>。',
        '',
        '<details>',
        '<summary>办理流程</summary>',
        '',
        '申请、受理、审核、办结。',
        '',
        '</details>',
        '',
        '<abbr title="政务服务">政务</abbr>服务<br />事项',
      ].join('\n'),
    );
    none(await findings('CONT-16'));
  });
});

describe('the platform data files', () => {
  const files = [
    ['advertising.yaml', advertisingSchema],
    ['official-names.yaml', officialNamesSchema],
    ['sensitive-words.yaml', sensitiveWordsSchema],
    ['iframe-hosts.yaml', iframeHostsSchema],
    ['subject-classification.yaml', subjectsSchema],
  ] as const;

  it.each(files)('data/%s is valid and documents who maintains it and how to add an entry', (name, schema) => {
    const text = readFileSync(path.join(projectRoot, 'data', name), 'utf8');
    expect(schema.safeParse(parse(text)).success).toBe(true);
    const header = text.split('\n').filter((line) => line.startsWith('#')).join('\n');
    expect(header).toContain('维护');
    expect(header).toContain('添加一条');
  });

  it('a platform may carry its own data file, which replaces the repository one', async () => {
    writeText(root, 'data/official-names.yaml', 'names:\n  - { wrong: 测试市人民正府, right: 测试市人民政府 }\n');
    writeItem('测试市人民正府印发通知。根据中华人民共合国有关规定。');
    const d = only(await findings('CONT-09'));
    expect(d.fix).toBe('把“测试市人民正府”改为“测试市人民政府”');
  });

  it('a broken data file stops validation with a message naming the file', async () => {
    writeText(root, 'data/advertising.yaml', 'phrases: [广告投放\n');
    await expect(loadSite(root, 'alpha')).rejects.toThrow(/data\/advertising\.yaml 不是合法的 YAML/);
    rmSync(path.join(root, 'data'), { recursive: true });
  });
});
