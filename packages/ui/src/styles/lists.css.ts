import { globalStyle } from '@vanilla-extract/css';

/**
 * The browser's list markers (disc, then circle, then square for nested bullets; decimal numbers),
 * stated for the lists inside `scope` with the browser's own values: nothing changes where no CSS
 * reset is loaded, and a reset's `list-style: none` on ul/ol cannot remove them. Specificity: the
 * scope's (one class) and no more, so a class on a list still wins when declared later.
 */
export function browserListMarkers(scope: string): void {
  globalStyle(`${scope} :where(ul)`, { listStyleType: 'disc' });
  globalStyle(`${scope} :where(ol)`, { listStyleType: 'decimal' });
  globalStyle(`${scope} :where(:is(ul, ol) ul)`, { listStyleType: 'circle' });
  globalStyle(`${scope} :where(:is(ul, ol) :is(ul, ol) ul)`, { listStyleType: 'square' });
}
