/*
 * The data tables of every docs page (component pages' tokens and data shapes, the foundations
 * pages), and the box they scroll in on narrow screens. Docs only: not part of @cited/ui's build.
 */
import { globalStyle, style } from '@vanilla-extract/css';
import { focusRingRule } from '../styles/a11y.css';
import { vars } from '../theme/contract.css';

export const code = style({ fontFamily: vars.font.mono, fontSize: '0.9em', overflowWrap: 'anywhere' });

/** Wide content scrolls inside its own box on phones instead of widening the page (WCAG 1.4.10). */
export const scroller = style({
  overflowX: 'auto',
  maxWidth: '100%',
  marginBlock: vars.space.md,
  selectors: { '&:focus-visible': focusRingRule },
});

export const table = style({
  width: '100%',
  borderCollapse: 'collapse',
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.heading,
  color: vars.color.text,
});

export const caption = style({
  textAlign: 'start',
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  fontSize: vars.fontSize.md,
  paddingBlockEnd: vars.space.xs,
});

globalStyle(`${table} th, ${table} td`, {
  textAlign: 'start',
  verticalAlign: 'top',
  padding: `${vars.space.xs} ${vars.space.sm}`,
  borderBottom: `1px solid ${vars.color.border}`,
});
globalStyle(`${table} thead th`, { borderBottom: `2px solid ${vars.color.borderStrong}`, whiteSpace: 'nowrap' });
globalStyle(`${table} tbody th`, { fontWeight: vars.fontWeight.regular });
// Token names are short: keep them whole rather than break "shadow.sm" after "s".
globalStyle(`${table} tbody th ${code}, ${table} tbody th${code}`, { overflowWrap: 'normal', whiteSpace: 'nowrap' });
