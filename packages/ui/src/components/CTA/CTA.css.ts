import { createVar, globalStyle, style } from '@vanilla-extract/css';
import { recipe } from '@vanilla-extract/recipes';
import { focusRingRule } from '../../styles/a11y.css';
import { textLinkBase, textLinkHover, textLinkVisited } from '../../styles/link.css';
import { barredBox, barredBoxWithoutBackground, controlRadius } from '../../styles/shape.css';
import { forcedColours } from '../../styles/media';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

/** WCAG 2.2 target size, and Apple/Google's own minimum for a comfortable tap. */
const touchTarget = '44px';

/** The tone's colour, drawn once: by the bar on the card's leading edge. */
const ruleColor = createVar();

export const root = recipe({
  base: {
    marginBlock: vars.space.xxl,
    // A reading component: never wider than the article's measure, even outside Prose.
    maxWidth: vars.measure,
    boxSizing: 'border-box',
    paddingBlock: vars.space.xl,
    paddingInline: vars.space.xl,
    // The shared barred box (Foundations/Shape and tone): the bar marks the card against the page
    // in both themes, even where the quiet card's sunken surface is close to the dark page.
    ...barredBox(ruleColor),
    color: vars.color.text,
    fontFamily: vars.font.body,
    fontSize: vars.fontSize.md,
    lineHeight: vars.lineHeight.body,
    overflowWrap: 'break-word',
    '@media': {
      'screen and (max-width: 479px)': {
        paddingBlock: vars.space.lg,
        paddingInline: vars.space.md,
      },
      // Without its raised or sunken surface (paper, forced colours) the card keeps an outline.
      print: { breakInside: 'avoid', colorScheme: 'light', backgroundColor: 'transparent', boxShadow: 'none', color: 'CanvasText', ...barredBoxWithoutBackground },
      [forcedColours]: barredBoxWithoutBackground,
    },
  },
  variants: {
    tone: {
      // The end of the article: a raised card with an accent bar, the primary action filled.
      accent: {
        vars: { [ruleColor]: vars.color.accent },
        backgroundColor: vars.color.surfaceRaised,
        boxShadow: vars.shadow.md,
      },
      // Inside a sidebar or after other callouts: a sunken panel, nothing shouting.
      quiet: {
        vars: { [ruleColor]: vars.color.borderStrong },
        backgroundColor: vars.color.surfaceSunken,
      },
    },
  },
  defaultVariants: { tone: 'accent' },
});

export const heading = style({
  margin: 0,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.xl,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.heading,
  color: vars.color.text,
  textWrap: 'balance',
  '@media': {
    'screen and (max-width: 479px)': { fontSize: vars.fontSize.lg },
  },
});

export const body = style({
  marginBlockStart: vars.space.sm,
  maxWidth: vars.measure,
});

globalStyle(`${body} > p`, { margin: 0 });
globalStyle(`${body} > p + p`, { marginBlockStart: vars.space.sm });

export const actions = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  columnGap: vars.space.lg,
  rowGap: vars.space.sm,
  marginBlockStart: vars.space.lg,
});

const actionBase = style({
  // Stated, not inherited from the page: a global `* { box-sizing: border-box }` (every CSS reset)
  // would otherwise count the padding and border into the 44px minimum and shrink the button.
  boxSizing: 'content-box',
  display: 'inline-flex',
  alignItems: 'center',
  minHeight: touchTarget,
  fontFamily: vars.font.ui,
  fontSize: vars.fontSize.md,
  lineHeight: vars.lineHeight.heading,
  transitionProperty: 'background-color, color, border-color, text-decoration-color',
  transitionDuration: vars.motion.duration.fast,
  transitionTimingFunction: vars.motion.easing,
  selectors: {
    '&:focus-visible': focusRingRule,
  },
});

export const primary = recipe({
  base: [
    actionBase,
    {
      justifyContent: 'center',
      minWidth: touchTarget,
      paddingBlock: vars.space.xs,
      paddingInline: vars.space.lg,
      borderRadius: controlRadius,
      borderWidth: '2px',
      borderStyle: 'solid',
      fontWeight: vars.fontWeight.bold,
      textAlign: 'center',
      textDecoration: 'none',
      '@media': {
        // On phones the main action spans the card: an easy target for a thumb.
        'screen and (max-width: 479px)': { width: '100%' },
        // A filled button's white text would vanish on paper, which prints no fill: black text in
        // a black outline, followed by the address a reader types in (nothing to press on paper).
        print: { backgroundColor: 'transparent', borderColor: 'CanvasText', color: 'CanvasText' },
      },
      selectors: {
        '&:hover': { textDecoration: 'underline', textUnderlineOffset: '0.2em' },
        // The shared ring, keeping the button's own corners.
        '&:focus-visible': { ...focusRingRule, borderRadius: controlRadius },
      },
    },
  ],
  variants: {
    tone: {
      accent: {
        backgroundColor: vars.color.accent,
        borderColor: vars.color.accent,
        color: vars.color.textOnAccent,
        selectors: {
          '&:visited': { color: vars.color.textOnAccent },
        },
      },
      quiet: {
        backgroundColor: 'transparent',
        borderColor: vars.color.accent,
        color: vars.color.accent,
        selectors: {
          '&:visited': { color: vars.color.accent },
          '&:hover': { backgroundColor: vars.color.surfaceRaised },
        },
      },
    },
  },
  defaultVariants: { tone: 'accent' },
});

/** On paper the actions cannot be pressed: each says where it goes. */
globalStyle(`${actions} > a[href^="http"]::after`, {
  '@media': { print: { content: '" (" attr(href) ")"', fontWeight: vars.fontWeight.regular } },
});

/** The optional second way forward, a plain text link so it never competes with the first. */
export const secondary = style([
  actionBase,
  {
    ...textLinkBase,
    selectors: {
      '&:visited': textLinkVisited,
      '&:hover': textLinkHover,
    },
  },
]);
