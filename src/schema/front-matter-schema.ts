// Front matter of content/<siteId>/<columnId>/<slug>.mdx: the single source of truth.
// Field names are the public contract of ../shared/spec/content-model.md.
// Every field whose value becomes a link or an image address in a page (reprint.url, image,
// attachments[].file) passes the URL allowlist (`allowedUrl`, SEC-02); lengths, list sizes and
// hidden characters of every field are checked on the YAML before this schema runs
// (src/security/yaml-safety.ts, SEC-04/SEC-05).
import { z } from 'zod';
import { allowedUrl, chinaDateTime, dateOrDateTime, labelled } from './fields.ts';
import { dataReleaseSchema } from './data-release.ts';
import { GENRES } from './genres.ts';

const itemReference = z.string().regex(/^(?:[a-z0-9-]+:)?[a-z0-9-]+\/[a-z0-9-]+$/, {
  error: '引用格式应为“栏目标识/路径名”，跨站点写“站点标识:栏目标识/路径名”，例如 policies/youhua-yingshang',
});

/** The original of a reprint is a web page: an allowed URL that is not http(s) (mailto:, tel:) is not one. */
function webPage(ctx: z.core.ParsePayload<string>): void {
  // Other schemes are refused by allowedUrl, relative addresses by z.url.
  if (/^\s*(?:mailto|tel):/i.test(ctx.value)) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: '原文网址应是网页地址（https://…），不是邮件或电话地址', params: { fix: '改为原文所在网页的完整网址，如 https://www.gov.cn/zhengce/...' } });
  }
}

/** 体裁: the kinds of 公文 and of normative documents (genres.ts). */
export { GENRES } from './genres.ts';

const STATE_NAMES = { amended: '已修改', repealed: '已废止', expired: '已失效' } as const;

/**
 * CONT-03: a document that is amended, repealed or expired says so with the date, and an amended
 * or repealed one says by what: the document that replaces or amends it (replacedBy), or a note
 * naming the decision (“根据示政发〔2026〕3号废止”). The page shows both (DocumentInfo,
 * LifecycleNotice).
 */
function statusIsExplained(status: { state: string; date?: string; note?: string; replacedBy?: string }, ctx: z.RefinementCtx): void {
  if (status.state === 'valid') return;
  const name = STATE_NAMES[status.state as keyof typeof STATE_NAMES];
  if (!status.date) {
    ctx.addIssue({ code: 'custom', path: ['date'], message: `文件状态为“${name}”，但没有写${name.slice(1)}日期：页面须标明何时${name.slice(1)}`, params: { ruleId: 'CONT-03', fix: `在 status 下加一行 date: "2026-06-30"（按实际日期填写）` } });
  }
  if (status.state !== 'expired' && !status.replacedBy && !status.note?.trim()) {
    ctx.addIssue({
      code: 'custom',
      path: ['replacedBy'],
      message: `文件状态为“${name}”，但既没有替代文件（replacedBy），也没有说明（note）：读者不知道现在按什么执行`,
      params: { ruleId: 'CONT-03', fix: '在 status 下写 replacedBy: 栏目标识/路径名（替代或修改它的文件），或写 note: 说明依据哪个文件修改或废止' },
    });
  }
}

export const frontMatterSchema = z.strictObject({
  title: labelled(z.string({ error: '缺少标题' }).trim().min(1, { error: '标题不能为空' }), { title: '标题', 'x-rule': 'CONT-01' }),
  pubDate: labelled(chinaDateTime, {
    title: '发布时间',
    description: 'YYYY-MM-DD HH:MM，中国时间',
    'x-rule': 'CONT-01',
    examples: ['2024-01-05 09:30'],
  }),
  source: labelled(z.string({ error: '缺少信息来源' }).trim().min(1, { error: '信息来源不能为空' }), { title: '信息来源', 'x-rule': 'CONT-01' }),
  author: labelled(z.string().optional(), { title: '作者/责任编辑' }),
  reviewedBy: labelled(z.string().trim().min(1).optional(), { title: '审核人', 'x-rule': 'CONT-14' }),
  draft: labelled(z.boolean().default(false), { title: '草稿', description: 'true 时不发布' }),
  keywords: labelled(z.array(z.string()).default([]), { title: '关键词' }),
  description: labelled(z.string().optional(), { title: '摘要' }),
  image: labelled(z.string().check(allowedUrl).optional(), { title: '题图' }),
  imageAlt: labelled(z.string().optional(), { title: '题图替代文本', 'x-rule': 'CONT-11' }),
  docNumber: labelled(z.string().optional(), { title: '文号', examples: ['浙政办发〔2021〕80号'] }),
  issuer: labelled(z.string().optional(), { title: '发文机关' }),
  writtenDate: labelled(dateOrDateTime.optional(), { title: '成文日期' }),
  indexNumber: labelled(z.string().trim().min(1).max(64).optional(), {
    title: '索引号',
    description: '不写时自动生成（src/content/index-number.ts）；已有索引号的文件照原样填写',
    'x-rule': 'OPEN-02',
  }),
  subject: labelled(z.string().trim().min(1).optional(), { title: '主题分类', description: 'data/subject-classification.yaml 中的名称', 'x-rule': 'OPEN-01' }),
  genre: labelled(
    z.enum(GENRES, { error: `体裁只能是：${GENRES.join('、')}` }).optional(),
    { title: '体裁', 'x-rule': 'OPEN-01' },
  ),
  disclosure: labelled(
    z.enum(['主动公开', '依申请公开', '不予公开'], { error: '公开方式只能是 主动公开、依申请公开 或 不予公开' }).optional(),
    { title: '公开方式', 'x-rule': 'OPEN-01' },
  ),
  disclosureReason: labelled(z.string().trim().min(1).optional(), { title: '不予公开的理由', 'x-rule': 'OPEN-01' }),
  status: labelled(
    z.strictObject({
      state: labelled(z.enum(['valid', 'amended', 'repealed', 'expired'], {
        error: '文件状态只能是 valid（有效）、amended（已修改）、repealed（已废止）或 expired（已失效）',
      }), { title: '状态' }),
      date: labelled(dateOrDateTime.optional(), { title: '状态变更日期' }),
      note: labelled(z.string().optional(), { title: '说明' }),
      replacedBy: labelled(itemReference.optional(), { title: '替代文件' }),
    })
      .superRefine(statusIsExplained)
      .optional(),
    { title: '文件状态', 'x-rule': 'CONT-03' },
  ),
  interprets: labelled(itemReference.optional(), { title: '解读对象', 'x-rule': 'CONT-04' }),
  reprint: labelled(
    z.strictObject({
      site: labelled(z.string().min(1), { title: '原发网站' }),
      url: labelled(z.url({ error: '原文网址须为完整网址，如 https://www.shili.gov.cn/...' }).check(allowedUrl).check(webPage), { title: '原文网址' }),
      originalPubDate: labelled(chinaDateTime.optional(), { title: '原文发布时间' }),
    }).optional(),
    { title: '转载', 'x-rule': 'CONT-02' },
  ),
  archived: labelled(
    z.strictObject({
      at: labelled(chinaDateTime, { title: '归档时间' }),
      reason: labelled(z.string().optional(), { title: '归档原因' }),
    }).optional(),
    { title: '归档', 'x-rule': 'CONT-05' },
  ),
  topic: labelled(z.string().optional(), { title: '所属专题' }),
  attachments: labelled(
    z.array(
      z.strictObject({
        file: labelled(z.string().min(1).check(allowedUrl), { title: '附件文件' }),
        title: labelled(z.string().min(1), { title: '附件名称' }),
      }),
    ).default([]),
    { title: '附件', 'x-rule': 'CONT-12' },
  ),
  animations: labelled(
    z.array(
      z.strictObject({
        file: labelled(z.string().min(1).check(allowedUrl), { title: '动图文件' }),
        nonFlashing: labelled(
          z.literal(true, { error: '只列出已确认不闪烁的动图：写 nonFlashing: true（每秒闪烁不超过三次）；不确认的动图不要列出，它会作为静止图片发布' }),
          { title: '已确认不闪烁' },
        ),
      }),
    ).optional(),
    {
      title: '保留动画的动图',
      description: '正文中的动图（GIF、WebP）默认只发布第一帧；编辑确认某个动图不闪烁后在这里列出，它才以动画发布。无论是否列出，每秒闪烁超过三次的动图都不能发布',
      'x-rule': 'LAY-07',
    },
  ),
  data: labelled(dataReleaseSchema.optional(), {
    title: '发布的数据',
    description: '数据发布、数据开放栏目的条目必填：机器可读的数据文件及其各列的说明，页面的表格和图表由它生成',
    'x-rule': 'CONT-15',
  }),
  important: labelled(z.boolean().default(false), { title: '重要' }),
  privacyReviewed: labelled(
    z.strictObject({
      by: labelled(z.string().min(1), { title: '隐私审查人' }),
      date: labelled(dateOrDateTime, { title: '隐私审查日期' }),
    }).optional(),
    { title: '隐私审查', 'x-rule': 'CONT-07' },
  ),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;
