/* Styles of the docs-page blocks (docs only, not part of @cited/ui's build). */
import { style, styleVariants } from '@vanilla-extract/css';
import { focusRingRule } from '../styles/a11y.css';
import { vars } from '../theme/contract.css';
import { breakpoints } from '../theme/tokens';

export const value = style({ display: 'inline-flex', alignItems: 'center', gap: vars.space.xs, flexWrap: 'wrap' });

/**
 * A CSS custom property and its Copy button: on one line from tablet width up (a name broken at
 * its hyphens, with the button under it, read as two things); on phones it may wrap.
 */
export const cssVariable = style([
  value,
  { '@media': { [`screen and (min-width: ${breakpoints.tablet / 16}em)`]: { flexWrap: 'nowrap', whiteSpace: 'nowrap' } } },
]);

export const chip = style({
  flex: 'none',
  width: '1.5rem',
  height: '1.5rem',
  borderRadius: vars.radius.sm,
  border: `1px solid ${vars.color.borderStrong}`,
});

export const ratio = style({ display: 'block', color: vars.color.textMuted, fontVariantNumeric: 'tabular-nums' });

export const required = style({ color: vars.color.textMuted, fontSize: vars.fontSize.xs });

// Never split: the button stays whole next to (or, in a narrow cell, under) what it copies.
export const copyWrap = style({ display: 'inline-flex', alignItems: 'center', gap: vars.space.xxs, flex: 'none', whiteSpace: 'nowrap' });

export const copyButton = style({
  minHeight: '24px',
  minWidth: '24px',
  padding: `0 ${vars.space.xs}`,
  font: 'inherit',
  fontSize: vars.fontSize.xs,
  color: vars.color.link,
  backgroundColor: vars.color.surfaceRaised,
  border: `1px solid ${vars.color.borderStrong}`,
  borderRadius: vars.radius.sm,
  cursor: 'pointer',
  selectors: {
    '&:hover': { color: vars.color.linkHover, borderColor: vars.color.linkHover },
    '&:focus-visible': focusRingRule,
  },
});

export const copyStatus = style({ fontSize: vars.fontSize.xs, color: vars.color.textMuted });

export const statusLine = style({
  display: 'flex',
  alignItems: 'baseline',
  gap: vars.space.xs,
  flexWrap: 'wrap',
  margin: `0 0 ${vars.space.md}`,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  color: vars.color.textMuted,
});

const statusBase = style({
  display: 'inline-block',
  padding: `0 ${vars.space.xs}`,
  borderRadius: vars.radius.sm,
  border: '1px solid',
  fontWeight: vars.fontWeight.bold,
  fontSize: vars.fontSize.xs,
  lineHeight: 1.6,
  textTransform: 'uppercase',
  letterSpacing: '0.04em',
});

export const status = styleVariants({
  stable: [statusBase, { color: vars.color.tone.finding.text, backgroundColor: vars.color.tone.finding.surface, borderColor: vars.color.tone.finding.border }],
  beta: [statusBase, { color: vars.color.tone.caution.text, backgroundColor: vars.color.tone.caution.surface, borderColor: vars.color.tone.caution.border }],
});

export const doDont = style({
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 18rem), 1fr))',
  gap: vars.space.md,
  marginBlock: vars.space.md,
});

const card = style({
  margin: 0,
  display: 'flex',
  flexDirection: 'column',
  border: `1px solid ${vars.color.border}`,
  borderTopWidth: '4px',
  borderRadius: vars.radius.md,
  backgroundColor: vars.color.surface,
  color: vars.color.text,
  overflow: 'hidden',
});
export const doCard = style([card, { borderTopColor: vars.color.tone.finding.border }]);
export const dontCard = style([card, { borderTopColor: vars.color.tone.caution.border }]);

export const example = style({ flex: 1, padding: vars.space.md, minWidth: 0 });

export const verdict = style({
  padding: `${vars.space.xs} ${vars.space.md}`,
  borderTop: `1px solid ${vars.color.border}`,
  backgroundColor: vars.color.surfaceSunken,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.heading,
});
export const doLabel = style({ color: vars.color.tone.finding.emphasis });
export const dontLabel = style({ color: vars.color.tone.caution.emphasis });

export const bothThemes = style({
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 20rem), 1fr))',
  gap: vars.space.md,
});

export const themeCard = style({
  backgroundColor: vars.color.surface,
  color: vars.color.text,
  border: `1px solid ${vars.color.border}`,
  borderRadius: vars.radius.md,
  padding: vars.space.md,
  minWidth: 0,
});

export const downloadLink = style({
  display: 'inline-flex',
  alignItems: 'center',
  minHeight: '44px',
  padding: `0 ${vars.space.md}`,
  borderRadius: vars.radius.md,
  backgroundColor: vars.color.accent,
  color: vars.color.textOnAccent,
  fontFamily: vars.font.ui,
  fontWeight: vars.fontWeight.bold,
  textDecoration: 'none',
  selectors: { '&:hover': { textDecoration: 'underline' }, '&:focus-visible': focusRingRule },
});

export const themeLabel = style({
  margin: `0 0 ${vars.space.sm}`,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.xs,
  fontWeight: vars.fontWeight.bold,
  color: vars.color.textMuted,
  textTransform: 'uppercase',
  letterSpacing: '0.04em',
});

export const pendingList = style({ paddingInlineStart: vars.space.lg, fontFamily: vars.font.ui, fontSize: vars.fontSize.sm, lineHeight: vars.lineHeight.body });

export const bump = style({
  display: 'inline-block',
  padding: `0 ${vars.space.xs}`,
  borderRadius: vars.radius.sm,
  border: `1px solid ${vars.color.tone.info.border}`,
  backgroundColor: vars.color.tone.info.surface,
  color: vars.color.tone.info.text,
  fontSize: vars.fontSize.xs,
  fontWeight: vars.fontWeight.bold,
  textTransform: 'uppercase',
});
