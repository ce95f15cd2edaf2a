// What a build loads and starts (src/cli/main.ts, commands.ts, load-items.ts, build-site.ts,
// build-platform.ts), on a throwaway copy of the `mini` fixture: a rebuild that changed nothing
// loads neither the MDX parser and content rules nor the index and output-check modules, and an
// edit loads each of them once it needs them. Every module is time in every build (measured
// 2026-12-02: 0.13 s and 0.2 s). Astro's process is started only for a build that renders: it
// took a core from a rebuild that changed nothing and from an edit of a body alone.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/util/paths.ts';
import { copyPlatform, readText, removePlatform, runCli, writeText } from '../helpers/platform.ts';

const NOW = ['--now', '2026-11-22 10:00'];
/** Modules of later steps, by the file that holds each. */
const BODY_CHECKS = ['src/content/parse-mdx-body.ts', 'src/rules/content/run-item-checks.ts'];
const OUTPUT_STEPS = ['src/index/index-site.ts', 'src/rules/output/check-links.ts'];
const OTHER_COMMANDS = ['src/cli/check-command.ts', 'src/cli/publish-commands.ts', 'src/schema/generated-files.ts'];

const BODY_PATCH = 'plugins/astro-govsite/body-html.ts';

/**
 * A traced build (tests/helpers/trace-start.mjs): the project files the build command's own
 * process loaded (the Astro processes write theirs to the log too), whether it started an Astro
 * process, and what it printed (--verbose: its steps).
 */
function tracedBuild(root: string): { loaded: string[]; astroStarted: boolean; output: string } {
  const log = path.join(root, 'trace.log');
  rmSync(log, { force: true });
  const result = runCli(['build', '--root', root, '--site', 'alpha', '--verbose', ...NOW], {
    env: { NODE_OPTIONS: `--import ${path.join(projectRoot, 'tests/helpers/trace-start.mjs')}`, TRACE_START_LOG: log },
  });
  expect(result.status, result.output).toBe(0);
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  // The first line is the entry's own load, by the build command's process.
  const pid = lines[0]!.split(' ')[0]!;
  const loaded = lines
    .filter((line) => line.startsWith(`${pid} load file://`))
    .map((line) => path.relative(projectRoot, new URL(line.slice(`${pid} load `.length)).pathname));
  const spawned = lines.findIndex((line) => line.startsWith(`${pid} spawn `) && line.endsWith('src/render/astro-worker-entry.ts'));
  return { loaded, astroStarted: spawned !== -1, output: result.output };
}

describe('what a build loads', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('mini');
    const result = runCli(['build', '--root', root, '--site', 'alpha', ...NOW]);
    expect(result.status, result.output).toBe(0);
  });
  afterAll(() => removePlatform(root));

  const file = 'content/alpha/news/autumn-planting.mdx';

  it('with nothing changed: neither the body checks nor the index and output checks, nor other commands, nor Astro', () => {
    const { loaded, astroStarted } = tracedBuild(root);
    expect(loaded).toContain('src/cli/commands.ts');
    expect(loaded).toContain('src/pipeline/build-site.ts');
    for (const file of [...BODY_CHECKS, ...OUTPUT_STEPS, ...OTHER_COMMANDS, BODY_PATCH]) expect(loaded).not.toContain(file);
    expect(astroStarted).toBe(false);
  });

  it('after an edit of a body alone: the body checks for the edited file, the body patch, the index and output checks, and no Astro', () => {
    // A short body is its own summary, on the list page; with a description of its own, an edit
    // of the body changes the item page alone.
    const meeting = 'content/alpha/news/city-work-meeting.mdx';
    writeText(root, meeting, readText(root, meeting).replace(/^keywords: /m, 'description: 会议部署下一阶段数字政府建设重点任务。\nkeywords: '));
    const described = runCli(['build', '--root', root, '--site', 'alpha', ...NOW]);
    expect(described.status, described.output).toBe(0);
    writeText(root, meeting, `${readText(root, meeting).trimEnd()}\n\n本文已更新。\n`);
    const { loaded, astroStarted, output } = tracedBuild(root);
    for (const needed of [...BODY_CHECKS, BODY_PATCH, ...OUTPUT_STEPS]) expect(loaded).toContain(needed);
    for (const file of OTHER_COMMANDS) expect(loaded).not.toContain(file);
    expect(output).toContain('未启动 Astro');
    expect(astroStarted).toBe(false);
  });

  it('after an edit of a title: one Astro process, started by the site’s build (astro-process.ts), renders it', () => {
    writeText(root, file, readText(root, file).replace(/^title: .*$/m, 'title: 测试市秋冬种工作全面完成'));
    const { astroStarted, output } = tracedBuild(root);
    expect(astroStarted).toBe(true);
    expect(output).toContain('Astro 渲染');
  });
});
