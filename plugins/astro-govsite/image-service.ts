// The image service of every build (LAY-07): Astro's own sharp service, except that an animated
// body image (GIF, WebP) is published as a still image, its first frame, unless its item lists
// it in `animations` (the editor checked that it does not flash; the load measured it,
// src/rules/content/remark-animated-images.ts). Sharp would otherwise make every animated GIF
// an animated WebP.
//
// The service knows the listed animations by the SHA-256 of their bytes (the integration passes
// them as the service's config, listed-animations.ts): the transform is handed the image's
// bytes, not its path. Which files the site lists (src/render/animation-listing.ts) is part of
// the file name of every GIF or WebP body image (propertiesToHash; the bytes already are, through
// the asset's own name), so Astro's image cache never hands back a still frame after an editor
// lists its animation, nor an animation after the entry is removed.
import { createHash } from 'node:crypto';
import type { ImageTransform, LocalImageService } from 'astro';
import { baseService } from 'astro/assets';
import sharpService from 'astro/assets/services/sharp';
import sharp from 'sharp';

export interface GovsiteImageConfig {
  /** SHA-256 (hex) of the bytes of every animation the site's items list in `animations`. */
  keptAnimations: string[];
  /** The hash of the listed files' paths (AnimationListing.key): in the options of every GIF and WebP body image. */
  listing: string;
}

/** The option that carries `listing`; removed again before the `<img>` attributes. */
const LISTING = 'govsiteAnimations';
const ANIMATABLE = new Set(['gif', 'webp']);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function serviceConfig(imageConfig: { service: { config: Record<string, unknown> } }): GovsiteImageConfig {
  const config = imageConfig.service.config as Partial<GovsiteImageConfig>;
  return { keptAnimations: config.keptAnimations ?? [], listing: config.listing ?? '' };
}

/** The first frame of an animation, as a lossless PNG; undefined for a still image. */
async function firstFrame(input: Uint8Array): Promise<Buffer | undefined> {
  const { pages } = await sharp(input, { animated: true, failOn: 'none' }).metadata();
  if ((pages ?? 1) < 2) return undefined;
  return sharp(input, { pages: 1, failOn: 'none' }).png().toBuffer();
}

const service: LocalImageService = {
  ...sharpService,
  propertiesToHash: [...(baseService.propertiesToHash ?? []), LISTING],
  async validateOptions(options, imageConfig, logger) {
    const validated: ImageTransform = sharpService.validateOptions ? await sharpService.validateOptions(options, imageConfig, logger) : options;
    if (typeof validated.src === 'object' && ANIMATABLE.has(validated.src.format)) validated[LISTING] = serviceConfig(imageConfig).listing;
    return validated;
  },
  async getHTMLAttributes(options, imageConfig, logger) {
    const { [LISTING]: _listing, ...rest } = options;
    return sharpService.getHTMLAttributes ? sharpService.getHTMLAttributes(rest as ImageTransform, imageConfig, logger) : rest;
  },
  async transform(input, options, imageConfig, logger) {
    if (options[LISTING] !== undefined && !serviceConfig(imageConfig).keptAnimations.includes(sha256(input))) {
      const still = await firstFrame(input);
      if (still) return sharpService.transform(still, options, imageConfig, logger);
    }
    return sharpService.transform(input, options, imageConfig, logger);
  },
};

export default service;
