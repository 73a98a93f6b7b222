import { vars } from '@cited/ui/theme';
import { globalStyle, style } from '@vanilla-extract/css';

/** The dev "Draft" / "Scheduled" banner and the dev diagnostics page. */
export const banner = style({
  margin: `0 0 ${vars.space.lg}`,
  padding: `${vars.space.sm} ${vars.space.md}`,
  border: `2px solid ${vars.color.tone.caution.border}`,
  borderRadius: vars.radius.md,
  background: vars.color.tone.caution.surface,
  color: vars.color.tone.caution.text,
  fontFamily: vars.font.ui,
  fontWeight: vars.fontWeight.bold,
});

export const problems = style({
  maxWidth: vars.measure,
  marginInline: 'auto',
  fontFamily: vars.font.ui,
});

export const file = style({
  margin: `${vars.space.xl} 0 ${vars.space.sm}`,
  fontSize: vars.fontSize.lg,
  overflowWrap: 'anywhere',
});

export const problem = style({
  margin: `0 0 ${vars.space.lg}`,
  padding: vars.space.md,
  borderInlineStart: `4px solid ${vars.color.tone.caution.border}`,
  background: vars.color.surfaceSunken,
});

export const where = style({ fontFamily: vars.font.mono, overflowWrap: 'anywhere' });

export const excerpt = style({
  margin: `${vars.space.sm} 0 0`,
  padding: vars.space.sm,
  overflowX: 'auto',
  fontFamily: vars.font.mono,
  fontSize: vars.fontSize.sm,
  lineHeight: 1.5,
  background: vars.color.surface,
  border: `1px solid ${vars.color.border}`,
});

globalStyle(`${excerpt} mark`, { background: vars.color.tone.caution.surface, color: vars.color.text, fontWeight: vars.fontWeight.bold });

export const readability = style({
  margin: `0 0 ${vars.space.lg}`,
  padding: vars.space.md,
  borderInlineStart: `4px solid ${vars.color.border}`,
  background: vars.color.surfaceSunken,
});

export const flagged = style({
  margin: `${vars.space.sm} 0 0`,
  paddingInlineStart: vars.space.lg,
});

globalStyle(`${flagged} li`, { marginBlock: vars.space.xs });

export const overdue = style({
  margin: `0 0 ${vars.space.lg}`,
});
