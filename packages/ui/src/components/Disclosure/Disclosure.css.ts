import { globalStyle, style } from '@vanilla-extract/css';
import { focusRingRule } from '../../styles/a11y.css';
import { textLinkBase, textLinkHover, textLinkVisited } from '../../styles/link.css';
import { barWidth } from '../../styles/shape.css';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

/**
 * Quiet but plain to see: small type in the byline's face, framed by a rule on its leading edge,
 * under a bold "Disclosure". Not a warning (nothing is wrong), just said up front.
 */
export const root = style({
  display: 'block',
  maxWidth: vars.measure,
  boxSizing: 'border-box',
  marginBlock: vars.space.md,
  paddingBlock: vars.space.xs,
  paddingInlineStart: vars.space.md,
  // A bar without a box (Foundations/Shape and tone): the shared width, square ends, no tone.
  borderInlineStart: `${barWidth} solid ${vars.color.borderStrong}`,
  color: vars.color.text,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.body,
  overflowWrap: 'break-word',
  '@media': {
    print: { colorScheme: 'light', color: 'CanvasText', borderInlineStartColor: 'CanvasText' },
  },
});

export const heading = style({
  margin: 0,
  fontWeight: vars.fontWeight.bold,
});

export const body = style({
  color: vars.color.text,
});

globalStyle(`${body} > p`, { margin: 0 });
globalStyle(`${body} > p + p`, { marginBlockStart: vars.space.xs });
globalStyle(`${body} a`, textLinkBase);
globalStyle(`${body} a:visited`, textLinkVisited);
globalStyle(`${body} a:hover`, textLinkHover);
globalStyle(`${body} a:focus-visible`, focusRingRule);
