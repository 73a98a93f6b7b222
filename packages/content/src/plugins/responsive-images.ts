/**
 * Responsive images: the URL scheme of an image's resized copies, which this compiler writes into
 * `srcset` and the blog server answers. A copy is the versioned URL plus `&w=<width>`
 * (`/images/spine.png?v=…&w=960`): its bytes follow from the original's bytes and the width alone,
 * so it may be cached for as long as the original. Pure JavaScript: the compiler runs in browsers.
 */

/**
 * The only widths (pixels) a copy is ever made at: a fixed list, so the server makes a bounded
 * number of files per image, and never one wider than the original.
 */
export const imageVariantWidths = [480, 960, 1440] as const;
export type ImageVariantWidth = (typeof imageVariantWidths)[number];

/**
 * How wide an article image is drawn, for `sizes`: the whole screen on phones (below @cited/ui's
 * tablet breakpoint, 768px), else the article column. The column is @cited/ui's Prose measure,
 * 66ch of 18px body text (about 600–700px with the site's serif fonts); `sizes` cannot read `ch`
 * of the page's font, so it is given in rem. A little under picks a smaller copy at 1x and the
 * next one up at 2x.
 */
export const articleImageSizes = '(max-width: 767px) 100vw, 40rem';

/** Formats resized to fit: PNG, JPEG and WebP (image-size's type names). SVG needs no copies. */
const resizableTypes = new Set(['png', 'jpg', 'webp']);

/** Whether the server makes resized copies of an image of this type (image-size's `type`). */
export function isResizableImageType(type: string | undefined): boolean {
  return type !== undefined && resizableTypes.has(type);
}

/** The widths of the copies made of an image `originalWidth` pixels wide: only narrower ones. */
export function imageVariantWidthsFor(originalWidth: number): ImageVariantWidth[] {
  return imageVariantWidths.filter((width) => width < originalWidth);
}

/** The URL of the copy of `versionedUrl` (`/images/x.png?v=…`) resized to `width` pixels. */
export function imageVariantUrl(versionedUrl: string, width: ImageVariantWidth): string {
  return `${versionedUrl}&w=${width}`;
}

/**
 * `srcset` for an image: its narrower copies, then the original at its own width. `undefined`
 * when no copy is narrower (a small image): the plain `src` is all there is.
 */
export function imageSrcSet(versionedUrl: string, originalWidth: number): string | undefined {
  const widths = imageVariantWidthsFor(originalWidth);
  if (widths.length === 0) return undefined;
  return [...widths.map((width) => `${imageVariantUrl(versionedUrl, width)} ${width}w`), `${versionedUrl} ${originalWidth}w`].join(', ');
}

/**
 * Reads a request's `w`: a width from the list, `undefined` when there is none (the original), or
 * a plain-words reason why the value cannot be served.
 */
export function parseImageVariantWidth(value: unknown): { width?: ImageVariantWidth } | { error: string } {
  if (value === undefined) return {};
  const width = typeof value === 'string' && /^[1-9]\d{0,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(imageVariantWidths as readonly number[]).includes(width)) {
    return { error: `image width must be one of ${imageVariantWidths.join(', ')}` };
  }
  return { width: width as ImageVariantWidth };
}
