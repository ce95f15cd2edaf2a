// Input/output fixtures for the content-rule plugins, run directly with unified and a VFile (fast,
// many cases): what each rule catches and — as important — the ordinary government text it lets
// pass. Positions here are body-relative (the loader adds the front matter's lines; see
// content-rules.test.ts for file lines).
import path from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkAttachments, { nonDescriptiveReason } from '../../src/rules/content/remark-attachments.ts';
import remarkMapReviewNumber, { REVIEW_NUMBER } from '../../src/rules/content/remark-map-review-number.ts';
import remarkMdxAllowlist from '../../src/rules/content/remark-mdx-allowlist.ts';
import remarkNoAdvertising, { adHostOf } from '../../src/rules/content/remark-no-advertising.ts';
import remarkNoClassifiedMarks from '../../src/rules/content/remark-no-classified-marks.ts';
import remarkNoPersonalData, { isBankCard, isResidentId, luhnValid } from '../../src/rules/content/remark-no-personal-data.ts';
import remarkNoWrongOfficialNames from '../../src/rules/content/remark-no-wrong-official-names.ts';
import remarkDisclosureFields from '../../src/rules/content/remark-disclosure-fields.ts';
import { itemChecks } from '../../src/rules/content/run-item-checks.ts';
import type { FindingMessage as VFileMessage } from '../../src/rules/content/support/text.ts';
import { projectRoot } from '../../src/util/paths.ts';

const parser = unified().use(remarkParse).use(remarkMdx);
const ITEM = 'content/demo/news/sample.mdx';

/** A folder item of the mini fixture with an image beside it (hall.png), for rules that look at files. */
const FOLDER_ITEM = 'tests/fixtures/mini/content/alpha/policies/open-data-rules/index.mdx';

async function check(plugin: Plugin<[], Root>, body: string, frontMatter: Record<string, unknown> = {}, item = ITEM): Promise<VFileMessage[]> {
  const file = new VFile({
    value: body,
    path: item,
    data: {
      govsite: {
        file: item,
        absoluteFile: path.join(projectRoot, item),
        frontMatter: { title: '示例省政务动态', attachments: [], keywords: [], ...frontMatter } as never,
        site: {} as never,
      },
    },
  });
  await unified().use(plugin).run(parser.parse(body) as Root, file);
  return file.messages;
}

const reasons = (messages: VFileMessage[]) => messages.map((m) => m.reason);

describe('the registered item checks', () => {
  it('run every content rule in itemChecks, in rule order', () => {
    expect(itemChecks.map((p) => p.name)).toEqual([
      'remarkNoClassifiedMarks',
      'remarkNoPersonalData',
      'remarkNoAdvertising',
      'remarkNoWrongOfficialNames',
      'remarkMapReviewNumber',
      'remarkRequireImageAlt',
      'remarkAttachments',
      'remarkDataRelease',
      'remarkLocalFiles',
      'remarkMdxAllowlist',
      'remarkSafeUrls',
      'remarkNoControlCharacters',
      'remarkDisclosureFields',
      'remarkAnimatedImages',
    ]);
  });
});

describe('CONT-06 classification marks', () => {
  it.each([
    ['秘密★一年', '秘密★一年'],
    ['机密 ★ 10年', '机密 ★ 10年'],
    ['绝密☆长期', '绝密☆长期'],
    ['文件标注秘密＊五年。', '秘密＊五年'],
    ['机密级', '机密级'],
    ['本通知为绝密级 5年，请妥善处理。', '绝密级 5年'],
    ['密级：机密', '密级：机密'],
    ['（此件不予公开）', '此件不予公开'],
    ['本文件涉密，仅限相关单位。', '本文件涉密'],
    ['内部资料 注意保存', '内部资料 注意保存'],
    ['内部文件，请勿外传。', '内部文件，请勿外传'],
    ['关于调整工作安排的说明【内部资料】', '【内部资料】'],
    ['会议纪要（涉密）', '（涉密）'],
    ['仅供内部参考', '仅供内部参考'],
    ['不得公开', '不得公开'],
    ['注意保密', '注意保密'],
    ['涉密', '涉密'],
    ['## 内部资料', '内部资料'],
    ['- 内部资料\n- 第二项', '内部资料'],
    ['（注意保密）', '（注意保密）'],
    ['关于印发工作要点的通知\n内部资料', '内部资料'],
    // Quotes alone do not make a mark a mention (the precision corpus, issue 25).
    ['会议纪要“机密★一年”', '机密★一年'],
    ['“秘密★”会议纪要', '秘密★'],
  ])('blocks %j, quoting “%s”', async (body, quoted) => {
    const messages = await check(remarkNoClassifiedMarks, body);
    expect(reasons(messages)).toEqual([expect.stringContaining(`“${quoted}”`)]);
    expect(messages[0]!.ruleId).toBe('CONT-06');
  });

  it.each([
    '严格保守国家秘密，建立保密审查机制，严禁涉密信息上网，不得泄露个人隐私和商业秘密。',
    '根据《中华人民共和国保守国家秘密法》和保密法实施条例，加强涉密人员管理。',
    '依法确定为国家秘密的政府信息，不予公开；依法不得公开的信息不得上网。',
    '国家秘密的密级分为绝密、机密、秘密三级。',
    '绝密级、机密级和秘密级国家秘密的保密期限分别不超过三十年、二十年、十年。',
    '绝密级国家秘密是最重要的国家秘密，机密级的事项由机关确定。',
    '依法确定国家秘密级别。',
    '（此件公开发布）',
    '此件依申请公开。',
    '政府内部办文、办会、办事全流程线上运转；健全内部控制制度。',
    '考生应注意保密个人账号和密码。',
    '| 处理结果 | 件数 |\n| --- | --- |\n| 不予公开 | 3 |\n| 涉密 | 0 |',
    '国家秘密的密级和保密期限：\n\n- 绝密 三十年\n- 机密 二十年\n- 秘密 十年\n- 涉密',
    '领取社保卡后：\n\n- 妥善保管\n- 注意保密\n- 及时激活',
    // Issue 25: the text says how a thing is or was handled, it marks nothing.
    '经保密审查，该批档案已于2025年解除绝密级管理，现依法向社会公开。',
    '涉及国家秘密的会议材料，按照机密级管理，会后统一收回。',
    // The precision corpus (issue 25): a rule about internal files, not a mark on one.
    '一、严格管理内部文件，不得外传，不得擅自在互联网上发布。',
    '（一）绝密级：是最重要的国家秘密，泄露会使国家安全和利益遭受特别严重的损害；',
    '（二）机密级。泄露会使国家安全和利益遭受严重的损害。',
    '机密级是重要的国家秘密。',
    // The precision corpus (issue 25): a 保密检查 notice names the marks it looks for.
    '是否存在标有“绝密★”“机密★”“秘密★”等密级标志的文件资料上网的情况。',
    '严禁将印有‘机密★’字样的材料带出会场。',
  ])('lets %j pass', async (body) => {
    expect(reasons(await check(remarkNoClassifiedMarks, body))).toEqual([]);
  });

  it('checks the title and the summary', async () => {
    const messages = await check(remarkNoClassifiedMarks, '正文。', { title: '机密★一年 会议纪要', description: '内部资料，请勿外传' });
    expect(messages.map((m) => (m.data as { field: unknown }).field)).toEqual([['title'], ['description']]);
  });

  it('gives the exact column of a mark after escapes and on a continuation line', async () => {
    const messages = await check(remarkNoClassifiedMarks, '- 第一项 \\{说明\\}\n  附件：秘密★一年');
    expect(messages.map((m) => [m.line, m.column])).toEqual([[2, 6]]);
  });
});

describe('CONT-07 personal data', () => {
  it('validates resident ID numbers by GB 11643: province, birth date and check character', () => {
    expect(isResidentId('310101199001011234')).toBe(true);
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('11010519491231002x')).toBe(true);
    expect(isResidentId('310101199001011235')).toBe(false); // check digit
    expect(isResidentId('310101199002301234')).toBe(false); // 30 February
    expect(isResidentId('990101199001011234')).toBe(false); // no province 99
    expect(isResidentId('310101209901011234')).toBe(false); // born in the future
  });

  it('validates bank cards by Luhn and issuer prefix', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(isBankCard('6222021234567890128')).toBe(true);
    expect(isBankCard('6217001234567890')).toBe(false); // Luhn-invalid
    expect(isBankCard('1234567890123452')).toBe(false); // Luhn-valid, but no issuer starts with 1
  });

  it.each([
    ['身份证号：310101199001011234。', '身份证号码“3101**********1234”'],
    ['身份证号 11010519491231002X', '身份证号码“1101**********002X”'],
    ['公民身份号码 310101 19900101 1234', '身份证号码“3101**********1234”'],
    ['联系人：李女士，13812345678', '手机号码“138****5678”'],
    ['电话 138-1234-5678', '手机号码“138****5678”'],
    ['电话 +86 138 1234 5678', '手机号码“138****5678”'],
    ['[拨打电话](tel:13912345678)', '手机号码“139****5678”'],
    ['卡号 6222021234567890128', '银行卡号“6222***********0128”'],
    ['卡号 6222-0212-3456-7890-128', '银行卡号“6222***********0128”'],
    ['卡号 4111 1111 1111 1111', '银行卡号“4111********1111”'],
  ])('blocks %j as %s, masked', async (body, quoted) => {
    const messages = await check(remarkNoPersonalData, body);
    expect(reasons(messages)).toEqual([expect.stringContaining(quoted)]);
    expect(messages[0]!.ruleId).toBe('CONT-07');
  });

  it.each([
    '订单号 202611210000123456，合同编号 310101199001011235。',
    '统一社会信用代码 91350100MA2YQ1234X',
    '咨询电话：0590-12345678，传真：0590-87654321，热线 12345、12315。',
    '上海 02112345678，长途区号加号码不是手机号码。',
    '手机号码已打码：138****5678；卡号 6222***********0128。',
    '编号 6217001234567890 与 4111111111111112 都不是有效卡号。',
    '全年实现 13912345678.5 万元，人口 1381234567 人，发文字号 20261121000012345。',
    '时间戳 20261122000000，流水号 100012345678901234567。',
    '总投资 15000000000 元，服务 13800000000 人次，奖金 ￥13812345678。',
  ])('lets %j pass', async (body) => {
    expect(reasons(await check(remarkNoPersonalData, body))).toEqual([]);
  });

  it('checks the title and the summary, and stays silent after a privacy review', async () => {
    const fm = { title: '联系人 13812345678', description: '身份证 310101199001011234' };
    expect((await check(remarkNoPersonalData, '正文。', fm)).map((m) => (m.data as { field: unknown }).field)).toEqual([['title'], ['description']]);
    expect(await check(remarkNoPersonalData, '手机 13812345678', { ...fm, privacyReviewed: { by: '王芳', date: '2026-11-20' } })).toEqual([]);
  });
});

describe('CONT-08 advertising', () => {
  it('recognises ad and tracking hosts and their subdomains, not look-alikes', () => {
    const hosts = ['doubleclick.net', 'hm.baidu.com'];
    expect(adHostOf('https://ad.doubleclick.net/x', hosts)).toBe('doubleclick.net');
    expect(adHostOf('//hm.baidu.com/hm.js?1', hosts)).toBe('hm.baidu.com');
    expect(adHostOf('hm.baidu.com/hm.js', hosts)).toBe('hm.baidu.com');
    expect(adHostOf('https://www.baidu.com/', hosts)).toBeUndefined();
    expect(adHostOf('https://notdoubleclick.net/', hosts)).toBeUndefined();
    expect(adHostOf('./doubleclick.net.pdf', hosts)).toBeUndefined();
  });

  it.each([
    ['本店招商加盟，诚招代理。', ['招商加盟', '诚招代理']],
    ['欢迎广告投放，广告热线 0590-1234567。', ['广告投放', '广告热线']],
    ['关注公众号领券，全场包邮！', ['领券', '全场包邮']],
    ['统计代码见 hm.baidu.com 。', ['hm.baidu.com']],
    // Issue 25: selling without any listed phrase.
    ['推荐选购某品牌空气净化器，今日下单仅售199元。', ['推荐选购', '仅售199元']],
    ['秋季新品上市，限量供应，满300减50，欢迎市民选购。', ['满300减50', '欢迎市民选购']],
    ['爆款电饭煲今天只需99元！', ['只需99元']],
  ])('blocks %j', async (body, quoted) => {
    const messages = await check(remarkNoAdvertising, body);
    expect(reasons(messages)).toEqual(quoted.map((q) => expect.stringContaining(`“${q}”`)));
  });

  it('takes an exception of a phrase from the item’s title too: a voucher notice’s “满200元减50元” (issue 25)', async () => {
    const body = '本批消费券分为餐饮券和零售券。\n\n餐饮券满200元减50元，市民可免费领取。';
    expect(reasons(await check(remarkNoAdvertising, body, { title: '我市第二批电子消费券11月15日起发放' }))).toEqual([]);
    expect(reasons(await check(remarkNoAdvertising, body, { title: '美食街周末活动' }))).toEqual([expect.stringContaining('“满200元减50”')]);
  });

  it('blocks a link to an online shop or marketplace (issue 25)', async () => {
    const messages = await check(remarkNoAdvertising, '详情见[品牌旗舰店](https://brand.tmall.com/shop/view_shop.htm)。\n\n[购买链接]: https://item.jd.com/100012345.html');
    expect(reasons(messages)).toEqual([expect.stringContaining('网店或电商平台“tmall.com”'), expect.stringContaining('网店或电商平台“jd.com”')]);
    expect(messages.every((m) => m.ruleId === 'CONT-08')).toBe(true);
  });

  it.each([
    '市商务局发放消费券，满300元减50元，在指定商户使用。',
    '警惕“低至1元”“仅售9.9元”的网购骗局，谨防上当。',
    '市场监管局查处虚假宣传“买一送一”的违法行为。',
    '建议市民购买商业保险前仔细阅读条款。',
    // The precision corpus (issue 25): enforcement cases, service times, fees set by the government.
    '经查，当事人在其微信公众号发布保健食品广告，宣称产品“全网最低价，限时抢购”。',
    '企业开办只需1个工作日，群众办事只要跑1次。',
    '出入境证件实行“免费包邮到家”服务，群众在窗口办完手续后无需再跑第二趟。',
    '青山风景区门票价格由每人次80元降为60元，淡季优惠价40元。',
    '不动产登记办理时间压缩到3个工作日，登记费只需80元。',
  ])('lets the government and regulation text %j pass', async (body) => {
    expect(reasons(await check(remarkNoAdvertising, body))).toEqual([]);
  });

  it('blocks links, images, frames and scripts on ad or tracking hosts, inline tracking code and tracking pixels', async () => {
    const body = [
      '[特惠](https://googleads.g.doubleclick.net/a)',
      '',
      '![横幅](https://tanx.com/banner.gif)',
      '',
      '<iframe src="https://cpro.baidu.com/x" title="推广"></iframe>',
      '',
      '<script>var _hmt = _hmt || [];</script>',
      '',
      '<img src="https://stat.example.com/p.gif" width="1" height="1" alt="" />',
    ].join('\n');
    const messages = await check(remarkNoAdvertising, body);
    expect(messages.map((m) => [m.line, m.ruleId])).toEqual([
      [1, 'CONT-08'],
      [3, 'CONT-08'],
      [5, 'CONT-08'],
      [7, 'CONT-08'],
      [9, 'CONT-08'],
    ]);
    expect(messages[3]!.reason).toContain('访问跟踪或广告代码');
    expect(messages[4]!.reason).toContain('跟踪像素');
  });

  it('masks personal data in the sentence it quotes', async () => {
    const messages = await check(remarkNoAdvertising, '招商加盟热线 13812345678');
    expect(messages).toHaveLength(1); // 招商加盟 and 加盟热线 overlap: one report
    const [m] = messages;
    expect(m!.reason).toContain('招商加盟热线 138****5678');
    expect(m!.reason).not.toContain('13812345678');
  });

  it.each([
    '为加强广告监管，市场监管局开展广告专项整治，查处虚假违法广告。',
    '严禁政府网站刊登商业广告或链接商业广告页面。',
    '规范户外广告设置和互联网广告投放行为。',
    '警惕“兼职刷单”“扫码领红包”等电信网络诈骗。',
    '市政府发放汽车消费优惠券 2000 万元，惠及群众。',
    '公益广告《文明城市你我共建》在全市公交站台展出。',
    '市公共资源交易中心公开竞价出让公交站台广告位招租经营权。',
    '与省广播电视台开展公益广告合作。',
    // The precision corpus (issue 25): the government's own loans, invoices and billboards.
    '人民银行示范市分行推出“科技贷”，为科技型小微企业提供无抵押贷款。',
    '自然人可以向税务机关申请代开发票。',
    '示范市机关事务管理局关于市行政中心周边广告位招租的公告',
  ])('lets %j pass', async (body) => {
    expect(reasons(await check(remarkNoAdvertising, body))).toEqual([]);
  });
});

describe('CONT-09 wrong official names', () => {
  it.each([
    ['中华人民共合国', '中华人民共和国'],
    ['国务院办公室印发', '国务院办公厅'],
    ['全国人大代表大会', '全国人民代表大会'],
    ['全国人民代表大会常委委员会', '全国人民代表大会常务委员会'],
    ['中国人民政治协商委员会', '中国人民政治协商会议'],
    ['国发[2024]1号', '国发〔2024〕1号'],
    ['浙政办发（2021）80号', '浙政办发〔2021〕80号'],
    ['云政办函【2017】171号', '云政办函〔2017〕171号'],
    ['国办发(2017)47号', '国办发〔2017〕47号'],
    ['示教基[2026]3号', '示教基〔2026〕3号'],
    ['示教职成【2025】9号', '示教职成〔2025〕9号'],
    ['国家总理出席会议并讲话。', '国务院总理'],
    ['（国家总理）', '国务院总理'],
  ])('blocks %j, fix names %s', async (body, right) => {
    const messages = await check(remarkNoWrongOfficialNames, body);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.note).toContain(`“${right}`);
  });

  it.each([
    '中华人民共和国、全国人民代表大会常务委员会、全国人大常委会、中国人民政治协商会议全国委员会、全国政协。',
    '国务院办公厅、省人民政府办公厅、县人大常委会主任、乡人民代表大会主席。',
    '国发〔2024〕1号、粤府办〔2017〕51号、陕政公开办〔2021〕18号。',
    '审图号 GS京(2023)0456号、示S(2024)012号；（2024）京01民初123号判决。',
    '证书编号（2024）第3号；示教基〔2026〕22号。',
    // Issue 25: 国家 belongs to “20多个”, the text speaks of other countries' prime ministers.
    '出席本届论坛的有来自20多个国家总理、部长和国际组织负责人。',
    '各国家总理和代表团团长出席开幕式。',
  ])('lets %j pass', async (body) => {
    expect(reasons(await check(remarkNoWrongOfficialNames, body))).toEqual([]);
  });

  it('checks the document number, issuer, source, keywords and attachment titles', async () => {
    const messages = await check(remarkNoWrongOfficialNames, '正文。', {
      docNumber: '国发[2024]1号',
      issuer: '国务院办公室',
      source: '中华人民共合国国务院',
      keywords: ['人大代表大会'],
      attachments: [{ file: 'a.pdf', title: '中国人民政治协商委员会文件' }],
    });
    expect(messages.map((m) => (m.data as { field: unknown }).field)).toEqual([['source'], ['issuer'], ['docNumber'], ['keywords', 0], ['attachments', 0, 'title']]);
  });

  it('takes any code with round brackets in the docNumber field for a document number', async () => {
    const [m] = await check(remarkNoWrongOfficialNames, '正文。', { docNumber: '示教基（2026）22号' });
    expect(m!.note).toContain('改为“示教基〔2026〕22号”');
  });
});

describe('CONT-10 map review number', () => {
  it.each(['GS(2024)1234号', 'GS（2024）1234号', 'GS京(2023)0456号', '示S(2024)012号', '粤S(2023)123号'])('accepts the review number %s', (n) => {
    expect(REVIEW_NUMBER.test(n)).toBe(true);
  });

  it.each(['GS2024-1234', '审图号：GS(2024)1234号', 'GS(24)1234号', 'S(2024)12号', '2024-1234'])('rejects %s', (n) => {
    expect(REVIEW_NUMBER.test(n)).toBe(false);
  });

  it.each([
    ['![示例省行政区划图](./a.png)', '区划图'],
    ['![项目位置示意图](./a.png)', '位置示意图'],
    ['![全市地形](./city-map.png)', 'city-map.png'],
    ['![全市交通](./ditu.jpg)', 'ditu.jpg'],
    ['<img src="./map.png" alt="全市概况" />', 'map.png'],
    ['![全市交通地图（2024年版）](./a.png)', '地图'],
    ['![示例省地图，标出各市位置](./a.png)', '地图'],
    ['![全市概况][m]\n\n[m]: ./city-map.png', 'city-map.png'],
  ])('takes %j for a map without 审图号', async (body, why) => {
    const messages = await check(remarkMapReviewNumber, body);
    expect(reasons(messages)).toEqual([expect.stringContaining(why)]);
    expect(messages[0]!.note).toContain('<MapImage');
  });

  it.each([
    '![示例省行政区划图（审图号：GS(2024)1234号）](./a.png)',
    '![示例省行政区划图](./a.png "审图号：示S(2024)012号")',
    '![柱状图：各市地区生产总值](./chart.png)',
    '![改革路线图](./roadmap.png)',
    '![政务服务大厅平面布局图](./floor.png)',
    // Issue 25: a photo whose description mentions a map is not a map.
    '![工作人员在社区服务中心向老人演示手机地图导航功能](./photo.jpg)',
    '![志愿者在地图上标注服务网点](./photo.jpg)',
    // The precision corpus (issue 25): people looking at a map, in a photo.
    '![参观群众在规划展览馆观看城市沙盘和地图](./photo.jpg)',
    // …and maps that need no review (地图审核管理规定 第六条: 街区图、公共交通线路图).
    '![示范市政务服务中心周边交通示意图](./directions.png)',
    '![青山风景区导览图](./guide.png)',
    '<MapImage src="./hall.png" alt="示例省地图" reviewNumber="GS(2024)1234号" />',
  ])('lets %j pass', async (body) => {
    expect(reasons(await check(remarkMapReviewNumber, body, {}, FOLDER_ITEM))).toEqual([]);
  });

  it('explains a reviewNumber written with its label, and one written as an expression', async () => {
    const messages = await check(
      remarkMapReviewNumber,
      '<MapImage src="./hall.png" alt="地图" reviewNumber="审图号：GS(2024)1234号" />\n\n<MapImage src="./hall.png" alt="地图" reviewNumber={n} />',
      {},
      FOLDER_ITEM,
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]!.note).toContain('reviewNumber="GS(2024)1234号"');
    expect(messages[1]!.reason).toContain('花括号');
  });

  it('reports a map file that is not beside the item', async () => {
    const messages = await check(remarkMapReviewNumber, '<MapImage src="./missing-map.png" alt="示例省地图" reviewNumber="GS(2024)1234号" />', {}, FOLDER_ITEM);
    expect(reasons(messages)).toEqual([expect.stringContaining('地图图片“./missing-map.png”不存在')]);
  });
});

describe('CONT-12 descriptive names', () => {
  it.each(['附件', '附件1', '附件一：', '附件2（PDF）', '下载', '点击下载', '点击这里', '这里', '此处', '点此下载', '详见附件', 'key-tasks.pdf', 'key-tasks', '重点任务分工表.pdf', 'Click here', '  '])(
    '%j does not describe the file',
    (text) => {
      expect(nonDescriptiveReason(text, 'key-tasks.pdf')).toBeDefined();
    },
  );

  it.each(['示例省进一步优化营商环境重点任务分工表', '附件1：重点任务分工表', '2026年上半年全省经济运行主要指标（CSV数据文件）', '申请须知（PDF版）'])('%j describes the file', (text) => {
    expect(nonDescriptiveReason(text, 'key-tasks.pdf')).toBeUndefined();
  });

  it('ignores links to pages and other sites', async () => {
    expect(await check(remarkAttachments, '[这里](/policies/a/) [点击这里](https://www.gov.cn/) [更多](./other-page/) [锚点](#top)')).toEqual([]);
  });
});

describe('CONT-16 MDX allowlist', () => {
  it.each([
    ['export const year = 2026', 'import/export'],
    ['<style>{`p { color: red }`}</style>', '样式表 <style>'],
    ['<object data="a.swf"></object>', '插件内容 <object>'],
    ['<embed src="a.swf" />', '插件内容 <embed>'],
    ['<a href="https://www.gov.cn/">中国政府网</a>', 'HTML 链接 <a>'],
    ['<div>文字</div>', '排版标签 <div>'],
    ['<>文字</>', '空标签'],
    ['<Foo.Bar />', '组件 <Foo.Bar>'],
    ['<marquee>滚动</marquee>', 'HTML 标签 <marquee>'],
    ['<sup style="color:red">1</sup>', 'style 属性'],
    ['<img src="./a.png" alt="x" {...props} />', '{...props}'],
    ['<iframe src="http://www.gov.cn/v.htm" title="视频"></iframe>', '不是 https'],
    ['<iframe title="视频"></iframe>', '没有写嵌入地址'],
  ])('blocks %j', async (body, words) => {
    const messages = await check(remarkMdxAllowlist, body);
    expect(reasons(messages).join('\n')).toContain(words);
    expect(messages.every((m) => m.ruleId === 'CONT-16' && m.note)).toBe(true);
  });

  it('suggests the quoted form of a literal attribute expression', async () => {
    const [m] = await check(remarkMdxAllowlist, '<img src="./a.png" alt="示意" width={300} />');
    expect(m!.reason).toContain('width 属性用了花括号 {300}');
    expect(m!.note).toBe('改为 width="300"');
  });

  it('allows the allowlisted elements, MDX comments and allowlisted video hosts', async () => {
    const body = [
      '{/* 备注 */}',
      '',
      '<figure>',
      '<img src="./a.png" alt="示意" width="300" />',
      '<figcaption>图 1</figcaption>',
      '</figure>',
      '',
      '<table><caption>表 1</caption><thead><tr><th scope="col">项目</th></tr></thead><tbody><tr><td colSpan="2">1</td></tr></tbody></table>',
      '',
      'H<sub>2</sub>O，<ruby>丨<rt>gǔn</rt></ruby>，<abbr title="国务院办公厅">国办</abbr>',
      '',
      '<iframe src="https://video.shili.gov.cn/embed/1" title="新闻发布会"></iframe>',
      '',
      '<MapImage src="./map.png" alt="示例省地图" reviewNumber="GS(2024)1234号" />',
    ].join('\n');
    expect(reasons(await check(remarkMdxAllowlist, body))).toEqual([]);
  });
});

describe('OPEN-01 disclosure attributes', () => {
  it('accepts a subject of the platform list and 不予公开 with its reason', async () => {
    expect(reasons(await check(remarkDisclosureFields, '正文。', { subject: '财政、金融、审计', disclosure: '不予公开', disclosureReason: '属于第十四条规定的情形' }))).toEqual([]);
  });

  it('names the closest subject of the list, and asks for the reason of 不予公开', async () => {
    const messages = await check(remarkDisclosureFields, '正文。', { subject: '财政金融审计', disclosure: '不予公开' });
    expect(messages.map((m) => m.ruleId)).toEqual(['OPEN-01', 'OPEN-01']);
    expect(messages[0]!.note).toContain('“财政、金融、审计”');
    expect(messages[1]!.reason).toContain('没有写理由');
  });
});
