import { assignVars, createTheme, globalStyle } from '@vanilla-extract/css';
import { vars } from './contract.css';
import { themeTokens } from './tokens';

/** Class names that force a theme on a subtree (e.g. a dark preview inside a light page). */
export const lightTheme = createTheme(vars, themeTokens.light);
export const darkTheme = createTheme(vars, themeTokens.dark);

/**
 * Page-level defaults: light, or dark when the reader's system asks for it, unless the page
 * forces one with `data-theme="light|dark"` on any ancestor (usually <html>).
 */
globalStyle(':root, [data-theme="light"]', {
  vars: assignVars(vars, themeTokens.light),
  colorScheme: 'light',
});

globalStyle(':root:not([data-theme="light"])', {
  '@media': {
    '(prefers-color-scheme: dark)': {
      vars: assignVars(vars, themeTokens.dark),
      colorScheme: 'dark',
    },
  },
});

globalStyle('[data-theme="dark"]', {
  vars: assignVars(vars, themeTokens.dark),
  colorScheme: 'dark',
});

/** Motion tokens collapse to zero for readers who ask for reduced motion. */
globalStyle(':root, [data-theme]', {
  '@media': {
    '(prefers-reduced-motion: reduce)': {
      vars: {
        [vars.motion.duration.fast]: '0ms',
        [vars.motion.duration.normal]: '0ms',
      },
    },
  },
});
