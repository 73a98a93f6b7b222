import { style } from '@vanilla-extract/css';
import { textLinkRule } from '../../styles/link.css';
import { breakpoints } from '../../theme/tokens';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

/** Below a tablet's width the trail would wrap over several lines: show only the way back up. */
const narrow = `screen and (max-width: ${breakpoints.tablet - 1}px)`;
const wide = `screen and (min-width: ${breakpoints.tablet}px)`;

/** A chevron drawn with borders, so it is not read out and follows the writing direction. */
const chevron = {
  content: '""',
  display: 'inline-block',
  // Stated: resets set border-box on pseudo-elements, which would shrink the chevron by its borders.
  boxSizing: 'content-box',
  width: '0.4em',
  height: '0.4em',
  marginInline: vars.space.xs,
  borderBlockStart: `2px solid ${vars.color.textMuted}`,
  borderInlineEnd: `2px solid ${vars.color.textMuted}`,
  transform: 'translateY(-0.1em) rotate(45deg)',
} as const;

export const root = style({
  display: 'block',
  marginBlock: vars.space.md,
  color: vars.color.text,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.body,
  overflowWrap: 'break-word',
});

export const list = style({
  margin: 0,
  padding: 0,
  listStyleType: 'none',
  '@media': { [narrow]: { display: 'none' } },
});

export const item = style({
  display: 'inline',
  margin: 0,
  selectors: {
    '&:not(:last-child)::after': chevron,
    // Right to left the borders above mirror (block-start and inline-end), so a quarter turn the
    // other way points the chevron left, the way the trail runs.
    '[dir="rtl"] &:not(:last-child)::after': { transform: 'translateY(-0.1em) rotate(-45deg)' },
  },
});

export const link = style(textLinkRule);

/** The one link shown on narrow screens: "‹ Parent", read as "Back to Parent". */
export const back = style({
  margin: 0,
  '@media': { [wide]: { display: 'none' }, print: { display: 'none' } },
});

/**
 * The chevron sits in the link's padding, out of the text: the space between the hidden "Back to"
 * and the parent's name then starts the line, where CSS drops it, instead of showing underlined.
 */
export const backLink = style({
  ...textLinkRule,
  position: 'relative',
  paddingInlineStart: '0.9em',
  selectors: {
    ...textLinkRule.selectors,
    '&::before': {
      ...chevron,
      position: 'absolute',
      insetInlineStart: '0.15em',
      insetBlockStart: '0.55em',
      margin: 0,
      transform: 'rotate(-135deg)',
    },
    '[dir="rtl"] &::before': { transform: 'rotate(135deg)' },
  },
});
