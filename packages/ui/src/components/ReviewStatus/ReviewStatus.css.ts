import { style } from '@vanilla-extract/css';
import { vars } from '../../theme/contract.css';
import { textLinkRule } from '../../styles/link.css';

export const root = style({
  display: 'block',
  maxWidth: vars.measure,
  marginBlock: vars.space.md,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.body,
  color: vars.color.text,
});

export const line = style({ margin: 0 });

export const personName = style({ fontWeight: vars.fontWeight.bold });

export const personLink = style(textLinkRule);

export const notice = style({
  margin: 0,
  marginBlockStart: vars.space.sm,
  paddingBlock: vars.space.xs,
  paddingInline: vars.space.sm,
  border: `2px solid ${vars.color.borderStrong}`,
  fontWeight: vars.fontWeight.bold,
});
