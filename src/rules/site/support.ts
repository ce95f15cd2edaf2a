// What the site rules share: reporting at a field of site.yaml, and the vocabulary of levels,
// kinds and organization names that several rules reason about.
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Severity } from '../../diagnostics/catalogue.ts';
import type { SiteConfig } from '../../schema/site-schema.ts';
import type { PlatformSite, SiteRuleContext } from './index.ts';

export type FieldPath = readonly (string | number)[];

/** `columns[3].type`, the form the schema validation uses for the same fields. */
export function fieldName(path: FieldPath): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : k)).join('.').replace(/\.\[/g, '[');
}

export interface Finding {
  message: string;
  fix: string;
  severity?: Severity;
  /** Where to point when the field itself is absent (a missing `parent` is shown at `kind`). */
  at?: FieldPath;
}

/** A diagnostic about `path` of the site's own site.yaml. */
export function report(context: SiteRuleContext, ruleId: string, path: FieldPath, finding: Finding): Diagnostic {
  const { site } = context;
  const { line, column } = site.locate(finding.at ?? path);
  return diagnostic({
    ruleId,
    file: site.file,
    line,
    column,
    field: fieldName(path),
    message: finding.message,
    fix: finding.fix,
    ...(finding.severity ? { severity: finding.severity } : {}),
  });
}

export type Level = SiteConfig['level'];

export const LEVEL_LABEL: Record<Level, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇/街道',
};

/** Higher is closer to the province: a portal's parent must rank above it. */
export const LEVEL_RANK: Record<Level, number> = { province: 4, city: 3, county: 2, township: 1 };

export const KIND_LABEL: Record<SiteConfig['kind'], string> = { portal: '政府门户网站', department: '部门网站' };

export function describeSite(site: PlatformSite): string {
  return `“${site.id}”（${site.config.name}，${LEVEL_LABEL[site.config.level]}${KIND_LABEL[site.config.kind]}）`;
}

/**
 * The organization behind an organizer: 陕 第六条 makes the 办公厅（室） of a government or
 * department the organizer of its site, so “示例省人民政府办公厅” stands for 示例省人民政府.
 */
export function organizationOf(organizer: string): string {
  const name = normalizeName(organizer);
  const stripped = name.replace(/(?:办公厅|办公室)$/, '');
  return stripped.length >= 2 ? stripped : name;
}

/** Whitespace removed and brackets made full-width, so that trivially different spellings compare equal. */
export function normalizeName(name: string): string {
  return name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** The region a portal is named after: “示例省人民政府” → “示例省”, “东城街道办事处” → “东城街道”. */
export function regionOf(portalName: string): string | undefined {
  const m = /^(.+?)人民政府$/.exec(normalizeName(portalName)) ?? /^(.+街道)办事处$/.exec(normalizeName(portalName));
  return m?.[1];
}

/** `<x>` of a portal's `www.<x>.gov.cn`. */
export function portalDomainStem(domain: string): string | undefined {
  const m = /^www\.([a-z0-9-]+)\.gov\.cn$/.exec(domain.trim().toLowerCase());
  return m?.[1];
}

export const hasLatin = (text: string): boolean => /[A-Za-z]/.test(text);
export const hasHan = (text: string): boolean => /\p{Script=Han}/u.test(text);

/** “a”、“b”和“c” */
export function quoteList(values: readonly string[]): string {
  const quoted = values.map((v) => `“${v}”`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join('、')}和${quoted.at(-1)}`;
}
