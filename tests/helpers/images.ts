// Images made for tests with sharp: animated GIFs of full-frame colours (LAY-07), noise that
// does not compress (LAY-09).
import sharp from 'sharp';

export type Colour = { r: number; g: number; b: number };
export const BLACK: Colour = { r: 0, g: 0, b: 0 };
export const WHITE: Colour = { r: 255, g: 255, b: 255 };
export const RED: Colour = { r: 255, g: 0, b: 0 };

/** `n` frames alternating between `a` and `b`. */
export const alternating = (n: number, a: Colour, b: Colour): Colour[] => Array.from({ length: n }, (_, i) => (i % 2 ? b : a));

/** An animated GIF of full frames of the given colours, each shown `delay` ms, looping forever. */
export async function animatedGif(colours: Colour[], delay: number, size = { width: 200, height: 150 }): Promise<Buffer> {
  const frames = await Promise.all(colours.map((background) => sharp({ create: { ...size, channels: 3, background } }).png().toBuffer()));
  return sharp(frames, { join: { animated: true } }).gif({ delay: colours.map(() => delay), loop: 0 }).toBuffer();
}

/** A still GIF of one colour. */
export function stillGif(colour: Colour = WHITE): Promise<Buffer> {
  return sharp({ create: { width: 20, height: 20, channels: 3, background: colour } }).gif().toBuffer();
}

/** A PNG of random noise: its WebP stays large, as a careless photo does. */
export function noisePng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: BLACK, noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
}

/** How many frames an image file has (1 for a still image). */
export async function frameCount(file: string | Buffer): Promise<number> {
  return (await sharp(file, { animated: true }).metadata()).pages ?? 1;
}
