// The relevance set (tests/fixtures/search-relevance.yaml) run on built search pages: each query
// on the site it names, its expected item looked for in the top 3. Shared by the one-index test
// (tests/browser/search.test.ts) and the index-in-parts test (tests/integration/search-parts.test.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { fixturesDir } from './platform.ts';
import { projectRoot } from '../../src/util/paths.ts';

export interface RelevanceQuery {
  q: string;
  site: string;
  on?: string;
  url: string;
  kind: string;
}

/** The hit@3 the set must reach (issue 26): citizens' wording is not always guessable. */
export const REQUIRED_HIT_AT_3 = 0.9;

export const HOSTS: Record<string, string> = { shili: 'www.shili.gov.cn', anping: 'www.anping.gov.cn', 'shili-jyt': 'jyt.shili.gov.cn' };

export function relevanceQueries(): RelevanceQuery[] {
  return (parse(readFileSync(path.join(fixturesDir, 'search-relevance.yaml'), 'utf8')) as { queries: RelevanceQuery[] }).queries;
}

export interface RelevanceOutcome {
  hits: number;
  total: number;
  misses: string[];
  byKind: Record<string, { hits: number; total: number }>;
}

/**
 * Runs every query with `top3` (the hrefs of the first three results of a search of `q` on site
 * `on`), grouped by site so that each search page is loaded once.
 */
export async function runRelevance(top3: (on: string, q: string) => Promise<string[]>): Promise<RelevanceOutcome> {
  const queries = relevanceQueries().sort((a, b) => (a.on ?? a.site).localeCompare(b.on ?? b.site));
  const outcome: RelevanceOutcome = { hits: 0, total: queries.length, misses: [], byKind: {} };
  for (const query of queries) {
    const on = query.on ?? query.site;
    const expected = on === query.site ? query.url : `https://${HOSTS[query.site]}${query.url}`;
    const top = await top3(on, query.q);
    const kind = (outcome.byKind[query.kind] ??= { hits: 0, total: 0 });
    kind.total++;
    if (top.includes(expected)) {
      outcome.hits++;
      kind.hits++;
    } else outcome.misses.push(`${query.kind} “${query.q}” on ${on}: expected ${expected}, got ${top.join(' | ') || 'nothing'}`);
  }
  return outcome;
}

/** The outcome as a Markdown table (docs/search.md, “Relevance”), also written to test-results/. */
export function reportRelevance(outcome: RelevanceOutcome, name: string): string {
  const percent = (hits: number, total: number) => `${((100 * hits) / total).toFixed(1)} %`;
  const rows = Object.entries(outcome.byKind)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, { hits, total }]) => `| ${kind} | ${total} | ${hits} | ${percent(hits, total)} |`);
  const table = ['| kind | queries | in top 3 | hit@3 |', '|---|---|---|---|', ...rows, `| **all** | ${outcome.total} | ${outcome.hits} | **${percent(outcome.hits, outcome.total)}** |`].join('\n');
  const dir = path.join(projectRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.md`), `${table}\n\nMisses:\n${outcome.misses.map((m) => `- ${m}`).join('\n')}\n`);
  return table;
}
