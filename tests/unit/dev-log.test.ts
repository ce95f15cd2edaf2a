// What `npm run dev` prints of Astro's and Vite's messages (plugins/astro-govsite/dev-log.ts), and
// what it says when an editor saves (reloadReport, changedFiles).
import type { AstroLoggerMessage } from 'astro';
import { describe, expect, it } from 'vitest';
import { devLogOutput, errorLine, reloadReport, type DevLogOptions } from '../../plugins/astro-govsite/dev-log.ts';
import { changedFiles } from '../../plugins/astro-govsite/content-signature.ts';
import { diagnostic } from '../../src/diagnostics/diagnostic.ts';

const options: DevLogOptions = { siteId: 'shili-jyt', projectRoot: '/srv/govsite', contentRoot: '/data/platform' };
const env: NodeJS.ProcessEnv = {
  DEPLOY_TOKEN: 'tok-9f8e7d6c5b4a',
  GOVSITE_SITE: 'shili-jyt',
  GOVSITE_CONTENT_ROOT: '/data/platform',
  GOVSITE_PROJECT_ROOT: '/srv/govsite',
};

function message(level: AstroLoggerMessage['level'], label: string | null, text: string): AstroLoggerMessage {
  return { level, label, message: text, newLine: true };
}

// How Astro 7 logs a template that fails to compile in the dev server (shortened).
const TEMPLATE_ERROR = [
  '\u001b[31mUnexpected token (The stacktrace appears to be already rewritten by something else, but was passed to vite.ssrFixStacktrace. This may cause incorrect stacktraces.)\u001b[39m',
  '  Stack trace:',
  '    at /srv/govsite/templates/components/PubTime.astro:6:15',
  '    at file:///srv/govsite/node_modules/vite/dist/node/chunks/node.js:28173:3',
  '    [...] See full stack trace in the browser, or rerun with --verbose.',
].join('\n');

describe('the dev server terminal', () => {
  it('drops what Astro and Vite say at info and warn level', () => {
    expect(devLogOutput(message('info', 'vite', 'connected.'), options, env)).toBeUndefined();
    expect(devLogOutput(message('info', 'SKIP_FORMAT', ' astro  v7.3.5 ready in 2988 ms'), options, env)).toBeUndefined();
    expect(devLogOutput(message('info', 'router', '[200] /news/ 7ms'), options, env)).toBeUndefined();
    expect(devLogOutput(message('warn', 'glob-loader', 'No files found matching "x/*.mdx"'), options, env)).toBeUndefined();
  });

  it("prints govsite's own lines as they are", () => {
    const line = 'content/shili/news/a.mdx:3:10  错误 [CONT-01] 字段“发布时间”（pubDate）：时间格式不对';
    expect(devLogOutput(message('error', 'govsite', line), options, env)).toEqual({ stream: 'stderr', text: line });
    expect(devLogOutput(message('info', 'govsite', '12:00:00 ✔ 已更新：content/shili/news/a.mdx'), options, env)?.stream).toBe('stdout');
  });

  it("tells an error of Astro or Vite in one line, at the template's place, with the --verbose hint", () => {
    const out = devLogOutput(message('error', 'CompilerError', TEMPLATE_ERROR), options, env);
    expect(out?.stream).toBe('stderr');
    expect(out?.text.split('\n')).toEqual([
      '出错：templates/components/PubTime.astro:6:15  Unexpected token',
      '    要查看详细信息，请加 --verbose 重新运行：npm run dev -- --site shili-jyt --verbose',
    ]);
  });

  it("never prints the machine's paths outside the project, nor a secret of the environment", () => {
    const line = errorLine('Error: cannot read /home/editor/.ssh/id_rsa with tok-9f8e7d6c5b4a\n    at f (/usr/lib/node/x.js:1:1)', options, env);
    expect(line).not.toContain('/home/editor');
    expect(line).not.toContain('tok-9f8e7d6c5b4a');
    expect(line).toContain('cannot read');
    // govsite's own variables are no secrets: a site id stays readable.
    expect(errorLine('page /data/platform/content/shili-jyt/news/a.mdx failed', options, env)).toBe('page content/shili-jyt/news/a.mdx failed');
  });

  it("leaves an error about one content file to govsite's own check", () => {
    expect(devLogOutput(message('error', 'glob-loader', 'Failed to reload news/a.mdx: unexpected end of the stream'), options, env)).toBeUndefined();
    const contentError = 'ContentError: GOVSITE_CONTENT_ERROR {"ruleId":"FILE-06","message":"…","fix":"…","line":9}';
    expect(devLogOutput(message('error', null, contentError), options, env)).toBeUndefined();
  });

  it('prints everything with --verbose, scrubbed the same way', () => {
    const verbose = { ...options, verbose: true };
    expect(devLogOutput(message('info', 'router', '[200] /news/a-b/ 7ms'), verbose, env)?.text).toBe('[router] [200] /news/a-b/ 7ms');
    expect(devLogOutput(message('warn', 'glob-loader', 'No files in "/data/platform/content/x"'), verbose, env)?.text).toBe('[WARN] [glob-loader] No files in "content/x"');
    const error = devLogOutput(message('error', 'CompilerError', TEMPLATE_ERROR), verbose, env)!.text;
    expect(error).toContain('templates/components/PubTime.astro:6:15');
    expect(error).toContain('node_modules/vite/dist/node/chunks/node.js:28173:3');
    expect(error).not.toContain('/srv/govsite');
    const secret = devLogOutput(message('error', null, 'token tok-9f8e7d6c5b4a in /home/editor/.npmrc'), verbose, env)!.text;
    expect(secret).toBe('[ERROR] token ［已隐去］ in <本机文件>');
  });
});

describe('what the dev server says when an editor saves', () => {
  const bad = diagnostic({ ruleId: 'CONT-01', file: 'content/shili/news/a.mdx', line: 3, column: 10, message: '时间格式不对', fix: '改为 2024-01-05 09:30' });
  const elsewhereWarning = diagnostic({ ruleId: 'CONT-08', file: 'content/shili/news/b.mdx', line: 2, message: '摘要过长', fix: '缩短', severity: 'warn' });
  const hereWarning = { ...elsewhereWarning, file: 'content/shili/news/a.mdx' };

  it('an error: the diagnostics, then that the preview waits for the fix', () => {
    const lines = reloadReport(['content/shili/news/a.mdx'], [bad, elsewhereWarning], '10:00:00');
    expect(lines.map((l) => l.level)).toEqual(['error', 'error']);
    expect(lines[0]!.text).toBe('content/shili/news/a.mdx:3:10  错误 [CONT-01] 时间格式不对\n    修改方法：改为 2024-01-05 09:30');
    expect(lines[1]!.text).toBe('10:00:00 ✘ content/shili/news/a.mdx：有错误（见上），改正并保存后预览自动更新');
  });

  it("no error: the changed files' warnings, and that the page was updated", () => {
    const lines = reloadReport(['content/shili/news/a.mdx'], [hereWarning, elsewhereWarning], '10:00:00');
    expect(lines).toEqual([
      { level: 'warn', text: 'content/shili/news/a.mdx:2  警告 [CONT-08] 摘要过长\n    修改方法：缩短' },
      { level: 'info', text: '10:00:00 ✔ 已更新：content/shili/news/a.mdx（浏览器自动刷新）' },
    ]);
  });

  it('finds the files added, changed and removed between two signatures', () => {
    const before = ['/p/content/s/a.mdx:10:1000.5', '/p/content/s/b.mdx:20:2000', '/p/content/s/c.mdx:5:300'].join('\n');
    const after = ['/p/content/s/a.mdx:10:1000.5', '/p/content/s/b.mdx:21:2100', '/p/content/s/d.mdx:7:400'].join('\n');
    expect(changedFiles(before, after)).toEqual(['/p/content/s/b.mdx', '/p/content/s/c.mdx', '/p/content/s/d.mdx']);
  });
});
