import { globalStyle, style } from '@vanilla-extract/css';
import { focusRingRule, visuallyHidden } from '../../styles/a11y.css';
import { textLinkBase, textLinkHover, textLinkVisited } from '../../styles/link.css';
import { barredBox, barredBoxPrint } from '../../styles/shape.css';
import { narrowText, narrowTextInset } from '../../styles/media';
import { vars } from '../../theme/contract.css';
// Prose's rules first in the stylesheet: inside an article, this component's rules win the ties.
import '../Prose/Prose.css';

/**
 * The page's own surface with an accent bar on its leading edge (Foundations/Shape and tone): set
 * apart by shape, quieter than a callout, and still set apart on paper.
 */
export const root = style({
  display: 'block',
  maxWidth: vars.measure,
  boxSizing: 'border-box',
  marginBlock: vars.space.xl,
  paddingBlock: vars.space.sm,
  paddingInline: vars.space.lg,
  ...barredBox(vars.color.accent),
  color: vars.color.text,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.md,
  lineHeight: vars.lineHeight.body,
  overflowWrap: 'break-word',
  '@media': {
    [narrowText]: { paddingInline: narrowTextInset },
    print: { breakInside: 'avoid', colorScheme: 'light', color: 'CanvasText', ...barredBoxPrint },
  },
});

globalStyle(`${root} > :where(p, ul, ol)`, { marginBlock: vars.space.sm });
globalStyle(`${root} > :where(:first-child, ${visuallyHidden} + *)`, { marginBlockStart: 0 });
globalStyle(`${root} > :last-child`, { marginBlockEnd: 0 });
globalStyle(`${root} a`, textLinkBase);
globalStyle(`${root} a:visited`, textLinkVisited);
globalStyle(`${root} a:hover`, textLinkHover);
globalStyle(`${root} a:focus-visible`, focusRingRule);
