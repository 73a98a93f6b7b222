import { style } from '@vanilla-extract/css';
import { barredPanel, panelBodyRules, panelHeading } from '../../styles/panel.css';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

/**
 * The caution surface with the caution bar on its leading edge: the tone's colour appears once,
 * in the bar (Foundations/Shape and tone); the heading's word "Important" says it without colour.
 */
export const root = style(
  barredPanel({ surface: vars.color.tone.caution.surface, text: vars.color.tone.caution.text, bar: vars.color.tone.caution.border }),
);

export const heading = style(panelHeading);

export const body = style({ marginBlockStart: vars.space.xs });

panelBodyRules(body);
