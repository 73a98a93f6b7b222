import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import * as styles from './Details.css';

export const detailsVariants = ['plain', 'expander'] as const;
export type DetailsVariant = (typeof detailsVariants)[number];

export type DetailsProps = {
  /** The question or topic the hidden text answers, e.g. "What is prolotherapy?". */
  summary: ReactNode;
  /** "plain" (default): a link-like line for a short aside. "expander": a bordered box, for longer or stacked sections. */
  variant?: DetailsVariant;
  /** The text shown when the reader opens it. */
  children: ReactNode;
} & ComponentPropsWithoutRef<'details'>;

function joinClassNames(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * Text a reader may want, hidden until they ask (NHS.UK's details and expander): the browser's own
 * `<details>` and `<summary>`, so it opens with a click, Enter or Space, with or without JavaScript,
 * and find-in-page opens it to show a match.
 */
export const Details = /* @__PURE__ */ namedForwardRef<HTMLDetailsElement, DetailsProps>('Details', function Details(
  { summary, variant = 'plain', children, className, ...detailsProps },
  ref,
) {
  return (
    <details ref={ref} className={joinClassNames(styles.root({ variant }), className)} {...detailsProps}>
      <summary className={styles.summary}>
        <span className={styles.summaryText}>{summary}</span>
      </summary>
      <div className={styles.text}>{children}</div>
    </details>
  );
});
