import { globalStyle, style } from '@vanilla-extract/css';
import { focusRingRule } from '../../styles/a11y.css';
import { textLinkBase, textLinkHover, textLinkVisited } from '../../styles/link.css';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

export const root = style({
  display: 'block',
  maxWidth: vars.measure,
  marginBlock: vars.space.xl,
  marginInline: 0,
  '@media': { print: { breakInside: 'avoid' } },
});

/** Scales down to the column, keeping its proportions (width/height only reserve the space). */
// Every property a reset sets on img is set here too (Tailwind's preflight: block, middle), so the
// figure is the same with any reset; as a block, vertical-align changes nothing on screen.
export const image = style({ display: 'block', maxWidth: '100%', height: 'auto', verticalAlign: 'middle' });

export const caption = style({
  marginBlockStart: vars.space.sm,
  color: vars.color.text,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.body,
  overflowWrap: 'break-word',
});

export const credit = style({ fontSize: 'inherit', color: vars.color.textMuted });

globalStyle(`${caption} a`, textLinkBase);
globalStyle(`${caption} a:visited`, textLinkVisited);
globalStyle(`${caption} a:hover`, textLinkHover);
globalStyle(`${caption} a:focus-visible`, focusRingRule);
