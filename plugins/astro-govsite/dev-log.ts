// What `npm run dev` prints (docs/editing.md, issue 24 item 10): the preview's address, a line per
// change the editor saves, and the content diagnostics of the change, in Chinese, as `validate`
// words them. Astro's and Vite's own messages (request log, content sync, dependency optimizer,
// version notices) are not the editor's to act on: they are dropped. An error of theirs (a broken
// template, a crash) is still said, in one line with a hint to run again with --verbose, which
// prints everything. Nothing printed names a file of the machine outside the project and the
// platform folder, or the value of an environment variable (scrub-machine-data.ts).
//
// Astro hands every message to the destination of its Logger API (dev-logger.mjs); this module
// decides what becomes of each.
import type { AstroLoggerMessage } from 'astro';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { parseContentError } from '../../src/diagnostics/content-error.ts';
import { ANSI, hideMachineData } from '../../src/diagnostics/scrub-machine-data.ts';

/** The label of the govsite integration's own logger (its messages are written for editors). */
export const GOVSITE_LABEL = 'govsite';

export interface DevLogOptions {
  siteId: string;
  /** The govsite checkout (templates, node_modules). */
  projectRoot: string;
  /** The platform folder (`--root`: sites/, content/). */
  contentRoot: string;
  /** `--verbose`: every message of Astro and Vite, scrubbed but not shortened. */
  verbose?: boolean;
}

export interface DevLogOutput {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** The command that shows the whole of an error. */
export function verboseHint(siteId: string): string {
  return `    要查看详细信息，请加 --verbose 重新运行：npm run dev -- --site ${siteId} --verbose`;
}

/** The rules of scrub-machine-data.ts for a message printed whole; govsite's own variables (the site id, the folders, the time of the preview) are no secrets. */
function scrub(text: string, options: DevLogOptions, env: NodeJS.ProcessEnv): string {
  return hideMachineData(text, { roots: [options.projectRoot, options.contentRoot], env, keepEnv: (name) => name.startsWith('GOVSITE_') });
}

// A stack frame or a code frame line (`    at f (file:1:2)`, ` 12 | source`, `    ^`).
const FRAME = /^\s*(?:at\s|\[\.\.\.\]|>?\s*\d+\s*\||\|\s|\^)/;
// The first place in the project a stack trace or code frame names: `templates/x.astro:6:15`.
const PROJECT_PLACE = /(?:^|[\s(])((?:templates|plugins|src|content|sites)\/[^\s():]+:\d+(?::\d+)?)/m;
// Vite's remark on its own stack rewriting, which says nothing about the error.
const STACK_REMARK = /\s*\(The stacktrace appears to be already rewritten[^)]*\)/;
const MAX_LINE = 240;

/**
 * The one line an error of Astro or Vite is told in: the place in the project it names first
 * (a template's file:line), then its first line of text, scrubbed.
 */
export function errorLine(message: string, options: DevLogOptions, env: NodeJS.ProcessEnv = process.env): string {
  const text = scrub(message.replace(ANSI, ''), options, env);
  const place = PROJECT_PLACE.exec(text)?.[1];
  const first = (text.split('\n').find((line) => line.trim() !== '' && !FRAME.test(line)) ?? '')
    .replace(STACK_REMARK, '')
    .trim()
    .replace(/^(?:\[[\w:-]+\]\s*|Error:\s*)+/, '');
  const said = first.length > MAX_LINE ? `${first.slice(0, MAX_LINE)}…` : first;
  return [place, said || '（没有说明）'].filter(Boolean).join('  ');
}

/** What one message of Astro's logger becomes on the terminal, if anything. */
export function devLogOutput(message: AstroLoggerMessage, options: DevLogOptions, env: NodeJS.ProcessEnv = process.env): DevLogOutput | undefined {
  const stream = message.level === 'error' ? 'stderr' : 'stdout';
  const text = message.message.replace(/\n+$/, '');
  if (options.verbose) {
    const level = message.level === 'error' || message.level === 'warn' ? `[${message.level.toUpperCase()}] ` : '';
    const label = message.label && message.label !== 'SKIP_FORMAT' ? `[${message.label}] ` : '';
    return { stream, text: level + label + scrub(text, options, env) };
  }
  // govsite's own lines: the address, changes, diagnostics (already relative and in Chinese).
  if (message.label === GOVSITE_LABEL) return { stream, text };
  if (message.level !== 'error') return undefined;
  // An error about one content file: Astro's content layer failing on an entry (glob-loader), or
  // a page whose body govsite refused to compile (a tagged content error). govsite's own check
  // reports every content error of the site on each save, in Chinese with file:line and rule
  // (reloadReport); Astro's English copy of it, once per request, would only bury that.
  if (message.label === 'glob-loader' || parseContentError(text)) return undefined;
  return { stream, text: `出错：${errorLine(text, options, env)}\n${verboseHint(options.siteId)}` };
}

export interface ReportLine {
  level: 'info' | 'warn' | 'error';
  text: string;
}

/**
 * What the dev server says when the editor saves: every error of the site (one anywhere keeps the
 * preview on the last good content), the other findings of the files that changed, and a line
 * saying what became of the change. `changed` is relative to the platform folder.
 */
export function reloadReport(changed: readonly string[], diagnostics: readonly Diagnostic[], time: string): ReportLine[] {
  const files = new Set(changed);
  const lines: ReportLine[] = diagnostics
    .filter((d) => d.severity === 'error' || files.has(d.file))
    .map((d) => ({ level: d.severity === 'error' ? 'error' : 'warn', text: formatDiagnostic(d) }));
  const what = changed.join('、');
  if (diagnostics.some((d) => d.severity === 'error')) {
    lines.push({ level: 'error', text: `${time} ✘ ${what}：有错误（见上），改正并保存后预览自动更新` });
  } else {
    lines.push({ level: 'info', text: `${time} ✔ 已更新：${what}（浏览器自动刷新）` });
  }
  return lines;
}
