import { style } from '@vanilla-extract/css';
import { visuallyHidden } from '../../styles/a11y.css';
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
    // Right to left, the trail runs leftwards and the chevrons point that way.
    '[dir="rtl"] &:not(:last-child)::after': { transform: 'translateY(-0.1em) rotate(-135deg)' },
  },
});

export const link = style(textLinkRule);

/** The one link shown on narrow screens: "‹ Parent", read as "Back to Parent". */
export const back = style({
  margin: 0,
  '@media': { [wide]: { display: 'none' }, print: { display: 'none' } },
});

export const backLink = style({
  ...textLinkRule,
  selectors: {
    ...textLinkRule.selectors,
    '&::before': { ...chevron, marginInline: `0 ${vars.space.xs}`, transform: 'translateY(-0.1em) rotate(-135deg)' },
    '[dir="rtl"] &::before': { transform: 'translateY(-0.1em) rotate(45deg)' },
  },
});

export const hiddenWords = visuallyHidden;
