/*
 * A boxed panel with a bar on its leading edge, for short flow content set apart from an article:
 * KeyPoints (a sunken panel, the accent bar) and WarningCallout (the caution tone). Only the three
 * colours differ; the shape, spacing, large-text, print and forced-colours rules are this one set.
 */
import { globalStyle, type StyleRule } from '@vanilla-extract/css';
import { vars } from '../theme/contract.css';
import { focusRingRule } from './a11y.css';
import { textLinkBase, textLinkHover, textLinkVisited } from './link.css';
import { browserListMarkers } from './lists.css';
import { forcedColours, narrowText, narrowTextInset, narrowTextListIndent } from './media';
import { barredBox, barredBoxPrint, barredBoxWithoutBackground } from './shape.css';

const phone = 'screen and (max-width: 479px)';

/** The panel box: `surface` behind `text`, the bar in `bar`. */
export function barredPanel({ surface, text, bar }: { surface: string; text: string; bar: string }): StyleRule {
  return {
    display: 'block',
    maxWidth: vars.measure,
    boxSizing: 'border-box',
    marginBlock: vars.space.xl,
    paddingBlock: vars.space.md,
    paddingInline: vars.space.lg,
    backgroundColor: surface,
    color: text,
    ...barredBox(bar),
    fontFamily: vars.font.body,
    fontSize: vars.fontSize.md,
    lineHeight: vars.lineHeight.body,
    overflowWrap: 'break-word',
    '@media': {
      [phone]: { paddingInline: vars.space.md },
      [narrowText]: { paddingInline: narrowTextInset },
      // On paper the surface goes and the text turns black, even from the dark theme; the bar stays.
      print: { breakInside: 'avoid', colorScheme: 'light', backgroundColor: 'transparent', color: 'CanvasText', ...barredBoxPrint },
      // The surface is gone in forced colours: the outline keeps the panel a box.
      [forcedColours]: barredBoxWithoutBackground,
    },
  };
}

/** The panel's heading, in the panel's text colour; capped by the screen's width at large text, so its words fit. */
export const panelHeading: StyleRule = {
  margin: 0,
  color: 'inherit',
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.lg,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.heading,
  textWrap: 'balance',
  '@media': { [narrowText]: { fontSize: `min(${vars.fontSize.lg}, 6.5vw)` } },
};

/** The flow inside the panel's body (the element with class `body`): paragraphs, lists and links. */
export function panelBodyRules(body: string): void {
  globalStyle(`${body} > :first-child`, { marginBlockStart: 0 });
  globalStyle(`${body} > :last-child`, { marginBlockEnd: 0 });
  globalStyle(`${body} > :where(p, ul, ol)`, { marginBlock: vars.space.xs });
  globalStyle(`${body} :where(ul, ol)`, { paddingInlineStart: vars.space.lg, '@media': { [narrowText]: { paddingInlineStart: narrowTextListIndent } } });
  browserListMarkers(body);
  globalStyle(`${body} a`, textLinkBase);
  globalStyle(`${body} a:visited`, textLinkVisited);
  globalStyle(`${body} a:hover`, textLinkHover);
  globalStyle(`${body} a:focus-visible`, focusRingRule);
}
