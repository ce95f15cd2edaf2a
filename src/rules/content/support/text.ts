// Shared by the content-rule plugins: the text an item publishes, as runs of plain text that a
// rule can search with a regular expression, each able to say where a character of it stands —
// a line and column in the body, or the front-matter field it came from — and a reporter that
// turns a finding into a VFile message the runner (src/rules/content/run-item-checks.ts) understands.
import { readFileSync } from 'node:fs';
import type { Node, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { splitFrontMatter } from '../../../content/front-matter.ts';
import { visibleText } from '../../../security/text-hygiene.ts';

export type FieldPath = Array<string | number>;

/** What a finding adds to its message (message.data), read by run-item-checks.ts. */
export interface FindingData {
  field?: FieldPath;
  severity?: 'warn';
}

/** A finding's message: vfile's types leave message.data out. */
export type FindingMessage = VFile['messages'][number] & { data?: FindingData };

/** A stretch of published text: one paragraph, heading, table cell or code block, an image's alt, an attribute value, a front-matter field. */
export interface TextRun {
  text: string;
  /** What the text is, in the words of a message: 正文, 标题, 图片替代文本… */
  label: string;
  /** Set for front-matter text: the field the runner turns into a file line. */
  field?: FieldPath;
  /** Where the character at `index` stands in the body (1-based line and column, body-relative). */
  place(index: number): Point | undefined;
  /** The kind of text: a line of its own in a paragraph or heading can be a marking, in a list item or table cell it is more likely an entry. */
  block?: 'paragraph' | 'listItem' | 'heading' | 'tableCell' | 'code' | 'attribute';
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export function isJsxElement(node: { type: string }): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** A JSX element's plain attribute value: undefined when absent, null when an expression `{…}`. */
export function attributeValue(node: JsxElement, name: string): string | null | undefined {
  const attribute = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attribute) return undefined;
  if (attribute.value === null || attribute.value === undefined) return '';
  return typeof attribute.value === 'string' ? attribute.value : null;
}

// ---------------------------------------------------------------------------------------------
// The body's source text: exact columns even where the parsed text differs from what was typed
// (escapes like \{, indented continuation lines, `code`).

const sources = new WeakMap<VFile, BodySource | null>();

interface BodySource {
  text: string;
  lineStarts: number[];
}

function bodySource(file: VFile): BodySource | null {
  if (sources.has(file)) return sources.get(file)!;
  let text: string | undefined;
  if (file.value !== undefined && String(file.value) !== '') text = String(file.value);
  else {
    const context = file.data.govsite;
    if (context?.absoluteFile) {
      try {
        text = splitFrontMatter(readFileSync(context.absoluteFile, 'utf8'), context.file).split?.body;
      } catch {
        text = undefined;
      }
    }
  }
  const source = text === undefined ? null : { text, lineStarts: lineStartsOf(text) };
  sources.set(file, source);
  return source;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function pointAtOffset(source: BodySource, offset: number): Point {
  let low = 0;
  let high = source.lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (source.lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - source.lineStarts[low]! + 1, offset };
}

/**
 * Where character `index` of a node's parsed `value` stands in the source: walks the value and
 * the source together, skipping source characters the parser dropped (backslashes, indentation,
 * backticks, quotes).
 */
function locateInNode(file: VFile, node: Node, value: string, index: number, sourceStart?: number): Point | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const source = bodySource(file);
  const from = sourceStart ?? start.offset;
  const end = node.position?.end.offset;
  if (source && from !== undefined && end !== undefined && source.text.length >= end) {
    let j = from;
    for (let i = 0; i < index && j < end; j++) {
      if (source.text[j] === value[i]) i++;
    }
    // Skip dropped characters before the character itself.
    while (j < end && source.text[j] !== value[index]) j++;
    if (j < end) return pointAtOffset(source, j);
  }
  // Without the source: count lines in the parsed value.
  const before = value.slice(0, index);
  const newline = before.lastIndexOf('\n');
  if (newline === -1) return { line: start.line, column: start.column + index };
  return { line: start.line + before.split('\n').length - 1, column: index - newline };
}

// ---------------------------------------------------------------------------------------------
// Runs

/**
 * The run as the rules match it: NFC, radicals as ideographs, invisible characters and bidi
 * controls removed (SEC-04: `秘\u200b密★一年` reads 秘密★一年 and is caught), while `place`
 * still points at the character in the original text.
 */
export function visibleRun(run: TextRun): TextRun {
  const { text, origin } = visibleText(run.text);
  if (!origin) return run;
  return { ...run, text, place: (index) => run.place(origin[Math.max(0, Math.min(index, origin.length - 1))]!) };
}

interface Segment {
  from: number;
  to: number;
  node: Node;
  value: string;
}

function runFromSegments(file: VFile, text: string, segments: Segment[], label: string, block: TextRun['block'], fallback?: Point): TextRun {
  return {
    text,
    label,
    block,
    place(index) {
      const segment = segments.find((s) => index >= s.from && index < s.to) ?? segments.findLast((s) => s.from <= index);
      if (!segment) return fallback;
      return locateInNode(file, segment.node, segment.value, Math.min(index - segment.from, Math.max(0, segment.value.length - 1))) ?? fallback;
    },
  };
}

const INLINE_BREAKS = new Set(['break']);

/** Concatenates the phrasing content of a block: text, inline code and the text inside links, emphasis and inline elements. */
function collectInline(children: readonly Node[], into: { text: string; segments: Segment[] }): void {
  for (const child of children) {
    if (child.type === 'text' || child.type === 'inlineCode') {
      const value = (child as Node & { value: string }).value;
      into.segments.push({ from: into.text.length, to: into.text.length + value.length, node: child, value });
      into.text += value;
    } else if (INLINE_BREAKS.has(child.type) || (isJsxElement(child) && child.name === 'br')) {
      into.text += '\n';
    } else if ('children' in child && Array.isArray((child as { children?: unknown }).children)) {
      collectInline((child as Node & { children: Node[] }).children, into);
    }
  }
}

const BLOCKS: Record<string, TextRun['block']> = { paragraph: 'paragraph', heading: 'heading', tableCell: 'tableCell' };
const PHRASING = new Set(['text', 'inlineCode', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'mdxJsxTextElement', 'break']);

/** A JSX attribute's value, located from the opening quote. */
function attributeRun(file: VFile, attribute: MdxJsxAttribute, value: string, label: string): TextRun {
  const source = bodySource(file);
  const start = attribute.position?.start.offset;
  let valueStart: number | undefined;
  if (source && start !== undefined) {
    const quote = source.text.slice(start).search(/["']/);
    if (quote !== -1) valueStart = start + quote + 1;
  }
  return {
    text: value,
    label,
    block: 'attribute',
    place: (index) => locateInNode(file, attribute, value, index, valueStart) ?? attribute.position?.start,
  };
}

/**
 * Every piece of text the body publishes: blocks of phrasing content (a paragraph's text runs
 * on across its links and emphasis), code, image alt texts and titles, link titles, and JSX
 * attribute values that readers see (alt, title, caption…).
 */
export function bodyRuns(tree: Root, file: VFile): TextRun[] {
  // Four checks read the same runs of the same tree: collected once (0.7 s at 10,000 items).
  const known = runsOfTree.get(tree);
  if (known?.file === file) return known.runs;
  const runs = collectBodyRuns(tree, file).map(visibleRun);
  runsOfTree.set(tree, { file, runs });
  return runs;
}

const runsOfTree = new WeakMap<Root, { file: VFile; runs: TextRun[] }>();

function collectBodyRuns(tree: Root, file: VFile): TextRun[] {
  const runs: TextRun[] = [];
  visit(tree, (node, _index, parent) => {
    const block = node.type === 'paragraph' && parent?.type === 'listItem' ? 'listItem' : BLOCKS[node.type] ?? (isJsxElement(node) && node.type === 'mdxJsxFlowElement' && node.children.some((c) => PHRASING.has(c.type)) ? 'paragraph' : undefined);
    if (block && 'children' in node) {
      const into = { text: '', segments: [] as Segment[] };
      // A flow element's own phrasing children: its block children are visited on their own.
      const children = (node.children as Node[]).filter((c) => node.type !== 'mdxJsxFlowElement' || PHRASING.has(c.type));
      collectInline(children, into);
      if (into.text.trim()) runs.push(runFromSegments(file, into.text, into.segments, node.type === 'heading' ? '正文小标题' : node.type === 'tableCell' ? '正文表格' : '正文', block, node.position?.start));
    }
    if (node.type === 'code') {
      runs.push(runFromSegments(file, node.value, [{ from: 0, to: node.value.length, node, value: node.value }], '代码块', 'code', node.position?.start));
    }
    if (node.type === 'image') {
      if (node.alt) {
        const sourceStart = node.position?.start.offset !== undefined ? node.position.start.offset + 2 : undefined;
        const alt = node.alt;
        runs.push({ text: alt, label: '图片替代文本', block: 'attribute', place: (i) => locateInNode(file, node, alt, i, sourceStart) ?? node.position?.start });
      }
      if (node.title) runs.push({ text: node.title, label: '图片标题', block: 'attribute', place: () => node.position?.start });
    }
    if ((node.type === 'link' || node.type === 'definition') && node.title) {
      runs.push({ text: node.title, label: '链接标题', block: 'attribute', place: () => node.position?.start });
    }
    if (isJsxElement(node)) {
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
        if (!VISIBLE_ATTRIBUTES.has(attribute.name)) continue;
        runs.push(attributeRun(file, attribute, attribute.value, `<${node.name ?? ''}> 的 ${attribute.name} 属性`));
      }
    }
    return undefined;
  });
  return runs;
}

const VISIBLE_ATTRIBUTES = new Set(['alt', 'title', 'caption', 'summary', 'label', 'aria-label']);

/** Labels of the front-matter fields whose text is published. */
const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  description: '摘要',
  source: '信息来源',
  issuer: '发文机关',
  docNumber: '文号',
  author: '作者',
  imageAlt: '题图替代文本',
  keywords: '关键词',
  attachments: '附件名称',
};

/**
 * Front-matter text as runs, for the fields named (`keywords` gives one run per keyword,
 * `attachments` one per attachment title).
 */
export function fieldRuns(frontMatter: Record<string, unknown> | undefined, fields: readonly string[]): TextRun[] {
  const runs: TextRun[] = [];
  if (!frontMatter) return runs;
  const make = (text: string, field: FieldPath, label: string): TextRun => visibleRun({ text, label, field, place: () => undefined });
  for (const name of fields) {
    const value = frontMatter[name];
    const label = FIELD_LABELS[name] ?? name;
    if (typeof value === 'string' && value.trim()) runs.push(make(value, [name], label));
    else if (name === 'keywords' && Array.isArray(value)) {
      value.forEach((keyword, i) => typeof keyword === 'string' && runs.push(make(keyword, [name, i], label)));
    } else if (name === 'attachments' && Array.isArray(value)) {
      value.forEach((a: { title?: unknown }, i) => typeof a?.title === 'string' && runs.push(make(a.title, [name, i, 'title'], label)));
    }
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Reporting

export interface Finding {
  ruleId: string;
  /** What is wrong, quoting the offending text (masked when it is personal data). */
  reason: string;
  /** The fix, in Chinese. */
  note: string;
  severity?: 'warn';
}

/** Reports a finding at a body point or position, or at a front-matter field. */
export function report(file: VFile, finding: Finding, where: { place?: Point | Node['position']; field?: FieldPath }): void {
  const message: FindingMessage = file.message(finding.reason, { place: where.field ? undefined : where.place ?? undefined, ruleId: finding.ruleId, source: 'govsite' });
  message.note = finding.note;
  const data: FindingData = {};
  if (where.field) data.field = where.field;
  if (finding.severity) data.severity = finding.severity;
  if (where.field || finding.severity) message.data = data;
}

/** Reports a finding at character `index` of a run. */
export function reportInRun(file: VFile, run: TextRun, index: number, finding: Finding): void {
  report(file, finding, run.field ? { field: run.field } : { place: run.place(index) });
}

/** Where a run's text sits, for messages: “正文中”, “标题中”. */
export function inRun(run: TextRun): string {
  return `${run.label}中`;
}

/** The sentence around a match (between 。！？；, line breaks): for context-dependent phrases. */
export function sentenceAround(text: string, index: number, length: number): string {
  const stops = /[。！？；!?;\n]/;
  let start = index;
  while (start > 0 && !stops.test(text[start - 1]!)) start--;
  let end = index + length;
  while (end < text.length && !stops.test(text[end]!)) end++;
  return text.slice(start, end);
}

/** Every match of a global regular expression in a run's text. */
export function* matchesIn(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    if (m[0] === '') re.lastIndex++;
  }
}
