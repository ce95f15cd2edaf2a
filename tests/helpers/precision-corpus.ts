// The precision corpus (tests/fixtures/precision-corpus/): legitimate passages written as
// government sites publish them and planted violations, each a real item of the corpus platform,
// loaded with the real checks (loadPlatform: front matter, content rules, relations). Shared by
// tests/unit/precision-corpus.test.ts and scripts/checks-precision.ts (the table in docs/checks.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import type { Severity } from '../../src/diagnostics/catalogue.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { copyPlatform, fixturesDir, removePlatform } from './platform.ts';

export const CORPUS = 'precision-corpus';
export const CORPUS_DIR = path.join(fixturesDir, CORPUS);
/** The corpus platform's one site: every passage is an item of it. */
export const CORPUS_SITE = 'shifan';
/** The checks' clock: fixed, so the results never depend on the day the test runs. */
export const CORPUS_NOW = '2026-11-22 10:00';

export interface Passage {
  /** Relative to content/<CORPUS_SITE>/. */
  file: string;
  theme: string;
  kind: 'legitimate' | 'planted';
  /** What the passage is, in a few words. */
  what: string;
  /** Planted: the rule that must fire, and at which severity. */
  rule?: string;
  severity?: Severity;
  /** Warnings a legitimate passage may raise, each with the reason it is right. */
  warnings?: Array<{ rule: string; why: string }>;
  /** Planted: other rules that rightly fire on it too (invisible characters in a title are SEC-04's), each with the reason. */
  also?: Array<{ rule: string; why: string }>;
  /** A planted violation caught only once another branch is merged: why; not scored until then. */
  pending?: string;
}

const KEYS = new Set(['file', 'theme', 'kind', 'what', 'rule', 'severity', 'warnings', 'also', 'pending']);

/** corpus.yaml, checked: a typo in a label must not silently drop a passage from the score. */
export function readCorpus(): Passage[] {
  const data = parse(readFileSync(path.join(CORPUS_DIR, 'corpus.yaml'), 'utf8')) as { passages: Passage[] };
  for (const p of data.passages) {
    const unknown = Object.keys(p).filter((k) => !KEYS.has(k));
    if (unknown.length > 0) throw new Error(`corpus.yaml: ${p.file}: unknown keys ${unknown.join(', ')}`);
    if (p.kind !== 'legitimate' && p.kind !== 'planted') throw new Error(`corpus.yaml: ${p.file}: kind must be legitimate or planted`);
    if (p.kind === 'planted' && (!p.rule || !p.severity)) throw new Error(`corpus.yaml: ${p.file}: a planted passage names its rule and severity`);
    if (p.kind === 'legitimate' && (p.rule || p.pending || p.also)) throw new Error(`corpus.yaml: ${p.file}: a legitimate passage has no rule, also or pending`);
    if (p.kind === 'planted' && p.warnings) throw new Error(`corpus.yaml: ${p.file}: a planted passage lists the other rules it triggers in also`);
    for (const listed of [...(p.warnings ?? []), ...(p.also ?? [])]) {
      if (!listed.rule || !listed.why) throw new Error(`corpus.yaml: ${p.file}: each listed rule says why`);
    }
  }
  return data.passages;
}

/** The project-relative path the diagnostics give for a passage. */
export const passagePath = (p: Passage) => `content/${CORPUS_SITE}/${p.file}`;

export interface PassageResult {
  passage: Passage;
  /** Every finding on the passage's file. */
  findings: Diagnostic[];
  /** Planted: its rule fired at its severity. */
  caught: boolean;
  /** Errors and vetoes that should not be there: any on a legitimate passage, another rule's (not listed in `also`) on a planted one. */
  falseAlarms: Diagnostic[];
  /** Warnings of a legitimate passage that corpus.yaml does not list. */
  unlistedWarnings: Diagnostic[];
}

export interface CorpusRun {
  results: PassageResult[];
  /** Findings on files that are no passage (site.yaml, items not in corpus.yaml): the corpus platform must have none. */
  elsewhere: Diagnostic[];
}

const blocking = (d: Diagnostic) => d.severity === 'error' || d.severity === 'veto';

export function judge(passage: Passage, findings: Diagnostic[]): PassageResult {
  if (passage.kind === 'legitimate') {
    const allowed = new Set((passage.warnings ?? []).map((w) => w.rule));
    return {
      passage,
      findings,
      caught: false,
      falseAlarms: findings.filter(blocking),
      unlistedWarnings: findings.filter((d) => d.severity === 'warn' && !allowed.has(d.ruleId)),
    };
  }
  const expected = new Set([passage.rule, ...(passage.also ?? []).map((a) => a.rule)]);
  return {
    passage,
    findings,
    caught: findings.some((d) => d.ruleId === passage.rule && d.severity === passage.severity),
    falseAlarms: findings.filter((d) => blocking(d) && !expected.has(d.ruleId)),
    unlistedWarnings: [],
  };
}

/** Loads a copy of the corpus platform with the real checks and judges every passage. */
export async function runCorpus(): Promise<CorpusRun> {
  const passages = readCorpus();
  const root = copyPlatform(CORPUS);
  try {
    const loaded = await loadPlatform(root, CORPUS_NOW);
    const all = [...loaded.values()].flatMap((site) => site.diagnostics);
    const files = new Set(passages.map(passagePath));
    return {
      results: passages.map((p) => judge(p, all.filter((d) => d.file === passagePath(p)))),
      elsewhere: all.filter((d) => !files.has(d.file)),
    };
  } finally {
    removePlatform(root);
  }
}

export interface RuleScore {
  rule: string;
  /** Planted passages of this rule (scored, not pending). */
  planted: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** TP / (TP + FP); undefined when the rule fired nowhere. */
  precision?: number;
  /** TP / (TP + FN); undefined when nothing of this rule was planted. */
  recall?: number;
}

/**
 * Per rule: a true positive is a planted passage its rule caught; a false positive an error or
 * veto of the rule on a legitimate passage, or on a planted passage of another rule (counted once
 * per passage); a false negative a planted passage its rule missed. Pending passages are left out.
 */
export function scoreByRule(results: readonly PassageResult[]): RuleScore[] {
  const scores = new Map<string, RuleScore>();
  const of = (rule: string) => {
    let score = scores.get(rule);
    if (!score) scores.set(rule, (score = { rule, planted: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0 }));
    return score;
  };
  for (const r of results) {
    if (r.passage.pending) continue;
    if (r.passage.kind === 'planted') {
      const score = of(r.passage.rule!);
      score.planted++;
      if (r.caught) score.truePositives++;
      else score.falseNegatives++;
    }
    for (const rule of new Set(r.falseAlarms.map((d) => d.ruleId))) of(rule).falsePositives++;
  }
  for (const s of scores.values()) {
    if (s.truePositives + s.falsePositives > 0) s.precision = s.truePositives / (s.truePositives + s.falsePositives);
    if (s.planted > 0) s.recall = s.truePositives / s.planted;
  }
  return [...scores.values()].sort((a, b) => ruleOrder(a.rule) - ruleOrder(b.rule) || a.rule.localeCompare(b.rule));
}

const ruleOrder = (rule: string) => Number(/(\d+)$/.exec(rule)?.[1] ?? 999) + (rule.startsWith('CONT-') ? 0 : 1000);
