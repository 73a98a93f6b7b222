import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import { visuallyHidden } from '../../styles/a11y.css';
import * as styles from './WarningCallout.css';

export const warningCalloutHeadingLevels = [2, 3, 4] as const;
export type WarningCalloutHeadingLevel = (typeof warningCalloutHeadingLevels)[number];

const defaultHeading = 'Important';

export type WarningCalloutProps = {
  /**
   * What the warning is about, e.g. "Do not drive after the injection". Default "Important". A heading
   * of your own is read as "Important: " followed by it (the prefix is visually hidden).
   */
  heading?: ReactNode;
  /** Level of the heading, to fit the page's outline. Default 2. */
  headingLevel?: WarningCalloutHeadingLevel;
  /** What the reader must do or know, in a sentence or two. */
  children: ReactNode;
} & Omit<ComponentPropsWithoutRef<'div'>, 'title'>;

function joinClassNames(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * Something a reader must know to stay safe or avoid a mistake (NHS.UK's warning callout), in the
 * caution tone. Its heading always starts with "Important", seen or, for a heading of your own,
 * read out by screen readers only.
 */
export const WarningCallout = /* @__PURE__ */ namedForwardRef<HTMLDivElement, WarningCalloutProps>('WarningCallout', function WarningCallout(
  { heading = defaultHeading, headingLevel = 2, children, className, ...divProps },
  ref,
) {
  const Heading = `h${headingLevel}` as const;
  const ownHeading = heading !== defaultHeading;
  // The space after the prefix stays outside it: inside hidden text, it is trimmed from the heading's name.
  return (
    <div ref={ref} className={joinClassNames(styles.root, className)} {...divProps}>
      <Heading className={styles.heading}>
        {ownHeading ? <span className={visuallyHidden}>{`${defaultHeading}:`}</span> : null}
        {ownHeading ? ' ' : null}
        {heading}
      </Heading>
      <div className={styles.body}>{children}</div>
    </div>
  );
});
