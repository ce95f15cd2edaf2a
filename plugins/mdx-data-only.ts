// CONT-16, enforced in the compile itself: a Sätteri mdast plugin in the very MDX compile that
// renders the pages (Astro's MDX modules and the direct render alike, body-processor.ts). The
// checker (src/rules/content/remark-mdx-allowlist.ts) explains these refusals to editors before a
// build; this plugin makes them hold whatever the checker missed or disagreed on: a body that
// reaches the compiler with code in it fails the build and is never evaluated.
//   - no ESM (import/export), no expression {…} but a comment, no attribute expression;
//   - JSX elements only from the allowlist, no on* or style-like attributes;
//   - every URL through the SEC-02 allowlist; local files by the checker's reference grammar,
//     images only as image files of the item's folder, never through a symbolic link (SEC-01, SEC-07).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastPluginDefinition, type MdxJsxFlowElement, type MdxJsxTextElement } from 'satteri';
import { ContentError, type ContentErrorInfo } from '../src/diagnostics/content-error.ts';
import { extensionOf, IMAGE_EXTENSIONS, lstatInside, parseReference, quoteReference, symlinkRefusal } from '../src/security/content-paths.ts';
import { FORBIDDEN_ATTRIBUTE } from '../src/security/mdx-attributes.ts';
import { isOnlyComments } from '../src/security/mdx-comments.ts';
import { attributeUrls, checkUrl, URL_ATTRIBUTES, URL_FIX } from '../src/security/url-policy.ts';
import { ALLOWED_COMPONENTS, ALLOWED_HTML, iframeHostsSchema } from '../src/rules/content/remark-mdx-allowlist.ts';
import { loadPlatformDataFile } from '../src/rules/content/support/data-files.ts';

type Place = { position?: { start: { line: number; column: number } } | undefined };
type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const ALLOWED_ELEMENTS = new Set([...ALLOWED_COMPONENTS, ...ALLOWED_HTML, 'iframe']);

function refuse(node: Place, info: Omit<ContentErrorInfo, 'line' | 'column'> | { ruleId: string; reason: string; fix: string }): never {
  if ('reason' in info) info = { ruleId: info.ruleId, message: info.reason, fix: info.fix };
  throw new ContentError({ ...info, line: node.position?.start.line, column: node.position?.start.column });
}

/** The government video hosts an <iframe> may embed: the platform's data file, else the repository's. */
function iframeHosts(): Array<{ host: string }> {
  return loadPlatformDataFile(path.resolve(process.env.GOVSITE_CONTENT_ROOT ?? '.'), 'iframe-hosts.yaml', iframeHostsSchema).hosts;
}

function allowedFrame(src: string): boolean {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  return url.protocol === 'https:' && iframeHosts().some(({ host: h }) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h));
}

function checkedUrl(node: Place, url: string, what: string): void {
  const verdict = checkUrl(url);
  if (!verdict.ok) refuse(node, { ruleId: 'SEC-02', message: `${what}“${url.slice(0, 60)}”不能使用：${verdict.reason}`, fix: URL_FIX });
}

/**
 * A local file a body names (image, <img>, <MapImage>): the same reference grammar as the checker
 * (src/security/content-paths.ts), and for images an image file in the item's folder. Astro turns
 * a body image into an `import`: anything else (a script, a module, a package name) must never
 * reach the bundler.
 */
function checkedLocalFile(node: Place, url: string, itemDir: string | undefined, image: boolean): void {
  const reference = parseReference(url, { siteAssets: true, urls: true });
  if (reference.kind === 'url') {
    // Other schemes are refused by checkedUrl; an image from another site is refused here: a page loads nothing from elsewhere.
    if (image) refuse(node, { ruleId: 'SEC-01', message: `图片“${quoteReference(url)}”在其他网站上：网页只能显示本站的图片`, fix: '把图片下载下来放进本条目的目录，用 ./文件名 引用' });
    return;
  }
  if (reference.kind === 'refused') refuse(node, { ruleId: reference.ruleId, message: reference.reason, fix: reference.fix });
  if (reference.siteAsset || !itemDir) return;
  const fix = '图片放在条目目录里，用 ./文件名 引用（如 ./photo.jpg）';
  if (image && !IMAGE_EXTENSIONS.has(extensionOf(reference.path))) refuse(node, { ruleId: 'SEC-01', message: `“${quoteReference(url)}”不是图片文件`, fix });
  if (image && !reference.dotSlash && reference.path.includes('/')) refuse(node, { ruleId: 'SEC-01', message: `图片地址“${quoteReference(url)}”没有以 ./ 开头，会被当作程序包查找`, fix });
  const found = lstatInside(itemDir, reference.path);
  if (found.state === 'symlink') refuse(node, symlinkRefusal(url, found.at));
}

function checkElement(node: JsxElement, itemDir: string | undefined): void {
  const name = node.name;
  const fix = `正文中只能用 <MapImage> 和这些 HTML 标签：${ALLOWED_HTML.join('、')}`;
  if (name === null || !ALLOWED_ELEMENTS.has(name)) {
    refuse(node, { ruleId: 'CONT-16', message: `正文中不能使用 <${name ?? ''}>`, fix });
  }
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute' || (attribute.value !== null && typeof attribute.value === 'object')) {
      refuse(node, { ruleId: 'CONT-16', message: `<${name}> 的属性用了花括号，这是程序代码`, fix: '属性值用引号写出具体的值，例如 alt="说明文字"' });
    }
    if (FORBIDDEN_ATTRIBUTE.test(attribute.name)) {
      refuse(node, { ruleId: 'CONT-16', message: `<${name}> 不能使用 ${attribute.name} 属性`, fix: `删除 ${attribute.name}=… 这一段` });
    }
    const value = attribute.value;
    if (typeof value === 'string' && URL_ATTRIBUTES.has(attribute.name.toLowerCase())) {
      for (const url of attributeUrls(attribute.name, value)) {
        checkedUrl(node, url, `<${name}> 的 ${attribute.name} 地址`);
        if (name !== 'iframe') checkedLocalFile(node, url, itemDir, name === 'img' || name === 'MapImage');
      }
    }
  }
  if (name === 'iframe') {
    const src = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'src')?.value;
    if (typeof src !== 'string' || !allowedFrame(src)) {
      refuse(node, { ruleId: 'CONT-16', message: '<iframe> 只能嵌入平台允许的政府视频平台（https）', fix: '改用普通链接 [标题](网址)；需要新增平台请联系平台运维组（data/iframe-hosts.yaml）' });
    }
  }
}

export default function mdxDataOnly(): MdastPluginDefinition {
  let itemDir: string | undefined;
  const code = (node: Place) =>
    refuse(node, { ruleId: 'CONT-16', message: '正文中有程序代码（import/export 或花括号表达式），不能编译', fix: '删除代码；正文中的花括号请改用全角“｛｝”，或写成 \\{ 和 \\}' });
  return defineMdastPlugin({
    name: 'govsite:mdx-data-only',
    options: { position: true },
    before(_root, context) {
      itemDir = context.fileURL ? path.dirname(fileURLToPath(context.fileURL)) : undefined;
    },
    mdxjsEsm: (node) => code(node),
    mdxFlowExpression: (node) => (isOnlyComments(node.value) ? undefined : code(node)),
    mdxTextExpression: (node) => (isOnlyComments(node.value) ? undefined : code(node)),
    mdxJsxFlowElement: (node) => checkElement(node, itemDir),
    mdxJsxTextElement: (node) => checkElement(node, itemDir),
    link: (node) => checkedUrl(node, node.url, '链接地址'),
    definition: (node) => checkedUrl(node, node.url, '链接地址'),
    image: (node) => {
      checkedUrl(node, node.url, '图片地址');
      checkedLocalFile(node, node.url, itemDir, true);
    },
  });
}
