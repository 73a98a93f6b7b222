import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import { visuallyHidden } from '../../styles/a11y.css';
import * as styles from './Breadcrumbs.css';

export type BreadcrumbLink = {
  href: string;
  /** The page's name, as its own heading says it. */
  label: ReactNode;
};

export type BreadcrumbsProps = {
  /** The pages above this one, from the home page down to its parent. At least one. */
  items: readonly [BreadcrumbLink, ...BreadcrumbLink[]];
  /**
   * The page the reader is on, shown last as text and marked `aria-current="page"`. Leave it out
   * (NHS.UK's choice) when the page's h1 follows straight after.
   */
  current?: ReactNode;
} & Omit<ComponentPropsWithoutRef<'nav'>, 'children'>;

function joinClassNames(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * Where this page sits on the site (NHS.UK's breadcrumbs): a `nav` named "Breadcrumb" with an
 * ordered list of the pages above it. On narrow screens only a link back to the parent shows,
 * done in CSS, so it works without JavaScript.
 */
export const Breadcrumbs = /* @__PURE__ */ namedForwardRef<HTMLElement, BreadcrumbsProps>('Breadcrumbs', function Breadcrumbs(
  { items, current, className, ...navProps },
  ref,
) {
  // The type asks for one item at least; an empty list from untyped code renders nothing, not an error page.
  const parent = items.at(-1);
  if (!parent) return null;
  return (
    <nav ref={ref} aria-label="Breadcrumb" className={joinClassNames(styles.root, className)} {...navProps}>
      <ol className={styles.list}>
        {items.map((item) => (
          <li key={item.href} className={styles.item}>
            <a className={styles.link} href={item.href}>
              {item.label}
            </a>
          </li>
        ))}
        {current === undefined ? null : (
          <li className={styles.item} aria-current="page">
            {current}
          </li>
        )}
      </ol>
      <p className={styles.back}>
        <a className={styles.backLink} href={parent.href}>
          {/* The space outside the hidden words: inside, it is trimmed from the link's name. */}
          <span className={visuallyHidden}>Back to</span>{' '}
          {parent.label}
        </a>
      </p>
    </nav>
  );
});
