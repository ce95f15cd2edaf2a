// SEC-04 in the body as parsed: a control character written as a character reference. The file
// itself holds none (src/config/read-source-file.ts refuses them), and Markdown text decodes `&#1;`
// to U+FFFD, but a JSX attribute value keeps what its reference names: `alt="&#1;"` is U+0001 and
// `alt="&#27;[31m"` an ESC sequence in the published page. Every decoded value of the tree is
// looked at — text, attribute values, link and image addresses, titles and alt texts — so none
// reaches a page, a feed or a log.
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { describeHidden, findControlCharacter, HIDDEN_FIX } from '../../security/text-hygiene.ts';
import { isJsxElement, report } from './support/text.ts';

const VALUE_FIELDS = ['value', 'url', 'title', 'alt'] as const;

export default function remarkNoControlCharacters() {
  return (tree: Root, file: VFile) => {
    const check = (node: Node, where: Node['position'], what: string, value: unknown) => {
      if (typeof value !== 'string') return;
      const found = findControlCharacter(value);
      if (!found) return;
      report(file, { ruleId: 'SEC-04', reason: `${what}中有${describeHidden(found)}（由字符引用 &#…; 写成）：控制字符会进入网页`, note: `删除这个字符引用；${HIDDEN_FIX}` }, { place: where?.start ?? node.position?.start });
    };
    visit(tree, (node) => {
      for (const field of VALUE_FIELDS) check(node, node.position, node.type === 'text' ? '正文' : `${node.type} 的 ${field}`, (node as unknown as Record<string, unknown>)[field]);
      if (!isJsxElement(node)) return;
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute') check(node, attribute.position, `<${node.name ?? ''}> 的 ${attribute.name} 属性`, attribute.value);
      }
    });
  };
}
