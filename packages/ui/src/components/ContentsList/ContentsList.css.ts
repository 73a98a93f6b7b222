import { style } from '@vanilla-extract/css';
import { textLinkRule } from '../../styles/link.css';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

export const root = style({
  display: 'block',
  maxWidth: vars.measure,
  marginBlock: vars.space.xl,
  color: vars.color.text,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.md,
  lineHeight: vars.lineHeight.body,
  overflowWrap: 'break-word',
});

export const heading = style({
  margin: 0,
  marginBlockEnd: vars.space.sm,
  color: vars.color.text,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.lg,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.heading,
});

/**
 * NHS.UK's dash before each item instead of a number: the order is in the markup (an `ol`,
 * announced as a list with its count), and the dash stays out of the accessible name.
 */
export const list = style({
  margin: 0,
  padding: 0,
  listStyleType: 'none',
});

export const item = style({
  position: 'relative',
  marginBlock: 0,
  paddingInlineStart: vars.space.lg,
  selectors: {
    '& + &': { marginBlockStart: vars.space.xs },
    '&::before': {
      // The empty alternative after the slash keeps the dash out of what screen readers say;
      // browsers without it take the first value.
      content: ['"—"', '"—" / ""'],
      position: 'absolute',
      insetInlineStart: 0,
      color: vars.color.textMuted,
    },
  },
});

export const link = style(textLinkRule);

/** The page the reader is on: plain bold text, so it does not look like a way to somewhere else. */
export const current = style({ fontWeight: vars.fontWeight.bold });
