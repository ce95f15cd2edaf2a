// Which hosts are government websites (CONT-13): links to them open directly, links anywhere
// else go through the leave-site notice page first. `*.gov.cn` and the Chinese `.政务` domains
// are government by definition; data/government-hosts.yaml adds other 党政机关 hosts (conac.cn…).
// Shared by the MDX plugin that rewrites links (plugins/rehype-external-link-notice.ts), the site
// data that lists the notice pages, and the output link check: all three must agree.
import path from 'node:path';
import { domainToUnicode } from 'node:url';
import { z } from 'zod';
import { projectRoot } from '../util/paths.ts';
import { loadDataFileAt } from './data-file.ts';

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

/** Unicode, lower case, no trailing dot: `WWW.XN--ZFR164B.` and `www.政务` compare equal. */
export function normalizeHost(host: string): string {
  const plain = host.trim().toLowerCase().replace(/\.$/, '');
  return domainToUnicode(plain) || plain;
}

const normalized = new WeakMap<object, string[]>();

/** The allowlist's host patterns (`conac.cn`, `*.conac.cn`), read once and re-read when the file changes (data-file.ts). */
export function governmentHostPatterns(file = GOVERNMENT_HOSTS_FILE): string[] {
  const { hosts } = loadDataFileAt(file, 'government-hosts.yaml', governmentHostsSchema);
  // Asked once per link: normalized once per reading of the file.
  let patterns = normalized.get(hosts);
  if (!patterns) {
    patterns = hosts.map((h) => (h.host.startsWith('*.') ? `*.${normalizeHost(h.host.slice(2))}` : normalizeHost(h.host)));
    normalized.set(hosts, patterns);
  }
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
