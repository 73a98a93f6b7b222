import { style } from '@vanilla-extract/css';
import { textLinkBase, textLinkSelectors } from '../../styles/link.css';
import { controlRadius, outlinedBox } from '../../styles/shape.css';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

/**
 * The marker sits on the baseline and is lifted with `top`, not `vertical-align: super`, so a
 * cited line keeps the same line height as its neighbours (no uneven gaps in the paragraph).
 */
/**
 * Every marker names itself the preview's anchor, scoped to its own subtree, so each card is
 * placed by its own marker. The placement is ours, not the browser's implicit anchor of an
 * interest invoker (which moved the card between two Chromium 156 builds).
 */
const previewAnchor = '--cited-citation';

export const root = style({
  anchorName: previewAnchor,
  anchorScope: previewAnchor,
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
  // No margin before the marker: it sits right after the sentence's full stop, as in print.
  scrollMarginTop: vars.space.xxl,
  borderRadius: controlRadius,
  selectors: {
    // Arriving from a reference's "Back to citation" link: show where the reader is.
    '&:target': {
      backgroundColor: vars.color.tone.info.surface,
      outline: `2px solid ${vars.color.tone.info.border}`,
      outlineOffset: '1px',
    },
  },
});

/** The comma between the links of a group, e.g. "1,2". */
export const separator = style({
  color: vars.color.textMuted,
});

/** A pinpoint after the number, "3, p. 12": quieter than the link, never a link itself. */
export const locator = style({
  color: vars.color.textMuted,
  fontWeight: vars.fontWeight.regular,
});

/** Where neighbouring links' hit areas meet: the middle of the comma between them. */
const halfSeparator = '0.15em';

export const link = style({
  ...textLinkBase,
  position: 'relative',
  selectors: {
    ...textLinkSelectors,
    // An invisible hit area of at least 24 × 24 px (WCAG 2.5.8) centred on the digits, so the
    // marker can hug the full stop without being hard to tap and without changing the layout.
    // (Percentages are of the link's box: 50% - 12px off each side leaves 24px, or more.)
    '&::after': {
      content: '""',
      position: 'absolute',
      insetBlock: 'min(0px, calc(50% - 12px))',
      insetInline: 'min(0px, calc(50% - 12px))',
    },
    // In a group ("1,2") neighbouring hit areas must not overlap, or tapping the right half of
    // "1" would open reference 2: on the sides facing a comma they stop at its middle.
    [`&:has(+ ${separator})::after`]: { insetInlineEnd: `-${halfSeparator}` },
    [`${separator} + &::after`]: { insetInlineStart: `-${halfSeparator}` },
  },
});

/**
 * The preview card. It is a `popover="hint"`: hidden until the link shows interest (hover,
 * keyboard focus, long-press), then placed in the top layer under its own marker by explicit
 * anchor positioning (`position-anchor`, not the invoker's implicit anchor). It opens below the
 * marker: the claim a marker supports ends at the marker, so a card above would cover the very
 * sentence being checked (on a phone, several of its lines). Only when there is no room below does
 * it flip above. Horizontally it centres on the marker and slides to stay inside the viewport
 * (`position-area: bottom` spans the viewport's width, aligned `anchor-center`). Browsers
 * without interest invokers (Firefox, Safari) never open it: the link goes to the reference, and
 * screen readers hear the preview as the link's description.
 * Everything the <sup> sets is reset so the card reads as normal text.
 */
export const preview = style({
  display: 'none',
  position: 'fixed',
  positionAnchor: previewAnchor,
  positionArea: 'bottom',
  positionTryFallbacks: 'flip-block',
  margin: vars.space.xs,
  inset: 'auto',
  boxSizing: 'border-box',
  width: 'max-content',
  maxWidth: `min(32ch, calc(100vw - 2 * ${vars.space.sm}))`,
  padding: `${vars.space.xs} ${vars.space.sm}`,
  // A neutral outlined box (Foundations/Shape and tone): a preview carries no tone.
  ...outlinedBox(),
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
  // A long DOI breaks where it would overflow; words that fit a line stay whole.
  overflowWrap: 'break-word',
  selectors: {
    '&:popover-open': { display: 'block' },
  },
  // A preview left open never prints over the text: the reference list is on the page.
  '@media': { print: { selectors: { '&:popover-open': { display: 'none' } } } },
});
