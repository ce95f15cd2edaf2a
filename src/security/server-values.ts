// SEC-06: site.yaml values that end up in a server's configuration (the nginx server block,
// Netlify's _headers, robots.txt, sitemap.xml) follow a strict grammar, so that no value can
// end a directive and start another: nginx reads `;`, `{`, `}`, `#`, quotes, `$`, backslashes
// and whitespace as syntax, and a newline ends a header line or a comment.
//
// Two layers. The site.yaml schema refuses values with such characters (a diagnostic at their
// line: src/schema/site-schema.ts), and the writers (src/publish/nginx-config.ts …) call the
// guards at the end of this file, which throw on anything that is not a hostname, an absolute
// path or a plain header value, so a value that got past validation still cannot break out.
import { domainToASCII } from 'node:url';

export const SERVER_VALUE_RULE = 'SEC-06';

const NAMED: Record<string, string> = {
  '\n': '换行',
  '\r': '回车符',
  '\t': '制表符',
  ' ': '空格',
  ';': '分号“;”',
  '{': '花括号“{”',
  '}': '花括号“}”',
  '"': '双引号',
  "'": '单引号',
  '`': '反引号',
  '#': '井号“#”',
  '$': '美元符号“$”',
  '\\': '反斜杠“\\”',
};

const INVISIBLE = /[\p{C}\p{Z}]/u;

/** How an editor is told which character is wrong: by name, never by echoing invisible ones. */
export function describeCharacter(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  if (INVISIBLE.test(ch)) return `不可见字符 U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `字符“${ch}”`;
}

/** The first character of `value` that `allowed` does not accept. */
function firstBad(value: string, allowed: (ch: string) => boolean): string | undefined {
  for (const ch of value) if (!allowed(ch)) return ch;
  return undefined;
}

export const HOST_MAX_LENGTH = 253;
export const PATH_MAX_LENGTH = 1024;

// --- site.yaml grammar (the schema reports these as SEC-06 at the field's line) ---

/**
 * Domain fields (domain, chineseDomain, lifecycle.previousDomains[].domain). Only what cannot be
 * a character of a host name written by mistake is refused here: a scheme, a path, upper case or
 * Chinese in the English domain are told apart and explained by SITE-04 / SITE-09. Full-width
 * forms count as the ASCII they stand for (IDNA maps `；` to `;`), and so does the punycode form.
 */
export function hostFieldProblem(value: string): string | undefined {
  if (value.length > HOST_MAX_LENGTH) return `超过 ${HOST_MAX_LENGTH} 个字符`;
  const allowed = (ch: string) => (ch <= '\x7f' ? /[A-Za-z0-9.:/-]/.test(ch) : !INVISIBLE.test(ch));
  for (const form of [value, value.normalize('NFKC'), domainToASCII(value)]) {
    const bad = firstBad(form, allowed);
    if (bad !== undefined) return `含有${describeCharacter(bad)}`;
  }
  return undefined;
}

const PATH_CHARACTER = /[A-Za-z0-9._+@~/-]/;

/** An absolute path on the server: certificate, private key, publish target. */
export function serverPathProblem(value: string): string | undefined {
  if (!value.startsWith('/')) return '不是以 / 开头的绝对路径';
  if (value.length > PATH_MAX_LENGTH) return `超过 ${PATH_MAX_LENGTH} 个字符`;
  const bad = firstBad(value, (ch) => PATH_CHARACTER.test(ch));
  if (bad !== undefined) return `含有${describeCharacter(bad)}（路径只能用英文字母、数字和 . _ - + @ ~ /）`;
  if (value.includes('//')) return '含有连续的“//”';
  if (value.split('/').some((segment) => segment === '.' || segment === '..')) return '含有“.”或“..”目录';
  return undefined;
}

/**
 * Folder names `npm run publish` keeps inside a publish target (src/publish/releases.ts,
 * nginx-config.ts). A target whose path passes through one of them would be written inside
 * another site's releases or live copy.
 */
export const MANAGED_TARGET_NAMES = ['current', 'previous', 'releases', 'previous-domain'];

const SERVICE_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/;

/** deploy.production.target / deploy.preview.target: a server folder, or a service name such as netlify. */
export function deployTargetProblem(value: string): string | undefined {
  if (!value.startsWith('/')) {
    if (SERVICE_NAME.test(value)) return undefined;
    const bad = firstBad(value, (ch) => /[A-Za-z0-9._-]/.test(ch));
    return `既不是以 / 开头的服务器目录，也不是服务名（如 netlify）${bad !== undefined ? `：含有${describeCharacter(bad)}` : ''}`;
  }
  const problem = serverPathProblem(value);
  if (problem) return problem;
  const managed = value.split('/').find((segment) => MANAGED_TARGET_NAMES.includes(segment));
  if (managed) return `经过名为“${managed}”的目录：这是发布程序在发布目录里使用的名称，写在这里会发布到另一个网站的版本目录里`;
  return undefined;
}

/**
 * A production target on the server ends in the site's own id (/srv/www/<siteId>): two sites can
 * then never publish into the same folder and replace each other's live copy.
 */
export function targetOwnerProblem(siteId: string, target: string): string | undefined {
  if (!target.startsWith('/')) return undefined;
  const last = target.replace(/\/+$/, '').split('/').pop();
  return last === siteId ? undefined : `最后一级目录“${last ?? ''}”不是本站标识“${siteId}”：每个网站发布到以自己标识命名的目录，不会覆盖其他网站`;
}

// --- the writers' guards: throw, whatever validation let through ---

/** A value a writer refuses to put into a server's configuration. */
export class UnsafeServerValue extends Error {
  readonly field: string;
  readonly problem: string;
  constructor(field: string, problem: string) {
    super(`site.yaml 的 ${field} 不能写进服务器配置：${problem}（规则 ${SERVER_VALUE_RULE}，运行 npm run validate 查看位置和改法）`);
    this.field = field;
    this.problem = problem;
  }
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The host name as nginx matches it (IDN in punycode), or a throw: LDH labels only. The value is
 * checked before the conversion too, because domainToASCII parses like a URL host and would
 * quietly drop what follows a `#` or `\\`, a leading newline or a zero-width character.
 */
export function serverName(value: string, field: string): string {
  const bad = firstBad(value, (ch) => (ch <= '\x7f' ? /[A-Za-z0-9.-]/.test(ch) : !INVISIBLE.test(ch)));
  if (bad !== undefined) throw new UnsafeServerValue(field, `不是主机名：含有${describeCharacter(bad)}`);
  const ascii = value === '' || value.length > HOST_MAX_LENGTH ? '' : domainToASCII(value);
  if (ascii === '' || ascii.length > HOST_MAX_LENGTH || !ascii.split('.').every((label) => LABEL.test(label))) {
    throw new UnsafeServerValue(field, '不是主机名');
  }
  return ascii;
}

/** Whether serverName accepts `value` (for rules that explain the refusal in their own words). */
export function isServerName(value: string): boolean {
  try {
    serverName(value, '');
    return true;
  } catch {
    return false;
  }
}

/** An absolute path, written unquoted: only characters nginx reads as part of a word. */
export function serverPath(value: string, field: string): string {
  const problem = serverPathProblem(value);
  if (problem) throw new UnsafeServerValue(field, problem);
  return value;
}

/** `listen` parameters (`443 ssl http2`, `[::1]:8443 ssl`): addresses, ports and flags. */
export function listenParameters(value: string): string {
  if (!/^[A-Za-z0-9.:[\]_ -]{1,200}$/.test(value) || /^\s|\s$|\s\s/.test(value)) throw new UnsafeServerValue('listen', '不是 listen 参数');
  return value;
}

/** A response header: a token name and a printable ASCII value without quotes, backslash or `$`. */
export function headerField(name: string, value: string): { name: string; value: string } {
  if (!/^[A-Za-z0-9-]{1,100}$/.test(name)) throw new UnsafeServerValue('响应头名称', '不是响应头名称');
  const bad = firstBad(value, (ch) => ch >= ' ' && ch <= '~' && !'"\\$'.includes(ch));
  if (bad !== undefined || value.length > 8000) throw new UnsafeServerValue(name, bad !== undefined ? `含有${describeCharacter(bad)}` : '过长');
  return { name, value };
}

/** Free text (a site's name) for a `#` comment: one line of visible characters. */
export function commentText(value: string): string {
  return [...value].map((ch) => (INVISIBLE.test(ch) ? ' ' : ch)).join('').slice(0, 200);
}
