import { useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import * as styles from './Disclosure.css';

export type DisclosureProps = {
  /** Default "Disclosure". */
  heading?: ReactNode;
  /** Who publishes the page and what they gain from it, in plain words. */
  children: ReactNode;
} & Omit<ComponentPropsWithoutRef<'aside'>, 'title'>;

function joinClassNames(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * A conflict-of-interest statement set near the byline: an <aside> named "Disclosure", so a
 * reader weighing the page learns who publishes it and what they sell before reading on.
 */
export const Disclosure = /* @__PURE__ */ namedForwardRef<HTMLElement, DisclosureProps>('Disclosure', function Disclosure(
  { heading = 'Disclosure', children, className, ...asideProps },
  ref,
) {
  const headingId = useId();
  return (
    <aside
      ref={ref}
      aria-labelledby={headingId}
      className={joinClassNames(styles.root, className)}
      {...asideProps}
    >
      <p id={headingId} className={styles.heading}>
        {heading}
      </p>
      <div className={styles.body}>{children}</div>
    </aside>
  );
});
