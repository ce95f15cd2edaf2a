// PUB-07 引用订阅（同源发布）: a lower-level site republishes a superior site's column, or single
// items, by reference. The copies are made from the original at every build, so they follow
// every change of it; they name their source and point to the original as canonical.
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ContentItem, ItemLink, ItemRelations } from '../../content/items.ts';
import type { RelationSite } from './index.ts';

function ancestors(sites: ReadonlyMap<string, RelationSite>, siteId: string): string[] {
  const chain: string[] = [];
  for (let id = sites.get(siteId)?.config.parent; id && !chain.includes(id); id = sites.get(id)?.config.parent) chain.push(id);
  return chain;
}

/** The original's relations as seen from another site: every link absolute, naming the source site. */
function absoluteRelations(original: ContentItem, source: RelationSite): ItemRelations {
  const absolute = (link: ItemLink | undefined): ItemLink | undefined =>
    link && (link.url.startsWith('/') ? { ...link, url: `https://${source.config.domain}${link.url}`, siteName: source.config.name } : link);
  const relations = original.relations ?? { interpretations: [] };
  return {
    interprets: absolute(relations.interprets),
    interpretations: relations.interpretations.map((link) => absolute(link)!),
    replacedBy: absolute(relations.replacedBy),
  };
}

/** Adds the referenced copies to each subscribing site's items; returns problems per site. */
export function resolveSubscriptions(sites: ReadonlyMap<string, RelationSite>): Map<string, Diagnostic[]> {
  const found = new Map<string, Diagnostic[]>([...sites.keys()].map((id) => [id, []]));
  for (const site of sites.values()) {
    const report = (index: number, field: string, message: string, fix: string) =>
      found.get(site.id)!.push(
        diagnostic({ ruleId: 'PUB-07', file: site.file, ...site.locate(['subscriptions', index, field]), field: `subscriptions[${index}].${field}`, message, fix }),
      );
    const copies: ContentItem[] = [];
    site.config.subscriptions.forEach((subscription, index) => {
      const source = sites.get(subscription.site);
      const superiors = ancestors(sites, site.id);
      if (!source) {
        report(index, 'site', `被引用网站“${subscription.site}”不在本平台上`, `写上级网站的站点标识：${superiors.join('、') || '（本站没有上级网站）'}`);
        return;
      }
      if (!superiors.includes(source.id)) {
        report(index, 'site', `“${source.config.name}”不是本站的上级网站，不能引用订阅它的内容`, `只能引用上级网站：${superiors.join('、') || '（本站没有上级网站）'}；同级网站之间请用转载（reprint）`);
        return;
      }
      if (!site.config.columns.some((c) => c.id === subscription.into)) {
        report(index, 'into', `本站没有栏目“${subscription.into}”`, '在 columns 中添加该栏目，或改为已有栏目');
        return;
      }
      if ((subscription.column === undefined) === (subscription.items === undefined)) {
        report(index, 'column', '引用订阅须写 column（整个栏目）或 items（逐条）中的一项', '例如 column: policies，或 items: [policies/2026-business-environment-opinions]');
        return;
      }
      let originals: ContentItem[];
      if (subscription.column) {
        if (!source.config.columns.some((c) => c.id === subscription.column)) {
          report(index, 'column', `“${source.config.name}”没有栏目“${subscription.column}”`, `改为它的栏目之一：${source.config.columns.map((c) => c.id).join('、')}`);
          return;
        }
        originals = source.items.filter((item) => item.columnId === subscription.column);
      } else {
        originals = [];
        for (const id of subscription.items!) {
          const original = source.items.find((item) => item.id === id);
          if (original) originals.push(original);
          else report(index, 'items', `“${source.config.name}”没有条目“${id}”`, `核对栏目标识和路径名：应有文件 content/${source.id}/${id}.mdx 或 content/${source.id}/${id}/index.mdx`);
        }
      }
      for (const original of originals.filter((item) => !item.data.draft)) {
        const id = `${subscription.into}/${original.slug}`;
        const own = site.items.find((item) => item.id === id);
        if (own) {
          report(index, 'into', `引用的“${original.data.title}”与本站 ${own.file} 的网址 /${id}/ 相同`, '给本站这篇内容换一个路径名，或把引用放到另一个栏目');
          continue;
        }
        copies.push({
          ...original,
          id,
          siteId: site.id,
          columnId: subscription.into,
          url: `/${id}/`,
          relations: absoluteRelations(original, source),
          referenceOf: {
            key: `${source.id}:${original.id}`,
            siteId: source.id,
            siteName: source.config.name,
            url: `https://${source.config.domain}${original.url}`,
          },
        });
      }
    });
    site.items.push(...copies);
  }
  return found;
}
