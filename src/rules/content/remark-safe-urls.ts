// SEC-02: every URL a body puts in a page passes the allowlist of src/security/url-policy.ts
// (http, https, mailto, tel, relative), judged as a browser reads it — one function for body and
// front matter alike (front matter: src/schema/fields.ts `allowedUrl`). A body carries URLs in
// links and images, in reference definitions (`[x]: javascript:…`, used or not) and in the
// attributes of the HTML elements and components it may use (`<img src>`, `srcset`, `<iframe src>`,
// `<MapImage src>`…). The parser has already decoded character references in these; checkUrl
// decodes again, so a reference encoded twice is refused too.
import type { Root } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { attributeUrls, checkUrl, URL_ATTRIBUTES, URL_FIX } from '../../security/url-policy.ts';
import { maskPersonalData } from './remark-no-personal-data.ts';
import { isJsxElement, report } from './support/text.ts';

function quote(url: string): string {
  const flat = maskPersonalData(url.replace(/\s+/g, ' ').trim());
  // Control characters are shown by their code, never written into a message.
  // eslint-disable-next-line no-control-regex
  const shown = flat.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > 60 ? `${shown.slice(0, 60)}…` : shown;
}

export default function remarkSafeUrls() {
  return (tree: Root, file: VFile) => {
    const refuse = (place: Point | undefined, what: string, url: string) => {
      const verdict = checkUrl(url);
      if (verdict.ok) return;
      report(file, { ruleId: 'SEC-02', reason: `${what}“${quote(url)}”不安全：${verdict.reason}`, note: URL_FIX }, { place });
    };
    visit(tree, (node) => {
      if (node.type === 'link') refuse(node.position?.start, '链接地址', node.url);
      else if (node.type === 'image') refuse(node.position?.start, '图片地址', node.url);
      else if (node.type === 'definition') refuse(node.position?.start, `链接定义 [${node.label ?? node.identifier}] 的地址`, node.url);
      else if (isJsxElement(node)) {
        for (const attribute of node.attributes) {
          if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
          const name = (attribute as MdxJsxAttribute).name.toLowerCase();
          if (!URL_ATTRIBUTES.has(name)) continue;
          for (const url of attributeUrls(name, attribute.value)) refuse(attribute.position?.start ?? node.position?.start, `<${node.name ?? ''}> 的 ${attribute.name} 地址`, url);
        }
      }
    });
  };
}
