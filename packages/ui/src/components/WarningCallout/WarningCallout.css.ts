import { globalStyle, style } from '@vanilla-extract/css';
import { focusRingRule } from '../../styles/a11y.css';
import { textLinkBase, textLinkHover, textLinkVisited } from '../../styles/link.css';
import { browserListMarkers } from '../../styles/lists.css';
import { barredBox, barredBoxPrint, barredBoxWithoutBackground } from '../../styles/shape.css';
import { forcedColours, narrowText, narrowTextInset, narrowTextListIndent } from '../../styles/media';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

const phone = 'screen and (max-width: 479px)';

/**
 * The caution surface with the caution bar on its leading edge: the tone's colour appears once,
 * in the bar (Foundations/Shape and tone); the heading's word "Important" says it without colour.
 */
export const root = style({
  display: 'block',
  maxWidth: vars.measure,
  boxSizing: 'border-box',
  marginBlock: vars.space.xl,
  paddingBlock: vars.space.md,
  paddingInline: vars.space.lg,
  backgroundColor: vars.color.tone.caution.surface,
  color: vars.color.tone.caution.text,
  ...barredBox(vars.color.tone.caution.border),
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.md,
  lineHeight: vars.lineHeight.body,
  overflowWrap: 'break-word',
  '@media': {
    [phone]: { paddingInline: vars.space.md },
    [narrowText]: { paddingInline: narrowTextInset },
    print: { breakInside: 'avoid', colorScheme: 'light', backgroundColor: 'transparent', color: 'CanvasText', ...barredBoxPrint },
    // Its caution tint is gone in forced colours: the outline keeps it a box.
    [forcedColours]: barredBoxWithoutBackground,
  },
});

export const heading = style({
  margin: 0,
  color: 'inherit',
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.lg,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.heading,
  textWrap: 'balance',
  '@media': { [narrowText]: { fontSize: `min(${vars.fontSize.lg}, 6.5vw)` } },
});

export const body = style({ marginBlockStart: vars.space.xs });

globalStyle(`${body} > :first-child`, { marginBlockStart: 0 });
globalStyle(`${body} > :last-child`, { marginBlockEnd: 0 });
globalStyle(`${body} > :where(p, ul, ol)`, { marginBlock: vars.space.xs });
globalStyle(`${body} :where(ul, ol)`, { paddingInlineStart: vars.space.lg, '@media': { [narrowText]: { paddingInlineStart: narrowTextListIndent } } });
browserListMarkers(body);
globalStyle(`${body} a`, textLinkBase);
globalStyle(`${body} a:visited`, textLinkVisited);
globalStyle(`${body} a:hover`, textLinkHover);
globalStyle(`${body} a:focus-visible`, focusRingRule);
