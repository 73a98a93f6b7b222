import { globalStyle, style } from '@vanilla-extract/css';
import { recipe, type RecipeVariants } from '@vanilla-extract/recipes';
import { textLinkRule } from '../../styles/link.css';
import { forcedColours, narrowText } from '../../styles/media';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

export const root = style({
  marginBlockStart: vars.space.xxl,
  paddingBlockStart: vars.space.lg,
  borderBlockStart: `1px solid ${vars.color.border}`,
  maxWidth: vars.measure,
  color: vars.color.text,
});

export const heading = style({
  margin: 0,
  marginBlockEnd: vars.space.md,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.lg,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.heading,
  color: vars.color.text,
});

/**
 * Native list markers, so the number stays part of each item for screen readers. The marker
 * gutter is sized by the widest number (1, 2 or 3+ digits); markers sit outside the text and
 * are right-aligned by the browser, so 9. and 10. line up on the full stop.
 */
export const list = recipe({
  base: {
    margin: 0,
    fontFamily: vars.font.ui,
    fontSize: vars.fontSize.sm,
    lineHeight: vars.lineHeight.body,
    listStyleType: 'decimal',
    listStylePosition: 'outside',
  },
  variants: {
    digits: {
      1: { paddingInlineStart: '2.5ch' },
      2: { paddingInlineStart: '3.5ch' },
      3: { paddingInlineStart: '4.5ch' },
    },
  },
  defaultVariants: { digits: 1 },
});
export type ListVariants = NonNullable<RecipeVariants<typeof list>>;

export const item = style({
  paddingBlock: vars.space.xxs,
  paddingInline: vars.space.xs,
  // Long DOIs and URLs break where they would overflow, rather than widening a 320px screen; not
  // `anywhere`, which would also split words that fit a line ("Orthopaedi/cs") wherever the list
  // is sized to its content.
  overflowWrap: 'break-word',
  scrollMarginTop: vars.space.xxl,
  borderRadius: vars.radius.sm,
  // Where text is large for the screen, the entry's own inset goes to the text (styles/media.ts).
  '@media': { [narrowText]: { paddingInlineEnd: 0 } },
  selectors: {
    '& + &': { marginBlockStart: vars.space.xxs },
    '&::marker': {
      color: vars.color.textMuted,
      fontVariantNumeric: 'tabular-nums lining-nums',
      fontWeight: vars.fontWeight.medium,
    },
    // Arriving from a citation: mark the entry the reader jumped to.
    '&:target': {
      backgroundColor: vars.color.tone.info.surface,
      boxShadow: `inset 3px 0 0 0 ${vars.color.tone.info.border}`,
      // Forced colours drop both the tint and the shadow: an outline in the highlight colour.
      '@media': { [forcedColours]: { outline: '2px solid Highlight', outlineOffset: '-2px' } },
    },
  },
});

export const link = style(textLinkRule);

/*
 * A reference prints its DOI, PMID or address as text already: no second copy in brackets after
 * it, even inside Prose, which prints other links' addresses (this selector outranks Prose's).
 */
globalStyle(`${root} ${link}::after`, { '@media': { print: { content: 'none' } } });

export const backlinks = style({
  marginInlineEnd: vars.space.xs,
  fontWeight: vars.fontWeight.bold,
  whiteSpace: 'nowrap',
  // "Back to citation" means nothing on paper. The entries themselves already print their
  // addresses as text (Vancouver's "doi: …", "PMID: …", "Available from: https://…").
  '@media': { print: { display: 'none' } },
});

export const backlinkArrow = style({
  color: vars.color.textMuted,
  marginInlineEnd: '0.15em',
});

/**
 * Single-letter backlinks ("a b c") are narrower than a fingertip in every font: a minimum box of
 * 24 × 24 px (WCAG 2.5.8) whatever the font's glyph widths, centred on the letter.
 */
export const backlink = style([
  link,
  {
    // Stated so a page's `* { box-sizing: border-box }` does not count the padding into the minimum.
    boxSizing: 'content-box',
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: 'max(24px, 1.5em)',
    minHeight: '24px',
    paddingInline: '0.2em',
    verticalAlign: 'middle',
    fontStyle: 'italic',
  },
]);

export const note = style({
  display: 'block',
  marginBlockStart: vars.space.xxs,
  color: vars.color.textMuted,
});
