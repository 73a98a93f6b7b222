import { style } from '@vanilla-extract/css';
import { textLinkRule } from '../../styles/link.css';
import { barredBox, barredBoxPrint, barredBoxWithoutBackground } from '../../styles/shape.css';
import { forcedColours } from '../../styles/media';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

/** The byline: small, in the interface face, under the article's title. */
export const root = style({
  display: 'block',
  maxWidth: vars.measure,
  marginBlock: vars.space.md,
  color: vars.color.text,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.body,
  overflowWrap: 'break-word',
  '@media': { print: { colorScheme: 'light', color: 'CanvasText' } },
});

export const line = style({ margin: 0 });

/** Dates read second to the names: muted, on one line that wraps between its parts. */
export const dates = style({
  display: 'flex',
  flexWrap: 'wrap',
  columnGap: vars.space.md,
  margin: 0,
  color: vars.color.textMuted,
  '@media': { print: { color: 'CanvasText' } },
});

/**
 * One "label date" part of the dates row. It may shrink below its content in the flex row (an
 * empty style emits no CSS, and a class a page uses must exist in the stylesheet).
 */
export const date = style({ minWidth: 0 });

/** "10 January 2026" never breaks inside; at 200% text the label may wrap before it. */
export const time = style({ whiteSpace: 'nowrap' });

export const personName = style({ fontWeight: vars.fontWeight.bold });

export const personLink = style(textLinkRule);

/**
 * "Not medically reviewed", "due for review": a box with the caution bar on its leading edge and
 * bold first words, so it reads as a warning without its colour (and on paper).
 */
export const notice = style({
  marginBlockStart: vars.space.sm,
  marginBlockEnd: 0,
  paddingBlock: vars.space.xs,
  paddingInline: vars.space.sm,
  backgroundColor: vars.color.tone.caution.surface,
  color: vars.color.tone.caution.text,
  ...barredBox(vars.color.tone.caution.border),
  '@media': {
    print: { backgroundColor: 'transparent', color: 'CanvasText', ...barredBoxPrint },
    [forcedColours]: barredBoxWithoutBackground,
  },
});

export const noticeLead = style({
  fontWeight: vars.fontWeight.bold,
});
