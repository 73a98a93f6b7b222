import { useLayoutEffect, useRef, type ReactNode } from 'react';
import * as styles from './table.css';

/**
 * A box that scrolls sideways on narrow screens, so wide content does not widen the page. It is
 * focusable and named so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be keyboard-reachable
    <div className={styles.scroller} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A captioned data table with one row of column headers, in a ScrollRegion named by its caption. */
export function DataTable({ caption, columns, children }: { caption: string; columns: readonly string[]; children: ReactNode }) {
  const tableRef = useRef<HTMLTableElement>(null);
  // On phones each row is laid out as a card, each cell labelled with its column's name (CSS reads
  // data-label): the cells come from the caller, so they are labelled here, by position.
  useLayoutEffect(() => {
    for (const row of tableRef.current?.tBodies[0]?.rows ?? []) {
      Array.from(row.cells).forEach((cell, index) => {
        const column = columns[index];
        if (column) cell.setAttribute('data-label', column);
      });
    }
  });
  return (
    <ScrollRegion label={caption}>
      <table ref={tableRef} className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
