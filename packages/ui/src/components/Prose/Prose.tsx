import type { ComponentPropsWithoutRef } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import * as styles from './Prose.css';

export const proseSizes = ['standard', 'compact'] as const;
export type ProseSize = (typeof proseSizes)[number];

export interface ProseProps extends ComponentPropsWithoutRef<'div'> {
  /** `standard` for an article; `compact` (same body size, tighter rhythm) for summaries and sidebars. */
  size?: ProseSize;
}

/**
 * Article typography for rendered markdown: headings, paragraphs, lists, links, quotations,
 * tables, rules and code, at a comfortable reading measure. Style-only: it adds no semantics, so
 * the page decides whether it is an <article>, a <main> or a section.
 */
export const Prose = /* @__PURE__ */ namedForwardRef<HTMLDivElement, ProseProps>('Prose', function Prose(
  { size = 'standard', className, ...divProps },
  ref,
) {
  const rootClass = `${styles.proseBase} ${styles.sizes[size]}`;
  return <div ref={ref} className={className ? `${rootClass} ${className}` : rootClass} {...divProps} />;
});
