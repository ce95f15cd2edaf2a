// SEC-05: the size limits of the files that content publishes (images, attachments, site assets),
// in one place. Text limits (fields, bodies, YAML) are in limits.ts. Each number is far above
// what a real government site needs and far below what hurts the build machine or a reader:
// - a scanned 200-page PDF at 300 dpi is 30–60 MB, the largest real attachments seen on
//   provincial portals (statistical yearbooks, planning atlases) stay under 100 MB; larger files
//   belong on a download service, not in the repository and every release of the site;
// - a photo from a phone is 3–8 MB, a print-quality poster 10–15 MB; an image is shown at most
//   1,200 pixels wide, so nothing on a page needs more than 20 MB;
// - pixels bound the memory the image pipeline (sharp, in Astro's build) needs to decode one
//   image: 100 megapixels are 400 MB of RGBA — a small file can declare a huge canvas (a
//   "decompression bomb"), so pixels are read from the header, not inferred from bytes;
// - an SVG is parsed in full by the SVG check (svg.ts): 5 MB is a detailed map, a logo is 10 KB.

export const PUBLISHED_FILE_LIMITS = {
  /** A raster image (jpg, png, gif, webp, avif, bmp, tif, ico), in bytes. */
  imageBytes: 20 * 1024 * 1024,
  /** Width × height of a raster image, read from its header. */
  imagePixels: 100_000_000,
  /** An SVG file, in bytes. */
  svgBytes: 5 * 1024 * 1024,
  /** Any other published file: an attachment (pdf, docx, zip…), a video, in bytes. */
  attachmentBytes: 100 * 1024 * 1024,
} as const;
