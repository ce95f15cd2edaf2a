// The rule IDs of ../shared/spec/governance-rules.md plus the FILE- rules govsite adds for
// the files editors write. Every diagnostic names one of these IDs, so reports and tests can
// be traced back to the catalogue.

export type Severity = 'error' | 'veto' | 'warn';

export interface RuleInfo {
  id: string;
  /** Chinese title shown to editors and supervisors. */
  title: string;
  severity: Severity;
}

const rules: RuleInfo[] = [
  // FILE: the files editors write (not in the national catalogue: they exist because editors write files).
  { id: 'FILE-01', title: '文件编码须为 UTF-8（无 BOM）', severity: 'error' },
  { id: 'FILE-02', title: '文件不能为空，且须以 --- 包围的前置信息开头', severity: 'error' },
  { id: 'FILE-03', title: 'YAML 语法须正确', severity: 'error' },
  { id: 'FILE-04', title: '字段名与字段类型须符合内容模型', severity: 'error' },
  { id: 'FILE-05', title: '文件位置：站点须有 site.yaml，条目须在已声明的栏目中，路径名（slug）合法且唯一', severity: 'error' },
  { id: 'FILE-06', title: 'MDX 正文语法须正确', severity: 'error' },

  // SEC: content is data, never code (SECURITY.md). Not in the national catalogue: they exist
  // because an editor's account can be stolen, and every content file is treated as hostile.
  { id: 'SEC-01', title: '内容引用的文件须在条目目录或站点 assets 目录内（不得用 ..、绝对路径或 ? 后缀）', severity: 'error' },
  { id: 'SEC-02', title: '链接地址只能是 http、https、mailto、tel 或站内相对地址', severity: 'error' },
  { id: 'SEC-03', title: 'SVG 不得含脚本、事件处理、foreignObject 或外部引用；随内容发布的文件只能是图片、文档、音视频和字体', severity: 'error' },
  { id: 'SEC-04', title: '文字不得含控制字符；前置信息和 site.yaml 的文字不得含零宽或双向控制等看不见的字符', severity: 'error' },
  { id: 'SEC-05', title: '大小限制：文件、前置信息字段、列表、正文、图片、附件与 YAML 别名', severity: 'error' },
  { id: 'SEC-06', title: '写入服务器配置的 site.yaml 取值须符合严格语法（路径、主机名、证书）；生产发布目录以本站标识结尾', severity: 'error' },
  { id: 'SEC-07', title: 'content/ 与 sites/ 下不得有符号链接、管道和隐藏文件', severity: 'error' },
  // OPEN: 政府信息公开 (政府信息公开条例; 粤/指引 6; 浙 第十九、二十条): the catalogue's fields.
  { id: 'OPEN-01', title: '公开属性：主题分类、体裁、公开方式须取自规定的列表，不予公开须写明理由', severity: 'error' },
  { id: 'OPEN-02', title: '索引号在本站唯一且不变', severity: 'error' },
  // Made by the render, not checked: every site's 政府信息公开目录 and the portal's 政策文件库.
  { id: 'OPEN-03', title: '政府信息公开目录：主动公开的文件按主题分类、发文机关、体裁、年份可浏览，每条列出索引号等七项信息', severity: 'error' },
  { id: 'OPEN-04', title: '政策文件库：省级门户网站汇集全平台的政策文件，注明发文机关，可按有效性筛选', severity: 'error' },

  { id: 'SITE-01', title: '网站类型与层级', severity: 'error' },
  { id: 'SITE-02', title: '一个主办单位只开设一个网站', severity: 'error' },
  { id: 'SITE-03', title: '网站以机构名称命名，头部标识区显示全称', severity: 'error' },
  { id: 'SITE-04', title: '域名规范', severity: 'error' },
  { id: 'SITE-05', title: '网站标识码、ICP 备案号、公安备案号等标识', severity: 'error' },
  { id: 'SITE-06', title: '配色：一种主色，总数不超过三种', severity: 'error' },
  { id: 'SITE-07', title: '主导航频道 5–8 个', severity: 'warn' },
  { id: 'SITE-08', title: '必备栏目', severity: 'error' },
  { id: 'SITE-09', title: '网站开设、临时下线、迁移、关停与域名变更', severity: 'error' },
  { id: 'SITE-10', title: '生产服务器须在境内', severity: 'error' },

  { id: 'META-01', title: '网站网页标签', severity: 'warn' },
  { id: 'META-02', title: '栏目页标签', severity: 'warn' },
  { id: 'META-03', title: '文章页标签', severity: 'warn' },
  { id: 'META-04', title: '栏目类型须为规定取值', severity: 'warn' },

  { id: 'CONT-01', title: '标题、发布时间、信息来源齐全', severity: 'error' },
  { id: 'CONT-02', title: '转载须注明来源', severity: 'error' },
  { id: 'CONT-03', title: '文件修改、废止、失效须标注', severity: 'error' },
  { id: 'CONT-04', title: '政策文件与解读相互关联', severity: 'error' },
  { id: 'CONT-05', title: '归档页面标注“已归档”', severity: 'error' },
  { id: 'CONT-06', title: '不得发布涉密信息', severity: 'error' },
  { id: 'CONT-07', title: '不得泄露个人信息', severity: 'error' },
  { id: 'CONT-08', title: '不得发布商业广告', severity: 'error' },
  { id: 'CONT-09', title: '不得出现严重表述错误', severity: 'error' },
  { id: 'CONT-10', title: '地图须标注审图号', severity: 'error' },
  { id: 'CONT-11', title: '图片须有替代文本', severity: 'error' },
  { id: 'CONT-12', title: '附件须存在、格式通用、链接文字可辨识', severity: 'error' },
  { id: 'CONT-13', title: '链接可用，无暗链，离站有提示', severity: 'error' },
  { id: 'CONT-14', title: '先审后发：须有审核记录', severity: 'error' },
  { id: 'CONT-15', title: '数据发布须提供机器可读文件', severity: 'error' },
  { id: 'CONT-16', title: 'MDX 只能使用允许的组件', severity: 'error' },

  { id: 'HEALTH-01', title: '首页长期未更新', severity: 'veto' },
  { id: 'HEALTH-02', title: '栏目更新不及时', severity: 'veto' },
  { id: 'HEALTH-03', title: '栏目未按自定频率更新', severity: 'veto' },
  { id: 'HEALTH-04', title: '空白栏目', severity: 'veto' },
  { id: 'HEALTH-05', title: '链接不可用', severity: 'error' },
  { id: 'HEALTH-06', title: '缺少互动交流入口', severity: 'veto' },
  { id: 'HEALTH-07', title: '门户网站缺少办事服务', severity: 'veto' },

  { id: 'PUB-01', title: '安全响应头：内容安全策略（不允许内联脚本）、HSTS、nosniff、引用策略、禁止被嵌入；只允许白名单内的第三方脚本', severity: 'error' },
  { id: 'PUB-02', title: '防篡改：发布文件的完整性清单（SHA-256）与校验', severity: 'error' },
  { id: 'PUB-03', title: '原子发布：构建失败不影响已发布内容', severity: 'error' },
  { id: 'PUB-04', title: '可复现构建：相同输入得到逐字节相同的输出', severity: 'error' },
  { id: 'PUB-05', title: '生产服务器配置支持 IPv6', severity: 'error' },
  { id: 'PUB-06', title: '栏目订阅源（RSS、JSON Feed）、sitemap.xml 与网站地图页', severity: 'error' },
  { id: 'PUB-07', title: '引用订阅（同源发布）：引用上级网站内容须注明来源、链接原文并随原文更新', severity: 'error' },
];

const byId = new Map(rules.map((rule) => [rule.id, rule]));

export function ruleInfo(id: string): RuleInfo {
  const rule = byId.get(id);
  if (!rule) throw new Error(`Unknown rule ID ${id}: add it to src/diagnostics/catalogue.ts`);
  return rule;
}

export function allRules(): readonly RuleInfo[] {
  return rules;
}
