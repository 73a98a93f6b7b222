import { vars } from '@cited/ui/theme';
import { globalStyle } from '@vanilla-extract/css';

// Document defaults. The theme (light, dark by prefers-color-scheme) comes from
// '@cited/ui/styles.css', imported once in root.tsx; everything here reads its variables.

globalStyle('*, *::before, *::after', { boxSizing: 'border-box' });

globalStyle('html', {
  // Respect the reader's browser font-size setting: no fixed px on the root.
  WebkitTextSizeAdjust: '100%',
  textSizeAdjust: '100%',
  scrollPaddingTop: vars.space.lg,
});

globalStyle('body', {
  margin: 0,
  minHeight: '100vh',
  display: 'flex',
  flexDirection: 'column',
  backgroundColor: vars.color.surface,
  color: vars.color.text,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.md,
  lineHeight: vars.lineHeight.body,
  overflowWrap: 'break-word',
});

globalStyle('a', { color: vars.color.link, textUnderlineOffset: '0.18em' });
globalStyle('a:visited', { color: vars.color.linkVisited });
globalStyle('a:hover', { color: vars.color.linkHover, textDecorationThickness: '2px' });
globalStyle('a:focus-visible', {
  outline: `3px solid ${vars.color.focusRing}`,
  outlineOffset: '2px',
  borderRadius: vars.radius.sm,
});

globalStyle('img, svg', { maxWidth: '100%', height: 'auto' });

globalStyle('html, body', {
  '@media': {
    print: {
      backgroundColor: '#fff',
      color: '#000',
      fontSize: '11pt',
    },
  },
});
