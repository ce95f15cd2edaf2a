// SEC-02: the one place that decides whether a URL written in content or site.yaml may reach a
// page. Only http:, https:, mailto:, tel: and relative URLs pass. The value is judged the way a
// browser will read it, not the way it looks: HTML character references are decoded (Markdown
// and attribute values decode them), tabs and newlines inside the URL are removed and leading
// and trailing spaces and control characters are stripped (as the WHATWG URL parser does), and
// the scheme is compared case-insensitively. So `JaVaScRiPt:`, ` javascript:`, `java\tscript:`,
// `&#106;avascript:` and `java&Tab;script:` are all the same refusal.

export const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

export type UrlVerdict = { ok: true } | { ok: false; scheme: string; reason: string };

// Every HTML named reference that stands for a character a scheme can hold or a browser drops
// from one (letters and digits have none): `web&plus;x:` is the scheme `web+x:` to a browser.
const NAMED_REFERENCES: Record<string, string> = {
  tab: '\t', newline: '\n', colon: ':', sol: '/', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lpar: '(', rpar: ')', period: '.', comma: ',', plus: '+',
};

/** Decodes numeric and the few named character references that can spell a scheme. */
export function decodeCharacterReferences(value: string): string {
  let previous: string;
  let current = value;
  // Repeated: `&amp;#106;` decodes to `&#106;` in one pass, and a second HTML parse would decode it again.
  do {
    previous = current;
    current = current.replace(/&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([a-zA-Z]+));?/g, (match, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (hex || dec) {
        const code = hex ? parseInt(hex, 16) : Number(dec);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
      }
      const named = NAMED_REFERENCES[name!.toLowerCase()];
      return named ?? match;
    });
  } while (current !== previous);
  return current;
}

/** The URL as a browser parses it: references decoded, tab/newline removed, C0 controls and spaces trimmed. */
export function browserView(value: string): string {
  return decodeCharacterReferences(value)
    .replace(/[\t\n\r]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/^[\u0000-\u0020\u00a0\u3000\ufeff]+|[\u0000-\u0020\u00a0\u3000\ufeff]+$/g, '');
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** The scheme a browser would see, lower-cased, or undefined for a relative URL. */
export function urlScheme(value: string): string | undefined {
  const match = SCHEME.exec(browserView(value));
  return match ? match[1]!.toLowerCase() : undefined;
}

export function checkUrl(value: string): UrlVerdict {
  // Control characters inside a URL are never written by a person: they hide what the URL is.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) {
    return { ok: false, scheme: '', reason: '地址中含有控制字符' };
  }
  const scheme = urlScheme(value);
  if (scheme === undefined || (ALLOWED_SCHEMES as readonly string[]).includes(scheme)) {
    // A scheme spelled with references or split by tabs is an attempt to hide it, even when allowed.
    const plain = SCHEME.exec(value.trim())?.[1]?.toLowerCase();
    if (scheme !== undefined && plain !== scheme) return { ok: false, scheme, reason: `地址的协议“${scheme}:”用转义字符或空白拼写` };
    return { ok: true };
  }
  const reason =
    scheme === 'javascript' || scheme === 'vbscript' || scheme === 'livescript'
      ? `“${scheme}:”地址是脚本，点击时会执行代码`
      : scheme === 'data'
        ? '“data:”地址把网页或脚本直接写在链接里'
        : `“${scheme}:”不是网页、邮件或电话地址`;
  return { ok: false, scheme, reason };
}

/** The fix an editor is told, for every refusal. */
export const URL_FIX = '链接只能用 https://…（或 http://…）网址、mailto: 邮件地址、tel: 电话号码，或站内路径（/栏目/文章/）';

/**
 * Attributes that hold a URL in HTML (and SVG's xlink:href), whatever the element: the checker
 * (src/rules/content/remark-safe-urls.ts) and the compile (plugins/mdx-data-only.ts) use this list.
 */
export const URL_ATTRIBUTES = new Set([
  'href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'cite', 'background', 'longdesc', 'lowsrc', 'dynsrc',
  'xlink:href', 'ping', 'manifest', 'codebase', 'archive', 'classid', 'profile', 'usemap', 'icon', 'itemtype', 'itemid', 'imagesrcset',
]);

/** The URLs an attribute value holds: each candidate of a `srcset` is a URL, then an optional width or density. */
export function attributeUrls(name: string, value: string): string[] {
  if (!name.toLowerCase().endsWith('srcset')) return [value];
  return value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '').filter(Boolean);
}
