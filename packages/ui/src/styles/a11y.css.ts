import { style, type StyleRule } from '@vanilla-extract/css';
import { controlRadius } from './shape.css';
import { vars } from '../theme/contract.css';

/** Hidden on screen, read by screen readers (e.g. "Study:" before a callout's title). */
export const visuallyHidden = style({
  position: 'absolute',
  width: '1px',
  height: '1px',
  padding: 0,
  margin: '-1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
});

/**
 * The one focus indicator every interactive element uses: a 3px ring in `focusRing` with an
 * offset, so it stays visible on any surface (WCAG 2.2 focus appearance). Spread into a
 * `selectors` block: `selectors: { '&:focus-visible': focusRingRule }`.
 */
export const focusRingRule: StyleRule = {
  outline: `3px solid ${vars.color.focusRing}`,
  outlineOffset: '2px',
  borderRadius: controlRadius,
};
