import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import * as styles from './Figure.css';

export type FigureProps = {
  /** The image's URL (same-site). */
  src: string;
  /** What the image shows, for someone who cannot see it; `""` only for a decorative image. */
  alt: string;
  /** Intrinsic size in pixels: the space is kept while the image loads (no layout shift). */
  width?: number;
  height?: number;
  /**
   * Resized copies of the same image, as `<img srcset>` ("x-480.png 480w, x.png 1200w"): the
   * browser fetches the narrowest one that fills the drawn width. Keep `width`/`height` the
   * original's: they give the aspect ratio.
   */
  srcSet?: string;
  /** How wide the image is drawn, as `<img sizes>` ("(max-width: 767px) 100vw, 40rem"); with `srcSet`. */
  sizes?: string;
  /** Who made the image ("Illustration: Jane Doe"). */
  credit?: string;
  /** Its licence ("CC BY 4.0"). */
  licence?: string;
  /** Where it comes from (http(s) URL), shown as a "Source" link. */
  source?: string;
  /** The caption: what the reader should see in the image. */
  children?: ReactNode;
} & Omit<ComponentPropsWithoutRef<'figure'>, 'children'>;

function joinClassNames(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/** An image with its caption and its credit, licence and source, in one `<figure>`. */
export const Figure = /* @__PURE__ */ namedForwardRef<HTMLElement, FigureProps>('Figure', function Figure(
  { src, alt, width, height, srcSet, sizes, credit, licence, source, children, className, ...figureProps },
  ref,
) {
  const attribution: ReactNode[] = [credit, licence].filter((part): part is string => Boolean(part));
  if (source) attribution.push(<a key="source" href={source}>Source</a>);
  const hasCaption = Boolean(children) || attribution.length > 0;
  return (
    <figure ref={ref} className={joinClassNames(styles.root, className)} {...figureProps}>
      <img
        className={styles.image}
        src={src}
        srcSet={srcSet}
        sizes={srcSet ? sizes : undefined}
        alt={alt}
        width={width}
        height={height}
        loading="lazy"
        decoding="async"
      />
      {hasCaption ? (
        <figcaption className={styles.caption}>
          {children}
          {children && attribution.length > 0 ? ' ' : null}
          {attribution.length > 0 ? (
            <small className={styles.credit}>
              {attribution.flatMap((part, index) => (index === 0 ? [part] : [', ', part]))}
            </small>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
});
