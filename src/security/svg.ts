// SEC-03: an SVG from content or site assets (a logo, a body image, an attachment) is published
// as a file of the site: opened directly, it is a document of the site's origin, and a script in
// it runs there. SVGs are refused, not cleaned: an editor re-exports the drawing as plain SVG (or
// PNG), and nothing rewrites files on the way to the reader, so what was checked is what is served.
//
// The file is read by a small strict XML tokenizer: anything it does not understand is refused
// (so a trick that makes this reader and a browser's parser disagree fails closed). Refused:
//   - elements that run or embed: script, foreignObject, iframe, embed, object, applet, frame,
//     handler, listener, link, meta, base (whatever their prefix: `svg:script`; case-insensitive);
//   - event handlers (any `on…` attribute), `xml:base`;
//   - `href`/`xlink:href`/`src` (any prefix) to anything but a same-document `#fragment`;
//   - `javascript:`/`vbscript:`/`data:` in animation values and styles; `url(…)` other than
//     `url(#id)` in any attribute or style; in CSS `@import`, `@font-face`, `image-set()`,
//     `expression()`, `behavior`, `-moz-binding`, and backslash escapes (which could spell any);
//   - `<animate>`/`<set>`/… whose `attributeName` is href, src or an `on…` handler;
//   - namespaces that make elements HTML, MathML, XSLT, XInclude or XML Events;
//   - a DOCTYPE with an internal subset (`<!ENTITY …>`), any named entity other than the five of
//     XML, processing instructions other than the XML declaration (`<?xml-stylesheet?>`), an
//     encoding other than UTF-8, and a document that is not well formed or whose root is not <svg>.

import { printable } from './content-paths.ts';

export interface SvgFinding {
  /** What was found, in words for an editor (Chinese). */
  what: string;
  /** 1-based line in the file. */
  line: number;
}

const FORBIDDEN_ELEMENTS: Record<string, string> = {
  script: '脚本 <script>',
  foreignobject: '嵌入网页内容的 <foreignObject>',
  iframe: '内嵌网页 <iframe>',
  embed: '插件内容 <embed>',
  object: '插件内容 <object>',
  applet: '插件内容 <applet>',
  frame: '框架 <frame>',
  frameset: '框架 <frameset>',
  handler: '事件处理 <handler>',
  listener: '事件监听 <listener>',
  link: '外部资源 <link>',
  meta: '网页指令 <meta>',
  base: '改变地址基准的 <base>',
};

const ANIMATIONS = new Set(['animate', 'set', 'animatemotion', 'animatecolor', 'animatetransform']);
const ANIMATION_VALUES = new Set(['to', 'from', 'by', 'values']);

/** Namespaces browsers give behaviour to (HTML can script, XSLT transforms, XInclude fetches). */
const FORBIDDEN_NAMESPACES = [
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1998/math/mathml',
  'http://www.w3.org/1999/xsl/transform',
  'http://www.w3.org/2001/xinclude',
  'http://www.w3.org/2001/xml-events',
];

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*/;

class SvgRefused extends Error {}

/** Decodes the five XML entities and numeric references; any other entity is refused. */
function decodeXml(value: string, onBad: (what: string) => void): string {
  return value.replace(/&([^;&\s]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) {
      onBad('不完整的转义字符“&”（写作 &amp;）');
      return match;
    }
    const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(body);
    if (numeric) {
      const code = numeric[1] ? parseInt(numeric[1], 16) : Number(numeric[2]);
      if (code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
      onBad('无效的字符编号');
      return '';
    }
    const named = XML_ENTITIES[body];
    if (named === undefined) {
      onBad(`自定义实体“&${body.slice(0, 20)};”`);
      return '';
    }
    return named;
  });
}

/** What a browser sees of a URL-like value: no whitespace or control characters, lower case. */
function squeezed(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]+/g, '').toLowerCase();
}

const SCRIPT_SCHEME = /(?:^|[^a-z0-9+.-])(?:javascript|vbscript|livescript|data):/;

/** Problems of CSS text (a style attribute or a <style> element). */
function cssProblems(css: string): string[] {
  const problems: string[] = [];
  if (css.includes('\\')) problems.push('样式中的反斜杠转义');
  const text = squeezed(css.replace(/\/\*[\s\S]*?\*\//g, ''));
  if (text.includes('@import')) problems.push('样式中的 @import（加载外部样式）');
  if (text.includes('@font-face')) problems.push('样式中的 @font-face（加载外部字体）');
  if (/expression\(|behaviou?r:|-moz-binding|image-set\(|(?:^|[^a-z-])image\(|(?:^|[^a-z-])src\(|cross-fade\(/.test(text)) problems.push('样式中可加载外部资源或执行代码的写法');
  if (SCRIPT_SCHEME.test(text)) problems.push('样式中的 javascript: 或 data: 地址');
  for (const match of text.matchAll(/url\(([^)]*)\)?/g)) {
    const target = match[1]!.replace(/^['"]|['"]$/g, '');
    if (!target.startsWith('#')) {
      problems.push('样式中引用外部资源的 url(…)');
      break;
    }
  }
  return problems;
}

/** Checks attribute values as an SVG's tags are read: namespaces, handlers, links, animations, CSS. */
function checkAttributeValue(find: (what: string, at: number) => void, fail: (what: string) => never, element: string, name: string, raw: string, at: number) {
  const lower = name.toLowerCase();
  const local = lower.slice(lower.lastIndexOf(':') + 1);
  if (raw.includes('<')) fail('属性值中有“<”');
  const value = decodeXml(raw, (what) => find(what, at));
  if (lower === 'xmlns' || lower.startsWith('xmlns:')) {
    if (FORBIDDEN_NAMESPACES.includes(value.trim().toLowerCase())) find(`会被浏览器当作网页执行的命名空间“${value.trim()}”`, at);
    return;
  }
  if (local.startsWith('on')) find(`事件处理属性 ${name}`, at);
  if (lower === 'xml:base') find('改变地址基准的 xml:base', at);
  const view = squeezed(value);
  if (local === 'href' || local === 'src') {
    if (view !== '' && !/^#[^#]*$/.test(view)) find(`${name} 引用了本文件以外的内容`, at);
  } else if (ANIMATION_VALUES.has(local) && SCRIPT_SCHEME.test(view)) {
    // An animation can set a link's target: its values are URLs too.
    find(`属性 ${name} 中的 javascript: 或 data: 地址`, at);
  }
  if (ANIMATIONS.has(element) && local === 'attributename') {
    const target = view.slice(view.lastIndexOf(':') + 1);
    if (target === 'href' || target === 'src' || target.startsWith('on')) find(`动画 <${element}> 修改 ${value.trim()} 属性`, at);
  }
  for (const problem of cssProblems(value)) {
    // A style attribute is CSS; elsewhere (fill, filter, clip-path, mask…) only url() fetches.
    if (local === 'style' || problem.includes('url(')) find(problem, at);
  }
}

/** One reading of an SVG file's text, left to right: what it found, and where it is. */
class SvgScan {
  readonly findings: SvgFinding[] = [];
  pos = 0;
  private readonly stack: string[] = [];
  rootSeen = false;
  private styleText: { text: string; at: number } | undefined;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  private lineAt(offset: number) {
    let line = 1;
    for (let i = 0; i < offset && i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) line++;
    return line;
  }

  find(found: string, at = this.pos) {
    const what = printable(found);
    if (this.findings.length < 20 && !this.findings.some((f) => f.what === what)) this.findings.push({ what, line: this.lineAt(at) });
  }

  fail(what: string, at = this.pos): never {
    this.find(what, at);
    throw new SvgRefused();
  }

  private openTag() {
    const { text } = this;
    const start = this.pos;
    this.pos++; // <
    const name = NAME.exec(text.slice(this.pos, this.pos + 200))?.[0];
    if (!name) this.fail('无法解析的标签');
    this.pos += name!.length;
    const lower = name!.toLowerCase();
    const local = lower.slice(lower.lastIndexOf(':') + 1);
    if (this.stack.length === 0) {
      if (this.rootSeen) this.fail('根元素之外还有其他元素');
      if (local !== 'svg') this.fail(`根元素是 <${name}>，不是 <svg>`);
      this.rootSeen = true;
    }
    if (FORBIDDEN_ELEMENTS[local]) this.find(FORBIDDEN_ELEMENTS[local]!, start);
    const seen = new Set<string>();
    for (;;) {
      const space = /^\s*/.exec(text.slice(this.pos, this.pos + 1000))![0].length;
      this.pos += space;
      if (text.startsWith('/>', this.pos)) {
        this.pos += 2;
        break;
      }
      if (text[this.pos] === '>') {
        this.pos++;
        this.stack.push(name!);
        if (local === 'style') this.styleText = { text: '', at: this.pos };
        break;
      }
      if (space === 0) this.fail('无法解析的属性');
      const attribute = NAME.exec(text.slice(this.pos, this.pos + 200))?.[0];
      if (!attribute) this.fail('无法解析的属性');
      const at = this.pos;
      this.pos += attribute!.length;
      const eq = /^\s*=\s*/.exec(text.slice(this.pos, this.pos + 1000));
      if (!eq) this.fail(`属性 ${attribute} 没有值`);
      this.pos += eq![0].length;
      const quote = text[this.pos];
      if (quote !== '"' && quote !== "'") this.fail(`属性 ${attribute} 的值没有引号`);
      const end = text.indexOf(quote!, this.pos + 1);
      if (end === -1) this.fail('属性值没有结束');
      if (seen.has(attribute!)) this.fail(`属性 ${attribute} 重复`);
      seen.add(attribute!);
      checkAttributeValue((what, where) => this.find(what, where), (what) => this.fail(what), local, attribute!, text.slice(this.pos + 1, end), at);
      this.pos = end + 1;
    }
  }

  private closeTag() {
    const start = this.pos;
    const match = /^<\/([A-Za-z_][A-Za-z0-9_.:-]*)\s*>/.exec(this.text.slice(this.pos, this.pos + 300));
    if (!match || this.stack.pop() !== match[1]) this.fail('标签没有正确配对', start);
    if (this.styleText && match![1]!.toLowerCase().replace(/^.*:/, '') === 'style') {
      for (const problem of cssProblems(this.styleText.text)) this.find(problem, this.styleText.at);
      this.styleText = undefined;
    }
    this.pos += match![0].length;
  }

  /** `<?…?>`, `<!--…-->`, `<![CDATA[…]]>`, `<!DOCTYPE …>`: what else than a tag may start with `<`. */
  private markup(): boolean {
    const { text, pos } = this;
    if (text.startsWith('<?', pos)) {
      const end = text.indexOf('?>', pos);
      if (end === -1) this.fail('处理指令没有结束');
      const instruction = text.slice(pos + 2, end);
      if (/^xml\s/.test(instruction) && pos === (text.startsWith('\ufeff') ? 1 : 0)) {
        const encoding = /encoding\s*=\s*["']([^"']*)["']/.exec(instruction)?.[1]?.toLowerCase();
        if (encoding && encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'us-ascii') this.find(`声明的编码是 ${encoding}（须为 UTF-8）`);
      } else {
        this.find(`处理指令 <?${instruction.split(/\s/)[0]!.slice(0, 30)} …?>（如引用外部样式表）`);
      }
      this.pos = end + 2;
    } else if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      if (end === -1) this.fail('注释没有结束');
      if (text.slice(pos + 4, end).includes('--')) this.fail('注释中有“--”');
      this.pos = end + 3;
    } else if (text.startsWith('<![CDATA[', pos)) {
      if (this.stack.length === 0) this.fail('根元素之外有 CDATA');
      const end = text.indexOf(']]>', pos);
      if (end === -1) this.fail('CDATA 没有结束');
      if (this.styleText) this.styleText.text += text.slice(pos + 9, end);
      this.pos = end + 3;
    } else if (/^<!doctype/i.test(text.slice(pos, pos + 9))) {
      if (this.rootSeen) this.fail('DOCTYPE 位置不对');
      const doctype = /^<!DOCTYPE\s+[A-Za-z_][\w:.-]*(?:\s+(?:PUBLIC\s+(?:"[^"<>[\]]*"|'[^'<>[\]]*')\s+(?:"[^"<>[\]]*"|'[^'<>[\]]*')|SYSTEM\s+(?:"[^"<>[\]]*"|'[^'<>[\]]*')))?\s*>/.exec(text.slice(pos, pos + 1000));
      if (!doctype) this.fail('DOCTYPE 中声明了实体（<!ENTITY …>）或其他内容');
      this.pos += doctype![0].length;
    } else if (text.startsWith('<!', pos)) {
      this.fail('无法解析的声明 <!…>');
    } else {
      return false;
    }
    return true;
  }

  /** Reads the whole text; throws SvgRefused at the first thing it cannot read on. */
  scan() {
    const { text } = this;
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.exec(text);
    if (control) this.fail('控制字符', control.index);
    if (text.startsWith('\ufeff')) this.pos = 1;
    while (this.pos < text.length) {
      const lt = text.indexOf('<', this.pos);
      const chunk = text.slice(this.pos, lt === -1 ? text.length : lt);
      if (chunk) {
        if (this.stack.length === 0 && chunk.trim() !== '') this.fail('根元素之外有文字');
        const decoded = decodeXml(chunk, (what) => this.find(what, this.pos));
        if (this.styleText) this.styleText.text += decoded;
      }
      if (lt === -1) break;
      this.pos = lt;
      if (this.markup()) continue;
      if (text.startsWith('</', this.pos)) {
        this.closeTag();
      } else {
        if (this.styleText) this.fail('<style> 中有标签');
        this.openTag();
      }
    }
    if (!this.rootSeen) this.fail('没有 <svg> 根元素', 0);
    if (this.stack.length > 0) this.fail(`<${this.stack.at(-1)}> 没有结束`, text.length);
  }
}

/** Every refusal found in an SVG file's bytes; empty when the file is clean. */
export function inspectSvg(bytes: Uint8Array): SvgFinding[] {
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) return [{ what: 'UTF-16 编码（须为 UTF-8）', line: 1 }];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return [{ what: '不是 UTF-8 编码的文本', line: 1 }];
  }
  const scan = new SvgScan(text);
  try {
    scan.scan();
  } catch (error) {
    if (!(error instanceof SvgRefused)) throw error;
  }
  return scan.findings;
}
