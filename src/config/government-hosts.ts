// Which hosts are government websites (CONT-13): links to them open directly, links anywhere
// else go through the leave-site notice page first. `*.gov.cn` and the Chinese `.政务` domains
// are government by definition; data/government-hosts.yaml adds other 党政机关 hosts (conac.cn…).
// Shared by the MDX plugin that rewrites links (plugins/rehype-external-link-notice.ts), the site
// data that lists the notice pages, and the output link check: all three must agree.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { domainToUnicode } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../util/paths.ts';

export const GOVERNMENT_HOSTS_FILE = path.join(projectRoot, 'data', 'government-hosts.yaml');

const HOST = /^(?:\*\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;

export const governmentHostsSchema = z.strictObject({
  hosts: z
    .array(
      z.strictObject({
        host: z.string().regex(HOST, { error: 'host 只写主机名，例如 bszs.conac.cn 或 *.conac.cn' }),
        name: z.string().min(1),
      }),
    )
    .default([]),
});

let cache: { file: string; mtimeMs: number; patterns: string[] } | undefined;

/** Unicode, lower case, no trailing dot: `WWW.XN--ZFR164B.` and `www.政务` compare equal. */
export function normalizeHost(host: string): string {
  const plain = host.trim().toLowerCase().replace(/\.$/, '');
  return domainToUnicode(plain) || plain;
}

/** The allowlist's host patterns (`conac.cn`, `*.conac.cn`), read once and re-read when the file changes. */
export function governmentHostPatterns(file = GOVERNMENT_HOSTS_FILE): string[] {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    throw new Error(`离站提示所需的平台数据文件 ${file} 不存在：请从代码仓库恢复 data/government-hosts.yaml`);
  }
  if (cache && cache.file === file && cache.mtimeMs === mtimeMs) return cache.patterns;
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`平台数据文件 ${file} 不是合法的 YAML：${(error as Error).message}`);
  }
  const result = governmentHostsSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '（根）'}：${i.message}`).join('；');
    throw new Error(`平台数据文件 ${file} 的内容不符合格式：${issues}`);
  }
  const patterns = result.data.hosts.map((h) => (h.host.startsWith('*.') ? `*.${normalizeHost(h.host.slice(2))}` : normalizeHost(h.host)));
  cache = { file, mtimeMs, patterns };
  return patterns;
}

/** `*.gov.cn`, `*.政务`, or a host of the allowlist. */
export function isGovernmentHost(host: string, patterns: readonly string[] = governmentHostPatterns()): boolean {
  const h = normalizeHost(host);
  if (h === 'gov.cn' || h.endsWith('.gov.cn')) return true;
  if (h.endsWith('.政务')) return true;
  return patterns.some((p) => (p.startsWith('*.') ? h.endsWith(p.slice(1)) : h === p));
}

/** The host of an absolute web address (`https://…`, `http://…`, `//…`), else undefined. */
export function webHost(href: string): string | undefined {
  const value = href.trim();
  if (!/^(?:https?:)?\/\//i.test(value)) return undefined;
  try {
    const host = new URL(value, 'https://base.invalid/').hostname;
    return host ? normalizeHost(host) : undefined;
  } catch {
    return undefined;
  }
}
