// A platform error as printed (src/diagnostics/scrub-machine-data.ts): the machine's paths and
// environment go, the platform's own relative paths stay readable.
import { describe, expect, it } from 'vitest';
import { hideMachineData, scrubMachineData } from '../../src/diagnostics/scrub-machine-data.ts';

describe('scrubMachineData', () => {
  it('keeps a content path relative to the platform, whole', () => {
    expect(scrubMachineData('failed at /data/platform/content/shili/news/a.mdx:3', '/data/platform')).toBe('failed at content/shili/news/a.mdx:3');
    expect(scrubMachineData('see content/shili/news/a.mdx:3', '/data/platform')).toBe('see content/shili/news/a.mdx:3');
  });

  it('hides every other absolute path, also one reached by walking up', () => {
    expect(scrubMachineData('failed at /home/ci/.ssh/id_rsa:3', '/data/platform')).toBe('failed at <本机文件>:3');
    expect(scrubMachineData('read ../../etc/passwd', '/data/platform')).toBe('read ../..<本机文件>');
  });

  it('keeps what is no file of the machine: a page address, a host, a relative path', () => {
    const text = 'GET /news/a/ from https://tmp.example.cn/usr/x and content/shili/news/a.mdx';
    expect(scrubMachineData(text, '/data/platform')).toBe(text);
  });

  it('hides environment values, code frames and colours', () => {
    const text = '\u001b[31mError\u001b[0m token s3cr3t-value-123\n  12 | const x = 1;\n    at f (/srv/app/x.js:1:2)';
    expect(scrubMachineData(text, '/data/platform', { TOKEN: 's3cr3t-value-123' })).toBe('Error token ［已隐去］');
  });
});

describe('hideMachineData', () => {
  it('keeps a message whole, with the roots relative and the variables said to be no secret', () => {
    const text = 'at /p/templates/a.astro:3\n  12 | x\nsite shili-jyt-long in /home/u/x';
    const env = { GOVSITE_SITE: 'shili-jyt-long', TOKEN: 'shili-jyt-long' };
    expect(hideMachineData(text, { roots: ['/p'], env: { GOVSITE_SITE: 'shili-jyt-long' }, keepEnv: (name) => name.startsWith('GOVSITE_') })).toBe('at templates/a.astro:3\n  12 | x\nsite shili-jyt-long in <本机文件>');
    expect(hideMachineData(text, { roots: ['/p'], env })).toContain('site ［已隐去］');
  });
});
