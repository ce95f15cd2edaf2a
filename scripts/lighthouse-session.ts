// Lighthouse on a built site in Debian's Chromium, with no network: the site served on loopback,
// one persistent browser profile (so preferences saved in localStorage reach the audited tab),
// Lighthouse attached over the remote debugging port. Shared by `npm run lighthouse`
// (accessibility, scripts/a11y-lighthouse.ts) and `npm run bench:pages` (performance).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse, { type Flags } from 'lighthouse';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH } from '../tests/helpers/browser.ts';
import { serveDirectory } from '../tests/helpers/static-server.ts';

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

export interface LighthouseSession {
  /** The site's address on loopback. */
  url: string;
  context: BrowserContext;
  /** Audits `pagePath` of the site; throws on a Lighthouse runtime error. */
  audit: (pagePath: string, flags: Flags) => Promise<Result>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export async function withLighthouse<T>(dist: string, use: (session: LighthouseSession) => Promise<T>): Promise<T> {
  const server = await serveDirectory(dist);
  const port = await freePort();
  const profile = mkdtempSync(path.join(tmpdir(), 'govsite-lighthouse-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--remote-debugging-port=${port}`],
  });
  try {
    return await use({
      url: server.url,
      context,
      audit: async (pagePath, flags) => {
        const result = await lighthouse(`${server.url}${pagePath}`, { port, output: 'json', logLevel: 'error', ...flags });
        if (!result) throw new Error(`Lighthouse 没有结果：${pagePath}`);
        if (result.lhr.runtimeError) throw new Error(`Lighthouse 出错（${pagePath}）：${result.lhr.runtimeError.message}`);
        return result.lhr;
      },
    });
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
