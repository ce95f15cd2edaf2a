// The Astro process started ahead (src/build/astro-process.ts): it loads Astro before its site is
// known, is given the site in one message, and builds it as a process started for it would; a
// second site gets a process of its own; one nobody takes is ended.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { astroProcess, startAstroAhead, stopAstroAhead } from '../../src/build/astro-process.ts';

afterEach(() => stopAstroAhead());

function ended(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

// A content root without the site: Astro starts, reads the env it was given, and fails on it.
const env = (root: string) => ({ GOVSITE_SITE: 'missing-site', GOVSITE_CONTENT_ROOT: root, GOVSITE_OUT_DIR: path.join(root, 'out'), GOVSITE_NOW: '2026-11-22 10:00', GOVSITE_DATA_FILE: path.join(root, 'missing.json') });

describe('the Astro process started ahead', () => {
  it('is taken by the first site only, and runs that site’s build in the folder it is given', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'govsite-astro-ahead-'));
    startAstroAhead();
    const first = astroProcess(root, env(root));
    const second = astroProcess(root, env(root));
    expect(first.ahead).toBe(true);
    expect(second.ahead).toBe(false);
    const [a, b] = await Promise.all([ended(first.child), ended(second.child)]);
    // Both fail the same way, on the data file of the env they were given, and say so in the line the build parses.
    for (const result of [a, b]) {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('GOVSITE_BUILD_ERROR');
      expect(result.stderr).toContain('missing.json');
    }
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('is ended when no site takes it', async () => {
    const spare = startAstroAhead();
    const end = ended(spare);
    stopAstroAhead();
    expect((await end).signal).toBe('SIGTERM');
  }, 60_000);
});
