// What a build loads (src/cli/main.ts, commands.ts, load-items.ts, build-site.ts), on a throwaway
// copy of the `mini` fixture: a rebuild that changed nothing loads neither the MDX parser and
// content rules nor the index and output-check modules, and an edit loads each of them once it
// needs them. Every module is time in every build (measured 2026-12-02: 0.13 s and 0.2 s).
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/util/paths.ts';
import { copyPlatform, readText, removePlatform, runCli, writeText } from '../helpers/platform.ts';

const NOW = ['--now', '2026-11-22 10:00'];
/** Modules of later steps, by the file that holds each. */
const BODY_CHECKS = ['src/load/parse-mdx-body.ts', 'src/check/run-item-checks.ts'];
const OUTPUT_STEPS = ['src/index/index-site.ts', 'src/check/output/check-links.ts'];
const OTHER_COMMANDS = ['src/cli/check-command.ts', 'src/cli/publish-commands.ts', 'src/schema/generated-files.ts'];

/** The project files the build command's own process loaded (the Astro processes write theirs to the log too). */
function tracedBuild(root: string): string[] {
  const log = path.join(root, 'trace.log');
  rmSync(log, { force: true });
  const result = runCli(['build', '--root', root, '--site', 'alpha', ...NOW], {
    env: { NODE_OPTIONS: `--import ${path.join(projectRoot, 'tests/helpers/trace-start.mjs')}`, TRACE_START_LOG: log },
  });
  expect(result.status, result.output).toBe(0);
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  // The first line is the entry's own load, by the build command's process.
  const pid = lines[0]!.split(' ')[0]!;
  return lines
    .filter((line) => line.startsWith(`${pid} load file://`))
    .map((line) => path.relative(projectRoot, new URL(line.slice(`${pid} load `.length)).pathname));
}

describe('what a build loads', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('mini');
    const result = runCli(['build', '--root', root, '--site', 'alpha', ...NOW]);
    expect(result.status, result.output).toBe(0);
  });
  afterAll(() => removePlatform(root));

  it('with nothing changed: neither the body checks nor the index and output checks, nor other commands', () => {
    const loaded = tracedBuild(root);
    expect(loaded).toContain('src/cli/commands.ts');
    expect(loaded).toContain('src/build/build-site.ts');
    for (const file of [...BODY_CHECKS, ...OUTPUT_STEPS, ...OTHER_COMMANDS]) expect(loaded).not.toContain(file);
  });

  it('after an edit: the body checks for the edited file, the index and output checks for the render', () => {
    const file = 'content/alpha/news/autumn-planting.mdx';
    writeText(root, file, `${readText(root, file).trimEnd()}\n\n本文已更新。\n`);
    const loaded = tracedBuild(root);
    for (const needed of [...BODY_CHECKS, ...OUTPUT_STEPS]) expect(loaded).toContain(needed);
    for (const file of OTHER_COMMANDS) expect(loaded).not.toContain(file);
  });
});
