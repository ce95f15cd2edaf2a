// LAY-07: how often an animated image flashes, measured on its decoded frames. The reference is
// WCAG 2.3.1 (三次闪烁或低于阈值) and its definitions of general flash and red flash; this is an
// approximation of them for images, documented in docs/rules.md (LAY-07):
//   - every frame is composited on white (a page's background) and scaled down to at most
//     SIDE pixels a side: single pixels do not flash for a reader, areas do;
//   - a pixel makes a transition when its relative luminance has moved by 0.10 or more from the
//     last extreme it reached, the other way from its previous transition, and the darker of the
//     two is below 0.80 (general flash); or when its red value ((R−G−B)×320 on linear values,
//     counted only while the pixel is a saturated red, R/(R+G+B) ≥ 0.8) moved by 20 or more
//     (red flash);
//   - a frame change is a transition of the image when the pixels making one together cover the
//     flash area: 341×256 pixels (a quarter of 10° of vision at 1024×768, WCAG's own
//     approximation) or a quarter of the image, whichever is smaller (a small image is shown
//     enlarged on a phone);
//   - a flash is a pair of opposing transitions: the image flashes N times in a second when a
//     one-second window of its timeline (repeated, when it loops) holds 2N such transitions;
//   - delays of 10 ms or less are shown as 100 ms by browsers, and are counted so.
import sharp from 'sharp';

const SIDE = 128;
const LUMINANCE_STEP = 0.1;
const DARK_BELOW = 0.8;
const RED_STEP = 20;
const FLASH_AREA = 341 * 256;
const WINDOW_MS = 1000;
/** Frames read at most: a longer animation is judged by its first minute or so. */
const MAX_FRAMES = 600;

export interface Frames {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel, one buffer per frame. */
  rgb: Uint8Array[];
  /** How long each frame shows, in milliseconds. */
  delays: number[];
  /** Played more than once (a GIF's loop count 0 or above 1). */
  loops: boolean;
  /** Pixels of the flash area at this (decoded) size. */
  flashArea: number;
}

export interface FlashMeasure {
  frames: number;
  /** The most flashes in any one-second window. */
  flashesPerSecond: number;
  /** Where in the animation that window starts, in milliseconds. */
  atMs: number;
  kind: 'general' | 'red';
}

const linear = (value: number) => {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const LINEAR = Array.from({ length: 256 }, (_, i) => linear(i));

/** Relative luminance and red value of every pixel of a frame. */
function measures(rgb: Uint8Array): { luminance: Float32Array; red: Float32Array } {
  const pixels = rgb.length / 3;
  const luminance = new Float32Array(pixels);
  const red = new Float32Array(pixels);
  for (let p = 0; p < pixels; p++) {
    const r = rgb[p * 3]!, g = rgb[p * 3 + 1]!, b = rgb[p * 3 + 2]!;
    const [R, G, B] = [LINEAR[r]!, LINEAR[g]!, LINEAR[b]!];
    luminance[p] = 0.2126 * R + 0.7152 * G + 0.0722 * B;
    const saturated = r + g + b > 0 && r / (r + g + b) >= 0.8;
    red[p] = saturated ? Math.max(0, R - G - B) * 320 : 0;
  }
  return { luminance, red };
}

/** Per pixel: the last extreme and the direction of the last transition (0 before the first). */
class Tracker {
  private readonly anchor: Float32Array;
  private readonly direction: Int8Array;
  private readonly step: number;
  private readonly darkBelow: number | undefined;
  constructor(first: Float32Array, step: number, darkBelow: number | undefined) {
    this.step = step;
    this.darkBelow = darkBelow;
    this.anchor = Float32Array.from(first);
    this.direction = new Int8Array(first.length);
  }

  /** Moves every pixel to `values`; returns how many made a transition. */
  advance(values: Float32Array): number {
    let count = 0;
    for (let p = 0; p < values.length; p++) {
      const v = values[p]!, a = this.anchor[p]!, d = this.direction[p]!;
      const darkEnough = this.darkBelow === undefined || Math.min(a, v) < this.darkBelow;
      if (d !== 1 && v - a >= this.step && darkEnough) {
        this.direction[p] = 1;
        this.anchor[p] = v;
        count++;
      } else if (d !== -1 && a - v >= this.step && darkEnough) {
        this.direction[p] = -1;
        this.anchor[p] = v;
        count++;
      } else if ((d === 1 && v > a) || (d === -1 && v < a)) {
        // Still going the same way: the extreme moves on, so a slow fade counts once.
        this.anchor[p] = v;
      }
    }
    return count;
  }
}

/** The most transitions of the image in any window of WINDOW_MS, and where that window starts. */
function busiestWindow(times: number[]): { count: number; atMs: number } {
  let best = { count: 0, atMs: 0 };
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= WINDOW_MS) start++;
    if (end - start + 1 > best.count) best = { count: end - start + 1, atMs: times[start]! };
  }
  return best;
}

/** Flashes a second of decoded frames (see the header for the method). */
export function measureFlashes(frames: Frames): FlashMeasure {
  const count = frames.rgb.length;
  const duration = frames.delays.reduce((sum, d) => sum + d, 0);
  // A looping animation is read for two turns at least, so a window across the loop's end is seen.
  const turns = frames.loops ? Math.max(2, Math.ceil((2 * WINDOW_MS) / Math.max(duration, 1)) + 1) : 1;
  const decoded = frames.rgb.map(measures);
  const general = new Tracker(decoded[0]!.luminance, LUMINANCE_STEP, DARK_BELOW);
  const red = new Tracker(decoded[0]!.red, RED_STEP, undefined);
  const times: Record<FlashMeasure['kind'], number[]> = { general: [], red: [] };
  let time = 0;
  for (let step = 1; step < count * turns; step++) {
    time += frames.delays[(step - 1) % count]!;
    const frame = decoded[step % count]!;
    if (general.advance(frame.luminance) >= frames.flashArea) times.general.push(time);
    if (red.advance(frame.red) >= frames.flashArea) times.red.push(time);
  }
  const windows = { general: busiestWindow(times.general), red: busiestWindow(times.red) };
  const kind = windows.red.count > windows.general.count ? 'red' : 'general';
  const window = windows[kind];
  return { frames: count, flashesPerSecond: Math.floor(window.count / 2), atMs: duration > 0 ? window.atMs % duration : 0, kind };
}

/** Browsers show a GIF frame of 10 ms or less for 100 ms. */
const shownFor = (delay: number | undefined) => (delay === undefined || delay <= 10 ? 100 : delay);

/** The frames of an animated image file, or undefined when it has one frame. Throws when it cannot be decoded. */
export async function readFrames(file: string): Promise<Frames | undefined> {
  const meta = await sharp(file, { animated: true }).metadata();
  const pages = Math.min(meta.pages ?? 1, MAX_FRAMES);
  if (pages < 2) return undefined;
  const width = meta.width;
  const height = meta.pageHeight ?? Math.round(meta.height / (meta.pages ?? 1));
  const scale = Math.min(1, SIDE / Math.max(width, height));
  const { data, info } = await sharp(file, (meta.pages ?? 1) > MAX_FRAMES ? { pages } : { animated: true })
    .flatten({ background: '#ffffff' })
    .resize({ width: Math.max(1, Math.round(width * scale)) })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const frameHeight = Math.floor(info.height / pages);
  const frameBytes = info.width * frameHeight * info.channels;
  const rgb = Array.from({ length: pages }, (_, i) => toRgb(data.subarray(i * frameBytes, (i + 1) * frameBytes), info.channels));
  const area = Math.min(FLASH_AREA, (width * height) / 4);
  return {
    width: info.width,
    height: frameHeight,
    rgb,
    delays: Array.from({ length: pages }, (_, i) => shownFor(meta.delay?.[i])),
    loops: meta.loop !== 1,
    flashArea: Math.max(1, Math.round((area * info.width * frameHeight) / (width * height))),
  };
}

function toRgb(frame: Uint8Array, channels: number): Uint8Array {
  if (channels === 3) return frame;
  const rgb = new Uint8Array((frame.length / channels) * 3);
  for (let p = 0; p < frame.length / channels; p++) rgb.fill(frame[p * channels]!, p * 3, p * 3 + 3);
  return rgb;
}
