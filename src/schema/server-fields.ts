// site.yaml fields whose values leave govsite's pages: written into the server's configuration
// (SEC-06: nginx, _headers, robots.txt, sitemap.xml) or linked from pages (SEC-02). Each refusal
// names its own rule through `params.ruleId` (src/config/validate-yaml.ts), whatever rule the field
// belongs to, and never repeats the value (it may hold a newline or an escape sequence).
import { z } from 'zod';
import { checkUrl, URL_FIX } from '../security/url-policy.ts';
import { deployTargetProblem, hostFieldProblem, SERVER_VALUE_RULE, serverPathProblem } from '../security/server-values.ts';

/**
 * SEC-06: a value written into the server's configuration (nginx, _headers, robots.txt,
 * sitemap.xml) must match its grammar (src/security/server-values.ts). `params.ruleId` makes
 * the diagnostic SEC-06 whatever rule the field itself belongs to.
 */
function serverValue(problemOf: (value: string) => string | undefined, fix: string) {
  return z.string().check((ctx) => {
    const problem = problemOf(ctx.value);
    if (!problem) return;
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `不能写进服务器配置：${problem}`, params: { fix, ruleId: SERVER_VALUE_RULE } });
  });
}

const HOST_FIX = '只写一个域名：英文字母、数字、- 和 .（中文域名写在 chineseDomain，如 示例省人民政府.政务），不要有空格、引号、分号等符号';
export const hostValue = serverValue(hostFieldProblem, HOST_FIX);
export const serverPathValue = serverValue(serverPathProblem, '写服务器上的绝对路径，只用英文字母、数字和 . _ - + @ ~ /，例如 /etc/nginx/tls/www.shili.gov.cn.crt');

/** SEC-02: a URL that reaches a page passes the URL allowlist, and has no whitespace or control characters. */
function urlProblem(value: string): string | undefined {
  const verdict = checkUrl(value);
  if (!verdict.ok) return verdict.reason;
  if (/[\\\p{C}\p{Z}]/u.test(value)) return '地址中含有空白、换行、反斜杠或不可见字符';
  return undefined;
}

export function pageUrl<T extends z.ZodString>(schema: T): T {
  return schema.check((ctx) => {
    const problem = urlProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: `地址不能用：${problem}`, params: { fix: URL_FIX, ruleId: 'SEC-02' }, abort: true });
  }) as T;
}

export const deployTargetValue = serverValue(
  deployTargetProblem,
  '生产发布写服务器上的目录，如 /srv/www/<站点标识>（只用英文字母、数字和 . _ - + @ ~ /）；预览发布写服务名，如 netlify',
);
