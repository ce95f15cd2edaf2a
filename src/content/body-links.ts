// The addresses an item's body links to, read once from the tree the loader parses: Markdown
// links and images (inline, by reference), and the href / src / srcset of HTML elements and
// components. The platform's link check (CONT-13, src/rules/output/source-links.ts) resolves them
// on every run against the pages the build will write; what it reads is kept in the item cache,
// so a check of an unchanged platform parses no body.
import type { Definition, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';

export interface BodyLink {
  /** The address as written (character references decoded by the parser). */
  url: string;
  /** An image (Markdown image, `<img>`…): a missing one is a broken image, not a broken link. */
  image: boolean;
  /** Line and column in the item's file. */
  line: number;
  column: number;
}

/** Elements whose `src`/`srcset` is an image. */
const IMAGE_ELEMENTS = new Set(['img', 'Image', 'Picture', 'MapImage', 'source']);
/** Attributes whose value is an address a reader follows or a page loads. */
const LINK_ATTRIBUTES = new Set(['href', 'src', 'srcset']);

/** Schemes that never name a page of the platform (mailto:, tel:, data: …); http(s) may. */
function mayBeInternal(url: string): boolean {
  const v = url.trim();
  if (v === '' || v.startsWith('#')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https';
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export function bodyLinks(tree: Root, bodyFirstLine: number): BodyLink[] {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    // `[^1]: 脚注的内容。` is a footnote (GFM), which this parse without GFM reads as a definition whose URL is the note's text.
    if (!node.identifier.startsWith('^')) definitions.set(node.identifier.toLowerCase(), node);
  });
  const links: BodyLink[] = [];
  const add = (url: string, image: boolean, place: { line: number; column: number } | undefined) => {
    if (!mayBeInternal(url) || !place) return;
    links.push({ url, image, line: bodyFirstLine + place.line - 1, column: place.column });
  };
  visit(tree, (node) => {
    const place = node.position?.start;
    if (node.type === 'link' || node.type === 'image') add(node.url, node.type === 'image', place);
    else if (node.type === 'linkReference' || node.type === 'imageReference') {
      const definition = definitions.get(node.identifier.toLowerCase());
      if (definition) add(definition.url, node.type === 'imageReference', place);
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const element = node as JsxElement;
      for (const attribute of element.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
        const name = (attribute as MdxJsxAttribute).name.toLowerCase();
        if (!LINK_ATTRIBUTES.has(name)) continue;
        const image = name !== 'href' && IMAGE_ELEMENTS.has(element.name ?? '');
        const urls = name === 'srcset' ? attribute.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [attribute.value];
        for (const url of urls) add(url, image, attribute.position?.start ?? place);
      }
    }
  });
  return links;
}
