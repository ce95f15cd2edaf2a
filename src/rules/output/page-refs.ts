// What the output link check (check-links.ts) keeps of a built page: its ids, and each address
// it refers to (links, images, attachments, resources, frames, forms) with where it is, whether
// it is in the item's body and, for links, whether readers can see it (hidden-links.ts).
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { matches, selectAll } from 'hast-util-select';
import { enter, hiddenLinkReason, linkText, ROOT_CONTEXT, type VisibilityContext } from './hidden-links.ts';
import type { SourcePlace } from './source-lines.ts';

/** The element the templates render an item's body into ([column]/[slug].astro). */
export const BODY_SELECTOR = '.article__body';
/** What an #anchor can name. */
const ANCHOR_TARGETS = '[id], a[name]';

/** An item of the site, by the URL of its page. */
export interface LinkCheckItem {
  url: string;
  file: string;
  title: string;
}

export type RefKind = 'link' | 'attachment' | 'image' | 'resource' | 'frame' | 'form';

/** A reference of a page, kept small: a large site's parsed pages are not kept in memory. */
export interface Ref {
  kind: RefKind;
  /** The address as the page has it. */
  value: string;
  /** A link people follow (`a`, `area`), not a file the page loads. */
  isLink: boolean;
  /** Where the element is in the built HTML. */
  at?: SourcePlace;
  /** The link's text, for messages about hidden links. */
  text?: string;
  inBody: boolean;
  /** How many references to the same address came before it on the page (body and rest apart). */
  occurrence: number;
  /** Why the link cannot be seen (a and area only). */
  hidden?: string;
}

export interface Page {
  path: string;
  url: string;
  ids: Set<string>;
  refs: Ref[];
  /**
   * The addresses of the files a first visit loads, as the page has them (LAY-09,
   * page-budgets.ts): stylesheets, scripts, preloads, icons, and one file per image (the
   * largest candidate of its srcset, else its src).
   */
  loads: string[];
  /** The page's size in bytes, when known without looking at the file (LAY-09). */
  bytes?: number;
  item?: LinkCheckItem;
}

const ATTACHMENT = /\.(?:pdf|ofd|docx?|xlsx?|wps|et|csv|zip|rar|7z|pptx?|txt)$/i;
// Files a page loads or offers (feeds). Not `canonical`: it names the page's address for search
// engines (a 404 page's is its route, /404/), it is not a link anyone follows.
const RESOURCE_RELS = /\b(?:stylesheet|icon|apple-touch-icon|preload|modulepreload|manifest|alternate)\b/i;
// Of those, the files a browser fetches on a first visit (a feed or a manifest only when asked).
const LOADED_RELS = /(?:^|[\s,])(?:stylesheet|icon|preload|modulepreload)(?=$|[\s,])/i;

/** `news/a/index.html` → `/news/a/`; `404.html` → `/404.html`. */
export function pageUrl(pagePath: string): string {
  if (pagePath === 'index.html') return '/';
  if (pagePath.endsWith('/index.html')) return `/${pagePath.slice(0, -'index.html'.length)}`;
  return `/${pagePath}`;
}

function stringProp(element: Element, name: string): string | undefined {
  const value = element.properties?.[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  return undefined;
}

function srcsetEntries(element: Element): string[] {
  const value = element.properties?.srcSet;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/,\s+/) : [];
}

function srcsetUrls(element: Element): string[] {
  return srcsetEntries(element).map((entry) => entry.trim().split(/\s+/)[0]!).filter(Boolean);
}

/**
 * The file an image makes a reader download, at most: the largest candidate of its srcset (by
 * its width or density descriptor), which a wide or high-density screen picks; else its src.
 */
function largestImage(element: Element): string | undefined {
  let best: { url: string; size: number } | undefined;
  for (const entry of srcsetEntries(element)) {
    const [url, descriptor = '1x'] = entry.trim().split(/\s+/);
    const size = Number.parseFloat(descriptor) * (descriptor.endsWith('x') ? 100_000 : 1);
    if (url && (!best || size > best.size)) best = { url, size };
  }
  return best?.url ?? stringProp(element, 'src');
}

function position(element: Element): SourcePlace | undefined {
  const start = element.position?.start;
  return start ? { line: start.line, column: start.column } : undefined;
}

/** Parses a page and collects its ids, its references and, for links, whether they can be seen. */
export function readPage(pagePath: string, tree: Root, classes: ReadonlyMap<string, string>): Page {
  const page: Page = { path: pagePath, url: pageUrl(pagePath), ids: new Set(), refs: [], loads: [] };
  const load = (value: string | undefined) => {
    if (value !== undefined && !value.startsWith('data:')) page.loads.push(value);
  };
  const seen = new Map<string, number>();
  const add = (kind: RefKind, value: string | undefined, element: Element, inBody: boolean, hidden?: string) => {
    if (value === undefined) return;
    const key = `${inBody} ${value}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const isLink = element.tagName === 'a' || element.tagName === 'area';
    page.refs.push({ kind, value, isLink, at: position(element), text: hidden ? linkText(element) : undefined, inBody, occurrence, hidden });
  };
  const walk = (nodes: readonly (RootContent | ElementContent)[], context: VisibilityContext, inBody: boolean) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const inside = enter(node, context, classes);
      const body = inBody || matches(BODY_SELECTOR, node);
      const tag = node.tagName;
      if (tag === 'a' || tag === 'area') {
        const href = stringProp(node, 'href');
        if (href !== undefined) {
          const kind: RefKind = present(node.properties?.download) || ATTACHMENT.test(href.split(/[?#]/)[0]!) ? 'attachment' : 'link';
          add(kind, href, node, body, hiddenLinkReason(node, inside, classes));
        }
      } else if (tag === 'img' || tag === 'source') {
        add('image', stringProp(node, 'src'), node, body);
        for (const url of srcsetUrls(node)) add('image', url, node, body);
        // A <picture>'s <source> is an alternative to its <img>, which is counted.
        if (tag === 'img') load(largestImage(node));
      } else if (tag === 'link') {
        const rel = stringProp(node, 'rel') ?? '';
        if (RESOURCE_RELS.test(rel)) add('resource', stringProp(node, 'href'), node, body);
        if (LOADED_RELS.test(rel)) load(stringProp(node, 'href'));
      } else if (tag === 'script' || tag === 'embed' || tag === 'track' || tag === 'audio' || tag === 'video') {
        add('resource', stringProp(node, 'src'), node, body);
        if (tag === 'script') load(stringProp(node, 'src'));
        if (tag === 'video') add('image', stringProp(node, 'poster'), node, body);
      } else if (tag === 'object') {
        add('resource', stringProp(node, 'data'), node, body);
      } else if (tag === 'iframe') {
        add('frame', stringProp(node, 'src'), node, body);
      } else if (tag === 'form') {
        add('form', stringProp(node, 'action'), node, body);
      }
      walk(node.children, inside, body);
      // <template> content is a separate fragment: everything in it is hidden.
      const content = (node as Element & { content?: Root }).content;
      if (content) walk(content.children, inside, body);
    }
  };
  walk(tree.children, ROOT_CONTEXT, false);
  for (const target of selectAll(ANCHOR_TARGETS, tree)) {
    for (const name of [stringProp(target, 'id'), target.tagName === 'a' ? stringProp(target, 'name') : undefined]) {
      if (name) page.ids.add(name);
    }
  }
  return page;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false;
}

/** The `<style>` elements of a page, without parsing it. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
}
