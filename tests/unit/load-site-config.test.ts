// site.yaml read again in one process (src/config/load-site-config.ts): the parse of a text read
// before is reused, yet an edited file is parsed again, and a caller changing what it was given
// changes nothing for the next caller.
import { afterEach, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/config/load-site-config.ts';
import { copyPlatform, readText, removePlatform, writeText } from '../helpers/platform.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) removePlatform(root);
});

describe('loadSiteConfig, read again', () => {
  it('gives the same configuration, a copy each time, and an edited file’s new one', async () => {
    const root = copyPlatform('mini');
    roots.push(root);
    const first = await loadSiteConfig(root, 'alpha');
    expect(first.config).toBeDefined();
    const name = first.config!.name;
    (first.config as { name: string }).name = '被调用方改掉的名称';
    first.diagnostics.push({ ruleId: 'X', severity: 'error', message: '', file: '' } as never);
    const again = await loadSiteConfig(root, 'alpha');
    expect(again.config!.name).toBe(name);
    expect(again.diagnostics).toHaveLength(0);
    expect(again.locate).toBe(first.locate);
    writeText(root, 'sites/alpha/site.yaml', readText(root, 'sites/alpha/site.yaml').replace(`name: ${name}`, 'name: 改过的网站名称'));
    const edited = await loadSiteConfig(root, 'alpha');
    expect(edited.config!.name).toBe('改过的网站名称');
    expect(edited.locate).not.toBe(first.locate);
  });
});
