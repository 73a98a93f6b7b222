import { globalStyle, style } from '@vanilla-extract/css';
import { recipe } from '@vanilla-extract/recipes';
import { barWidth } from '../../styles/shape.css';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

export const root = recipe({
  base: {
    margin: 0,
    marginBlock: vars.space.xl,
    // A reading component: never wider than the article's measure, even outside Prose. The measure
    // is the text's; the rule and its padding come on top (stated, so a page's border-box reset
    // does not narrow the quotation).
    maxWidth: vars.measure,
    boxSizing: 'content-box',
    color: vars.color.text,
  },
  variants: {
    size: {
      // A quoted passage in the flow of the article: an accent rule on the left, body-sized serif.
      standard: {
        paddingInlineStart: vars.space.lg,
        // A bar without a box (Foundations/Shape and tone): the shared width, square ends.
        borderInlineStart: `${barWidth} solid ${vars.color.accent}`,
      },
      // A short, punchy line set large between two hairlines, so it reads as an aside.
      large: {
        paddingBlock: vars.space.lg,
        paddingInline: vars.space.md,
        borderBlock: `1px solid ${vars.color.border}`,
      },
    },
  },
  defaultVariants: { size: 'standard' },
});

export const quote = recipe({
  base: {
    // Reset what a surrounding Prose gives a plain <blockquote> (its own rule and indent).
    margin: 0,
    padding: 0,
    border: 0,
    fontFamily: vars.font.body,
    // Long quotations (URLs, "discectomies", ellipses) must never push the page sideways at 320px.
    overflowWrap: 'break-word',
  },
  variants: {
    size: {
      // Upright: long passages in italics are tiring to read.
      standard: {
        fontSize: vars.fontSize.lg,
        lineHeight: vars.lineHeight.body,
      },
      large: {
        fontStyle: 'italic',
        fontSize: vars.fontSize.xxl,
        lineHeight: vars.lineHeight.heading,
        textWrap: 'balance',
      },
    },
  },
  defaultVariants: { size: 'standard' },
});

/** Hook for the quotation's own paragraphs (plain text is wrapped in one <p>). */
export const quoteBody = style({});

globalStyle(`${quoteBody} > p`, { margin: 0 });
globalStyle(`${quoteBody} > p + p`, { marginBlockStart: vars.space.sm });

/** The opening mark hangs into the padding so the quoted text keeps a straight left edge. */
export const openMark = style({
  marginInlineStart: '-0.42em',
  color: vars.color.accent,
  fontStyle: 'normal',
});

export const closeMark = style({
  color: vars.color.accent,
  fontStyle: 'normal',
});

export const caption = style({
  marginBlockStart: vars.space.sm,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.heading,
  color: vars.color.textMuted,
  overflowWrap: 'break-word',
});

export const dash = style({
  marginInlineEnd: '0.3em',
});
