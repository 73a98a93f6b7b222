import { style } from '@vanilla-extract/css';
import { vars } from '../../theme/contract.css';

export const root = style({
  display: 'block',
  maxWidth: vars.measure,
  boxSizing: 'border-box',
  marginBlock: vars.space.md,
  paddingBlock: vars.space.sm,
  paddingInline: vars.space.md,
  borderInlineStart: `4px solid ${vars.color.borderStrong}`,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.body,
  color: vars.color.text,
});

export const heading = style({
  margin: 0,
  fontWeight: vars.fontWeight.bold,
});

export const body = style({ marginBlockStart: vars.space.xxs });
