import { globalStyle, style } from '@vanilla-extract/css';
import { recipe } from '@vanilla-extract/recipes';
import { focusRingRule } from '../../styles/a11y.css';
import { textLinkBase, textLinkHover, textLinkVisited } from '../../styles/link.css';
import { browserListMarkers } from '../../styles/lists.css';
import { barWidth, outlinedBox } from '../../styles/shape.css';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

export const root = recipe({
  base: {
    display: 'block',
    maxWidth: vars.measure,
    boxSizing: 'border-box',
    marginBlock: vars.space.lg,
    color: vars.color.text,
    fontFamily: vars.font.body,
    fontSize: vars.fontSize.md,
    lineHeight: vars.lineHeight.body,
    overflowWrap: 'break-word',
  },
  variants: {
    variant: {
      plain: {},
      /** A neutral outlined box (Foundations/Shape and tone): no tone, so no coloured edge. */
      expander: {
        ...outlinedBox(vars.color.borderStrong),
        backgroundColor: vars.color.surfaceRaised,
        '@media': { print: { borderColor: 'CanvasText', backgroundColor: 'transparent' } },
      },
    },
  },
  defaultVariants: { variant: 'plain' },
});

/**
 * The control: link-coloured and underlined like a link, with a triangle that turns when open
 * (drawn with borders, so it follows the writing direction and forced colours). The browser's own
 * marker is removed in favour of it.
 */
export const summary = style({
  display: 'inline-flex',
  alignItems: 'baseline',
  gap: vars.space.xs,
  cursor: 'pointer',
  color: vars.color.link,
  listStyle: 'none',
  selectors: {
    '&::-webkit-details-marker': { display: 'none' },
    '&::before': {
      content: '""',
      flexShrink: 0,
      width: 0,
      height: 0,
      borderBlock: '0.35em solid transparent',
      borderInlineStart: '0.55em solid currentColor',
      transition: `transform ${vars.motion.duration.fast} ${vars.motion.easing}`,
    },
    'details[open] > &::before': { transform: 'rotate(90deg)' },
    '[dir="rtl"] details[open] > &::before': { transform: 'rotate(-90deg)' },
    '&:hover': { color: vars.color.linkHover },
    '&:focus-visible': focusRingRule,
    // The expander's whole top line is the control: a bigger target, padded like the box.
    [`${root.classNames.variants.variant.expander} > &`]: {
      display: 'flex',
      paddingBlock: vars.space.md,
      paddingInline: vars.space.lg,
    },
  },
  '@media': {
    '(prefers-reduced-motion: reduce)': { selectors: { '&::before': { transition: 'none' } } },
  },
});

export const summaryText = style({
  fontWeight: vars.fontWeight.bold,
  textDecorationLine: 'underline',
  textDecorationThickness: '1px',
  textUnderlineOffset: '0.18em',
  selectors: { [`${summary}:hover &`]: { textDecorationThickness: '2px' } },
});

/** The hidden text, set in from the triangle and, in the plain variant, marked by a quiet bar. */
export const text = style({
  marginBlockStart: vars.space.sm,
  paddingInlineStart: vars.space.lg,
  borderInlineStart: `${barWidth} solid ${vars.color.border}`,
  selectors: {
    [`${root.classNames.variants.variant.expander} > &`]: {
      marginBlockStart: 0,
      paddingBlock: `0 ${vars.space.md}`,
      paddingInline: vars.space.lg,
      borderInlineStart: 'none',
    },
  },
});

globalStyle(`${text} > :first-child`, { marginBlockStart: 0 });
globalStyle(`${text} > :last-child`, { marginBlockEnd: 0 });
globalStyle(`${text} > :where(p, ul, ol)`, { marginBlock: vars.space.sm });
globalStyle(`${text} :where(ul, ol)`, { paddingInlineStart: vars.space.lg });
browserListMarkers(text);
globalStyle(`${text} a`, textLinkBase);
globalStyle(`${text} a:visited`, textLinkVisited);
globalStyle(`${text} a:hover`, textLinkHover);
globalStyle(`${text} a:focus-visible`, focusRingRule);
