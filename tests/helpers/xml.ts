// A strict XML parser (sax, in strict mode: any well-formedness error throws) into a small
// element tree, for checking feeds and sitemaps against their formats.
// @ts-expect-error sax ships no types
import sax from 'sax';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true, { xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  parser.onerror = (error: Error) => {
    throw error;
  };
  parser.onopentag = (node: { name: string; attributes: Record<string, string> }) => {
    const element: XmlElement = { name: node.name, attributes: node.attributes, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = (text: string) => {
    stack.at(-1)!.text += text;
  };
  parser.oncdata = parser.ontext;
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error(`expected one root element, found ${root.children.length}`);
  return root.children[0]!;
}

export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);
export const childText = (element: XmlElement, name: string) => childrenNamed(element, name)[0]?.text.trim();
