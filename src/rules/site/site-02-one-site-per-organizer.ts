// SITE-02: 晋 第六条（一） “原则上一个单位最多开设一个网站”. Checked across the whole platform,
// and reported on every site that shares the organizer, so whichever site an editor validates
// shows the conflict. A government and its 办公厅（室） are one organization (陕 第六条 makes the
// office the organizer of the government's site), so “X人民政府” and “X人民政府办公厅” collide too.
import type { SiteRule } from './index.ts';
import { organizationOf, report } from './support.ts';

export const site02OnePerOrganizer: SiteRule = (context) => {
  const { site, platform } = context;
  const mine = organizationOf(site.config.organizer);
  const others = [...platform.values()]
    .filter((other) => other.id !== site.id && organizationOf(other.config.organizer) === mine)
    .sort((a, b) => a.id.localeCompare(b.id));
  if (others.length === 0) return [];
  const named = others.map((o) => `${o.file}（${o.config.name}，主办单位“${o.config.organizer}”）`).join('、');
  return [
    report(context, 'SITE-02', ['organizer'], {
      message: `主办单位“${site.config.organizer}”已经开设了网站 ${named}：一个单位最多开设一个网站`,
      fix: `把本站内容并入已有网站（作为栏目或专题），然后删除 sites/${site.id}/；如果主办单位写错了，改为本站真正的主办单位全称`,
    }),
  ];
};
