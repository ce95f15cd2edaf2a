// What the accessibility tests check, in one place: the statement page (pages/accessibility.astro)
// says what was tested from this list, and the browser tests (tests/browser/a11y-*.test.ts) test
// every entry of it, so the statement cannot claim a test that is not run. The Lighthouse scores
// are written by `npm run lighthouse` (scripts/a11y-lighthouse.ts).
import lighthouse from './a11y-lighthouse.json' with { type: 'json' };

export interface PageType {
  id: string;
  name: string;
  /** The page of this type tested on the demo platform's provincial portal (dist/shili). */
  demoPath: string;
}

/** Every page type of the templates. */
export const PAGE_TYPES: readonly PageType[] = [
  { id: 'home', name: '首页', demoPath: '/' },
  { id: 'column', name: '栏目列表页', demoPath: '/news/' },
  { id: 'article', name: '文章页', demoPath: '/news/2026-11-21-executive-meeting/' },
  { id: 'policy', name: '政策文件页（含文件信息表）', demoPath: '/policies/2025-enterprise-registration-measures/' },
  { id: 'data', name: '数据发布页（含数据表格和图表）', demoPath: '/data/2026-q3-economy/' },
  { id: 'topics', name: '专题专栏页', demoPath: '/topics/' },
  { id: 'topic', name: '专题页', demoPath: '/topics/yhyshj/' },
  { id: 'sitemap', name: '网站地图', demoPath: '/sitemap/' },
  { id: 'search', name: '站内搜索页', demoPath: '/search/' },
  { id: 'not-found', name: '“页面不存在”页', demoPath: '/no-such-page/' },
  { id: 'accessibility', name: '无障碍声明页', demoPath: '/accessibility/' },
  { id: 'catalogue', name: '政府信息公开目录', demoPath: '/xxgk/' },
  { id: 'catalogue-facet', name: '信息公开目录分类页（按主题分类）', demoPath: '/xxgk/subject/02/' },
  { id: 'library', name: '政策文件库（全部文件）', demoPath: '/zcwjk/' },
  { id: 'library-status', name: '政策文件库筛选页（已废止）', demoPath: '/zcwjk/status/repealed/' },
];

/** The display modes every page type is checked in. */
export const MODES = [
  { id: 'default', name: '默认显示' },
  { id: 'large', name: '大字版' },
  { id: 'contrast', name: '高对比度' },
] as const;

/** The automated checker; a test keeps this equal to the installed version. */
export const AXE_VERSION = '4.14.1';

export interface LighthouseResult {
  version: string;
  /** Page type id → accessibility score (0–100) in the default mode. */
  scores: Record<string, number>;
}

export const LIGHTHOUSE: LighthouseResult | undefined = lighthouse.version ? (lighthouse as LighthouseResult) : undefined;
