import { style } from '@vanilla-extract/css';
import { focusRingRule } from '../../styles/a11y.css';
import { vars } from '../../theme/contract.css';

/**
 * The marker sits on the baseline and is lifted with `top`, not `vertical-align: super`, so a
 * cited line keeps the same line height as its neighbours (no uneven gaps in the paragraph).
 */
export const root = style({
  position: 'relative',
  top: '-0.55em',
  verticalAlign: 'baseline',
  lineHeight: 0,
  fontFamily: vars.font.ui,
  fontSize: '0.7em',
  fontWeight: vars.fontWeight.medium,
  // Tabular figures keep 12 and 30 as wide as 18 and 88: two-digit markers look even.
  fontVariantNumeric: 'tabular-nums lining-nums',
  whiteSpace: 'nowrap',
  marginInlineStart: '0.1em',
  scrollMarginTop: vars.space.xxl,
  borderRadius: vars.radius.sm,
  selectors: {
    // Arriving from a reference's "Back to citation" link: show where the reader is.
    '&:target': {
      backgroundColor: vars.color.tone.info.surface,
      outline: `2px solid ${vars.color.tone.info.border}`,
      outlineOffset: '1px',
    },
  },
});

export const link = style({
  position: 'relative',
  paddingInline: '0.1em',
  color: vars.color.link,
  textDecorationLine: 'underline',
  textDecorationThickness: '1px',
  textUnderlineOffset: '0.15em',
  selectors: {
    '&:visited': { color: vars.color.linkVisited },
    '&:hover': { color: vars.color.linkHover, textDecorationThickness: '2px' },
    '&:focus-visible': focusRingRule,
    // A larger, invisible hit area for fingers, without changing the line's layout.
    '&::after': {
      content: '""',
      position: 'absolute',
      inset: '-0.6em -0.1em',
    },
  },
});

export const separator = style({
  color: vars.color.textMuted,
});

/**
 * The preview card. It is a `popover="hint"`: hidden until the link shows interest (hover,
 * keyboard focus, long-press), then placed in the top layer above the marker with anchor
 * positioning (the invoker is its implicit anchor), flipping below when there is no room.
 * Everything the <sup> sets is reset so the card reads as normal text.
 */
export const preview = style({
  display: 'none',
  position: 'fixed',
  positionArea: 'top',
  positionTryFallbacks: 'flip-block',
  margin: vars.space.xs,
  inset: 'auto',
  boxSizing: 'border-box',
  width: 'max-content',
  maxWidth: `min(32ch, calc(100vw - 2 * ${vars.space.sm}))`,
  padding: `${vars.space.xs} ${vars.space.sm}`,
  border: `1px solid ${vars.color.border}`,
  borderRadius: vars.radius.md,
  backgroundColor: vars.color.surfaceRaised,
  boxShadow: vars.shadow.md,
  color: vars.color.text,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  fontWeight: vars.fontWeight.regular,
  fontStyle: 'normal',
  fontVariantNumeric: 'normal',
  lineHeight: vars.lineHeight.heading,
  letterSpacing: 'normal',
  textAlign: 'start',
  whiteSpace: 'normal',
  overflowWrap: 'anywhere',
  selectors: {
    '&:popover-open': { display: 'block' },
  },
});
