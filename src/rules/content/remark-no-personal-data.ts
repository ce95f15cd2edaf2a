// CONT-07: personal data blocks publication (指引 “不得泄露个人隐私”; 晋 第二十条) unless the item
// records a privacy review (`privacyReviewed: { by, date }`), e.g. a list published by law.
// Found in the body (text, link targets such as tel:, attribute values), the title and the summary:
//   - an 18-digit resident ID number (GB 11643): a province code, a real birth date and the
//     check digit must all agree, so order numbers and other 18-digit numbers pass;
//   - a mainland mobile number 1[3-9]xxxxxxxxx standing alone (not part of a longer number);
//     landlines like 0590-12345678 and hotlines like 12345 pass. The site's own contact numbers
//     belong in site.yaml, not in bodies;
//   - a bank card number: 16–19 digits with a card issuer's prefix and a valid Luhn check digit.
// Messages quote the number masked (3101**********1234): the report must not spread it further.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { attachmentRuns } from './support/attachment-text.ts';
import { bodyRuns, fieldRuns, inRun, isJsxElement, matchesIn, reportInRun, visibleRun, type TextRun } from './support/text.ts';

const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643: province code, birth date (a real day, not in the future) and the check character. */
export function isResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(id)) return false;
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  if (birth.getTime() > Date.now()) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Prefixes of cards issued in China and of the international schemes: UnionPay 62, 60; Visa 4; Mastercard 51–55, 2221–2720; JCB 3528–3589; older domestic 94, 95. */
export function plausibleCardPrefix(digits: string): boolean {
  const four = Number(digits.slice(0, 4));
  return /^(?:62|60|4|5[1-5]|9[45])/.test(digits) || (four >= 2221 && four <= 2720) || (four >= 3528 && four <= 3589);
}

export function isBankCard(digits: string): boolean {
  return digits.length >= 16 && digits.length <= 19 && plausibleCardPrefix(digits) && luhnValid(digits);
}

const mask = (digits: string, keepStart: number, keepEnd = 4) =>
  digits.slice(0, keepStart) + '*'.repeat(Math.max(0, digits.length - keepStart - keepEnd)) + digits.slice(-keepEnd);

const ID_PATTERN = /(?<![0-9A-Za-z０-９])[1-9]\d{5}[ -]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]?\d{3}[0-9Xx](?![0-9A-Za-z０-９])/;
/** After a quantity, not a phone or card number: 15000000000 元, 13800000000 人次. */
const NOT_A_QUANTITY = String.raw`(?![0-9０-９]|[.,．]\d|\s*(?:元|万|亿|千|百|人|户|次|件|个|吨|辆|台|套|笔|名|家|项|条|平方|公里|千米|米|亩|公顷|%|％|余|多|以上|左右))`;
const MOBILE_PATTERN = new RegExp(String.raw`(?<![0-9０-９.¥￥$])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}` + NOT_A_QUANTITY);
const CARD_PATTERN = new RegExp(String.raw`(?<![0-9０-９.¥￥$])\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}(?:[ -]?\d{1,3})?` + NOT_A_QUANTITY);

interface Found {
  index: number;
  length: number;
  kind: '身份证号码' | '手机号码' | '银行卡号';
  masked: string;
}

export function findPersonalData(text: string): Found[] {
  const found: Found[] = [];
  const taken = (index: number, length: number) => found.some((f) => index < f.index + f.length && f.index < index + length);
  for (const m of matchesIn(text, ID_PATTERN)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (isResidentId(digits)) found.push({ index: m.index, length: m[0].length, kind: '身份证号码', masked: mask(digits.toUpperCase(), 4) });
  }
  for (const m of matchesIn(text, CARD_PATTERN)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (!taken(m.index, m[0].length) && isBankCard(digits)) found.push({ index: m.index, length: m[0].length, kind: '银行卡号', masked: mask(digits, 4) });
  }
  for (const m of matchesIn(text, MOBILE_PATTERN)) {
    const digits = m[0].replace(/[ -]/g, '').replace(/^\+?86(?=1[3-9]\d{9}$)/, '');
    if (!taken(m.index, m[0].length)) found.push({ index: m.index, length: m[0].length, kind: '手机号码', masked: mask(digits, 3) });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** `text` with every ID, mobile and card number masked: for other rules that quote text in their messages. */
export function maskPersonalData(text: string): string {
  let masked = text;
  for (const f of findPersonalData(text).reverse()) masked = masked.slice(0, f.index) + f.masked + masked.slice(f.index + f.length);
  return masked;
}

/** Link targets and attribute values (tel:13812345678, href, src): not visible text, but published. */
function urlRuns(tree: Root): TextRun[] {
  const runs: TextRun[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
      runs.push({ text: decodeSafely(node.url), label: '链接地址', block: 'attribute', place: () => node.position?.start });
    } else if (isJsxElement(node)) {
      for (const a of node.attributes) {
        if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string' && /^(?:href|src|data|cite|action|poster)$/i.test(a.name)) {
          runs.push({ text: decodeSafely(a.value), label: `<${node.name ?? ''}> 的 ${a.name} 属性`, block: 'attribute', place: () => a.position?.start });
        }
      }
    }
  });
  return runs;
}

function decodeSafely(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

export default function remarkNoPersonalData() {
  return (tree: Root, file: VFile) => {
    const frontMatter = file.data.govsite?.frontMatter;
    if (frontMatter?.privacyReviewed) return;
    const runs = [...fieldRuns(frontMatter, ['title', 'description']), ...bodyRuns(tree, file), ...urlRuns(tree).map(visibleRun), ...attachmentRuns(file)];
    for (const run of runs) {
      for (const f of findPersonalData(run.text)) {
        reportInRun(file, run, f.index, {
          ruleId: 'CONT-07',
          reason: `${inRun(run)}有${f.kind}“${f.masked}”（此处已打码）：政府网站不得泄露个人信息`,
          note:
            f.kind === '手机号码'
              ? `删除这个手机号码，或打码为“${f.masked}”；对外联系请写单位的办公电话（如 0590-12345678）或 12345 热线。确需公开的，经隐私审查后在前置信息中加 privacyReviewed: { by: 审查人姓名, date: 审查日期 }，例如 privacyReviewed: { by: 王芳, date: 2026-01-05 }`
              : `删除这个${f.kind}，或打码为“${f.masked}”。确需公开的（如依法公示的名单），经隐私审查后在前置信息中加 privacyReviewed: { by: 审查人姓名, date: 审查日期 }，例如 privacyReviewed: { by: 王芳, date: 2026-01-05 }`,
        });
      }
    }
  };
}
