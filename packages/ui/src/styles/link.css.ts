import type { StyleRule } from '@vanilla-extract/css';
import { vars } from '../theme/contract.css';
import { focusRingRule } from './a11y.css';

/**
 * The one text-link look every component shares: always underlined (colour alone is not
 * enough, WCAG 1.4.1), visited distinct, a thicker underline on hover, the shared focus ring.
 * Parts are exported for places that style links by element selector (Prose's globalStyle).
 */
export const textLinkBase = {
  color: vars.color.link,
  textDecorationLine: 'underline',
  textDecorationThickness: '1px',
  textUnderlineOffset: '0.18em',
} satisfies StyleRule;

export const textLinkVisited = { color: vars.color.linkVisited } satisfies StyleRule;
export const textLinkHover = { color: vars.color.linkHover, textDecorationThickness: '2px' } satisfies StyleRule;

export const textLinkSelectors = {
  '&:visited': textLinkVisited,
  '&:hover': textLinkHover,
  '&:focus-visible': focusRingRule,
};

/** Spread into a style: `style({ ...textLinkRule, selectors: { ...textLinkSelectors, … } })`. */
export const textLinkRule = { ...textLinkBase, selectors: textLinkSelectors } satisfies StyleRule;
