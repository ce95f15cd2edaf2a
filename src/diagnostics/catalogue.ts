// The rule IDs of ../shared/spec/governance-rules.md plus the FILE-, SEC- and OPEN- rules govsite
// adds. Every diagnostic names one of these IDs, so reports and tests can be traced back to the
// catalogue; tests/unit/catalogue.test.ts keeps this list equal to the spec's tables (every ID,
// the same severity where the spec gives one), so reporting any rule of the spec never throws.

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

  // LAY: page design (网页设计规范). The templates produce these; a finding about one is an error.
  { id: 'LAY-01', title: '网页分为头部标识区、内容区和底部功能区', severity: 'error' },
  { id: 'LAY-02', title: '底部功能区：党政机关网站标识、我为政府网站找错、网站标识码、备案号、主办单位、联系方式、网站地图', severity: 'error' },
  { id: 'LAY-03', title: '列表和文章显示发布时间（YYYY-MM-DD HH:MM），文章显示信息来源，可分享、打印、调整字号', severity: 'error' },
  { id: 'LAY-04', title: '栏目页按时间倒序排列，内容多时分页', severity: 'error' },
  { id: 'LAY-05', title: '专题运行期间在首页链接，结束后撤下并标注已归档', severity: 'error' },
  { id: 'LAY-06', title: '自适应手机、平板和电脑，320 像素宽无横向滚动，可打印、可复制', severity: 'error' },
  { id: 'LAY-07', title: '页面不得有漂浮、闪烁或移动的元素：动图默认以静止图片发布，每秒闪烁超过三次的图片不得发布', severity: 'error' },
  { id: 'LAY-08', title: '同类栏目和内容使用同一模板，字体、字号、间距统一', severity: 'error' },
  { id: 'LAY-09', title: '页面在普通网络下 3 秒内打开：每类页面的下载量不超过预算', severity: 'error' },

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

  // REP: the reports the build produces.
  { id: 'REP-01', title: '每个网站的监测报告：全部规则的检查结果与单项否决结论（JSON 与 HTML）', severity: 'error' },
  { id: 'REP-02', title: '政府网站年度工作报表的数据由内容统计得出', severity: 'error' },
  { id: 'REP-03', title: '按任意时间段（月、季度）运行同样的检查', severity: 'error' },

  // A11Y: accessibility and the elderly-friendly modes (适老化、无障碍).
  { id: 'A11Y-01', title: '无障碍：GB/T 37668-2019 第二级（WCAG 2.1 AA），各类页面在各模式下无 axe-core 违规', severity: 'error' },
  { id: 'A11Y-02', title: '大字版：正文至少 24 像素，行高至少 1.5，对比度至少 4.5:1，跨页面保持', severity: 'error' },
  { id: 'A11Y-03', title: '内容朗读：连读和指读，可播放、暂停、停止、调速，高亮当前句子', severity: 'error' },
  { id: 'A11Y-04', title: '高对比度、页面缩放、大鼠标、阅读辅助线、简化视图，可一键恢复', severity: 'error' },
  { id: 'A11Y-05', title: '只用键盘即可操作：跳转链接、可见焦点；关闭 JavaScript 时内容可读', severity: 'error' },

  // SRCH: search.
  { id: 'SRCH-01', title: '每个网站有中文分词的站内搜索索引', severity: 'error' },
  { id: 'SRCH-02', title: '按栏目、体裁、年份筛选，按时间排序，可搜索文号', severity: 'error' },
  { id: 'SRCH-03', title: '门户网站提供全省政府网站信息统一搜索', severity: 'error' },
  { id: 'SRCH-04', title: '搜索结果标注已归档、已废止、已失效', severity: 'error' },
  { id: 'SRCH-05', title: '拼音搜索与错别字纠正', severity: 'error' },

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
