// Synthetic platforms of realistic Chinese content for benchmarks: the demo platform's sites,
// with N items spread over their columns. The bodies are the demo's own (tables, lists, images
// and attachments included), with titles, dates and slugs varied, so every governance feature
// has work to do: interpretations point at synthetic policies of their site (one each, as a real
// platform has), and one item in twenty is archived. Deterministic for a given N.
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/util/paths.ts';

interface Template {
  siteId: string;
  columnId: string;
  /** Folder item (with images/attachments beside it) or single file. */
  folder?: string;
  text: string;
}

/** The items of the platform in `dir` so far (the demo's, and the extra sites' copies of anping's). */
function templates(dir: string): Template[] {
  const found: Template[] = [];
  const contentDir = path.join(dir, 'content');
  for (const siteId of readdirSync(contentDir)) {
    for (const columnId of readdirSync(path.join(contentDir, siteId))) {
      const columnDir = path.join(contentDir, siteId, columnId);
      for (const entry of readdirSync(columnDir)) {
        const full = path.join(columnDir, entry);
        if (statSync(full).isDirectory()) found.push({ siteId, columnId, folder: full, text: readFileSync(path.join(full, 'index.mdx'), 'utf8') });
        else if (entry.endsWith('.mdx')) found.push({ siteId, columnId, text: readFileSync(full, 'utf8') });
      }
    }
  }
  return found.sort((a, b) => (a.siteId + a.columnId + a.text < b.siteId + b.columnId + b.text ? -1 : 1));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// County names for the extra sites (a province has about a hundred counties).
const COUNTY_NAMES = ['东安', '西平', '南丰', '北川', '清河', '永宁', '长乐', '太和', '广德', '新安', '宁远', '崇仁', '兴国', '安福', '泰和', '万安'];

/** `count` more county portals like anping (its site.yaml and items), with their own names, domains and codes. */
function addCountySites(dir: string, count: number): void {
  const yaml = readFileSync(path.join(projectRoot, 'sites', 'anping', 'site.yaml'), 'utf8');
  for (let k = 1; k <= count; k++) {
    const id = `county-${String(k).padStart(2, '0')}`;
    const name = `${COUNTY_NAMES[(k - 1) % COUNTY_NAMES.length]}${k > COUNTY_NAMES.length ? Math.ceil(k / COUNTY_NAMES.length) : ''}`;
    const code = String(5901230001 + k * 1000);
    const text = yaml
      .replaceAll('安平', name)
      .replaceAll('anping.gov.cn', `${id}.gov.cn`)
      .replace(/^siteCode: .*$/m, `siteCode: "${code}"`)
      .replace(/^conacId: .*$/m, `conacId: "bm${code.slice(0, 8)}"`)
      .replace(/^icp: .*$/m, `icp: 示ICP备${String(5000000 + k).padStart(8, '0')}号-1`)
      .replace(/^publicSecurityRecord: .*$/m, `publicSecurityRecord: 示公网安备${code}${String(k).padStart(4, '0')}号`);
    mkdirSync(path.join(dir, 'sites', id), { recursive: true });
    writeFileSync(path.join(dir, 'sites', id, 'site.yaml'), text);
    cpSync(path.join(projectRoot, 'sites', 'anping', 'assets'), path.join(dir, 'sites', id, 'assets'), { recursive: true });
    cpSync(path.join(projectRoot, 'content', 'anping'), path.join(dir, 'content', id), { recursive: true });
  }
}

export interface PlatformShape {
  /** More county portals beside the demo's three sites. */
  extraSites?: number;
  /** Put every synthetic item into this site (one big site) instead of its source's site. */
  intoSite?: string;
}

/**
 * Writes sites/ and content/ for a platform of `items` synthetic items into `dir`, on top of the
 * demo's three sites with their items (and `extraSites` more county portals); returns the item files.
 */
export function generatePlatform(dir: string, items: number, { extraSites = 0, intoSite }: PlatformShape = {}): string[] {
  cpSync(path.join(projectRoot, 'sites'), path.join(dir, 'sites'), { recursive: true });
  // Cross-references (interpretations, replacements, subscriptions) are kept by keeping the demo items.
  cpSync(path.join(projectRoot, 'content'), path.join(dir, 'content'), { recursive: true });
  addCountySites(dir, extraSites);
  // Replacements, reprints, topics and important policies refer to one demo item each: copies
  // would make one page list thousands of related items, which no real platform has.
  const sources = templates(dir).filter((t) => !/^\s+replacedBy:|^reprint:|^topic:|^important: true/m.test(t.text));
  // Per site, synthetic policies no interpretation points at yet (newest last).
  const uninterpreted = new Map<string, string[]>();
  const files: string[] = [];
  const base = Date.UTC(2026, 10, 21, 1, 0);
  for (let i = 0; i < items; i++) {
    const source = sources[i % sources.length]!;
    // Every column of a county or department site exists on the provincial portal too.
    const siteId = intoSite ?? source.siteId;
    // Spread over the past two years, newest first, minutes apart so times are distinct.
    const date = new Date(base - i * 97 * 60_000);
    const pubDate = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
    const slug = `bench-${String(i).padStart(6, '0')}`;
    let text = source.text
      .replace(/^title: (.*)$/m, (_m, title: string) => `title: ${title.replace(/^["']|["']$/g, '')}（第${i + 1}号）`)
      .replace(/^pubDate: .*$/m, `pubDate: ${pubDate}`)
      .replace(/^archived:.*(\n\s+.*)*$/m, '')
      .replace(/^status:(\n\s+.*)*$/m, '');
    if (/^interprets:/m.test(text)) {
      // Items are generated newest first: the interpreted policy is an older one, written later.
      const policy = uninterpreted.get(siteId)?.shift();
      text = policy ? text.replace(/^interprets: .*$/m, `interprets: policies/${policy}`) : text.replace(/^interprets: .*\n/m, '');
    }
    if (source.columnId === 'policies') uninterpreted.set(siteId, [...(uninterpreted.get(siteId) ?? []), slug]);
    // Archived a month after publication (archives need a date in the past at the bench's --now).
    if (i % 20 === 7) {
      const archivedAt = new Date(date.getTime() + 30 * 86_400_000);
      if (archivedAt.getTime() < base) {
        const at = `${archivedAt.getUTCFullYear()}-${pad(archivedAt.getUTCMonth() + 1)}-${pad(archivedAt.getUTCDate())} ${pad(archivedAt.getUTCHours())}:${pad(archivedAt.getUTCMinutes())}`;
        text = text.replace(/^pubDate: .*$/m, (line) => `${line}\narchived:\n  at: "${at}"\n  reason: 超过保存期限归档`);
      }
    }
    const columnDir = path.join(dir, 'content', siteId, source.columnId);
    let file: string;
    if (source.folder) {
      const itemDir = path.join(columnDir, slug);
      cpSync(source.folder, itemDir, { recursive: true });
      file = path.join(itemDir, 'index.mdx');
    } else {
      mkdirSync(columnDir, { recursive: true });
      file = path.join(columnDir, `${slug}.mdx`);
    }
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

if (import.meta.main) {
  const [dir, count, extraSites, intoSite] = process.argv.slice(2);
  if (!dir || !count) throw new Error('usage: node bench/generate-platform.ts <dir> <items> [extra county sites] [one site for all items]');
  const files = generatePlatform(path.resolve(dir), Number(count), { extraSites: Number(extraSites ?? 0), intoSite });
  console.log(`generated ${files.length} items in ${dir}`);
}
