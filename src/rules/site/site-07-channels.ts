// SITE-07: 网页设计规范 — the main navigation has 5–8 channels (频道). Fewer or more is a design
// fault, so it warns. A channel that leads nowhere is worse: it becomes a broken link (错链) in
// every page's navigation, which the inspection counts against the site, so those are errors.
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { closestName } from '../../util/closest-name.ts';
import type { SiteRule, SiteRuleContext } from './index.ts';
import { report } from './support.ts';

const RULE = 'SITE-07';
const MIN = 5;
const MAX = 8;

function checkCount(context: SiteRuleContext): Diagnostic[] {
  const { channels, columns } = context.site.config;
  const n = channels.length;
  if (n >= MIN && n <= MAX) return [];
  if (n < MIN) {
    const linked = new Set(channels.map((c) => c.column));
    const candidates = columns.filter((c) => !c.parent && !linked.has(c.id)).slice(0, MIN - n);
    const snippet = candidates.map((c) => `  - { title: ${c.name}, column: ${c.id} }`).join('\n');
    return [
      report(context, RULE, ['channels'], {
        message: `主导航只有 ${n} 个频道，应为 ${MIN}–${MAX} 个`,
        fix: candidates.length
          ? `在 channels: 中添加频道，例如：\n${snippet}`
          : `在 channels: 中添加频道（每项写 title 和 column 或 path），补足 ${MIN} 个`,
      }),
    ];
  }
  return [
    report(context, RULE, ['channels'], {
      message: `主导航有 ${n} 个频道，超过 ${MAX} 个`,
      fix: `合并相近的频道，或把次要的频道改放在首页或相关频道页中，保留 ${MAX} 个以内（例如删除“${channels.at(-1)!.title}”）`,
    }),
  ];
}

function checkTargets(context: SiteRuleContext): Diagnostic[] {
  const { channels, columns } = context.site.config;
  const ids = columns.map((c) => c.id);
  const found: Diagnostic[] = [];
  channels.forEach((channel, i) => {
    const where = ['channels', i] as const;
    const broken = (path: readonly (string | number)[], message: string, fix: string) =>
      found.push(report(context, RULE, path, { message, fix, severity: 'error' }));
    if (channel.column !== undefined && channel.path !== undefined) {
      broken(
        where,
        `频道“${channel.title}”同时写了 column（${channel.column}）和 path（${channel.path}），不知道链接到哪里`,
        `只保留一个：链接到栏目写 { title: ${channel.title}, column: ${channel.column} }，链接到其他页面写 { title: ${channel.title}, path: ${channel.path} }`,
      );
      return;
    }
    if (channel.column === undefined && channel.path === undefined) {
      const guess = columns.find((c) => c.name === channel.title);
      broken(
        where,
        `频道“${channel.title}”没有写链接到哪里（column 或 path）`,
        guess ? `改为 { title: ${channel.title}, column: ${guess.id} }` : `加上栏目标识 column: <栏目 id>，或站内路径 path: /…，例如 { title: ${channel.title}, path: / }`,
      );
      return;
    }
    if (channel.column !== undefined && !ids.includes(channel.column)) {
      const guess = closestName(channel.column, ids) ?? columns.find((c) => c.name === channel.title)?.id;
      broken(
        [...where, 'column'],
        `频道“${channel.title}”链接的栏目“${channel.column}”没有在 columns 中声明，导航链接会打不开`,
        guess ? `改为 column: ${guess}` : `改为已声明的栏目标识（${ids.join('、')}），或先在 columns 中添加栏目“${channel.column}”`,
      );
    }
    if (channel.path !== undefined && (!channel.path.startsWith('/') || channel.path.startsWith('//'))) {
      broken(
        [...where, 'path'],
        `频道“${channel.title}”的路径“${channel.path}”不是站内路径：须以一个 / 开头`,
        `改为站内路径，例如 path: /${channel.path.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/^\/+/, '')}；链接到栏目时改写 column: <栏目 id>`,
      );
    }
  });
  return found;
}

export const site07Channels: SiteRule = (context) => [...checkCount(context), ...checkTargets(context)];
