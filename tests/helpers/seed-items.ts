// The official documents of shared/seeds/ (public government text, outside the repository: CI
// lays shared/ beside the checkout) as item bodies, so the content checks can be run on real
// government text: every paragraph must pass.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/util/paths.ts';

/** shared/seeds beside the checkout (GOVSITE_SEEDS_DIR overrides it, e.g. for a worktree elsewhere), or undefined. */
export function seedsDir(): string | undefined {
  const dir = process.env.GOVSITE_SEEDS_DIR ?? path.join(projectRoot, '..', 'shared', 'seeds');
  return existsSync(dir) ? dir : undefined;
}

/** The seed documents (their .txt files), by name. */
export function seedFiles(dir: string): Array<{ name: string; text: string }> {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

/**
 * Markdown and MDX syntax in plain text escaped, so a paragraph reads as the words it is: braces
 * and angle brackets would be MDX code, a leading “1.” or “-” a list, “#” a heading.
 */
export function escapeMdx(line: string): string {
  return line
    .replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.');
}

/**
 * A seed's paragraphs: its lines, and the sentences of very long lines (one file runs its
 * paragraphs together), without rules of dashes and the bold marks of its Markdown.
 */
export function seedParagraphs(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => (line.length > 400 ? line.split(/(?<=。)/) : [line]))
    .map((line) => line.replace(/\*\*/g, '').trim())
    .filter((line) => line.length > 0 && !/^[-━=]+$/.test(line));
}

/** An item of the `mini` fixture's site alpha whose body is `paragraphs`. */
export function seedItem(title: string, paragraphs: readonly string[]): string {
  return `---\ntitle: ${title}\npubDate: 2026-11-20 10:00\nsource: 测试市人民政府办公室\nreviewedBy: 刘敏\n---\n\n${paragraphs.map(escapeMdx).join('\n\n')}\n`;
}
