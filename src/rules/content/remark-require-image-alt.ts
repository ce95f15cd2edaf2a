// CONT-11: every image in an item's body has alternative text, whether written as Markdown
// `![替代文本](./a.jpg)`, as a reference `![替代文本][pic]` with `[pic]: ./a.jpg`, or as an
// `<img>`/`<Image>` element.
import type { Definition, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const IMAGE_ELEMENTS = new Set(['img', 'Image', 'Picture', 'MapImage']);

function altOf(node: MdxJsxFlowElement | MdxJsxTextElement): string | undefined | null {
  const attribute = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'alt');
  if (!attribute) return undefined;
  return typeof attribute.value === 'string' ? attribute.value : null; // null: an expression, not checkable here
}

export default function remarkRequireImageAlt() {
  return (tree: Root, file: VFile) => {
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      definitions.set(node.identifier.toLowerCase(), node);
    });
    visit(tree, (node) => {
      if (node.type === 'image' || node.type === 'imageReference') {
        if ((node.alt ?? '').trim() === '') {
          const url = node.type === 'image' ? node.url : (definitions.get(node.identifier.toLowerCase())?.url ?? `[${node.label ?? node.identifier}]`);
          const message = file.message(`图片“${url}”没有替代文本，读屏软件无法向视障读者说明图片内容`, { place: node.position, ruleId: 'CONT-11', source: 'govsite' });
          message.note = node.type === 'image' ? `在方括号中写明图片内容，例如 ![工作人员在政务服务大厅为群众办理业务](${url})` : `在第一对方括号中写明图片内容，例如 ![工作人员在政务服务大厅为群众办理业务][${node.label ?? node.identifier}]`;
        }
        return;
      }
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && IMAGE_ELEMENTS.has(node.name)) {
        const alt = altOf(node);
        if (alt === null) return;
        if (alt === undefined || alt.trim() === '') {
          const message = file.message(`<${node.name}> 图片没有替代文本（alt）`, { place: node.position, ruleId: 'CONT-11', source: 'govsite' });
          message.note = `加上 alt="说明图片内容的文字"；纯装饰性图片请改用 CSS 背景`;
        }
      }
    });
  };
}
