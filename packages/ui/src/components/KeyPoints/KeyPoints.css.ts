import { globalStyle, style } from '@vanilla-extract/css';
import { barredPanel, panelBodyRules, panelHeading } from '../../styles/panel.css';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

/**
 * A sunken panel with a thick accent rule on its leading edge: set apart from the prose by shape
 * (the rule, the panel) as well as colour, and still a boxed summary on paper.
 */
export const root = style(barredPanel({ surface: vars.color.surfaceSunken, text: vars.color.text, bar: vars.color.accent }));

export const heading = style(panelHeading);

export const body = style({ marginBlockStart: vars.space.xs });

panelBodyRules(body);
// Points of a summary are read one by one: a little air between them.
globalStyle(`${body} :where(li + li)`, { marginBlockStart: vars.space.xs });
