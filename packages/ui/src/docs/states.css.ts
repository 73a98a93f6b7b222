import { style } from '@vanilla-extract/css';
import { vars } from '../theme/contract.css';

export const grid = style({ margin: 0, display: 'grid', gap: vars.space.sm });

export const row = style({
  display: 'grid',
  gridTemplateColumns: 'minmax(7rem, 9rem) minmax(0, 1fr)',
  alignItems: 'baseline',
  gap: vars.space.sm,
  '@media': { 'screen and (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)', gap: vars.space.xxs } },
});

export const label = style({ fontFamily: vars.font.ui, fontSize: vars.fontSize.sm, color: vars.color.textMuted });

export const sample = style({ margin: 0, minWidth: 0 });
