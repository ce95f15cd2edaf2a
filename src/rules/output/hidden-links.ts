// 暗链 (CONT-13): a link readers cannot see. Walks a page's hast tree with what the ancestors
// do to their content (hidden attribute, inline styles, the site's hiding classes, aria-hidden,
// inline colours) and asks, for each link, whether any of its content is visible.
//
// Deliberately allowed: the site's accessible patterns. The `.visually-hidden` utility inside a
// link (screen-reader text such as “（将离开本站）”) is not visible text, but the link's other
// text is; the skip link (`a.skip-link` to an anchor on the same page) is off-screen until it
// gets keyboard focus, which is the point of it. A link *inside* a visually-hidden element, or
// itself visually hidden, is a hidden link.
import type { Element, ElementContent, RootContent } from 'hast';
import { LEAVING_NOTE } from '../../render/leaving-links.ts';
import { backgroundColor, fontSizeKind, hidingReason, indistinguishable, parseColor, parseDeclarations, type Color } from './css-values.ts';

/** Links shown only when focused, by class, allowed when they point at an anchor of the same page. */
export const FOCUS_VISIBLE_LINK_CLASSES = ['skip-link'];

/** What the ancestors of a node do to it. */
export interface VisibilityContext {
  /** Why an ancestor (or the element itself) hides everything in it. */
  hidden?: string;
  ariaHidden: boolean;
  fontZero: boolean;
  /** Inline text colour in effect, if an inline style set one. */
  color?: Color;
  /** Inline background in effect; the page's white when none; 'unknown' for images. */
  background: Color | 'unknown';
}

const PAGE_BACKGROUND: Color = { r: 255, g: 255, b: 255, a: 1 };

export const ROOT_CONTEXT: VisibilityContext = { ariaHidden: false, fontZero: false, background: PAGE_BACKGROUND };

export function classList(element: Element): string[] {
  // hast types className as string[]; a tree from elsewhere may hold a string.
  const value: unknown = element.properties?.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false;
}

function hrefOf(element: Element): string | undefined {
  const href = element.properties?.href;
  return typeof href === 'string' ? href : undefined;
}

/** The context inside `element`. */
export function enter(element: Element, context: VisibilityContext, hidingClasses: ReadonlyMap<string, string>): VisibilityContext {
  const props = element.properties ?? {};
  const tag = `<${element.tagName}>`;
  const declarations = typeof props.style === 'string' ? parseDeclarations(props.style) : undefined;
  let hidden = context.hidden;
  if (!hidden) {
    if (present(props.hidden)) hidden = `${tag} 带有 hidden 属性`;
    else if (element.tagName === 'template') hidden = '在 <template> 中（不显示）';
    else if (element.tagName === 'dialog' && !present(props.open)) hidden = '在未打开的 <dialog> 对话框中';
    else if (declarations) {
      const reason = hidingReason(declarations);
      if (reason) hidden = `${tag} 的行内${reason}`;
    }
    if (!hidden) {
      const focusLink = element.tagName === 'a' && (hrefOf(element) ?? '').startsWith('#');
      for (const name of classList(element)) {
        if (focusLink && FOCUS_VISIBLE_LINK_CLASSES.includes(name)) continue;
        const reason = hidingClasses.get(name);
        if (reason) {
          hidden = `${tag} 的样式类 .${name} 隐藏了内容（${reason}）`;
          break;
        }
      }
    }
  }
  let { fontZero, color, background } = context;
  if (declarations) {
    const size = fontSizeKind(declarations);
    if (size === 'zero') fontZero = true;
    else if (size === 'absolute') fontZero = false;
    const c = declarations.get('color');
    if (c) color = parseColor(c);
    const bg = backgroundColor(declarations);
    if (bg) background = bg;
  }
  const ariaHidden = context.ariaHidden || String(props.ariaHidden) === 'true';
  return { hidden, ariaHidden, fontZero, color, background };
}

function textHiddenBy(context: VisibilityContext): string | undefined {
  if (context.hidden) return context.hidden;
  if (context.fontZero) return '文字大小为 0（font-size:0）';
  if (context.color && context.background !== 'unknown' && indistinguishable(context.color, context.background)) {
    return context.color.a <= 0.05 ? '文字颜色为透明' : '文字颜色与背景颜色相同';
  }
  return undefined;
}

function tinyImage(element: Element): boolean {
  const size = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
  const w = size(element.properties?.width);
  const h = size(element.properties?.height);
  return (w !== undefined && w <= 1) || (h !== undefined && h <= 1);
}

interface Content {
  visible: boolean;
  /** Why some content there is not visible (the first reason met). */
  reason?: string;
  imageWithoutAlt: boolean;
}

/** Whether anything inside `node` can be seen. */
function visibleContent(children: readonly (ElementContent | RootContent)[], context: VisibilityContext, classes: ReadonlyMap<string, string>, found: Content): Content {
  for (const child of children) {
    if (found.visible) return found;
    if (child.type === 'text') {
      if (!child.value.trim()) continue;
      const why = textHiddenBy(context);
      if (why) found.reason ??= why;
      else found.visible = true;
    } else if (child.type === 'element') {
      const inner = enter(child, context, classes);
      if (child.tagName === 'img') {
        const alt = typeof child.properties?.alt === 'string' ? child.properties.alt.trim() : '';
        if (!alt) found.imageWithoutAlt = true;
        else if (inner.hidden) found.reason ??= inner.hidden;
        else if (tinyImage(child)) found.reason ??= '图片尺寸为零或 1 像素';
        else found.visible = true;
      } else if (child.tagName === 'svg') {
        const named = present(child.properties?.ariaLabel) || child.children.some((c) => c.type === 'element' && c.tagName === 'title');
        if (named && !inner.hidden) found.visible = true;
        else if (inner.hidden) found.reason ??= inner.hidden;
      } else {
        visibleContent(child.children, inner, classes, found);
      }
    }
  }
  return found;
}

/**
 * Why the link `element` (context: the one inside it, from `enter`) cannot be seen, or
 * undefined when it can. `area` links are judged by their ancestors only (their image shows).
 */
export function hiddenLinkReason(element: Element, inside: VisibilityContext, classes: ReadonlyMap<string, string>): string | undefined {
  if (inside.hidden) return inside.hidden;
  const tabIndex = element.properties?.tabIndex;
  const focusable = !(typeof tabIndex === 'number' && tabIndex < 0);
  if (inside.ariaHidden && focusable) return '在 aria-hidden="true" 的区域中：屏幕阅读器读不到，键盘却能选中';
  if (element.tagName === 'area') return undefined;
  const content = visibleContent(element.children, inside, classes, { visible: false, imageWithoutAlt: false });
  if (content.visible) return undefined;
  if (content.reason) return `链接文字看不见：${content.reason}`;
  if (content.imageWithoutAlt) return '链接里只有没有替代文本（alt）的图片，读者看不出这是什么链接';
  return '链接没有文字（空链接或只有空格）';
}

/** Visible text of a link for messages: its text content, shortened. */
export function linkText(element: Element): string {
  const parts: string[] = [];
  const walk = (nodes: readonly ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.value);
      else if (node.type === 'element') {
        if (node.tagName === 'img' && typeof node.properties?.alt === 'string') parts.push(node.properties.alt);
        else walk(node.children);
      }
    }
  };
  walk(element.children);
  const text = parts.join('').replace(LEAVING_NOTE, '').replace(/\s+/g, ' ').trim();
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}
