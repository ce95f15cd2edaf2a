// Relations between items, across the platform: policy ↔ interpretation (CONT-04), documents
// replaced by others (CONT-03), reprints of superior sites' items (CONT-02), topic membership.
// Each reference is resolved once here; templates only render what is resolved.
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ContentItem, ItemLink } from '../../content/items.ts';
import type { FieldLocator } from '../../config/validate-yaml.ts';
import type { SiteConfig } from '../../schema/site-schema.ts';
import { chinaDateTimeToEpoch } from '../../util/china-time.ts';
import { expectedFiles, parseItemReference } from './item-reference.ts';
import { duplicateIndexNumbers } from './index-numbers.ts';

export interface RelationSite {
  id: string;
  config: SiteConfig;
  /** Project-relative path of site.yaml, and where its fields are. */
  file: string;
  locate: FieldLocator;
  /** Every valid item, drafts included (a reference to a draft is reported, not followed). */
  items: ContentItem[];
}

const REPRINT_DELAY_HOURS = 12;

function columnType(site: RelationSite, item: ContentItem): string | undefined {
  return site.config.columns.find((c) => c.id === item.columnId)?.type;
}

function ancestors(sites: ReadonlyMap<string, RelationSite>, siteId: string): Set<string> {
  const seen = new Set<string>();
  for (let id = sites.get(siteId)?.config.parent; id && !seen.has(id); id = sites.get(id)?.config.parent) seen.add(id);
  return seen;
}

type Entry = { site: RelationSite; item: ContentItem };
type Report = (d: Parameters<typeof diagnostic>[0]) => void;

/** Every item of the platform, by `<siteId>:<itemId>` and by its address. */
interface Platform {
  sites: ReadonlyMap<string, RelationSite>;
  index: Map<string, Entry>;
  byUrl: Map<string, Entry>;
}

function linkTo(from: RelationSite, to: RelationSite, item: ContentItem): ItemLink {
  return {
    title: item.data.title,
    url: from.id === to.id ? item.url : `https://${to.config.domain}${item.url}`,
    siteName: from.id === to.id ? undefined : to.config.name,
    pubDate: item.data.pubDate,
  };
}

/** The item a reference of `site` names; a draft is not followed. */
function resolveReference(platform: Platform, site: RelationSite, reference: string) {
  const ref = parseItemReference(reference, site.id);
  const target = platform.index.get(`${ref.siteId}:${ref.itemId}`);
  return { ref, target: target && !target.item.data.draft ? target : undefined };
}

/** CONT-04: an interpretation names its policy, which lists it. */
function relateInterprets(platform: Platform, site: RelationSite, item: ContentItem, interprets: string, report: Report) {
  const { ref, target } = resolveReference(platform, site, interprets);
  if (!target) {
    report({
      ruleId: 'CONT-04',
      file: item.file,
      ...item.locate(['interprets']),
      field: 'interprets',
      message: `解读对象“${interprets}”不存在（或是草稿）：应有文件 ${expectedFiles(ref)}`,
      fix: `核对政策文件的栏目标识和路径名；跨站点引用写成“站点标识:栏目标识/路径名”`,
    });
  } else {
    item.relations!.interprets = linkTo(site, target.site, target.item);
    target.item.relations!.interpretations.push(linkTo(target.site, site, item));
  }
}

/** CONT-03: a replaced document names the one in force. */
function relateReplacedBy(platform: Platform, site: RelationSite, item: ContentItem, replacedBy: string, report: Report) {
  const { ref, target } = resolveReference(platform, site, replacedBy);
  if (!target) {
    report({
      ruleId: 'CONT-03',
      file: item.file,
      ...item.locate(['status', 'replacedBy']),
      field: 'status.replacedBy',
      message: `替代文件“${replacedBy}”不存在（或是草稿）：应有文件 ${expectedFiles(ref)}`,
      fix: '核对现行文件的栏目标识和路径名，或先发布现行文件',
    });
  } else {
    item.relations!.replacedBy = linkTo(site, target.site, target.item);
  }
}

/** A topic the item belongs to is declared in site.yaml. */
function checkTopic(site: RelationSite, item: ContentItem, declaredTopics: ReadonlySet<string>, report: Report) {
  report({
    ruleId: 'FILE-04',
    file: item.file,
    ...item.locate(['topic']),
    field: 'topic',
    message: `所属专题“${item.data.topic}”没有在 sites/${site.id}/site.yaml 的 topics 中声明`,
    fix: `改为已声明的专题：${[...declaredTopics].join('、') || '（本站没有专题）'}，或在 site.yaml 的 topics 中添加该专题`,
  });
}

/** The State Council's portal: superior to every site of every platform. */
const NATIONAL_HOSTS = new Set(['www.gov.cn', 'gov.cn']);

/**
 * A reprint of a superior site's important policy, more than 12 hours after the original (CONT-02),
 * or undefined. The original on the platform: its site must be an ancestor and the original an
 * important policy. The original elsewhere: on the State Council's portal, with the original's
 * time given (originalPubDate), reprinted as a policy (a policy column, or marked important).
 */
function lateReprint(platform: Platform, site: RelationSite, item: ContentItem, original: Entry | undefined) {
  const reprint = item.data.reprint!;
  let originalTime = reprint.originalPubDate;
  let whose: string;
  if (original) {
    const superior = ancestors(platform.sites, site.id).has(original.site.id);
    const important = original.item.data.important && columnType(original.site, original.item) === '政策文件';
    if (!superior || !important) return undefined;
    originalTime ??= original.item.data.pubDate;
    whose = '上级网站';
  } else {
    let host: string;
    try {
      host = new URL(reprint.url).hostname.toLowerCase();
    } catch {
      return undefined;
    }
    const policy = item.data.important || columnType(site, item) === '政策文件';
    if (!NATIONAL_HOSTS.has(host) || !policy || !originalTime) return undefined;
    whose = '中国政府网';
  }
  const hours = (chinaDateTimeToEpoch(item.data.pubDate) - chinaDateTimeToEpoch(originalTime)) / 3_600_000;
  return hours > REPRINT_DELAY_HOURS ? { hours, originalTime, whose } : undefined;
}

/** CONT-02: a reprint of a superior site's important policy follows it within 12 hours. */
function relateReprint(platform: Platform, site: RelationSite, item: ContentItem, reprint: NonNullable<ContentItem['data']['reprint']>, report: Report) {
  let original: Entry | undefined;
  try {
    const url = new URL(reprint.url);
    original = platform.byUrl.get(`${url.host}${url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`}`);
  } catch {
    original = undefined;
  }
  if (original) item.relations!.reprintOf = linkTo(site, original.site, original.item);
  const late = lateReprint(platform, site, item, original);
  if (!late) return;
  report({
    ruleId: 'CONT-02',
    file: item.file,
    ...item.locate(['pubDate']),
    field: 'pubDate',
    severity: 'warn',
    message: `转载${late.whose}重要政策晚了 ${Math.floor(late.hours)} 小时（原文 ${late.originalTime} 发布，本站 ${item.data.pubDate} 发布），超过 ${REPRINT_DELAY_HOURS} 小时`,
    fix: `上级网站重要政策文件应在发布后 ${REPRINT_DELAY_HOURS} 小时内转载${original ? '；也可改用引用订阅（同源发布）自动同步' : ''}`,
  });
}

/** CONT-04: an important policy without any interpretation yet (a warning). */
function uninterpreted(site: RelationSite, found: Diagnostic[]) {
  for (const item of site.items) {
    if (item.data.draft || !item.data.important || columnType(site, item) !== '政策文件') continue;
    if (item.relations!.interpretations.length > 0) continue;
    found.push(
      diagnostic({
        ruleId: 'CONT-04',
        file: item.file,
        ...item.locate(['important']),
        field: 'important',
        severity: 'warn',
        message: '重要政策文件还没有解读',
        fix: '在政策解读栏目发布解读，并在解读的前置信息中写“interprets: ' + item.id + '”',
      }),
    );
  }
}

/** Resolves every relation, filling `item.relations`, and returns the problems found, per site. */
export function resolveRelations(sites: ReadonlyMap<string, RelationSite>): Map<string, Diagnostic[]> {
  const found = new Map<string, Diagnostic[]>([...sites.keys()].map((id) => [id, []]));
  const platform: Platform = { sites, index: new Map(), byUrl: new Map() };
  for (const site of sites.values()) {
    for (const item of site.items) {
      item.relations = { interpretations: [] };
      platform.index.set(`${site.id}:${item.id}`, { site, item });
    }
  }
  for (const entry of platform.index.values()) platform.byUrl.set(`${entry.site.config.domain}${entry.item.url}`, entry);

  for (const site of sites.values()) {
    const report: Report = (d) => found.get(site.id)!.push(diagnostic(d));
    const declaredTopics = new Set(site.config.topics.map((t) => t.id));
    for (const item of site.items) {
      if (item.data.draft) continue;
      if (item.data.interprets) relateInterprets(platform, site, item, item.data.interprets, report);
      if (item.data.status?.replacedBy) relateReplacedBy(platform, site, item, item.data.status.replacedBy, report);
      if (item.data.topic && !declaredTopics.has(item.data.topic)) checkTopic(site, item, declaredTopics, report);
      if (item.data.reprint) relateReprint(platform, site, item, item.data.reprint, report);
    }
  }
  for (const site of sites.values()) uninterpreted(site, found.get(site.id)!);
  for (const site of sites.values()) found.get(site.id)!.push(...duplicateIndexNumbers(site.config, site.items));
  return found;
}
