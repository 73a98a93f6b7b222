import { globalStyle, style } from '@vanilla-extract/css';
import { focusRingRule } from '../../styles/a11y.css';
import { textLinkBase, textLinkHover, textLinkVisited } from '../../styles/link.css';
import { barredBox, barredBoxPrint, barredBoxWithoutBackground } from '../../styles/shape.css';
import { forcedColours, narrowText, narrowTextInset, narrowTextListIndent } from '../../styles/media';
import { vars } from '../../theme/contract.css';
import { browserListMarkers } from '../../styles/lists.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

const phone = 'screen and (max-width: 479px)';

/**
 * A sunken panel with a thick accent rule on its leading edge: set apart from the prose by shape
 * (the rule, the panel) as well as colour, and still a boxed summary on paper.
 */
export const root = style({
  display: 'block',
  maxWidth: vars.measure,
  boxSizing: 'border-box',
  marginBlock: vars.space.xl,
  paddingBlock: vars.space.md,
  paddingInline: vars.space.lg,
  backgroundColor: vars.color.surfaceSunken,
  color: vars.color.text,
  ...barredBox(vars.color.accent),
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.md,
  lineHeight: vars.lineHeight.body,
  overflowWrap: 'break-word',
  '@media': {
    [phone]: { paddingInline: vars.space.md },
    [narrowText]: { paddingInline: narrowTextInset },
    print: {
      breakInside: 'avoid',
      // CanvasText below is black on paper, even from the dark theme.
      colorScheme: 'light',
      backgroundColor: 'transparent',
      color: 'CanvasText',
      ...barredBoxPrint,
    },
    // The sunken panel is gone in forced colours: the outline keeps the summary a box.
    [forcedColours]: barredBoxWithoutBackground,
  },
});

export const heading = style({
  margin: 0,
  color: vars.color.text,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.lg,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.heading,
  '@media': { print: { color: 'CanvasText' } },
});

export const body = style({
  marginBlockStart: vars.space.xs,
});

globalStyle(`${body} > :first-child`, { marginBlockStart: 0 });
globalStyle(`${body} > :last-child`, { marginBlockEnd: 0 });
globalStyle(`${body} > :where(p, ul, ol)`, { marginBlock: vars.space.xs });
globalStyle(`${body} :where(ul, ol)`, { paddingInlineStart: vars.space.lg, '@media': { [narrowText]: { paddingInlineStart: narrowTextListIndent } } });
browserListMarkers(body);
globalStyle(`${body} :where(li + li)`, { marginBlockStart: vars.space.xs });
globalStyle(`${body} a`, textLinkBase);
globalStyle(`${body} a:visited`, textLinkVisited);
globalStyle(`${body} a:hover`, textLinkHover);
globalStyle(`${body} a:focus-visible`, focusRingRule);
