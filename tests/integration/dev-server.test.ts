// `npm run dev -- --site <id>`: a live preview that serves the site, its items' files, and
// picks up an editor's change without a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/util/paths.ts';
import { cliEnv, copyPlatform, readText, removePlatform, runCli, writeText } from '../helpers/platform.ts';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function fetchText(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}

async function eventually(check: () => Promise<boolean>, seconds: number, what: string): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('npm run dev', () => {
  let root: string;
  let child: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    root = copyPlatform('mini');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [path.join(projectRoot, 'src/cli/main.ts'), 'dev', '--site', 'alpha', '--root', root, '--port', String(port), '--host', '127.0.0.1'], {
      cwd: projectRoot,
      env: cliEnv(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await eventually(async () => (await fetchText(`${base}/`)).status === 200, 60, `the dev server (${output})`);
  });

  afterAll(async () => {
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
    removePlatform(root);
  });

  it('serves the site, its articles and the files beside them', async () => {
    expect((await fetchText(`${base}/`)).text).toContain('测试市人民政府');
    expect((await fetchText(`${base}/news/city-work-meeting/`)).text).toContain('测试市召开全市数字政府建设工作会议');
    const csv = await fetchText(`${base}/policies/open-data-rules/implementation-rules.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('企业登记信息');
  });

  it('shows an edited title without a restart', async () => {
    const file = 'content/alpha/news/autumn-planting.mdx';
    writeText(root, file, readText(root, file).replace('测试市秋冬种工作有序推进', '测试市秋冬种工作基本完成'));
    await eventually(async () => (await fetchText(`${base}/news/`)).text.includes('测试市秋冬种工作基本完成'), 30, 'the edited title');
  });

  it('refuses to start on a site with errors, and says why', () => {
    const broken = copyPlatform('mini');
    try {
      writeText(broken, 'content/alpha/news/empty.mdx', '');
      const result = runCli(['dev', '--site', 'alpha', '--root', broken]);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('content/alpha/news/empty.mdx:1');
    } finally {
      removePlatform(broken);
    }
  });
});
