// What is wrong with the addresses of a built page (check-links.ts): hidden links (暗链), broken
// links and anchors (错链/断链), non-government sites opened without the leave-site notice; and
// the diagnostics that say so, on the editor's MDX file or, for what templates made, on the page.
import { compareDiagnostics, diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { webHost } from '../../config/government-hosts.ts';
import { resolveFile, type Target } from './link-targets.ts';
import type { Page, Ref, RefKind } from './page-refs.ts';
import { bodyOffset, findInSource, sourceCandidates, type SourcePlace } from './source-lines.ts';

/** Where the leave-site notice pages live (templates/pages/leaving/[hash].astro). */
export const LEAVING_PREFIX = '/leaving/';

const KIND_WORD: Record<RefKind, string> = {
  link: '链接',
  attachment: '附件',
  image: '图片',
  resource: '资源文件',
  frame: '嵌入页面',
  form: '表单提交地址',
};

export interface Finding {
  /** Rule when the editor wrote the link (always CONT-13) and when a template made it. */
  templateRuleId: 'CONT-13' | 'HEALTH-05';
  severity?: 'warn';
  page: Page;
  ref: Ref;
  /** Message without the page, which is added per finding or per group. */
  message: string;
  fix: string;
  templateFix: string;
  /** The address to look for in the source. */
  lookFor: string;
  /** Only a link inside the body counts as the editor's (the notice check: front matter is rendered by templates). */
  bodyOnly?: boolean;
}

const FIX = {
  broken:
    '核对地址：本站页面写成 /栏目标识/文章路径名/（以 / 结尾），本条目目录中的图片和附件写成 ./文件名，并确认文件已放进条目目录；页面已删除或迁移的，删除这个链接或改为现行页面的地址',
  anchor: (fragment: string) =>
    `锚点 #${fragment} 要与目标页面中某个元素的 id 完全一致：改为正确的锚点，或去掉 # 及其后面的部分，只链接到页面`,
  hidden:
    '删除这个链接，或让它正常显示：不要把链接放进隐藏的内容（hidden 属性、visually-hidden 等样式类），不要用样式改变它的显示、大小、位置或颜色；链接要有看得见的文字，图片链接要写替代文本',
  notice:
    '用 Markdown 链接 [链接文字](网址) 书写：构建时会自动把非政府网站的链接改为先显示离站提示页；如果该网站其实是党政机关网站，请平台运维组把它加入 data/government-hosts.yaml',
  template:
    '这个地址由网站模板或站点配置生成，不在任何条目的正文里：请平台技术人员检查模板和 site.yaml（栏目、频道、图标文件路径）；修好前该站点不会发布',
  templateHidden: '读者看不见的链接由网站模板生成：请平台技术人员修改模板，去掉或显示这个链接',
  templateNotice:
    '模板直接链接了非政府网站，没有先显示离站提示页：请平台技术人员让这个链接指向本站的离站提示页（plugins/rehype-external-link-notice.ts 的 leavingPath；站点数据 leaving 中已为它生成 /leaving/<编号>/ 页面），或在确认对方是党政机关网站后加入 data/government-hosts.yaml',
};

/** What checking a page's addresses needs of the whole site. */
export interface LinkContext {
  pages: ReadonlyMap<string, Page>;
  files: ReadonlySet<string>;
  /** Notice pages: hash → destination. */
  leavingByHash: ReadonlyMap<string, string>;
  classifyRef: (value: string, from: string) => Target;
  isGovernment: (host: string) => boolean;
  /** Records an address of another website, for the report of external links. */
  addExternal: (url: string, host: string, viaNotice: boolean, page: Page) => void;
  /**
   * For an address on another site of the platform: where it points when that site's build
   * will not have it ("本平台网站“…”的页面 /x/"), else undefined (platform-pages.ts).
   */
  missingOnPlatform?: (url: string, host: string) => string | undefined;
}

export const leavingHashOf = (pathname: string) =>
  pathname.startsWith(LEAVING_PREFIX) ? pathname.slice(LEAVING_PREFIX.length).replace(/\/(?:index\.html)?$/, '') : undefined;

/** The editor wrote the destination, the page has its notice page. */
function writtenAs(value: string, context: LinkContext): string {
  const hash = leavingHashOf(value.trim().split(/[?#]/)[0]!);
  return (hash !== undefined && context.leavingByHash.get(hash)) || value;
}

/** Where the page is a notice page: its hash and the destination it leads to. */
interface NoticePage {
  onNotice?: string;
  noticeDestination?: string;
}

function hiddenFinding(page: Page, ref: Ref, context: LinkContext): Finding {
  const word = KIND_WORD[ref.kind];
  const { text } = ref;
  return {
    templateRuleId: 'CONT-13',
    page,
    ref,
    message: `暗链：${word}“${writtenAs(ref.value, context)}”${text ? `（文字“${text}”）` : ''}读者看不见：${ref.hidden}`,
    fix: FIX.hidden,
    templateFix: FIX.templateHidden,
    lookFor: writtenAs(ref.value, context),
  };
}

/** An address of another site of the platform that its build will not have (错链/断链 across sites). */
function platformFinding(page: Page, ref: Ref, target: Extract<Target, { type: 'external' }>, context: LinkContext): Finding[] {
  const missing = context.missingOnPlatform?.(target.url, target.host);
  if (!missing) return [];
  return [
    {
      templateRuleId: 'HEALTH-05',
      page,
      ref,
      message: `${KIND_WORD[ref.kind]}“${ref.value}”指向的${missing} 不存在（错链/断链）`,
      fix: FIX.broken,
      templateFix: FIX.template,
      lookFor: ref.value,
    },
  ];
}

function externalFindings(page: Page, ref: Ref, target: Extract<Target, { type: 'external' }>, context: LinkContext, notice: NoticePage): Finding[] {
  const { onNotice, noticeDestination } = notice;
  const onPlatform = platformFinding(page, ref, target, context);
  if (onPlatform.length > 0) return onPlatform;
  if (!ref.isLink) return [];
  if (noticeDestination !== undefined && ref.value.trim() === noticeDestination) return []; // the notice's own "continue" link
  context.addExternal(target.url, target.host, false, page);
  if (onNotice || context.isGovernment(target.host)) return [];
  return [
    {
      templateRuleId: 'CONT-13',
      // The editor's link must go through the notice (error); a template's is reported for
      // the platform's technicians (warn): an editor cannot change a template.
      severity: ref.inBody ? undefined : 'warn',
      page,
      ref,
      message: `${KIND_WORD[ref.kind]}“${ref.value}”直接打开非政府网站 ${target.host}，没有先显示离站提示`,
      fix: FIX.notice,
      templateFix: FIX.templateNotice,
      lookFor: ref.value,
      bodyOnly: true,
    },
  ];
}

function internalFindings(page: Page, ref: Ref, target: Extract<Target, { type: 'internal' }>, context: LinkContext, notice: NoticePage): Finding[] {
  const word = KIND_WORD[ref.kind];
  const { leavingByHash } = context;
  const file = resolveFile(target.pathname, context.files);
  const hash = leavingHashOf(target.pathname);
  if (ref.isLink && hash !== undefined && !notice.onNotice) {
    const destination = leavingByHash.get(hash);
    const host = destination && webHost(destination);
    if (destination && host) context.addExternal(destination, host, true, page);
  }
  if (!file) {
    return [
      {
        templateRuleId: 'HEALTH-05',
        page,
        ref,
        message:
          hash !== undefined && leavingByHash.has(hash)
            ? `${word}“${writtenAs(ref.value, context)}”的离站提示页 ${ref.value} 没有生成（断链）`
            : `${word}“${ref.value}”指向的${ref.kind === 'image' ? '图片文件' : ref.kind === 'attachment' ? '文件' : '页面或文件'}不存在（错链/断链）`,
        fix: FIX.broken,
        templateFix: FIX.template,
        lookFor: writtenAs(ref.value, context),
      },
    ];
  }
  const fragment = target.fragment;
  if (!fragment || fragment.toLowerCase() === 'top' || !file.endsWith('.html')) return [];
  const targetPage = context.pages.get(file);
  if (!targetPage || targetPage.ids.has(fragment)) return [];
  const where = target.sameDocument || targetPage === page ? '本页' : `页面 ${targetPage.url} `;
  return [
    {
      templateRuleId: 'HEALTH-05',
      page,
      ref,
      message: `${word}“${ref.value}”指向的锚点“#${fragment}”在${where}中不存在（错链）`,
      fix: FIX.anchor(fragment),
      templateFix: FIX.template,
      lookFor: ref.value,
    },
  ];
}

/** Everything wrong with the addresses of one page, in the order the page has them. */
export function pageFindings(page: Page, context: LinkContext): Finding[] {
  const onNotice = leavingHashOf(page.url);
  const notice: NoticePage = { onNotice, noticeDestination: onNotice ? context.leavingByHash.get(onNotice) : undefined };
  const findings: Finding[] = [];
  for (const ref of page.refs) {
    if (ref.hidden) findings.push(hiddenFinding(page, ref, context));
    const target = context.classifyRef(ref.value, page.url);
    if (target.type === 'skip') continue;
    if (target.type === 'malformed') {
      findings.push({ templateRuleId: 'HEALTH-05', page, ref, message: `${KIND_WORD[ref.kind]}地址“${ref.value}”写法有误，无法打开`, fix: FIX.broken, templateFix: FIX.template, lookFor: ref.value });
    } else if (target.type === 'external') {
      findings.push(...externalFindings(page, ref, target, context, notice));
    } else {
      findings.push(...internalFindings(page, ref, target, context, notice));
    }
  }
  return findings;
}

/** Editors' findings one by one on their MDX file; template findings grouped by message over pages. */
export function toDiagnostics(
  findings: readonly Finding[],
  input: { readSource?: (file: string) => string | undefined; pageFile?: (pagePath: string) => string },
): Diagnostic[] {
  const pageFile = input.pageFile ?? ((p: string) => p);
  const sources = new Map<string, string | undefined>();
  const source = (file: string) => {
    if (!sources.has(file)) sources.set(file, input.readSource?.(file));
    return sources.get(file);
  };
  const diagnostics: Diagnostic[] = [];
  const groups = new Map<string, { finding: Finding; pages: string[]; seen: Set<string> }>();
  for (const finding of findings) {
    const { page, ref } = finding;
    let place: SourcePlace | undefined;
    let authored = ref.inBody;
    const text = page.item ? source(page.item.file) : undefined;
    if (page.item && text !== undefined && (authored || !finding.bodyOnly)) {
      place = findInSource(text, sourceCandidates(finding.lookFor, page.item.url), ref.occurrence, ref.inBody ? bodyOffset(text) : 0);
      // Outside the body, a link is the editor's when the source has its address (attachments,
      // images of the front matter); otherwise the template's.
      if (place && !finding.bodyOnly) authored = true;
    }
    if (page.item && authored) {
      diagnostics.push(
        diagnostic({
          ruleId: 'CONT-13',
          severity: finding.severity,
          file: page.item.file,
          line: place?.line,
          column: place?.column,
          message: `${finding.message}；所在页面 ${page.url}`,
          fix: finding.fix,
        }),
      );
      continue;
    }
    const key = `${finding.templateRuleId} ${finding.severity ?? ''} ${finding.message}`;
    const group = groups.get(key) ?? { finding, pages: [], seen: new Set<string>() };
    if (!group.seen.has(page.url)) {
      group.seen.add(page.url);
      group.pages.push(page.url);
    }
    groups.set(key, group);
  }
  for (const { finding, pages } of groups.values()) {
    const first = finding.page;
    const at = finding.ref.at;
    const shown = pages.slice(0, 5).join('、');
    const where = pages.length === 1 ? `所在页面 ${shown}` : `共 ${pages.length} 个页面：${shown}${pages.length > 5 ? ' 等' : ''}`;
    diagnostics.push(
      diagnostic({
        // Broken template links are HEALTH-05; hidden ones and notice bypasses stay CONT-13.
        ruleId: finding.templateRuleId,
        severity: finding.severity,
        file: pageFile(first.path),
        line: at?.line,
        column: at?.column,
        message: `${finding.message}；${where}`,
        fix: finding.templateFix,
      }),
    );
  }
  return diagnostics.sort(compareDiagnostics);
}
