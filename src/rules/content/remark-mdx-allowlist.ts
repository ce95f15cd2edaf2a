// CONT-16: MDX is restricted to what an editor needs to write an article. MDX can run code; a
// government page must not (security: no injected scripts, no hidden content, no tracking).
//   - no import/export (mdxjsEsm) and no JavaScript expressions {…} — MDX comments {/* … */} are
//     allowed, they publish nothing;
//   - JSX elements only from an allowlist: the MapImage component and a few harmless HTML
//     elements (below); never <script>, <style>, <object>, <embed>, <form>…;
//   - no on* event-handler attributes, no style/srcdoc attributes, no attribute expressions
//     (width={300}, {...props}); the URLs of links, images and attributes are SEC-02's
//     (remark-safe-urls.ts, the allowlist of src/security/url-policy.ts), not judged here;
//   - <iframe> only from the government video hosts of data/iframe-hosts.yaml, over https.
// Messages are for an editor who did not mean to write code.
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { maskPersonalData } from './remark-no-personal-data.ts';
import { loadDataFile } from './support/data-files.ts';
import { report } from './support/text.ts';
import { FORBIDDEN_ATTRIBUTE } from '../../security/mdx-attributes.ts';
import { isOnlyComments } from '../../security/mdx-comments.ts';

/** Components the templates provide to every MDX body (templates/pages/[column]/[slug].astro). */
export const ALLOWED_COMPONENTS = ['MapImage'];
/** HTML elements with no behaviour that Markdown cannot express. */
export const ALLOWED_HTML = [
  'br', 'wbr', 'sup', 'sub', 'abbr', 'small', 'mark', 'ruby', 'rt', 'rp', 'figure', 'figcaption', 'details', 'summary', 'img',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'dl', 'dt', 'dd',
];

export const iframeHostsSchema = z.strictObject({
  hosts: z
    .array(z.strictObject({ host: z.string().regex(/^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, { error: 'host 只写主机名，例如 www.gov.cn 或 *.video.shili.gov.cn' }), name: z.string().min(1) }))
    .default([]),
});

type Element = MdxJsxFlowElement | MdxJsxTextElement;

const FORBIDDEN: Record<string, { what: string; fix: string }> = {
  script: { what: '脚本 <script>：脚本可能窃取访客信息或篡改页面', fix: '删除整个 <script>…</script>；统计、分享、视频播放等功能由网站模板统一提供' },
  style: { what: '样式表 <style>', fix: '删除整个 <style>…</style>；文字格式用 Markdown（**加粗**、## 小标题），版式由网站模板统一设定' },
  object: { what: '插件内容 <object>', fix: '删除这个标签；视频请上传到政务视频平台后嵌入，文件请作为附件提供' },
  embed: { what: '插件内容 <embed>', fix: '删除这个标签；视频请上传到政务视频平台后嵌入，文件请作为附件提供' },
  applet: { what: '插件内容 <applet>', fix: '删除这个标签' },
  form: { what: '表单 <form>', fix: '删除表单；征集意见、留言咨询请用网站的互动交流栏目' },
  input: { what: '表单输入框 <input>', fix: '删除；征集意见、留言咨询请用网站的互动交流栏目' },
  button: { what: '按钮 <button>', fix: '删除；需要跳转的地方用普通链接 [文字](网址)' },
  textarea: { what: '表单输入框 <textarea>', fix: '删除；征集意见、留言咨询请用网站的互动交流栏目' },
  select: { what: '下拉框 <select>', fix: '删除；征集意见、留言咨询请用网站的互动交流栏目' },
  link: { what: '网页头部标签 <link>', fix: '删除这个标签' },
  meta: { what: '网页头部标签 <meta>', fix: '删除这个标签；网页标签由模板根据前置信息生成' },
  base: { what: '网页头部标签 <base>', fix: '删除这个标签' },
  frame: { what: '框架 <frame>', fix: '删除；外部网页请用普通链接 [标题](网址)' },
  frameset: { what: '框架 <frameset>', fix: '删除；外部网页请用普通链接 [标题](网址)' },
  svg: { what: '矢量图代码 <svg>（其中可以嵌入脚本）', fix: '把图形另存为 .svg 或 .png 文件放进条目目录，用 ![说明图片内容的文字](./图形.png) 插入' },
  a: { what: 'HTML 链接 <a>', fix: '改用 Markdown 链接：[链接文字](网址)' },
  video: { what: '视频标签 <video>', fix: '把视频上传到政务视频平台，再用平台提供的 <iframe> 嵌入' },
  audio: { what: '音频标签 <audio>', fix: '把音频上传到政务视频平台，再用平台提供的 <iframe> 嵌入，或作为附件提供' },
};

const LAYOUT = new Set(['div', 'span', 'p', 'font', 'center', 'b', 'i', 'u', 'strong', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 'pre', 'code', 'section', 'article']);

function quoteCode(code: string): string {
  const flat = maskPersonalData(code.replace(/\s+/g, ' ').trim());
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

type ErrorAt = (place: { line: number; column: number } | undefined, reason: string, note: string) => void;

/** What the checks of one item need: its CONT-16 findings go to `error`. */
interface Check {
  error: ErrorAt;
  hosts: z.infer<typeof iframeHostsSchema>['hosts'];
  /** The platforms an iframe may show, as the messages name them. */
  hostList: string;
}

function allowedFrame(check: Check, src: string): boolean {
  let url: URL;
  try {
    url = new URL(src.startsWith('//') ? `https:${src}` : src);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  return url.protocol === 'https:' && check.hosts.some((h) => (h.host.startsWith('*.') ? host.endsWith(h.host.slice(1)) : host === h.host));
}

function checkAttribute(check: Check, element: Element, attribute: MdxJsxAttribute | MdxJsxExpressionAttribute) {
  const at = attribute.position?.start ?? element.position?.start;
  const tag = `<${element.name}>`;
  if (attribute.type === 'mdxJsxExpressionAttribute') {
    check.error(at, `${tag} 里的 {${quoteCode(attribute.value)}} 是程序代码，正文中不能使用`, `删除 {${quoteCode(attribute.value)}}，需要的属性逐个用引号写，例如 alt="说明文字"`);
    return;
  }
  const name = attribute.name;
  if (/^on/i.test(name)) {
    check.error(at, `${tag} 的 ${name} 属性是事件处理程序，会在读者点击或浏览时执行代码`, `删除 ${name}=… 这一段`);
    return;
  }
  if (/^(?:style|srcdoc|dangerouslySetInnerHTML|formaction)$/i.test(name)) {
    const why = name.toLowerCase() === 'style' ? '：样式由网站模板统一设定，用 style 隐藏或改变文字还会形成“暗链”' : '，会插入网页代码';
    check.error(at, `${tag} 不能使用 ${name} 属性${why}`, `删除 ${name}=… 这一段`);
    return;
  }
  if (FORBIDDEN_ATTRIBUTE.test(name)) {
    check.error(at, `${tag} 不能使用 ${name} 属性：它会影响网页自身的脚本、样式或站内搜索`, `删除 ${name}=… 这一段；格式用 Markdown 写，版式由网站模板统一设定`);
    return;
  }
  const value = attribute.value;
  if (value && typeof value === 'object') {
    const literal = /^\s*(-?\d+(?:\.\d+)?|(["'])[^"'\\]*\2)\s*$/.exec(value.value);
    const plain = literal ? literal[1]!.replace(/^["']|["']$/g, '') : undefined;
    check.error(
      at,
      `${tag} 的 ${name} 属性用了花括号 {${quoteCode(value.value)}}，这是程序代码，正文中不能使用`,
      plain !== undefined ? `改为 ${name}="${plain}"` : `改为用引号写出具体的值，例如 ${name}="…"`,
    );
    return;
  }
}

/** An <iframe> shows a video of an allowed platform, over https. */
function checkIframe(check: Check, element: Element) {
  const at = element.position?.start;
  const { hostList } = check;
  const src = element.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'src')?.value;
  if (typeof src !== 'string' || !src.trim()) {
    check.error(at, '<iframe> 没有写嵌入地址（src）', `只能嵌入以下政府视频平台的视频：${hostList}；把平台提供的嵌入代码原样粘贴`);
  } else if (!allowedFrame(check, src)) {
    let host = src;
    try {
      host = new URL(src.startsWith('//') ? `https:${src}` : src).host || src;
    } catch {
      // keep as written
    }
    check.error(
      at,
      `<iframe> 嵌入的“${host}”不在允许嵌入的政府视频平台名单中${src.startsWith('http:') ? '（且不是 https 加密地址）' : ''}：嵌入外部网页可能带来广告、跟踪或被篡改的内容`,
      `只能嵌入以下平台的视频：${hostList}（地址须以 https:// 开头）；其他网页请改用普通链接 [标题](网址)。需要新增平台请联系平台运维组（data/iframe-hosts.yaml）`,
    );
  }
  for (const attribute of element.attributes) checkAttribute(check, element, attribute);
}

/** An element of the body: an allowed component or HTML tag, with attributes that are plain text. */
function checkElement(check: Check, element: Element) {
  const { error } = check;
  const at = element.position?.start;
  const name = element.name;
  if (name === null) {
    error(at, '正文里有空标签 <>…</>', '删除 <> 和 </>，保留中间的文字');
    return;
  }
  if (name === 'iframe') {
    checkIframe(check, element);
    return;
  }
  const forbidden = FORBIDDEN[name.toLowerCase()];
  if (forbidden) {
    error(at, `正文中不能使用${forbidden.what}`, forbidden.fix);
    return;
  }
  if (!ALLOWED_COMPONENTS.includes(name) && !ALLOWED_HTML.includes(name)) {
    if (/^[A-Z]/.test(name) || name.includes('.')) {
      error(
        at,
        `组件 <${name}> 不在允许使用的范围内`,
        `正文中只能用地图组件 <MapImage> 和这些 HTML 标签：${ALLOWED_HTML.join('、')}；需要新组件请联系平台运维组`,
      );
    } else if (LAYOUT.has(name.toLowerCase())) {
      error(at, `正文中不能使用 HTML 排版标签 <${name}>`, `删除 <${name}> 和 </${name}>，保留里面的文字；格式用 Markdown：**加粗**、## 小标题、- 列表、> 引用`);
    } else {
      error(at, `正文中不能使用 HTML 标签 <${name}>`, `删除这个标签；正文中只能用 <MapImage> 和这些 HTML 标签：${ALLOWED_HTML.join('、')}`);
    }
    return;
  }
  for (const attribute of element.attributes) checkAttribute(check, element, attribute);
}

export default function remarkMdxAllowlist() {
  return (tree: Root, file: VFile) => {
    const { hosts } = loadDataFile(file, 'iframe-hosts.yaml', iframeHostsSchema);
    const error: ErrorAt = (place, reason, note) => report(file, { ruleId: 'CONT-16', reason, note }, { place });
    const check: Check = { error, hosts, hostList: hosts.map((h) => `${h.name}（${h.host}）`).join('、') || '（平台尚未配置）' };

    visit(tree, (node) => {
      if (node.type === 'mdxjsEsm') {
        const first = node.value.split('\n')[0]!.trim();
        error(
          node.position?.start,
          `正文里的“${quoteCode(first)}”是程序语句（import/export），正文中不能引用其他文件或程序`,
          '删除这一行。图片用 ![说明图片内容的文字](./图片.jpg) 插入，地图直接写 <MapImage … />（不需要 import），附件在前置信息 attachments 中列出',
        );
        return;
      }
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
        if (isOnlyComments(node.value)) return;
        error(
          node.position?.start,
          `正文里的 {${quoteCode(node.value)}} 被当成了程序代码（花括号在 MDX 中表示 JavaScript 表达式）`,
          '如果只是想写花括号，改用全角“｛｝”，或写成 \\{ 和 \\}；正文中不能运行代码',
        );
        return;
      }
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') checkElement(check, node);
    });
  };
}
