// `npm run dev -- --site <id>`: a live preview that serves the site, its items' files, and
// picks up an editor's change without a restart. It prints what an editor acts on and nothing
// else (issue 24, item 10; docs/editing.md): the address, a line per saved change, and the
// content diagnostics in Chinese with file:line and rule — no Astro or Vite log, no dependency
// scan error, no warning from a workaround, no path of the machine.
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
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, text: await response.text() };
}

async function eventually(check: () => Promise<boolean>, seconds: number, what: string | (() => string)): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

interface DevServer {
  child: ChildProcess;
  base: string;
  /** Everything it has printed, standard output and error. */
  output: () => string;
}

/** `npm run dev -- --site alpha` on a loopback port, once it serves the home page. */
async function startDev(root: string, extra: string[] = []): Promise<DevServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const args = [path.join(projectRoot, 'src/cli/main.ts'), 'dev', '--site', 'alpha', '--root', root, '--port', String(port), '--host', '127.0.0.1', ...extra];
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: cliEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  child.stdout!.on('data', (d) => (printed += d));
  child.stderr!.on('data', (d) => (printed += d));
  await eventually(async () => (await fetchText(`${base}/`)).status === 200, 120, () => `the dev server (${printed})`);
  // The dependency scan runs in the background on a cold start (each test platform is new, and
  // so is its Vite cache): by the time a client module is served, it has ended, and would have logged.
  await fetchText(`${base}/@vite/client`);
  return { child, base, output: () => printed };
}

function stopDev(server: DevServer | undefined): void {
  if (server?.child.pid) process.kill(-server.child.pid, 'SIGTERM');
}

describe('npm run dev', () => {
  let root: string;
  let server: DevServer;
  let base: string;
  const output = () => server.output();

  beforeAll(async () => {
    root = copyPlatform('mini');
    server = await startDev(root);
    base = server.base;
  });

  afterAll(async () => {
    stopDev(server);
    removePlatform(root);
  });

  /** Every line printed so far, and whether each is of a form the dev server may print. */
  function unexpectedLines(): string[] {
    const allowed = [
      /^预览地址：http:\/\/127\.0\.0\.1:\d+\/（站点 alpha；/,
      /^\d\d:\d\d:\d\d [✔✘] /,
      /^(?:content|sites)\/\S+:\d+(?::\d+)? {2}(?:错误|警告|否决) \[[A-Z]+-\d+\] /,
      /^ {4}修改方法：/,
    ];
    return output()
      .split('\n')
      .filter((line) => line !== '' && !allowed.some((form) => form.test(line)));
  }

  /**
   * A check that the dev server has printed something, for eventually(): the editor looks at the
   * page meanwhile, and a page request checks the sources too (in case the file watcher missed
   * the save).
   */
  function printed(what: string | (() => boolean)): () => Promise<boolean> {
    const found = typeof what === 'string' ? () => output().includes(what) : what;
    return async () => {
      if (found()) return true;
      await fetchText(`${base}/news/`);
      return found();
    };
  }

  it('starts quietly: the address in Chinese, and nothing of Astro or Vite', () => {
    expect(output()).toMatch(new RegExp(`^预览地址：${base}/（站点 alpha；`, 'm'));
    for (const noise of ['[ERROR]', '[WARN]', 'dependency scan', '.govsite-no-references', '.govsite-no-items', 'New version of Astro']) {
      expect(output()).not.toContain(noise);
    }
    expect(unexpectedLines()).toEqual([]);
  });

  it('is quiet because nothing is wrong: --verbose shows all of Astro and Vite, with no warning or error', async () => {
    // A platform of its own: a cold Vite cache, and no Astro root shared with the other server.
    const other = copyPlatform('mini');
    const verbose = await startDev(other, ['--verbose']);
    try {
      const shown = verbose.output();
      expect(shown).toContain('[content] Synced content');
      expect(shown).toMatch(new RegExp(`^预览地址：${verbose.base}/`, 'm'));
      for (const noise of ['[ERROR]', '[WARN]', 'dependency scan', '.govsite-no-references', '.govsite-no-items', 'New version of Astro']) {
        expect(shown).not.toContain(noise);
      }
      expect(shown).not.toContain(other);
      expect(shown).not.toContain(projectRoot);
    } finally {
      stopDev(verbose);
      removePlatform(other);
    }
  });

  it('serves the site, its articles and the files beside them', async () => {
    expect((await fetchText(`${base}/`)).text).toContain('测试市人民政府');
    expect((await fetchText(`${base}/news/city-work-meeting/`)).text).toContain('测试市召开全市数字政府建设工作会议');
    const csv = await fetchText(`${base}/policies/open-data-rules/implementation-rules.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('企业登记信息');
  });

  it('shows an edited title without a restart, and says so', async () => {
    const file = 'content/alpha/news/autumn-planting.mdx';
    writeText(root, file, readText(root, file).replace('测试市秋冬种工作有序推进', '测试市秋冬种工作基本完成'));
    await eventually(async () => (await fetchText(`${base}/news/`)).text.includes('测试市秋冬种工作基本完成'), 15, 'the edited title');
    await eventually(printed(`✔ 已更新：${file}`), 10, () => `the reload notice (${output()})`);
  });

  it('reports a front-matter error in Chinese with file:line and rule, and takes the fix', async () => {
    const file = 'content/alpha/news/city-work-meeting.mdx';
    const good = readText(root, file);
    const line = good.split('\n').findIndex((l) => l.startsWith('pubDate:')) + 1;
    const notices = () => output().split(`✔ 已更新：${file}`).length - 1;
    writeText(root, file, good.replace(/^pubDate: .*$/m, 'pubDate: 2024/1/5'));
    await eventually(printed(`${file}:${line}:10  错误 [CONT-01] 字段“发布时间”（pubDate）：时间格式不对`), 15, () => `the diagnostic (${output()})`);
    expect(output()).toContain('    修改方法：改为 2024-01-05 HH:MM');
    expect(output()).toContain(`✘ ${file}：有错误`);
    // The preview keeps the last good content meanwhile.
    expect((await fetchText(`${base}/news/city-work-meeting/`)).text).toContain('测试市召开全市数字政府建设工作会议');
    const before = notices();
    writeText(root, file, good);
    await eventually(printed(() => notices() > before), 15, () => `the fix's notice (${output()})`);
    expect(unexpectedLines()).toEqual([]);
  });

  it('prints no path of the machine outside the project', () => {
    expect(output()).not.toContain(root);
    expect(output()).not.toContain(projectRoot);
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
