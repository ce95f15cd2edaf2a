// Synthetic platforms of realistic Chinese content for benchmarks: the demo platform's sites,
// with N items spread over their columns. The bodies are the demo's own (tables, lists, images
// and attachments included), with titles, dates and slugs varied, so every governance feature
// has work to do. Deterministic for a given N.
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

function templates(): Template[] {
  const found: Template[] = [];
  const contentDir = path.join(projectRoot, 'content');
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

/** Writes sites/ and content/ for a platform of `items` items into `dir`; returns the item files. */
export function generatePlatform(dir: string, items: number): string[] {
  cpSync(path.join(projectRoot, 'sites'), path.join(dir, 'sites'), { recursive: true });
  // Cross-references (interpretations, replacements, subscriptions) are kept by keeping the demo items.
  cpSync(path.join(projectRoot, 'content'), path.join(dir, 'content'), { recursive: true });
  const sources = templates().filter((t) => !/^interprets:|^\s+replacedBy:|^reprint:|^topic:|^important: true/m.test(t.text));
  const files: string[] = [];
  const base = Date.UTC(2026, 10, 21, 1, 0);
  for (let i = 0; i < items; i++) {
    const source = sources[i % sources.length]!;
    // Spread over the past two years, newest first, minutes apart so times are distinct.
    const date = new Date(base - i * 97 * 60_000);
    const pubDate = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
    const slug = `bench-${String(i).padStart(6, '0')}`;
    const text = source.text
      .replace(/^title: (.*)$/m, (_m, title: string) => `title: ${title.replace(/^["']|["']$/g, '')}（第${i + 1}号）`)
      .replace(/^pubDate: .*$/m, `pubDate: ${pubDate}`)
      .replace(/^archived:.*(\n\s+.*)*$/m, '')
      .replace(/^status:(\n\s+.*)*$/m, '');
    const columnDir = path.join(dir, 'content', source.siteId, source.columnId);
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
  const [dir, count] = process.argv.slice(2);
  if (!dir || !count) throw new Error('usage: node bench/generate-platform.ts <dir> <items>');
  const files = generatePlatform(path.resolve(dir), Number(count));
  console.log(`generated ${files.length} items in ${dir}`);
}
