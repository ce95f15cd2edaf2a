// A platform error as printed (src/diagnostics/scrub-machine-data.ts): the machine's paths and
// environment go, the platform's own relative paths stay readable.
import { describe, expect, it } from 'vitest';
import { scrubMachineData } from '../../src/diagnostics/scrub-machine-data.ts';

describe('scrubMachineData', () => {
  it('keeps a content path relative to the platform, whole', () => {
    expect(scrubMachineData('failed at /data/platform/content/shili/news/a.mdx:3', '/data/platform')).toBe('failed at content/shili/news/a.mdx:3');
    expect(scrubMachineData('see content/shili/news/a.mdx:3', '/data/platform')).toBe('see content/shili/news/a.mdx:3');
  });

  it('hides every other absolute path, also one reached by walking up', () => {
    expect(scrubMachineData('failed at /home/ci/.ssh/id_rsa:3', '/data/platform')).toBe('failed at <本机文件>:3');
    expect(scrubMachineData('read ../../etc/passwd', '/data/platform')).toBe('read ..<本机文件>');
  });

  it('hides environment values, code frames and colours', () => {
    const text = '\u001b[31mError\u001b[0m token s3cr3t-value-123\n  12 | const x = 1;\n    at f (/srv/app/x.js:1:2)';
    expect(scrubMachineData(text, '/data/platform', { TOKEN: 's3cr3t-value-123' })).toBe('Error token ［已隐去］');
  });
});
