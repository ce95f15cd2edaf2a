import { describe, expect, it } from 'vitest';
import { scopeOfPaths, withParents, withSubscribers } from '../../src/incremental/changed-sites.ts';

describe('scopeOfPaths', () => {
  it('maps content and configuration to their sites', () => {
    expect(scopeOfPaths(['content/shili/news/a.mdx', 'sites/anping/site.yaml', 'README.md'])).toEqual({
      all: false,
      siteIds: new Set(['shili', 'anping']),
      configChanged: new Set(['anping']),
    });
  });
  it('rebuilds every site when shared code changed', () => {
    for (const p of ['templates/pages/index.astro', 'plugins/astro-govsite/index.ts', 'src/content/items.ts', 'astro.config.mjs', 'package-lock.json']) {
      expect(scopeOfPaths(['content/shili/news/a.mdx', p])).toEqual({ all: true });
    }
  });
  it('rebuilds every site when a platform data file changed (the content rules of every site read it)', () => {
    for (const p of ['data/official-names.yaml', 'data/sensitive-words.yaml', 'tsconfig.json', 'package.json']) {
      expect(scopeOfPaths([p]), p).toEqual({ all: true });
    }
  });
  it('ignores documentation and tests', () => {
    expect(scopeOfPaths(['docs/x.md', 'tests/unit/a.test.ts'])).toEqual({ all: false, siteIds: new Set(), configChanged: new Set() });
  });
});

describe('withSubscribers', () => {
  it('adds the sites that republish a changed site, transitively', () => {
    const subscriptions = new Map([
      ['shili', []],
      ['anping', ['shili']],
      ['anping-town', ['anping']],
      ['shili-jyt', []],
    ]);
    expect([...withSubscribers(new Set(['shili']), subscriptions)].sort()).toEqual(['anping', 'anping-town', 'shili']);
    expect([...withSubscribers(new Set(['shili-jyt']), subscriptions)]).toEqual(['shili-jyt']);
  });
});

describe('withParents', () => {
  it('rebuilds the parent portal of a site whose configuration changed, not of one whose content changed', () => {
    const parents = new Map([['anping', 'shili'], ['shili', undefined], ['shili-jyt', 'shili']]);
    expect([...withParents(new Set(['anping']), new Set(['anping']), parents)].sort()).toEqual(['anping', 'shili']);
    expect([...withParents(new Set(['shili-jyt']), new Set(), parents)]).toEqual(['shili-jyt']);
  });
});
