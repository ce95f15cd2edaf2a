// sites/<siteId>/site.yaml: the single source of truth for a site's configuration.
// Field names are the public contract of ../shared/spec/content-model.md.
import { z } from 'zod';
import { asciiId, calendarDate, dateOrDateTime, digitsText, labelled } from './fields.ts';
import { deployTargetValue, hostValue, pageUrl, serverPathValue } from './server-fields.ts';

/** ColumnType values of META-04 (网页标签 ColumnType). Other values warn, they are not rejected. */
export const COLUMN_TYPES = [
  '首页', '概况信息', '机构职能', '负责人信息', '工作动态', '政策文件', '信息公开指南', '信息公开目录',
  '信息公开年报', '依申请公开', '数据发布', '数据开放', '政策解读', '回应关切', '办事服务', '咨询投诉',
  '征集调查', '在线访谈', '专题专栏',
] as const;

const contactSchema = z.strictObject({
  phone: labelled(digitsText, { title: '联系电话', examples: ['0590-12345678'] }),
  email: labelled(z.email({ error: '电子邮箱格式不对' }).optional(), { title: '电子邮箱' }),
  address: labelled(z.string().optional(), { title: '通信地址' }),
  postcode: labelled(digitsText.optional(), { title: '邮政编码' }),
});

/** The home page banner's patterns, drawn in the site's colours (plugins/astro-govsite theme.css). */
export const IDENTITY_PATTERNS = ['hills', 'waves', 'grid', 'none'] as const;

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: '颜色须写成 6 位十六进制，例如 "#a4161a"（记得加引号）' });

const colorsSchema = z.strictObject({
  primary: labelled(hexColor, { title: '主色', 'x-rule': 'SITE-06' }),
  secondary: labelled(hexColor.optional(), { title: '辅助色', 'x-rule': 'SITE-06' }),
  accent: labelled(hexColor.optional(), { title: '点缀色', 'x-rule': 'SITE-06' }),
});

const channelSchema = z.strictObject({
  title: labelled(z.string().min(1), { title: '频道名称' }),
  column: labelled(asciiId.optional(), { title: '频道对应栏目', description: '栏目 id，与 path 二选一' }),
  path: labelled(pageUrl(z.string()).startsWith('/').optional(), { title: '频道路径', description: '站内路径，以 / 开头，与 column 二选一' }),
});

/** Paths the templates use for their own pages; a column cannot take them. */
export const RESERVED_COLUMN_IDS = ['topics', 'sitemap', 'search', 'assets', 'pagefind', 'feeds', 'reports', '404', 'xxgk', 'zcwjk'];

const columnId = asciiId.check((ctx) => {
  if (!RESERVED_COLUMN_IDS.includes(ctx.value)) return;
  ctx.issues.push({
    code: 'custom',
    input: ctx.value,
    message: `“${ctx.value}”是系统保留的网址，不能用作栏目标识`,
    params: { fix: `换一个栏目标识，例如 ${ctx.value}-list（保留的有：${RESERVED_COLUMN_IDS.join('、')}）` },
  });
});

const columnSchema = z.strictObject({
  id: labelled(columnId, { title: '栏目标识', description: '也是 content/<siteId>/ 下的目录名和网址的一段' }),
  name: labelled(z.string().min(1), { title: '栏目名称' }),
  type: labelled(z.string().min(1), {
    title: '栏目类型',
    description: 'ColumnType 网页标签取值',
    'x-rule': 'META-04',
    examples: [...COLUMN_TYPES],
  }),
  description: labelled(z.string().min(1), { title: '栏目描述' }),
  keywords: labelled(z.array(z.string()), { title: '栏目关键词' }),
  parent: labelled(asciiId.optional(), { title: '上级栏目' }),
  freshnessDays: labelled(z.int().positive().optional(), { title: '更新周期（天）', 'x-rule': 'HEALTH-03' }),
});

const topicSchema = z.strictObject({
  id: labelled(asciiId, { title: '专题标识' }),
  name: labelled(z.string().min(1), { title: '专题名称' }),
  start: labelled(calendarDate, { title: '专题开始日期' }),
  end: labelled(calendarDate.optional(), { title: '专题结束日期', description: '结束后专题归档，离开首页' }),
  banner: labelled(z.string().optional(), { title: '专题横幅图片' }),
  description: labelled(z.string().optional(), { title: '专题简介' }),
});

// SITE-09 (指引 三（二）; 晋 第七条（四）、第八条; 陕 第七条（四）、第八条; 浙 第十八条): the site's state and the notices it
// needs, written by the platform administrator. Records stay when the state changes (offline periods,
// the migration, old domains): they are the site's history, and the rule reasons over all of it.
// Whether a field is required depends on `status`, so SITE-09 (not the schema) says what is missing.
const webAddress = pageUrl(z.string()).check((ctx) => {
  let url: URL | undefined;
  try {
    url = new URL(ctx.value);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')) return;
  const bare = /^[a-z0-9.-]+\.[a-z]{2,}(?:[/?#].*)?$/i.test(ctx.value.trim());
  ctx.issues.push({
    code: 'custom',
    input: ctx.value,
    message: `网址“${ctx.value}”不完整：应是以 https:// 或 http:// 开头的完整网址`,
    params: { fix: bare ? `改为 https://${ctx.value.trim()}` : '写完整网址，例如 https://www.shifan.gov.cn/zwgk/' },
  });
});

const siteLinkSchema = z.strictObject({
  name: labelled(z.string().min(1), { title: '网站或栏目名称', examples: ['测试市人民政府'] }),
  url: labelled(webAddress, { title: '网址', description: '以 https:// 开头的完整网址，可以是栏目页', examples: ['https://www.ceshi.gov.cn/zwgk/'] }),
});

const offlinePeriodSchema = z.strictObject({
  from: labelled(dateOrDateTime, {
    title: '下线开始',
    description: '日期（当天 00:00 起）或“日期 时:分”',
    'x-rule': 'SITE-09',
    examples: ['2026-03-01', '2026-03-01 22:00'],
  }),
  to: labelled(dateOrDateTime, {
    title: '下线结束',
    description: '下线的最后一天（当天 24:00 恢复），或恢复上线的时间“日期 时:分”；每次不超过 30 天',
    'x-rule': 'SITE-09',
  }),
  reason: labelled(z.string().min(1), { title: '下线原因', description: '公告中照录，例如“系统升级改造”', 'x-rule': 'SITE-09' }),
  approval: labelled(z.string().optional(), { title: '批准文件', description: '省政府办公厅同意临时下线的文件或批复' }),
  alternative: labelled(siteLinkSchema.optional(), {
    title: '下线期间访问',
    description: '下线期间到哪里获取信息和服务；不写时为上级门户网站',
  }),
  emergency: labelled(z.boolean().optional(), {
    title: '不可抗因素或紧急关停',
    description: 'true：因不可抗因素断电断网或被责令紧急关停、已书面报备，不计入当年下线次数',
    'x-rule': 'SITE-09',
  }),
});

const lifecycleSchema = z.strictObject({
  status: labelled(z.enum(['online', 'temporarily-offline', 'migrating', 'closed']).default('online'), {
    title: '运行状态',
    description: 'online 正常运行；temporarily-offline 临时下线（offline 中须有包含当前时间的时段）；migrating 整合迁移中（须写 migration）；closed 已关停（须写 closedAt 和 migration，门户网站不得关停）',
    'x-rule': 'SITE-09',
  }),
  launchedAt: labelled(calendarDate.optional(), {
    title: '开通日期',
    description: '上级门户网站首页自这一天起 30 天显示本站的开通公告',
    'x-rule': 'SITE-09',
  }),
  launchNotice: labelled(z.string().min(1).optional(), {
    title: '开通公告',
    description: '开通公告中的补充文字（网站定位、主要栏目等）；网站名称、网址和开通日期自动写入',
    'x-rule': 'SITE-09',
  }),
  offline: labelled(z.array(offlinePeriodSchema).optional(), {
    title: '临时下线记录',
    description: '每次临时下线一项，下线结束后保留作为记录；每年不超过 1 次，每次不超过 30 天',
    'x-rule': 'SITE-09',
  }),
  migration: labelled(
    z.strictObject({
      start: labelled(calendarDate.optional(), {
        title: '迁移公告日期',
        description: '首页开始悬挂迁移公告的日期；至少 30 天后才能关停',
        'x-rule': 'SITE-09',
      }),
      destination: labelled(siteLinkSchema.optional(), { title: '迁移去向', description: '原有内容迁往的网站或栏目', 'x-rule': 'SITE-09' }),
      notice: labelled(z.string().min(1).optional(), { title: '迁移公告', description: '迁移公告中的补充文字；去向和日期自动写入' }),
      approval: labelled(z.string().optional(), { title: '批准文件', description: '省政府办公厅同意整合迁移的文件或批复' }),
    }).optional(),
    { title: '整合迁移', description: 'status 为 migrating 或 closed 时必填，关停后保留', 'x-rule': 'SITE-09' },
  ),
  closedAt: labelled(calendarDate.optional(), {
    title: '关停日期',
    description: 'status: closed 时必填；上级门户网站首页自这一天起 30 天说明原有内容去向',
    'x-rule': 'SITE-09',
  }),
  previousDomains: labelled(
    z.array(
      z.strictObject({
        domain: labelled(hostValue.min(1), { title: '原域名', examples: ['sjj.ceshi.gov.cn'], 'x-rule': 'SITE-09' }),
        until: labelled(calendarDate, { title: '变更日期', description: '启用新域名（domain）的日期', 'x-rule': 'SITE-09' }),
      }),
    ).optional(),
    {
      title: '原域名',
      description: '域名变更前使用的域名，每个一项，变更后保留：构建生成原域名公告页 dist/<siteId>--previous-domain/，由 Web 服务器在原域名上提供；首页显示域名变更公告 30 天',
      'x-rule': 'SITE-09',
    },
  ),
});

const deployTargetSchema = z.strictObject({
  target: labelled(deployTargetValue.min(1), {
    title: '发布目标',
    description: '生产发布：境内服务器上的发布目录（绝对路径，如 /srv/www/shili），npm run publish 默认发布到这里，nginx 的网站根目录是其中的 current；预览发布：服务名，如 netlify',
    examples: ['/srv/www/shili', 'netlify'],
  }),
  domestic: labelled(z.boolean().optional(), {
    title: '境内服务器',
    description: '生产发布须写 true：服务器在中国境内（不能是境外主机或全球 CDN）',
    'x-rule': 'SITE-10',
  }),
  host: labelled(z.string().optional(), {
    title: '服务器说明',
    description: '服务器或机房，如“示例省政务云（示例市）”；写明便于检查核实境内部署',
    'x-rule': 'SITE-10',
  }),
  certificate: labelled(serverPathValue.optional(), {
    title: 'HTTPS 证书',
    description: '服务器上证书文件的路径；不写时为 /etc/nginx/tls/<英文域名>.crt',
    'x-rule': 'PUB-01',
  }),
  certificateKey: labelled(serverPathValue.optional(), {
    title: 'HTTPS 证书私钥',
    description: '服务器上私钥文件的路径；不写时为 /etc/nginx/tls/<英文域名>.key',
    'x-rule': 'PUB-01',
  }),
});

export const siteSchema = z.strictObject({
  name: labelled(z.string().min(2), { title: '网站名称', 'x-rule': 'SITE-03' }),
  kind: labelled(z.enum(['portal', 'department'], { error: '网站类型只能是 portal（政府门户网站）或 department（部门网站）' }), {
    title: '网站类型',
    'x-rule': 'SITE-01',
  }),
  level: labelled(
    z.enum(['province', 'city', 'county', 'township'], {
      error: '层级只能是 province（省级）、city（市级）、county（县级）或 township（乡镇/街道）',
    }),
    {
      title: '层级',
      description: 'province 省级、city 市级、county 县级、township 乡镇/街道（县级部门和乡镇/街道须有开设审批 approval）',
      'x-rule': 'SITE-01',
    },
  ),
  parent: labelled(asciiId.optional(), { title: '上级网站', 'x-rule': 'SITE-01' }),
  approval: labelled(
    z.strictObject({
      document: labelled(z.string().min(1), { title: '批准文件' }),
      date: labelled(calendarDate, { title: '批准日期' }),
    }).optional(),
    { title: '开设审批', 'x-rule': 'SITE-01' },
  ),
  providesServices: labelled(z.boolean().default(false), {
    title: '服务类部门',
    description: '部门网站：本部门提供政务服务事项时写 true，须设办事服务栏目（门户网站总须设置）',
    'x-rule': 'SITE-08',
  }),
  organizer: labelled(z.string().min(2), { title: '主办单位', 'x-rule': 'SITE-02' }),
  operator: labelled(z.string().optional(), { title: '承办单位' }),
  organizerCode: labelled(
    z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, { error: '统一社会信用代码是 18 位数字和大写字母，例如 "11590000MB0000000X"' }).optional(),
    { title: '主办单位统一社会信用代码', description: '信息公开目录的索引号以它开头；不写时用网站标识码', 'x-rule': 'OPEN-02' },
  ),
  domain: labelled(hostValue.min(1), { title: '英文域名', 'x-rule': 'SITE-04', examples: ['www.shili.gov.cn'] }),
  chineseDomain: labelled(hostValue.optional(), { title: '中文域名', 'x-rule': 'SITE-04' }),
  siteCode: labelled(z.string({ error: '网站标识码须用引号括起来，例如 "5900000001"' }), {
    title: '网站标识码',
    'x-rule': 'SITE-05',
  }),
  icp: labelled(z.string(), { title: 'ICP备案编号', 'x-rule': 'SITE-05' }),
  publicSecurityRecord: labelled(z.string(), { title: '公安机关备案号', 'x-rule': 'SITE-05' }),
  conacId: labelled(z.string({ error: '党政机关网站标识编号须用引号括起来' }), { title: '党政机关网站标识编号', 'x-rule': 'SITE-05' }),
  // The one third-party script pages may load (PUB-01: THIRD_PARTY_SCRIPTS of src/publish/security-headers.ts
  // lists its origin in the CSP). Optional: the footer shows the badge image and link without it.
  conacScript: labelled(
    z
      .string()
      .regex(/^https:\/\/dcs\.conac\.cn\/js\/[\w./-]+\.js$/, { error: '党政机关网站标识脚本须是中央编办网站（https://dcs.conac.cn/js/…）提供的 .js 地址' })
      .optional(),
    {
      title: '党政机关网站标识脚本',
      description: '开办网站标识时中央编办提供的脚本地址；不写时页脚显示标识图片和链接。脚本被拦截或打不开时页面不受影响',
      examples: ['https://dcs.conac.cn/js/59/000/0000/59000001/CA590000000590000010001.js'],
      'x-rule': 'PUB-01',
    },
  ),
  logo: labelled(z.string().optional(), { title: '网站标志', description: '相对站点目录的路径，如 assets/logo.svg' }),
  contact: labelled(contactSchema, { title: '联系方式', 'x-rule': 'SITE-05' }),
  colors: labelled(colorsSchema, {
    title: '配色',
    'x-rule': 'SITE-06',
    // A fourth colour is a SITE-06 finding, not an unknown field (issue 25).
    'x-closed': '配色是一种主色加至多两种颜色，总数不超过三种：只有主色 primary、辅助色 secondary、点缀色 accent 三项',
  }),
  channels: labelled(z.array(channelSchema), { title: '频道', 'x-rule': 'SITE-07' }),
  columns: labelled(z.array(columnSchema).min(1), { title: '栏目', 'x-rule': 'SITE-08' }),
  topics: labelled(z.array(topicSchema).default([]), { title: '专题' }),
  identity: labelled(
    z
      .strictObject({
        pattern: labelled(z.enum(IDENTITY_PATTERNS, { error: `首页横幅图案只能是 ${IDENTITY_PATTERNS.join('、')} 之一` }).optional(), {
          title: '首页横幅图案',
          description: '用网站配色绘制的图案：hills（山峦）、waves（水波）、grid（方格）、none（纯色）；不写时按网站类型选择（门户 hills，县级门户 waves，部门 grid）',
        }),
      })
      .default({}),
    { title: '视觉标识', description: '首页横幅的图案，使各网站在统一规范下有自己的面貌' },
  ),
  lifecycle: labelled(lifecycleSchema.default({ status: 'online' }), { title: '运行状态', 'x-rule': 'SITE-09' }),
  review: labelled(
    z.strictObject({ required: labelled(z.boolean().default(true), { title: '是否须审核' }) }).default({ required: true }),
    { title: '审核', 'x-rule': 'CONT-14' },
  ),
  deploy: labelled(
    z.strictObject({
      production: labelled(deployTargetSchema, { title: '生产发布', 'x-rule': 'SITE-10' }),
      preview: labelled(deployTargetSchema.optional(), { title: '预览发布' }),
    }).optional(),
    { title: '发布', 'x-rule': 'SITE-10' },
  ),
  languages: labelled(z.array(z.string()).optional(), { title: '语言版本' }),
  subscriptions: labelled(
    z.array(
      z.strictObject({
        site: labelled(asciiId, { title: '被引用网站', description: '上级网站的站点标识' }),
        column: labelled(asciiId.optional(), { title: '被引用栏目', description: '引用该栏目的全部内容；与 items 二选一' }),
        items: labelled(z.array(z.string()).optional(), { title: '被引用条目', description: '逐条引用，写“栏目标识/路径名”；与 column 二选一' }),
        into: labelled(asciiId, { title: '本站栏目', description: '引用的内容显示在本站哪个栏目' }),
      }),
    ).default([]),
    { title: '引用订阅（同源发布）', 'x-rule': 'PUB-07' },
  ),
});

export type SiteConfig = z.output<typeof siteSchema>;
export type ColumnConfig = SiteConfig['columns'][number];
export type TopicConfig = SiteConfig['topics'][number];
