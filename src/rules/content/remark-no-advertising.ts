// CONT-08: no commercial advertising, no links to it, no ad or tracking code (晋 第十条 “严禁发布
// 商业广告等经营性信息”; 陕 第十二条(二) “不得刊登商业广告或链接商业广告页面”; 滇 二(二)4).
// Ad phrases, ad/tracking hosts and shop hosts come from the platform-maintained
// data/advertising.yaml; selling itself (urging to buy, sale prices, shop promotions) is
// recognised by pattern (SELLING).
// Matching is by phrase, never the bare word 广告: “加强广告监管”“查处虚假广告” pass, and a phrase
// in a sentence about regulation or fraud (“警惕‘扫码领红包’骗局”) passes too (proseContext).
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { withoutHidden } from '../../security/text-hygiene.ts';
import { maskPersonalData } from './remark-no-personal-data.ts';
import { loadDataFile } from './support/data-files.ts';
import { attributeValue, bodyRuns, fieldRuns, inRun, isJsxElement, matchesIn, report, reportInRun, sentenceAround, type TextRun } from './support/text.ts';

export const advertisingSchema = z.strictObject({
  proseContext: z.array(z.string().min(1)).default([]),
  phrases: z
    .array(z.union([z.string().min(2), z.strictObject({ phrase: z.string().min(2), unlessNear: z.array(z.string().min(1)).default([]) })]))
    .default([]),
  hosts: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z0-9]+$/, { error: '域名只写主机名，例如 doubleclick.net' })).default([]),
  /** Online shops and marketplaces: a government page does not send readers to buy. */
  shopHosts: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z0-9]+$/, { error: '域名只写主机名，例如 taobao.com' })).default([]),
});

/**
 * Selling, beyond any phrase list: urging readers to buy, sale prices, shop promotions. Each
 * passes in a sentence about regulation or fraud (proseContext) or near its own exceptions: a
 * government consumption voucher is “满200元减50元” too.
 */
const SELLING: ReadonlyArray<{ pattern: RegExp; what: string; unlessNear: readonly string[] }> = [
  { pattern: /(?:推荐|欢迎|赶快|赶紧|立即|马上|快来|抓紧)(?:大家|广大市民|市民|群众|您|读者)?(?:选购|抢购|购买|下单|订购|入手)/, what: '招揽购买', unlessNear: [] },
  // 只需/只要/低至 are a price only with one (“只需1个工作日” is a service time): 元 or ¥ must be there.
  // A fee set by the government (“门票价格由80元降为60元，淡季优惠价40元”, “登记费只需80元”) is no sale.
  {
    pattern: /(?:仅售|特价|秒杀价|到手价|优惠价|促销价|团购价)\s*[¥￥]?\s*[0-9０-９]+(?:\.[0-9]+)?\s*元?|(?:只需|只要|低至)\s*(?:[¥￥]\s*[0-9０-９]+(?:\.[0-9]+)?\s*元?|[0-9０-９]+(?:\.[0-9]+)?\s*元)/,
    what: '促销价格',
    unlessNear: ['定价', '降为', '价格调整', '收费', '工本费', '登记费', '手续费', '门票价格', '政府', '发展改革', '物价'],
  },
  // Government services post certificates for free (“证件免费包邮到家”): not a shop's offer.
  {
    pattern: /包邮|下单立减|买一送一|全场[0-9一二三四五六七八九]+折|满[0-9]+(?:元)?减[0-9]+/,
    what: '促销用语',
    unlessNear: ['消费券', '惠民', '补贴', '财政', '商务', '发放', '政府', '证件', '证照', '证书', '执照', '送达', '寄递', '窗口', '群众', '办事'],
  },
];

export type AdvertisingData = z.output<typeof advertisingSchema>;

/** The listed host a URL points to, if any (the host itself or a subdomain of it). */
export function adHostOf(written: string, hosts: readonly string[]): string | undefined {
  // Invisible characters in a host are dropped by the browser (IDNA) and must not hide it here.
  const url = withoutHidden(written);
  let hostname: string;
  try {
    const absolute = url.startsWith('//') ? `https:${url}` : /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(url) ? `https://${url}` : '';
    if (!absolute) return undefined;
    hostname = new URL(absolute).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return hosts.find((host) => hostname === host || hostname.endsWith(`.${host}`));
}

const TRACKING_CODE = /_hmt|gtag\(|googletag|google-analytics|_czc|cnzz|fbq\(|dataLayer|_paq|\bga\(/;
const DOMAIN_IN_TEXT = /(?<![A-Za-z0-9.@-])(?:https?:\/\/)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])/;

function textOf(node: { children?: unknown[]; value?: unknown }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((c) => textOf(c as { children?: unknown[] })).join('');
}

/**
 * Whether a phrase in `sentence` is not an ad: the sentence is about regulation or fraud
 * (proseContext), or the sentence — or the item's title and summary, `topic` — has one of the
 * phrase's own exceptions: in “我市第二批电子消费券11月15日起发放”, “餐饮券满200元减50元” a sentence
 * later is the government's voucher (the precision corpus, issue 25).
 */
function excused(sentence: string, topic: string, proseContext: readonly string[], unlessNear: readonly string[]): boolean {
  return proseContext.some((word) => sentence.includes(word)) || unlessNear.some((word) => sentence.includes(word) || topic.includes(word));
}

/** Ad phrases, selling and ad/tracking domains written out in one run of text; `topic` is the item's title and summary. */
function checkRun(file: VFile, run: TextRun, data: AdvertisingData, phrases: ReadonlyArray<{ phrase: string; unlessNear: readonly string[] }>, topic: string): void {
  const hits: Array<{ index: number; phrase: string; sentence: string }> = [];
  for (const { phrase, unlessNear } of phrases) {
    for (let index = run.text.indexOf(phrase); index !== -1; index = run.text.indexOf(phrase, index + phrase.length)) {
      const sentence = sentenceAround(run.text, index, phrase.length);
      if (excused(sentence, topic, data.proseContext, unlessNear)) continue;
      hits.push({ index, phrase, sentence });
    }
  }
  // One report per place: “招商加盟热线” is 招商加盟 and 加盟热线.
  hits.sort((a, b) => a.index - b.index || b.phrase.length - a.phrase.length);
  let reachedTo = -1;
  const reported: Array<[number, number]> = [];
  for (const { index, phrase, sentence } of hits) {
    if (index < reachedTo) continue;
    reachedTo = index + phrase.length;
    reported.push([index, reachedTo]);
    reportInRun(file, run, index, {
      ruleId: 'CONT-08',
      reason: `${inRun(run)}有商业广告用语“${phrase}”（所在句：“${maskPersonalData(sentence.trim()).slice(0, 60)}”）：政府网站不得刊登商业广告`,
      note: `删除这段推销内容。如是政府组织的惠民活动，写明主办单位、活动依据和办理方式，不用“${phrase}”这类招揽用语；如是在介绍监管或提醒防骗，在同一句中写明（如“警惕……骗局”“查处……违法广告”）`,
    });
  }
  const selling = SELLING.flatMap(({ pattern, what, unlessNear }) => [...matchesIn(run.text, pattern)].map((m) => ({ index: m.index, text: m[0], what, unlessNear })));
  for (const { index, text, what, unlessNear } of selling.sort((a, b) => a.index - b.index)) {
    const sentence = sentenceAround(run.text, index, text.length);
    if (excused(sentence, topic, data.proseContext, unlessNear)) continue;
    // Said once: “全场包邮” is a listed phrase and a promotion.
    if (reported.some(([from, to]) => index < to && from < index + text.length)) continue;
    reported.push([index, index + text.length]);
    reportInRun(file, run, index, {
      ruleId: 'CONT-08',
      reason: `${inRun(run)}有推销商品的${what}“${text}”（所在句：“${maskPersonalData(sentence.trim()).slice(0, 60)}”）：政府网站不得刊登商业广告等经营性信息`,
      note: '删除推销商品的内容。介绍政府组织的产销对接、消费帮扶等活动时，写明主办单位和活动安排，不推荐具体品牌、不写售价、不链接网店',
    });
  }
  for (const m of matchesIn(run.text, DOMAIN_IN_TEXT)) {
    const host = adHostOf(m[0], data.hosts);
    // A bare www. or http(s):// address is a link on the page (GFM autolink, ended where the
    // Chinese text starts: plugins/mdast-autolink-literal.ts), so a shop's is a link to a shop.
    const shop = host === undefined && run.block !== 'code' && /^(?:https?:\/\/|www\.)/i.test(m[0]) ? adHostOf(m[0], data.shopHosts) : undefined;
    if (shop) {
      reportInRun(file, run, m.index, {
        ruleId: 'CONT-08',
        reason: `${inRun(run)}写出的网址“${m[0]}”在网页上是链接，指向网店或电商平台“${shop}”：政府网站不得链接商业经营页面`,
        note: '删除这个网址；介绍消费帮扶等活动时写明主办单位和参与方式，不链接具体商品',
      });
    }
    if (!host) continue;
    reportInRun(file, run, m.index, {
      ruleId: 'CONT-08',
      reason: `${inRun(run)}写出了广告或访问跟踪服务的网址“${m[0]}”（${host}）：政府网站不得链接商业广告页面`,
      note: '删除这个网址',
    });
  }
}

export default function remarkNoAdvertising() {
  return (tree: Root, file: VFile) => {
    const data = loadDataFile(file, 'advertising.yaml', advertisingSchema);
    const phrases = data.phrases.map((p) => (typeof p === 'string' ? { phrase: p, unlessNear: [] as string[] } : p));

    // Ad phrases in the text, and ad/tracking domains written out in it.
    const fields = fieldRuns(file.data.govsite?.frontMatter, ['title', 'description']);
    const topic = fields.map((run) => run.text).join('\n');
    for (const run of [...fields, ...bodyRuns(tree, file)]) checkRun(file, run, data, phrases, topic);

    // Links, images, frames and scripts pointing at ad or tracking hosts; tracking code and pixels.
    visit(tree, (node) => {
      const at = (place: Point | undefined, reason: string, note: string) => report(file, { ruleId: 'CONT-08', reason, note }, { place });
      if (node.type === 'link' || node.type === 'definition') {
        const shop = adHostOf(node.url, data.shopHosts);
        if (shop) at(node.position?.start, `链接指向网店或电商平台“${shop}”（${node.url}）：政府网站不得链接商业经营页面`, '删除这个链接（保留链接文字时去掉方括号和网址）；介绍消费帮扶等活动时写明主办单位和参与方式，不链接具体商品');
      }
      if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
        const host = adHostOf(node.url, data.hosts);
        if (host) {
          const what = node.type === 'image' ? '图片来自' : '链接指向';
          at(node.position?.start, `${what}广告或访问跟踪服务“${host}”（${node.url}）：政府网站不得刊登或链接商业广告，不得跟踪访客`, node.type === 'image' ? '删除这张图片；需要的图片请放在本条目目录中' : '删除这个链接（保留链接文字时去掉方括号和网址）');
        }
        return;
      }
      if (!isJsxElement(node)) return;
      const name = node.name ?? '';
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
        if (!/^(?:href|src|srcset|data|action|poster|formaction)$/i.test(attribute.name)) continue;
        const host = attribute.value.split(/[\s,]+/).map((u) => adHostOf(u, data.hosts)).find(Boolean);
        if (!host) continue;
        const what = name === 'script' ? '嵌入了来自' : name === 'iframe' ? '嵌入了来自' : name === 'img' ? '图片来自' : `<${name}> 指向`;
        const kind = name === 'script' ? '的脚本' : name === 'iframe' ? '的嵌入框' : '';
        at(attribute.position?.start ?? node.position?.start, `<${name}> ${what}广告或访问跟踪服务“${host}”${kind}（${attribute.value}）：政府网站不得刊登商业广告，不得跟踪访客`, `删除整个 <${name}> 标签；网站访问统计由平台统一提供，正文中不需要也不允许另加`);
      }
      if (name === 'script' && TRACKING_CODE.test(textOf(node))) {
        at(node.position?.start, '<script> 中是访问跟踪或广告代码：政府网站不得在正文中嵌入跟踪代码', '删除整个 <script>…</script>；网站访问统计由平台统一提供');
      }
      if (name === 'img') {
        const size = (v: string | null | undefined) => (typeof v === 'string' ? Number.parseFloat(v) : Number.NaN);
        const width = size(attributeValue(node, 'width'));
        const height = size(attributeValue(node, 'height'));
        if (width <= 1 && height <= 1) {
          at(node.position?.start, `<img> 是 ${width}×${height} 像素的隐形图片（跟踪像素），用于统计访客：政府网站不得跟踪访客`, '删除这个 <img> 标签');
        }
      }
    });
  };
}
