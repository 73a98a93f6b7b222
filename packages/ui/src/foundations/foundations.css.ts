/*
 * Styles for the Storybook foundations pages only (not exported from @cited/ui). They use the
 * theme contract like any component, so the pages follow the toolbar's light/dark switch.
 */
import { globalStyle, style, styleVariants } from '@vanilla-extract/css';
import { focusRingRule } from '../styles/a11y.css';
import { vars } from '../theme/contract.css';

export const page = style({
  fontFamily: vars.font.ui,
  color: vars.color.text,
  maxWidth: '72rem',
});

export const title = style({
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.xxl,
  lineHeight: vars.lineHeight.tight,
  fontWeight: vars.fontWeight.bold,
  margin: `0 0 ${vars.space.sm}`,
});

export const heading = style({
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.xl,
  lineHeight: vars.lineHeight.heading,
  fontWeight: vars.fontWeight.bold,
  margin: `${vars.space.xxl} 0 ${vars.space.md}`,
});

export const subheading = style({
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.lg,
  lineHeight: vars.lineHeight.heading,
  fontWeight: vars.fontWeight.bold,
  margin: `${vars.space.lg} 0 ${vars.space.xs}`,
});

export const lede = style({
  fontSize: vars.fontSize.md,
  lineHeight: vars.lineHeight.body,
  color: vars.color.textMuted,
  maxWidth: vars.measure,
  margin: `0 0 ${vars.space.lg}`,
});

export const note = style({
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.body,
  color: vars.color.textMuted,
  maxWidth: vars.measure,
});

// Code in the foundations' prose and tables looks as in every docs table.
export { code } from '../docs/table.css';

/** A theme's own panel: painted with that theme's surface, so both themes show side by side. */
export const themePanel = style({
  backgroundColor: vars.color.surface,
  color: vars.color.text,
  border: `1px solid ${vars.color.border}`,
  borderRadius: vars.radius.lg,
  padding: vars.space.lg,
  marginBlock: vars.space.lg,
  '@media': {
    'screen and (max-width: 480px)': { padding: vars.space.sm },
  },
});

globalStyle(`${themePanel} > h2:first-child`, { marginBlockStart: 0 });

export const swatchGrid = style({
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 16.5rem), 1fr))',
  gap: vars.space.sm,
  listStyle: 'none',
  padding: 0,
  margin: 0,
});

export const swatchItem = style({
  display: 'flex',
  alignItems: 'center',
  gap: vars.space.sm,
  minWidth: 0,
});

export const swatchChip = style({
  flex: 'none',
  width: '2.75rem',
  height: '2.75rem',
  borderRadius: vars.radius.md,
  // The chip may match the panel it sits on; the strong border keeps every chip visible.
  border: `1px solid ${vars.color.borderStrong}`,
});

export const swatchText = style({
  display: 'flex',
  flexDirection: 'column',
  minWidth: 0,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.heading,
});

export const numeric = style({
  fontVariantNumeric: 'tabular-nums',
  whiteSpace: 'nowrap',
});

/** A specimen of a text pair: the foreground drawn on the background, at body size. */
export const pairSample = style({
  display: 'inline-block',
  padding: `${vars.space.xxs} ${vars.space.xs}`,
  borderRadius: vars.radius.sm,
  fontSize: vars.fontSize.md,
  whiteSpace: 'nowrap',
});

/** A specimen of a non-text pair (borders, focus ring): a 3px line on the background. */
export const pairLineSample = style({
  display: 'inline-block',
  padding: vars.space.xs,
  borderRadius: vars.radius.sm,
});

globalStyle(`${pairLineSample} > span`, {
  display: 'block',
  width: '4.5rem',
  height: '1.25rem',
  borderRadius: vars.radius.sm,
  borderWidth: '3px',
  borderStyle: 'solid',
});

const badgeBase = style({
  display: 'inline-block',
  padding: `0 ${vars.space.xs}`,
  borderRadius: vars.radius.pill,
  borderWidth: '1px',
  borderStyle: 'solid',
  fontWeight: vars.fontWeight.bold,
  fontSize: vars.fontSize.xs,
  lineHeight: 1.6,
  whiteSpace: 'nowrap',
});

export const badge = styleVariants({
  pass: [
    badgeBase,
    {
      backgroundColor: vars.color.tone.finding.surface,
      color: vars.color.tone.finding.text,
      borderColor: vars.color.tone.finding.border,
    },
  ],
  fail: [
    badgeBase,
    {
      backgroundColor: vars.color.tone.caution.surface,
      color: vars.color.tone.caution.text,
      borderColor: vars.color.tone.caution.border,
    },
  ],
  level: [
    badgeBase,
    {
      backgroundColor: vars.color.tone.info.surface,
      color: vars.color.tone.info.text,
      borderColor: vars.color.tone.info.border,
    },
  ],
});

export const specimenList = style({
  listStyle: 'none',
  padding: 0,
  margin: 0,
  display: 'grid',
  gap: vars.space.md,
});

export const specimenRow = style({
  display: 'grid',
  gridTemplateColumns: 'minmax(9rem, 12rem) minmax(0, 1fr)',
  alignItems: 'baseline',
  gap: vars.space.md,
  paddingBlockEnd: vars.space.sm,
  borderBottom: `1px solid ${vars.color.border}`,
  '@media': {
    'screen and (max-width: 600px)': { gridTemplateColumns: 'minmax(0, 1fr)', gap: vars.space.xxs },
  },
});

export const specimenMeta = style({
  display: 'flex',
  flexDirection: 'column',
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.heading,
  color: vars.color.textMuted,
});

export const specimenName = style({
  fontFamily: vars.font.mono,
  color: vars.color.text,
  fontWeight: vars.fontWeight.bold,
});

export const specimenSample = style({
  minWidth: 0,
  overflowWrap: 'anywhere',
});

export const measureSample = style({
  maxWidth: vars.measure,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.md,
  lineHeight: vars.lineHeight.body,
  borderInline: `1px dashed ${vars.color.borderStrong}`,
  paddingInline: vars.space.xs,
});

export const spaceBar = style({
  display: 'block',
  height: '1.25rem',
  minWidth: '1px',
  backgroundColor: vars.color.accent,
  borderRadius: vars.radius.sm,
});

export const tileGrid = style({
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(10rem, 1fr))',
  gap: vars.space.lg,
  listStyle: 'none',
  padding: 0,
  margin: 0,
});

export const tile = style({
  display: 'flex',
  flexDirection: 'column',
  justifyContent: 'flex-end',
  gap: vars.space.xxs,
  minHeight: '7rem',
  padding: vars.space.sm,
  backgroundColor: vars.color.surfaceRaised,
  border: `1px solid ${vars.color.borderStrong}`,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.heading,
});

export const radiusItem = style({
  display: 'flex',
  flexDirection: 'column',
  gap: vars.space.xxs,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.heading,
});

export const radiusShape = style({
  width: '100%',
  height: '4rem',
  marginBlockEnd: vars.space.xs,
  backgroundColor: vars.color.surfaceRaised,
  border: `2px solid ${vars.color.borderStrong}`,
});

export const shadowTile = style([tile, { border: `1px solid ${vars.color.border}`, borderRadius: vars.radius.md }]);

export const motionTrack = style({
  position: 'relative',
  height: '2.5rem',
  maxWidth: '24rem',
  marginBlock: vars.space.sm,
  backgroundColor: vars.color.surfaceSunken,
  border: `1px solid ${vars.color.border}`,
  borderRadius: vars.radius.pill,
});

export const motionDot = style({
  position: 'absolute',
  insetBlockStart: '0.25rem',
  insetInlineStart: '0.25rem',
  width: '2rem',
  height: '2rem',
  borderRadius: vars.radius.pill,
  backgroundColor: vars.color.accent,
  transitionProperty: 'inset-inline-start',
  transitionDuration: vars.motion.duration.normal,
  transitionTimingFunction: vars.motion.easing,
});

export const motionDotMoved = style({
  insetInlineStart: 'calc(100% - 2.25rem)',
});

export const button = style({
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  fontWeight: vars.fontWeight.bold,
  minHeight: '2.75rem',
  padding: `${vars.space.xs} ${vars.space.md}`,
  color: vars.color.textOnAccent,
  backgroundColor: vars.color.accent,
  border: 'none',
  borderRadius: vars.radius.md,
  cursor: 'pointer',
  selectors: {
    '&:focus-visible': focusRingRule,
  },
});
