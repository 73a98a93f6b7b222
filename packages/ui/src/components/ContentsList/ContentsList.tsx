import { useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import * as styles from './ContentsList.css';

export const contentsListHeadingLevels = [2, 3] as const;
export type ContentsListHeadingLevel = (typeof contentsListHeadingLevels)[number];

export type ContentsListItem = {
  /** Where the item goes: a page, or a heading's `#id` on this page. */
  href: string;
  /** The item's words, usually the heading or page title as written. */
  label: ReactNode;
  /** The page the reader is on: shown as text, not a link, and marked `aria-current="page"`. */
  current?: boolean;
};

export type ContentsListProps = {
  /** The sections or pages, in reading order. */
  items: readonly ContentsListItem[];
  /** Names the navigation and is its visible heading. Default "Contents". */
  label?: string;
  /** Level of the heading, to fit the page's outline. Default 2. */
  headingLevel?: ContentsListHeadingLevel;
} & Omit<ComponentPropsWithoutRef<'nav'>, 'children'>;

function joinClassNames(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * The sections of an article, or the pages of a guide, as a numbered list of links (NHS.UK's
 * contents list): a `nav` named by its heading, the reader's current page marked and not a link.
 */
export const ContentsList = /* @__PURE__ */ namedForwardRef<HTMLElement, ContentsListProps>('ContentsList', function ContentsList(
  { items, label = 'Contents', headingLevel = 2, className, ...navProps },
  ref,
) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <nav ref={ref} aria-labelledby={headingId} className={joinClassNames(styles.root, className)} {...navProps}>
      <Heading id={headingId} className={styles.heading}>
        {label}
      </Heading>
      <ol className={styles.list}>
        {items.map((item) => (
          <li key={item.href} className={styles.item} aria-current={item.current ? 'page' : undefined}>
            {item.current ? (
              <span className={styles.current}>{item.label}</span>
            ) : (
              <a className={styles.link} href={item.href}>
                {item.label}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
});
