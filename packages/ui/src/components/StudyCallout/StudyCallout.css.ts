import { createVar, globalStyle, style } from '@vanilla-extract/css';
import { recipe } from '@vanilla-extract/recipes';
import { barredBox, barredBoxWithoutBackground, markRadius } from '../../styles/shape.css';
import { forcedColours, narrowText, narrowTextInset } from '../../styles/media';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

/** The tone's colours, set once by the root variant: the surface, the text, and the bar. */
const toneSurface = createVar();
const toneBorder = createVar();
const toneText = createVar();

function tone(name: 'finding' | 'caution' | 'info') {
  return {
    vars: {
      [toneSurface]: vars.color.tone[name].surface,
      [toneBorder]: vars.color.tone[name].border,
      [toneText]: vars.color.tone[name].text,
    },
  };
}

export const root = recipe({
  base: {
    display: 'block',
    // A reading component: never wider than the article's measure, even outside Prose.
    maxWidth: vars.measure,
    boxSizing: 'border-box',
    marginBlock: vars.space.xl,
    paddingBlock: vars.space.lg,
    paddingInline: vars.space.lg,
    backgroundColor: toneSurface,
    color: toneText,
    // The tone's one appearance: the bar (Foundations/Shape and tone). Everything inside is text colour.
    ...barredBox(toneBorder),
    fontFamily: vars.font.body,
    fontSize: vars.fontSize.md,
    lineHeight: vars.lineHeight.body,
    overflowWrap: 'break-word',
    // The facts line adapts to the callout's own width (an article column, a sidebar, a phone).
    containerType: 'inline-size',
    '@media': {
      // Phones: the box uses the full column, with a little less padding.
      'screen and (max-width: 479px)': {
        paddingInline: vars.space.md,
      },
      [narrowText]: { paddingInline: narrowTextInset },
      // No tinted surface on paper or in forced colours: the bar stays and an outline keeps the box.
      // On paper its text turns black, even from the dark theme (whose light text would vanish).
      print: { breakInside: 'avoid', colorScheme: 'light', backgroundColor: 'transparent', color: 'CanvasText', ...barredBoxWithoutBackground },
      [forcedColours]: barredBoxWithoutBackground,
    },
  },
  variants: {
    tone: {
      finding: tone('finding'),
      caution: tone('caution'),
      info: tone('info'),
    },
  },
  defaultVariants: { tone: 'finding' },
});

export const heading = style({
  margin: 0,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.md,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.heading,
  color: 'inherit',
  textWrap: 'balance',
  '@media': { [narrowText]: { fontSize: `min(${vars.fontSize.md}, 6.5vw)` } },
});

/** The key figure, e.g. "44.5%": the first thing a reader's eye lands on. */
export const figure = style({
  margin: 0,
  marginBlockStart: vars.space.xs,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.xxxl,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.tight,
  fontVariantNumeric: 'tabular-nums lining-nums',
  letterSpacing: '-0.01em',
  color: 'inherit',
});

export const body = style({
  marginBlockStart: vars.space.xs,
});

globalStyle(`${body} > p`, { margin: 0 });
globalStyle(`${body} > p + p`, { marginBlockStart: vars.space.xs });

/** Sample size, design, journal and citation: one quiet line of facts under the finding. */
export const facts = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'baseline',
  columnGap: vars.space.sm,
  rowGap: vars.space.xxs,
  margin: 0,
  marginBlockStart: vars.space.md,
  paddingBlockStart: vars.space.sm,
  borderBlockStart: '1px solid currentColor',
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.heading,
  '@container': {
    // Too narrow for one line: one fact per line, rather than a dot stranded at a line start.
    '(max-width: 36rem)': {
      flexDirection: 'column',
      rowGap: vars.space.xxs,
    },
  },
});

export const fact = style({
  display: 'flex',
  alignItems: 'baseline',
  gap: vars.space.xs,
  selectors: {
    // A small dot between facts, drawn (not typed) so screen readers do not read it out. Drawn
    // by its border, not a background, so it stays on paper and in forced colours.
    '& + &::before': {
      content: '""',
      alignSelf: 'center',
      flexShrink: 0,
      boxSizing: 'border-box',
      width: '4px',
      height: '4px',
      marginInlineEnd: vars.space.xxs,
      border: '2px solid currentColor',
      borderRadius: markRadius,
    },
  },
  '@container': {
    '(max-width: 36rem)': {
      selectors: {
        '& + &::before': { display: 'none' },
      },
    },
  },
});

/** "Source⁸": a label followed only by a citation marker hugs it, as a claim's last word does. */
export const citationOnlyFact = style({ columnGap: 0 });

export const factLabel = style({
  margin: 0,
});

export const factValue = style({
  margin: 0,
});

export const sampleSize = style({
  fontVariantNumeric: 'tabular-nums',
  fontWeight: vars.fontWeight.bold,
  whiteSpace: 'nowrap',
});

/** A `detail` figure's label, "Dose:", shown before its value in the facts list. */
export const detailLabel = style({
  margin: 0,
  '::after': { content: '":"' },
});

export const detailValue = style({
  margin: 0,
  fontWeight: vars.fontWeight.bold,
  fontVariantNumeric: 'tabular-nums',
});

/** The certainty sentence and scale: between the finding and the facts. */
export const certainty = style({
  marginBlockStart: vars.space.sm,
});

export const certaintyStatement = style({
  margin: 0,
  fontWeight: vars.fontWeight.bold,
});

export const certaintyScale = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: vars.space.xs,
  margin: 0,
  marginBlockStart: vars.space.xxs,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
});

export const certaintyMarks = style({
  display: 'inline-flex',
  gap: vars.space.xxs,
  // The marks' CanvasText is black on paper, even from the dark theme.
  '@media': { print: { colorScheme: 'light' } },
});

/**
 * One step of the scale: a ring, or a disc when filled. The disc is also a border as thick as the
 * radius, so it stays filled on paper (no backgrounds) and in forced colours.
 */
export const certaintyMark = recipe({
  base: {
    display: 'inline-block',
    width: '0.875em',
    height: '0.875em',
    boxSizing: 'border-box',
    borderRadius: markRadius,
    borderStyle: 'solid',
    borderColor: 'currentColor',
    '@media': {
      'print, (forced-colors: active)': { borderColor: 'CanvasText' },
    },
  },
  variants: {
    filled: {
      true: { borderWidth: '0.4375em', backgroundColor: 'currentColor' },
      false: { borderWidth: '2px' },
    },
  },
});

/** What a known study design means, in one plain sentence under the facts. */
export const designNote = style({
  margin: 0,
  marginBlockStart: vars.space.xs,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.sm,
  lineHeight: vars.lineHeight.body,
});
