/**
 * A screen narrow in text terms: an `em` in a media query is the browser's default text size, not
 * the page's, so this matches a 390px phone with text enlarged by about 130% or more (at 200% it
 * is 12 em wide), while a 320px phone at 100% (20 em) keeps the usual layout. There, boxes give
 * their inline padding back to the text and headings are capped by the screen's width, so that a
 * word always fits a line and never splits ("Treatmen/t"). Checked by the blog's end-to-end test, words.spec.ts.
 * (The blog repeats the 19em for its own gutters and title.)
 */
export const narrowText = 'screen and (max-width: 19em)';

/** Inline padding of a box on a narrow-text screen. */
export const narrowTextInset = '0.5rem';

/** List indent on a narrow-text screen: room for a bullet or a two-digit number, no more. */
export const narrowTextListIndent = '1.25em';

/**
 * Forced colours (Windows contrast themes, and browsers' own high-contrast settings): the browser
 * replaces every colour with a few system colours and drops backgrounds and shadows, so whatever a
 * component draws with a background or a box-shadow alone (a tinted box, a highlighted entry)
 * needs a border or an outline here. Colours under it are system colours: CanvasText, LinkText,
 * Highlight, Mark.
 */
export const forcedColours = '(forced-colors: active)';
