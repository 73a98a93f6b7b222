import { useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import * as styles from './KeyPoints.css';

export const keyPointsHeadingLevels = [2, 3] as const;
export type KeyPointsHeadingLevel = (typeof keyPointsHeadingLevels)[number];

export type KeyPointsProps = {
  /** Default "Key points". */
  heading?: ReactNode;
  /** Level of the box's heading, to fit the page's outline. Default 2. */
  headingLevel?: KeyPointsHeadingLevel;
  /** The points themselves, usually a <ul> of three to five short sentences. */
  children: ReactNode;
} & Omit<ComponentPropsWithoutRef<'section'>, 'title'>;

function joinClassNames(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * The article in a few sentences, shown before the table of contents: a section named by its
 * heading, so a screen reader's landmarks and headings lists both reach it.
 */
export const KeyPoints = /* @__PURE__ */ namedForwardRef<HTMLElement, KeyPointsProps>('KeyPoints', function KeyPoints(
  { heading = 'Key points', headingLevel = 2, children, className, ...sectionProps },
  ref,
) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section
      ref={ref}
      aria-labelledby={headingId}
      className={joinClassNames(styles.root, className)}
      {...sectionProps}
    >
      <Heading id={headingId} className={styles.heading}>
        {heading}
      </Heading>
      <div className={styles.body}>{children}</div>
    </section>
  );
});
