import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import { visuallyHidden } from '../../styles/a11y.css';
import * as styles from './InsetText.css';

export type InsetTextProps = {
  /**
   * Read before the text by screen readers only, since the bar that sets the text apart cannot be
   * seen by them. Default "Information:".
   */
  hiddenPrefix?: string;
  /** One or two short paragraphs the reader should note. */
  children: ReactNode;
} & ComponentPropsWithoutRef<'div'>;

function joinClassNames(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * A passage set apart by a bar on its leading edge, for something the reader should note that is
 * not a warning (NHS.UK's inset text). Not a landmark: it belongs to the text around it.
 */
export const InsetText = /* @__PURE__ */ namedForwardRef<HTMLDivElement, InsetTextProps>('InsetText', function InsetText(
  { hiddenPrefix = 'Information:', children, className, ...divProps },
  ref,
) {
  return (
    <div ref={ref} className={joinClassNames(styles.root, className)} {...divProps}>
      {hiddenPrefix ? <span className={visuallyHidden}>{hiddenPrefix}</span> : null}
      {hiddenPrefix ? ' ' : null}
      {children}
    </div>
  );
});
