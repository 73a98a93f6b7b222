import { createVar, globalStyle, style, styleVariants, type GlobalStyleRule } from '@vanilla-extract/css';
import { focusRingRule } from '../../styles/a11y.css';
import { textLinkBase, textLinkHover, textLinkVisited } from '../../styles/link.css';
import { browserListMarkers } from '../../styles/lists.css';
import { vars } from '../../theme/contract.css';
import { narrowText } from '../../styles/media';
import { breakpoints } from '../../theme/tokens';
import { proseMediaRules } from './proseMedia';

/**
 * Article typography for rendered markdown. Every rule below has the specificity of one class,
 * (0,1,0): the Prose root's class, then the element selector inside :where() (`.prose :where(h2)`).
 * - It beats element-level resets loaded before styles.css (Tailwind's preflight, normalize: `h2`,
 *   `ul`, `a` are (0,0,1)), so a reset cannot flatten the headings or remove the bullets.
 * - It ties with a class: the components placed in the flow (Pullquote, StudyCallout, CTA,
 *   Citation, ReferenceList) keep their own styles because their rules come after Prose's in
 *   styles.css (each imports this file first; the build checks the order), and an app's own class
 *   wins when declared later.
 * Where the typography relies on the browser's defaults (list bullets, nested margins, the inline
 * image), those are stated here too, with the browser's values, so a reset cannot remove them.
 */

/** Space between blocks (paragraphs, lists, tables). */
const flowSpace = createVar();
const h1Size = createVar();
const h2Size = createVar();
const h3Size = createVar();
const h4Size = createVar();
/** Space above a section heading: more than between paragraphs, so sections read as sections. */
const sectionSpace = createVar();
const subsectionSpace = createVar();
/** Half the space between table columns. */
const cellGutter = createVar();

/** Below the tablet breakpoint (768px). Media queries cannot read CSS variables, hence the number. */
const narrowScreen = `screen and (max-width: ${breakpoints.tablet - 1}px)`;

export const proseBase = style({
  maxWidth: vars.measure,
  color: vars.color.text,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.md,
  lineHeight: vars.lineHeight.body,
  // Long words, DOIs and URLs wrap instead of widening the page on a 320px phone.
  overflowWrap: 'break-word',
  fontKerning: 'normal',
  textRendering: 'optimizeLegibility',
  vars: { [cellGutter]: vars.space.sm },
  '@media': {
    // Phones: narrower gutters between table columns leave the words more room.
    [narrowScreen]: { vars: { [cellGutter]: vars.space.xs } },
  },
});

/**
 * The size variants set only the rhythm variables; the typography itself is `proseBase`. Plain
 * style variants, not a recipe: a recipe adds an extra class of its own that carries no style.
 */
export const sizes = styleVariants({
  standard: {
    vars: {
      [flowSpace]: '1.25em',
      [sectionSpace]: vars.space.xxl,
      [subsectionSpace]: vars.space.xl,
      [h1Size]: vars.fontSize.xxxl,
      [h2Size]: vars.fontSize.xxl,
      [h3Size]: vars.fontSize.xl,
      [h4Size]: vars.fontSize.lg,
    },
    '@media': {
      // Phones: every level one step smaller (h4 included, so h3 and h4 never meet), and a
      // question-style heading takes two lines, not four.
      [narrowScreen]: {
        vars: {
          [h1Size]: vars.fontSize.xxl,
          [h2Size]: vars.fontSize.xl,
          [h3Size]: vars.fontSize.lg,
          [h4Size]: vars.fontSize.md,
        },
      },
    },
  },
  // Same 18px body, tighter rhythm and smaller headings: summaries, sidebars, cards.
  compact: {
    vars: {
      [flowSpace]: '0.875em',
      [sectionSpace]: vars.space.xl,
      [subsectionSpace]: vars.space.lg,
      [h1Size]: vars.fontSize.xxl,
      [h2Size]: vars.fontSize.xl,
      [h3Size]: vars.fontSize.lg,
      [h4Size]: vars.fontSize.md,
    },
  },
});

/** Styles `selector` (any descendant of the prose root) with the specificity of one class. */
function prose(selector: string, rule: GlobalStyleRule): void {
  globalStyle(`${proseBase} :where(${selector})`, rule);
}

/** Same, for a pseudo-element, which cannot go inside :where(). */
function prosePseudo(selector: string, pseudoElement: string, rule: GlobalStyleRule): void {
  globalStyle(`${proseBase} :where(${selector})${pseudoElement}`, rule);
}

/** Styles `selector` among the prose root's children, with the specificity of one class. */
function proseChild(selector: string, rule: GlobalStyleRule): void {
  globalStyle(`${proseBase} > :where(${selector})`, rule);
}

/*
 * The browser's own defaults that the typography below builds on, stated with the browser's values
 * (so nothing changes where no reset is loaded) for the resets that clear them: margins of nested
 * blocks (`* { margin: 0 }` in Tailwind v4), list bullets (`list-style: none`), the inline image
 * (`display: block`), the monospace block. Later rules override them as before.
 */
prose('p, blockquote, figure, pre, dl', { marginBlock: '1em' });
prose('blockquote, figure', { marginInline: '40px' });
prose('dd', { marginInlineStart: '40px' });
prose('h1', { marginBlock: '0.67em' });
prose('h2', { marginBlock: '0.83em' });
prose('h3', { marginBlock: '1em' });
prose('h4', { marginBlock: '1.33em' });
prose('h5', { marginBlock: '1.67em' });
prose('h6', { marginBlock: '2.33em' });
browserListMarkers(proseBase);
prose('img, video', { display: 'inline', verticalAlign: 'baseline' });
prose('pre', { fontFamily: 'monospace' });

/* Vertical rhythm: blocks are separated by one flow space; the first and last sit flush. */
proseChild('*', { marginBlock: 0 });
proseChild('* + *', { marginBlockStart: flowSpace });

/* Headings: sans, bold, tight; more space above than below, so each binds to what follows. */
prose('h1, h2, h3, h4, h5, h6', {
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.heading,
  color: vars.color.text,
  textWrap: 'balance',
  // Anchor jumps (table of contents, "back to text") must not tuck the heading under a sticky header.
  scrollMarginTop: vars.space.xxl,
});
// On a screen narrow in text terms (200% text on a phone) the heading sizes are capped by the
// screen's width, so the longest word of a heading still fits a line (styles/media.ts).
prose('h1', { fontSize: h1Size, lineHeight: vars.lineHeight.tight, letterSpacing: '-0.01em', '@media': { [narrowText]: { fontSize: `min(${h1Size}, 11vw)` } } });
prose('h2', { fontSize: h2Size, '@media': { [narrowText]: { fontSize: `min(${h2Size}, 8.5vw)` } } });
prose('h3', { fontSize: h3Size, '@media': { [narrowText]: { fontSize: `min(${h3Size}, 7.5vw)` } } });
/*
 * Below h3 the size steps alone (1.2 apart) are too close to tell the levels apart at a glance,
 * so the minor levels also change colour: h4 keeps the size step and turns muted, h5/h6 are
 * small, muted and letter-spaced. Colour is never the only difference.
 */
prose('h4', { fontSize: h4Size, color: vars.color.textMuted });
prose('h5, h6', { fontSize: vars.fontSize.sm, color: vars.color.textMuted, letterSpacing: '0.02em' });
proseChild('* + h1, * + h2', { marginBlockStart: sectionSpace });
proseChild('* + h3, * + h4, * + h5, * + h6', { marginBlockStart: subsectionSpace });
proseChild('h1 + *, h2 + *, h3 + *, h4 + *, h5 + *, h6 + *', { marginBlockStart: vars.space.sm });
/* A subheading straight under its heading still needs air, or the two read as one title. */
proseChild('h2 + h3, h3 + h4', { marginBlockStart: vars.space.md });
/* Any other element the article links to (citation markers) also clears a sticky header. */
prose('[id]', { scrollMarginTop: vars.space.xxl });

/* Links: always underlined (colour alone is not enough), visited distinct, focus unmistakable. */
prose('a', textLinkBase);
prose('a:visited', textLinkVisited);
prose('a:hover', textLinkHover);
prose('a:focus-visible', focusRingRule);

prose('strong, b', { fontWeight: vars.fontWeight.bold });
prose('em, i', { fontStyle: 'italic' });
prose('small', { fontSize: vars.fontSize.sm });
prose('abbr[title]', { textDecorationLine: 'underline', textDecorationStyle: 'dotted', cursor: 'help' });
prose('mark', { backgroundColor: vars.color.tone.caution.surface, color: vars.color.tone.caution.text });
/* Superscripts and subscripts must not stretch the line they sit on. */
prose('sup, sub', { fontSize: '0.75em', lineHeight: 0, position: 'relative', verticalAlign: 'baseline' });
prose('sup', { insetBlockStart: '-0.5em' });
prose('sub', { insetBlockEnd: '-0.25em' });

/*
 * Footnote markers (GFM `[^1]`) are notes, not sources: in square brackets and italic, so they
 * differ from citation numbers by shape, not colour alone (WCAG 1.4.1). The brackets have empty
 * alternative text: screen readers hear the link's own name only.
 */
prose('a[data-footnote-ref]', { fontStyle: 'italic' });
prosePseudo('a[data-footnote-ref]', '::before', { content: '"[" / ""' });
prosePseudo('a[data-footnote-ref]', '::after', { content: '"]" / ""' });
/* The "↩" back to the marker is one glyph: a minimum box keeps it a 24 × 24 px target (WCAG 2.5.8). */
prose('a[data-footnote-backref]', {
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  minWidth: '24px',
  minHeight: '24px',
  textDecoration: 'none',
});

/* Lists, nested to any depth. */
prose('ul, ol', { paddingInlineStart: '1.5em', marginBlock: 0 });
proseChild('ul, ol', { marginBlock: 0 });
prose('li', { paddingInlineStart: vars.space.xxs });
prose('li + li', { marginBlockStart: vars.space.xs });
prose('li > ul, li > ol', { marginBlockStart: vars.space.xs });
prose('li > p', { marginBlock: 0 });
prose('li > p + p', { marginBlockStart: vars.space.xs });
prosePseudo('li', '::marker', { color: vars.color.textMuted });
prosePseudo('ol > li', '::marker', { fontFamily: vars.font.ui, fontVariantNumeric: 'tabular-nums' });

/* A plain quotation (not a Pullquote): indented with a rule, same text colour for readability. */
prose('blockquote', {
  marginInline: 0,
  paddingInlineStart: vars.space.lg,
  borderInlineStart: `4px solid ${vars.color.borderStrong}`,
});
prose('blockquote > p', { marginBlock: 0 });
prose('blockquote > p + p', { marginBlockStart: vars.space.sm });

prose('hr', {
  height: 0,
  border: 0,
  // The rule is drawn in `color`, set here: resets give <hr> `color: inherit` (the text colour).
  color: vars.color.border,
  borderBlockStart: '1px solid currentColor',
  marginBlock: vars.space.xxl,
});
proseChild('hr, * + hr, hr + *', { marginBlockStart: vars.space.xxl });

/* Code: rare in a health article, but a dosage table or a URL must still read cleanly. */
prose('code, kbd, samp', {
  fontFamily: vars.font.mono,
  fontSize: '0.875em',
  paddingInline: '0.3em',
  paddingBlock: '0.1em',
  borderRadius: vars.radius.sm,
  backgroundColor: vars.color.surfaceSunken,
});
prose('pre', {
  overflowX: 'auto',
  padding: vars.space.md,
  borderRadius: vars.radius.md,
  backgroundColor: vars.color.surfaceSunken,
  lineHeight: vars.lineHeight.heading,
});
prose('pre code', { padding: 0, backgroundColor: 'transparent', fontSize: vars.fontSize.sm });

/* Tables keep their table semantics (no display:block); cells wrap rather than overflow. */
prose('table', {
  width: '100%',
  borderCollapse: 'collapse',
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.heading,
  fontVariantNumeric: 'tabular-nums',
});
prose('caption', {
  captionSide: 'top',
  textAlign: 'start',
  paddingBlockEnd: vars.space.xs,
  fontWeight: vars.fontWeight.bold,
  color: vars.color.text,
});
prose('th, td', {
  paddingBlock: vars.space.xs,
  paddingInline: cellGutter,
  textAlign: 'start',
  verticalAlign: 'top',
  borderBlockEnd: `1px solid ${vars.color.border}`,
  // break-word, not anywhere: 'anywhere' lets columns shrink below their longest word.
  overflowWrap: 'break-word',
  hyphens: 'auto',
});
prose('td', {
  '@media': {
    // Phones: a data cell may break a long word rather than push the page sideways. Headers
    // keep whole words, so the columns stay at least as wide as their labels.
    [narrowScreen]: { overflowWrap: 'anywhere' },
  },
});
prose('th:first-child, td:first-child', { paddingInlineStart: 0 });
prose('th:last-child, td:last-child', { paddingInlineEnd: 0 });
prose('thead th', {
  fontWeight: vars.fontWeight.bold,
  verticalAlign: 'bottom',
  borderBlockEnd: `2px solid ${vars.color.borderStrong}`,
});
prose('tbody th', { fontWeight: vars.fontWeight.medium });

/*
 * A table too wide for a phone goes in a scroll region the keyboard can reach:
 * <div role="region" aria-labelledby="{caption id}" tabindex="0"><table>…</table></div>.
 * The table itself keeps display:table, so screen readers keep its rows and columns.
 */
prose('[role="region"][tabindex]', {
  maxWidth: '100%',
  overflowX: 'auto',
  borderRadius: vars.radius.sm,
  /*
   * Scroll shadows: a shade on each side that still has columns to show, so a clipped table reads
   * as "scrolls sideways" on a phone. The surface-coloured covers scroll with the content
   * (`local`) and hide the shades (`scroll`) once an edge is reached.
   */
  backgroundColor: vars.color.surface,
  backgroundImage: [
    `linear-gradient(to right, ${vars.color.surface} 40%, transparent)`,
    `linear-gradient(to left, ${vars.color.surface} 40%, transparent)`,
    `radial-gradient(farthest-side at 0 50%, ${vars.color.borderStrong}, transparent)`,
    `radial-gradient(farthest-side at 100% 50%, ${vars.color.borderStrong}, transparent)`,
  ].join(', '),
  backgroundPosition: 'left center, right center, left center, right center',
  backgroundRepeat: 'no-repeat',
  backgroundSize: '2.5rem 100%, 2.5rem 100%, 0.9rem 100%, 0.9rem 100%',
  backgroundAttachment: 'local, local, scroll, scroll',
});
prose('[role="region"][tabindex]:focus-visible', focusRingRule);
/*
 * A table of four or more columns keeps a readable 32rem and scrolls on a phone rather than
 * squeezing every column to a word a line. A narrower one fits the region while its columns can
 * wrap to their longest word, and scrolls inside it only beyond that (at 200 % text), so a table
 * that fits is never made to scroll.
 */
prose('[role="region"][tabindex] > table:has(tr > :nth-child(4))', { minWidth: '32rem' });
// The caption stays in view, wrapped to the phone's width, while the columns scroll under it.
prose('[role="region"][tabindex] caption', {
  position: 'sticky',
  insetInlineStart: 0,
  maxWidth: 'calc(100vw - 2 * ' + vars.space.md + ')',
});
prose('[role="region"][tabindex] td', {
  // The region scrolls instead, so its cells keep whole words (and whole years) even on phones.
  '@media': { [narrowScreen]: { overflowWrap: 'break-word' } },
});

/* Images and figures other than the design system's own. */
prose('img, video', { maxWidth: '100%', height: 'auto' });
prose('figure', { marginInline: 0 });
prose('figcaption', {
  marginBlockStart: vars.space.xs,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  color: vars.color.textMuted,
});

/* On paper and in forced colours (proseMedia.ts). */
proseMediaRules(proseBase);
