import { style } from '@vanilla-extract/css';
import { recipe } from '@vanilla-extract/recipes';
import { vars } from '../../theme/contract.css';

export const root = recipe({
  base: {
    display: 'block',
    maxWidth: vars.measure,
    boxSizing: 'border-box',
    marginBlock: vars.space.xl,
    fontFamily: vars.font.body,
    fontSize: vars.fontSize.md,
    lineHeight: vars.lineHeight.body,
    color: vars.color.text,
    border: `1px solid ${vars.color.borderStrong}`,
  },
  variants: { level: { 'non-urgent': {}, urgent: {}, emergency: {} } },
});

export const headingBand = recipe({
  base: { paddingBlock: vars.space.sm, paddingInline: vars.space.lg },
  variants: { level: { 'non-urgent': {}, urgent: {}, emergency: {} } },
});

export const heading = style({
  margin: 0,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.lg,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.heading,
});

export const content = recipe({
  base: { paddingBlock: vars.space.md, paddingInline: vars.space.lg },
  variants: { level: { 'non-urgent': {}, urgent: {}, emergency: {} } },
});

export const action = style({ margin: 0, marginBlockStart: vars.space.md });

export const callLink = style({ color: vars.color.link });
