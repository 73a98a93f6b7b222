/*
 * The data tables of every docs page (component pages' tokens and data shapes, the foundations
 * pages), and the box they scroll in on narrow screens. Docs only: not part of @cited/ui's build.
 */
import { globalStyle, style } from '@vanilla-extract/css';
import { focusRingRule } from '../styles/a11y.css';
import { vars } from '../theme/contract.css';
import { breakpoints } from '../theme/tokens';

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

/*
 * Phones: each row becomes a card of "column: value" lines (the column's name from the cell's
 * data-label, set by DataTable), so no value sits off-screen in a sideways scroller (WCAG 1.4.10).
 * The header row stays in the markup for screen readers.
 */
const narrow = `screen and (max-width: ${(breakpoints.tablet - 0.02) / 16}em)`;
globalStyle(`${table}, ${table} tbody, ${table} tr`, { '@media': { [narrow]: { display: 'block', width: '100%' } } });
globalStyle(`${table} caption`, { '@media': { [narrow]: { display: 'block' } } });
globalStyle(`${table} thead`, {
  '@media': { [narrow]: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' } },
});
globalStyle(`${table} tr`, { '@media': { [narrow]: { borderBottom: `2px solid ${vars.color.borderStrong}`, paddingBlock: vars.space.xs } } });
globalStyle(`${table} tbody th, ${table} tbody td`, {
  '@media': {
    [narrow]: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'baseline',
      columnGap: vars.space.xs,
      rowGap: vars.space.xxs,
      borderBottom: 'none',
      paddingInline: 0,
      paddingBlock: vars.space.xxs,
    },
  },
});
globalStyle(`${table} tbody th[data-label]::before, ${table} tbody td[data-label]::before`, {
  '@media': {
    [narrow]: {
      content: 'attr(data-label)',
      flex: '0 0 8.5em',
      fontFamily: vars.font.ui,
      fontSize: vars.fontSize.sm,
      fontWeight: vars.fontWeight.bold,
      color: vars.color.textMuted,
    },
  },
});
