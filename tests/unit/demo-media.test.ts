// The demo's illustrative photos (scripts/demo-media-images.mjs) carry no burned-in text: words in
// a picture are lost to screen readers, to 大字版 and to search, and on a Chinese page English
// ones read as unfinished (issue 26 item 6). What a photo shows is said by its alt text.
import { describe, expect, it } from 'vitest';
import { images } from '../../scripts/demo-media-images.mjs';

describe('demo images', () => {
  it('no image has text drawn into it (charts are generated as SVG with Chinese labels: src/render/data-chart-svg.ts)', () => {
    expect(images.length).toBeGreaterThanOrEqual(5);
    for (const [file, draw] of images) expect(draw(), file).not.toMatch(/<text\b/);
  });
});
