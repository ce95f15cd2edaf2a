// Builds the demo platform once for every test file that reads or browses it (inject('demoRoot')).
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { copyPlatform, runCli } from './helpers/platform.ts';

export const DEMO_NOW = '2026-11-22 10:00';

declare module 'vitest' {
  export interface ProvidedContext {
    demoRoot: string;
  }
}

export default function setup(project: TestProject) {
  const root = copyPlatform('demo');
  const result = runCli(['build', '--root', root, '--now', DEMO_NOW]);
  if (result.status !== 0) throw new Error(`demo platform build failed:\n${result.output}`);
  project.provide('demoRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
