import { createVar, globalStyle, style } from '@vanilla-extract/css';
import { recipe } from '@vanilla-extract/recipes';
import { focusRingRule } from '../../styles/a11y.css';
import { boxRadius, controlRadius, markRadius } from '../../styles/shape.css';
import { narrowText, narrowTextInset, narrowTextListIndent } from '../../styles/media';
import { vars } from '../../theme/contract.css';
import { browserListMarkers } from '../../styles/lists.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

/** The level's colours, set once by the root variant and read by every part of the card. */
const outline = createVar();
const band = createVar();
const onBand = createVar();
const surface = createVar();
const text = createVar();
const link = createVar();
/** The outline's width, so the band's corners can sit just inside the card's. */
const outlineWidth = createVar();

const touchTarget = '44px';
const phone = 'screen and (max-width: 479px)';

function level(name: 'nonUrgent' | 'urgent' | 'emergency', borderWidth: string) {
  return {
    borderWidth,
    vars: {
      [outlineWidth]: borderWidth,
      [outline]: vars.color.care[name].band,
      [band]: vars.color.care[name].band,
      [onBand]: vars.color.care[name].onBand,
      [surface]: vars.color.care[name].surface,
      [text]: vars.color.care[name].text,
      [link]: vars.color.care[name].link,
    },
  };
}

/**
 * The card. Its level shows three ways besides colour: the outline's weight (2px non-urgent, 4px
 * urgent and emergency), a "!" mark in the band (urgent, emergency), and the emergency card's
 * inverted body. On paper, where backgrounds do not print, all text turns black and the emergency
 * card takes a double outline instead.
 */
export const root = recipe({
  base: {
    display: 'block',
    maxWidth: vars.measure,
    boxSizing: 'border-box',
    marginBlock: vars.space.xl,
    borderStyle: 'solid',
    borderColor: outline,
    // The shared box corners (Foundations/Shape and tone). The level's colour is the card's edge
    // (its outline), thickened at the top into the band that holds the heading, as on NHS.UK.
    borderRadius: boxRadius,
    backgroundColor: surface,
    color: text,
    fontFamily: vars.font.body,
    fontSize: vars.fontSize.md,
    lineHeight: vars.lineHeight.body,
    overflowWrap: 'break-word',
    '@media': {
      print: {
        breakInside: 'avoid',
        // System colours below resolve as on paper (black on white), even from the dark theme.
        colorScheme: 'light',
        vars: {
          [outline]: 'CanvasText',
          [band]: 'transparent',
          [onBand]: 'CanvasText',
          [surface]: 'transparent',
          [text]: 'CanvasText',
          [link]: 'CanvasText',
        },
      },
    },
  },
  variants: {
    level: {
      'non-urgent': level('nonUrgent', '2px'),
      urgent: level('urgent', '4px'),
      emergency: {
        ...level('emergency', '4px'),
        '@media': { print: { borderStyle: 'double', borderWidth: '6px' } },
      },
    },
  },
});

/** The heading band, with the NHS.UK arrow pointing from the heading into the advice. */
export const headingBand = style({
  position: 'relative',
  display: 'flex',
  alignItems: 'flex-start',
  gap: vars.space.sm,
  paddingBlock: vars.space.sm,
  paddingInline: vars.space.lg,
  backgroundColor: band,
  color: onBand,
  borderStartStartRadius: `calc(${boxRadius} - ${outlineWidth})`,
  borderStartEndRadius: `calc(${boxRadius} - ${outlineWidth})`,
  // Invisible on screen; forced-colours mode and print draw it, so the band stays a band.
  borderBlockEnd: '2px solid transparent',
  '::after': {
    content: '""',
    position: 'absolute',
    insetBlockStart: '100%',
    insetInlineStart: vars.space.lg,
    width: 0,
    height: 0,
    borderInline: '12px solid transparent',
    borderBlockStart: `12px solid ${band}`,
  },
  '@media': {
    [phone]: { paddingInline: vars.space.md },
    [narrowText]: { paddingInline: narrowTextInset },
    print: {
      borderBlockEndColor: 'CanvasText',
      selectors: { '&::after': { display: 'none' } },
    },
    '(forced-colors: active)': {
      selectors: { '&::after': { display: 'none' } },
    },
  },
});

/** "!" in a ring: a mark of urgency that needs no colour. Hidden from screen readers (the prefix says it). */
export const urgencyMark = style({
  display: 'inline-flex',
  flexShrink: 0,
  alignItems: 'center',
  justifyContent: 'center',
  boxSizing: 'border-box',
  width: '1.6em',
  height: '1.6em',
  marginBlockStart: '0.05em',
  border: `2px solid ${onBand}`,
  borderRadius: markRadius,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.md,
  fontWeight: vars.fontWeight.bold,
  lineHeight: 1,
});

export const heading = style({
  // Beside the mark, the heading may shrink below its longest word (its own min-content) to fit
  // the band; only a word wider than the whole remaining line then breaks (overflow-wrap below).
  minWidth: 0,
  margin: 0,
  color: onBand,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.lg,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.heading,
  textWrap: 'balance',
  // Capped by the screen's width where text is large for it, so each word fits beside the mark.
  '@media': { [narrowText]: { fontSize: `min(${vars.fontSize.lg}, 6.5vw)` } },
});

export const content = style({
  paddingBlockStart: vars.space.lg,
  paddingBlockEnd: vars.space.md,
  paddingInline: vars.space.lg,
  '@media': {
    [phone]: { paddingInline: vars.space.md },
    [narrowText]: { paddingInline: narrowTextInset },
  },
});

export const action = style({
  selectors: {
    // Set apart from the advice above it (outranks the paragraph spacing below).
    [`${content} > &`]: { marginBlockStart: vars.space.md },
  },
});

/**
 * "Call 999": the one thing to do now, large and outlined, at least 44px tall. A real tel: link,
 * so a phone dials it without JavaScript.
 */
export const callLink = style({
  display: 'inline-flex',
  alignItems: 'center',
  minHeight: touchTarget,
  boxSizing: 'border-box',
  paddingBlock: vars.space.xs,
  paddingInline: vars.space.md,
  border: `2px solid ${link}`,
  borderRadius: controlRadius,
  color: link,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.lg,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.heading,
  textDecorationLine: 'underline',
  textDecorationThickness: '2px',
  textUnderlineOffset: '0.18em',
  selectors: {
    '&:hover': { textDecorationThickness: '3px' },
    '&:focus-visible': focusRingRule,
  },
});

/** The same words, when the number cannot be dialled. */
export const callText = style({
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.lg,
  fontWeight: vars.fontWeight.bold,
});

// The advice itself: paragraphs and lists as written in the article.
globalStyle(`${content} > :first-child`, { marginBlockStart: 0 });
globalStyle(`${content} > :last-child`, { marginBlockEnd: 0 });
globalStyle(`${content} > :where(p, ul, ol)`, { marginBlock: vars.space.sm });
globalStyle(`${content} :is(ul, ol)`, { paddingInlineStart: vars.space.lg, '@media': { [narrowText]: { paddingInlineStart: narrowTextListIndent } } });
browserListMarkers(content);
globalStyle(`${content} li + li`, { marginBlockStart: vars.space.xxs });
// Links in the advice keep the card's link colour: on the emergency card's dark body, a light one.
globalStyle(`${content} a:not(${callLink})`, {
  color: link,
  textDecorationLine: 'underline',
  textDecorationThickness: '1px',
  textUnderlineOffset: '0.18em',
});
globalStyle(`${content} a:not(${callLink}):hover`, { textDecorationThickness: '2px' });
globalStyle(`${content} a:not(${callLink}):focus-visible`, focusRingRule);
