/**
 * The shape rule's plain values (see shape.css.ts, which builds on them), in a module of their own:
 * a `.css.ts` module may only export serialisable values to a component or a docs page, and
 * shape.css.ts exports functions.
 */

/** The bar on a box's leading edge. */
export const barWidth = '6px';
/** A box's outline, where it has one. */
export const outlineWidth = '1px';
