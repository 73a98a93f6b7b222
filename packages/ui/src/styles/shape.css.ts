import type { StyleRule } from '@vanilla-extract/css';
import { vars } from '../theme/contract.css';
import { barWidth, outlineWidth } from './shapeValues';

/*
 * The one shape and tone rule every component follows (documented in Foundations/Shape and tone):
 *
 * - Corners. A box (panel, card, callout) rounds all four corners by `radius.md`; a control inside
 *   one (button, call link, highlighted chip, focus ring) by `radius.sm`; only round marks (dots,
 *   the "!" ring) use `radius.pill`. `radius.lg` is left to apps.
 * - Bars. A box that is set apart by a bar carries it on its leading edge, `barWidth` wide, as
 *   its inline-start border: the box's rounded corners round the bar's ends too, so no bar has
 *   square ends on a rounded box.
 * - Tone. A box's tone colour is drawn once, by its edge (the bar, or the outline of a box that has
 *   none); text, figures, dividers and marks inside use the text colour, so the colour keeps one
 *   meaning ("this box is a finding / a caution") instead of decorating every part.
 */

/** Corners of every box. */
export const boxRadius = vars.radius.md;
/** Corners of a control inside a box, and of the focus ring. */
export const controlRadius = vars.radius.sm;
/** Round marks only: dots, rings. */
export const markRadius = vars.radius.pill;
export { barWidth, outlineWidth };

/** A box set apart by a bar in `barColor` on its leading edge (the tone's one appearance). */
export function barredBox(barColor: string) {
  return { borderInlineStart: `${barWidth} solid ${barColor}`, borderRadius: boxRadius } satisfies StyleRule;
}

/** A box drawn by an outline, in the neutral border colour unless it carries a tone. */
export function outlinedBox(outlineColor: string = vars.color.border) {
  return { border: `${outlineWidth} solid ${outlineColor}`, borderRadius: boxRadius } satisfies StyleRule;
}

/**
 * Where backgrounds are gone (on paper, which prints none, and in forced colours, where the
 * browser paints every surface in the system's Canvas colour), a barred box keeps its bar, in the
 * text colour, and gains an outline, so it is still a box and not a stray line beside the text.
 * Use under `@media` print and `forcedColours` (styles/media.ts).
 */
export const barredBoxWithoutBackground = {
  border: `${outlineWidth} solid CanvasText`,
  borderInlineStart: `${barWidth} solid CanvasText`,
} satisfies StyleRule;

/** On paper, backgrounds do not print: a barred box keeps its bar, in black, and gains an outline. */
export const barredBoxPrint = barredBoxWithoutBackground;
