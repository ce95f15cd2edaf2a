import { ruleInfo, type Severity } from './catalogue.ts';

/** One finding about one place in one file, in words an editor can act on. */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based; absent only when the file itself is missing. */
  line?: number;
  column?: number;
  /** Dotted field path, e.g. `pubDate` or `contact.phone`. */
  field?: string;
  /** What is wrong, in Chinese. */
  message: string;
  /** How to fix it, in Chinese. */
  fix: string;
}

export interface DiagnosticInput {
  ruleId: string;
  file: string;
  line?: number;
  column?: number;
  field?: string;
  message: string;
  fix: string;
  severity?: Severity;
}

export function diagnostic(input: DiagnosticInput): Diagnostic {
  return { ...input, severity: input.severity ?? ruleInfo(input.ruleId).severity };
}

const severityLabel: Record<Severity, string> = { error: '错误', veto: '否决', warn: '警告' };

export function location(d: Pick<Diagnostic, 'file' | 'line' | 'column'>): string {
  if (d.line === undefined) return d.file;
  return d.column === undefined ? `${d.file}:${d.line}` : `${d.file}:${d.line}:${d.column}`;
}

/** The form printed on the terminal: location, severity, rule, message, then the fix on its own line. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${location(d)}  ${severityLabel[d.severity]} [${d.ruleId}] ${d.message}\n    修改方法：${d.fix}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<'error' | 'veto' | 'warn', number> {
  const counts = { error: 0, veto: 0, warn: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
