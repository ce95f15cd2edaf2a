// The rule catalogue (src/diagnostics/catalogue.ts) against the platform's rule catalogue
// (shared/spec/governance-rules.md, beside the checkout as CI lays it out): every ID of the
// spec's tables is in catalogue.ts, with the same severity where the spec gives one, so that
// reporting any rule of the spec never throws (issue 25: LAY, REP, A11Y and SRCH were missing).
// The spec is not part of this repository: where it is not beside the checkout (a developer's
// worktree elsewhere) the comparison is skipped, but never in CI, where it must be found.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules, ruleInfo, type Severity } from '../../src/diagnostics/catalogue.ts';
import { diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { projectRoot } from '../../src/util/paths.ts';

const SPEC = process.env.GOVSITE_RULES_SPEC ?? path.resolve(projectRoot, '..', 'shared', 'spec', 'governance-rules.md');
const found = existsSync(SPEC);
/** Rule families govsite adds to the national catalogue (files, security, 政府信息公开 fields). */
const OWN_FAMILIES = ['FILE', 'SEC', 'OPEN'];

interface SpecRule {
  id: string;
  /** The severity cell, when the table has a severity column. */
  severity?: string;
}

/** Every row of every table of the spec whose first cell is a rule ID. */
function specRules(markdown: string): SpecRule[] {
  const rules: SpecRule[] = [];
  let severityColumn = -1;
  const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  for (const line of markdown.split('\n')) {
    if (!line.trim().startsWith('|')) {
      severityColumn = -1;
      continue;
    }
    const row = cells(line);
    if (row[0] === 'ID') {
      severityColumn = row.indexOf('severity');
      continue;
    }
    if (!/^[A-Z0-9]+-\d{2}$/.test(row[0]!)) continue;
    rules.push({ id: row[0]!, severity: severityColumn >= 0 ? row[severityColumn] : undefined });
  }
  return rules;
}

/**
 * The catalogue severity a spec cell asks for: the strongest of veto, error, warn it names
 * ("veto / warn" is HEALTH-02's veto with warnings per column). A rule the templates produce
 * ("render") names none: a finding about it takes the catalogue's own.
 */
function severityOf(cell: string | undefined): Severity | undefined {
  if (cell === undefined) return undefined;
  return (['veto', 'error', 'warn'] as const).find((s) => new RegExp(`\\b${s}\\b`).test(cell));
}

describe('the parser of the spec tables', () => {
  it('reads IDs and the severity column, and nothing from tables without one', () => {
    const text = '## A\n| ID | rule | severity |\n|---|---|---|\n| SITE-07 | 5–8 channels | warn |\n| HEALTH-02 | x | veto / warn |\n\n| ID | rule |\n|---|---|\n| PUB-01 | headers |\n';
    expect(specRules(text)).toEqual([{ id: 'SITE-07', severity: 'warn' }, { id: 'HEALTH-02', severity: 'veto / warn' }, { id: 'PUB-01', severity: undefined }]);
    expect(severityOf('error + render')).toBe('error');
    expect(severityOf('render')).toBeUndefined();
  });
});

describe.skipIf(!found && !process.env.CI)('catalogue.ts and shared/spec/governance-rules.md', () => {
  const spec = () => specRules(readFileSync(SPEC, 'utf8'));

  it('finds the spec beside the checkout', () => {
    expect(found, `${path.basename(SPEC)} not found beside the checkout (set GOVSITE_RULES_SPEC)`).toBe(true);
    expect(spec().length).toBeGreaterThan(60);
    for (const family of ['SITE', 'META', 'LAY', 'CONT', 'HEALTH', 'REP', 'A11Y', 'SRCH', 'PUB']) {
      expect(spec().some((r) => r.id.startsWith(`${family}-`)), family).toBe(true);
    }
  });

  it('has every rule of the spec, with the severity the spec gives, and reporting it works', () => {
    for (const { id, severity } of spec()) {
      expect(() => ruleInfo(id), id).not.toThrow();
      const expected = severityOf(severity);
      if (expected) expect(ruleInfo(id).severity, `${id}: ${severity}`).toBe(expected);
      expect(ruleInfo(id).title, id).toMatch(/[\u4e00-\u9fff]/);
      expect(diagnostic({ ruleId: id, file: 'x', message: 'm', fix: 'f' }).severity).toBe(ruleInfo(id).severity);
    }
  });

  it('has no rule of the national families that the spec does not have', () => {
    const ids = new Set(spec().map((r) => r.id));
    const extra = allRules().filter((r) => !OWN_FAMILIES.includes(r.id.split('-')[0]!) && !ids.has(r.id));
    expect(extra.map((r) => r.id)).toEqual([]);
    expect(new Set(allRules().map((r) => r.id)).size).toBe(allRules().length);
  });
});
