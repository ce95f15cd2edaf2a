// SEC-02: the URL allowlist, with the spellings browsers accept for a script URL.
import { describe, expect, it } from 'vitest';
import { browserView, checkUrl, urlScheme } from '../../src/security/url-policy.ts';

describe('SEC-02 url policy', () => {
  it.each([
    'https://www.gov.cn/zhengce/',
    'http://www.shili.gov.cn/',
    'mailto:ban@shili.gov.cn',
    'tel:12345',
    '/news/2026-meeting/',
    './plan.pdf',
    'plan.pdf',
    '#section-2',
    '?page=2',
    '//www.gov.cn/',
    'HTTPS://WWW.GOV.CN/',
  ])('accepts %s', (url) => {
    expect(checkUrl(url)).toEqual({ ok: true });
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#0000106avascript:alert(1)',
    'java&Tab;script:alert(1)',
    'javascript&colon;alert(1)',
    '&amp;#106;avascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/javascript,alert(1)',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'DATA:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
    'weixin://dl/business',
    'ht&#116;ps://www.gov.cn/',
  ])('refuses %j', (url) => {
    const verdict = checkUrl(url);
    expect(verdict.ok).toBe(false);
  });

  it('judges the URL as a browser reads it', () => {
    expect(browserView(' \u0000java\tscript:x ')).toBe('javascript:x');
    expect(urlScheme('&#x4A;avascript:x')).toBe('javascript');
    expect(urlScheme('/a:b')).toBeUndefined();
  });
});
