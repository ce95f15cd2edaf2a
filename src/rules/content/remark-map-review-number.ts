// CONT-10: a map declares its map review number (审图号) — 指引 and 晋 第十条: “使用地图时，要采用
// 测绘地信部门发布的标准地图或依法取得审图号的地图”. Maps are placed with the MapImage component
//   <MapImage src="./map.png" alt="示例省行政区划图" reviewNumber="GS(2024)1234号" />
// which shows “审图号：…” under the map (templates/components/MapImage.astro). Errors:
//   - <MapImage> without src (or whose map file is not beside the item), or without a
//     well-formed reviewNumber;
//   - a Markdown image (or <img>) whose alt text, title or file name says it is a map (地图,
//     区划图, 区位图, 位置示意图, map.png…) and that states no 审图号: use <MapImage> instead.
// Charts (柱状图), photos and floor plans pass; so do photos whose description mentions a map
// (“工作人员演示手机地图导航功能”, “参观群众观看城市沙盘和地图”): the map word must name what the image is.
import path from 'node:path';
import type { Definition, Image, ImageReference, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { lstatInside, parseReference } from '../../security/content-paths.ts';
import { attributeValue, isJsxElement, report } from './support/text.ts';

/**
 * 审图号: GS(2024)1234号 (national), GS京(2023)0456号 (national, issued through a province),
 * 京S(2022)012号 / 示S(2024)012号 (provincial). Full-width brackets are accepted.
 */
export const REVIEW_NUMBER = /^(?:GS[\u4e00-\u9fa5]?|[\u4e00-\u9fa5]S)\s*[(（]\s*(?:19|20)\d{2}\s*[)）]\s*\d{1,6}\s*号$/;
const REVIEW_NUMBER_IN_TEXT = /审图号\s*[:：]?\s*(?:GS[\u4e00-\u9fa5]?|[\u4e00-\u9fa5]S)\s*[(（]\s*(?:19|20)\d{2}\s*[)）]\s*\d{1,6}\s*号/;

const MAP_WORDS = /地图|区划图|区位图|地形图|影像图|交通图|(?:位置|区位|区域|范围|地理|行政区|交通|线路|路线|管控|封控|规划)示意图/;
const MAP_FILE = /(?:^|[-_./])(?:map|maps|ditu)(?:[-_.\d]|$)/i;

const EXAMPLE = 'GS(2024)1234号';

function fileName(url: string): string {
  return url.split(/[?#]/)[0]!.split('/').pop() ?? url;
}

/**
 * A map word that names what the image is: the head of its clause, at the end or before
 * punctuation (“示例省行政区划图”, “全市交通地图（2024年版）”). A map word inside a description of
 * a photo (“演示手机地图导航功能”, “地图上标注的服务网点”) does not make the photo a map.
 */
const MAP_HEAD = new RegExp(`(?:${MAP_WORDS.source})(?=\\s*(?:$|[，,。；;：:、!！?？（(【\\[—-]|局部|全图))`);

/**
 * A photo of people with a map (“参观群众在规划展览馆观看城市沙盘和地图”): a verb of looking or
 * showing earlier in the map word's clause makes the map what the people do, not what the image is.
 */
const PHOTO_VERB = /观看|查看|参观|浏览|翻阅|查阅|阅读|研究|讲解|介绍|指着|对照|围着|看着|拿着|手持|演示/;

/**
 * Maps that need no review (《地图审核管理规定》第六条: 景区图、街区图、公共交通线路图等内容简单的
 * 地图): “政务服务中心周边交通示意图”, “景区导览图”, “地铁线路示意图”.
 */
const SIMPLE_MAP = /景区|街区|园区|公交|地铁|轨道交通|导览|导视|周边|楼层|院内|场馆|校园/;

/** The map word that names what `text` shows and makes it a map needing a review number, if any. */
function mapHead(text: string): string | undefined {
  const m = MAP_HEAD.exec(text);
  if (!m) return undefined;
  const clause = text.slice(0, m.index).split(/[，,。；;：:、!！?？]/).pop() ?? '';
  return PHOTO_VERB.test(clause) || SIMPLE_MAP.test(clause) ? undefined : m[0];
}

/** Why an image is taken for a map, or undefined. */
function looksLikeMap(alt: string, title: string, url: string): string | undefined {
  const word = mapHead(alt) ?? mapHead(title);
  if (word) return `替代文本或标题中有“${word}”`;
  if (MAP_FILE.test(fileName(url))) return `文件名“${fileName(url)}”表明是地图`;
  return undefined;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type ItemContext = NonNullable<VFile['data']['govsite']>;

/** A Markdown image that is a map, with no 审图号 in its alt text or title. */
function checkImage(file: VFile, node: Image | ImageReference, definitions: ReadonlyMap<string, Definition>) {
  // A reference image (![alt][map] with [map]: ./map.png) names its file in the definition.
  const target = node.type === 'image' ? node : { url: definitions.get(node.identifier.toLowerCase())?.url ?? '', title: definitions.get(node.identifier.toLowerCase())?.title };
  const url = target.url;
  const title = target.title ?? '';
  const why = looksLikeMap(node.alt ?? '', title, url);
  if (why && !REVIEW_NUMBER_IN_TEXT.test(`${node.alt ?? ''} ${title}`)) {
    report(
      file,
      {
        ruleId: 'CONT-10',
        reason: `图片“${url}”是地图（${why}），但没有标注审图号：政府网站使用地图须用标准地图或依法取得审图号的地图`,
        note: `改用地图组件并写明审图号：<MapImage src="${url}" alt="${node.alt || '说明地图内容的文字'}" reviewNumber="${EXAMPLE}" />（审图号见地图下方或标准地图服务网站的下载页；没有审图号的地图不能发布）`,
      },
      { place: node.position?.start },
    );
  }
}

/** An <img> that is a map, with no 审图号 in its alt text or title. */
function checkImgElement(file: VFile, node: JsxElement) {
  const alt = attributeValue(node, 'alt') ?? '';
  const src = attributeValue(node, 'src') ?? '';
  const title = attributeValue(node, 'title') ?? '';
  const why = looksLikeMap(alt ?? '', title ?? '', src ?? '');
  if (why && !REVIEW_NUMBER_IN_TEXT.test(`${alt} ${title}`)) {
    report(
      file,
      {
        ruleId: 'CONT-10',
        reason: `<img> 图片“${src}”是地图（${why}），但没有标注审图号`,
        note: `把 <img> 改为 <MapImage src="${src || './map.png'}" alt="${alt || '说明地图内容的文字'}" reviewNumber="${EXAMPLE}" />，写上这幅地图的审图号`,
      },
      { place: node.position?.start },
    );
  }
}

/** <MapImage>'s file: written, and there when it is beside the item. */
function checkMapFile(file: VFile, node: JsxElement, src: ReturnType<typeof attributeValue>, context: ItemContext | undefined) {
  if (src === undefined || src === '') {
    report(file, { ruleId: 'CONT-10', reason: '<MapImage> 没有写地图图片文件（src）', note: '加上 src="./地图文件名.png"，地图图片放在本条目的目录中' }, { place: node.position?.start });
  } else if (typeof src === 'string' && context && !/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(src)) {
    // A map file beside the item: it must be there, or the page shows a broken image. A path
    // out of the folder or through a link is refused by remark-local-files.ts, not looked up.
    const parsed = parseReference(src);
    const state = parsed.kind === 'file' ? lstatInside(path.dirname(context.absoluteFile), parsed.path).state : 'refused';
    if (state === 'missing' || state === 'not-file') {
      const folderItem = path.basename(context.absoluteFile) === 'index.mdx';
      report(
        file,
        {
          ruleId: 'CONT-10',
          reason: `地图图片“${src}”不存在（在 ${path.posix.dirname(context.file)}/ 中没有找到）`,
          note: folderItem
            ? `把地图图片放进 ${path.posix.dirname(context.file)}/，或改正文件名（区分大小写）`
            : `带图片的条目须是目录形式：新建目录 ${context.file.replace(/\.mdx$/, '')}/，把本文件移进去改名为 index.mdx，地图图片放在同一目录`,
        },
        { place: node.position?.start },
      );
    }
  }
}

/** <MapImage>'s reviewNumber: written as text, and a well-formed 审图号. */
function checkReviewNumber(file: VFile, node: JsxElement, map: string) {
  const reviewNumber = attributeValue(node, 'reviewNumber');
  if (reviewNumber === null) {
    report(
      file,
      { ruleId: 'CONT-10', reason: '<MapImage> 的审图号（reviewNumber）用了花括号 { }，无法核对', note: `直接用引号写审图号，例如 reviewNumber="${EXAMPLE}"` },
      { place: node.position?.start },
    );
  } else if (reviewNumber === undefined || reviewNumber.trim() === '') {
    report(
      file,
      {
        ruleId: 'CONT-10',
        reason: `${map}没有审图号（reviewNumber）：政府网站使用地图须用标准地图或依法取得审图号的地图`,
        note: `加上 reviewNumber="${EXAMPLE}"（换成这幅地图的审图号，见地图下方或标准地图服务网站的下载页）；没有审图号的地图不能发布`,
      },
      { place: node.position?.start },
    );
  } else if (!REVIEW_NUMBER.test(reviewNumber.trim())) {
    const stripped = reviewNumber.replace(/^\s*审图号\s*[:：]?\s*/, '');
    report(
      file,
      {
        ruleId: 'CONT-10',
        reason: `${map}的审图号“${reviewNumber}”格式不对：应为 GS(2024)1234号、GS京(2023)0456号 或 示S(2024)012号 这样的形式`,
        note:
          stripped !== reviewNumber && REVIEW_NUMBER.test(stripped.trim())
            ? `只写编号，去掉“审图号：”（页面会自动加上）：reviewNumber="${stripped.trim()}"`
            : `照地图上印的审图号原样填写，例如 reviewNumber="${EXAMPLE}"：GS 或省简称加 S，括号里是四位年份，后面是编号和“号”`,
      },
      { place: node.position?.start },
    );
  }
}

export default function remarkMapReviewNumber() {
  return (tree: Root, file: VFile) => {
    const context = file.data.govsite;
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      definitions.set(node.identifier.toLowerCase(), node);
    });
    visit(tree, (node) => {
      if (node.type === 'image' || node.type === 'imageReference') {
        checkImage(file, node, definitions);
        return;
      }
      if (!isJsxElement(node)) return;
      if (node.name === 'img') {
        checkImgElement(file, node);
        return;
      }
      if (node.name !== 'MapImage') return;
      const src = attributeValue(node, 'src');
      checkMapFile(file, node, src, context);
      checkReviewNumber(file, node, typeof src === 'string' && src ? `地图“${src}”` : '地图');
    });
  };
}
