import { globalStyle } from '@vanilla-extract/css';
import { vars } from '../packages/ui/src/theme/contract.css';

/*
 * What a page that uses @cited/ui does once: paint the theme's surface and text colour. Without
 * it the canvas stays browser-white in the dark theme and stories would be judged on the wrong
 * background, by eye and by the a11y panel.
 */
globalStyle('html, body', {
  backgroundColor: vars.color.surface,
  color: vars.color.text,
});

globalStyle('body', {
  margin: 0,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.md,
  lineHeight: vars.lineHeight.body,
});

/* Story previews embedded in docs pages sit on the active theme's surface too. */
globalStyle('.docs-story', {
  backgroundColor: vars.color.surface,
  color: vars.color.text,
});
