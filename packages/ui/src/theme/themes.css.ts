import { assignVars, createTheme, globalStyle } from '@vanilla-extract/css';
import { vars } from './contract.css';
import { themeTokens } from './tokens';

/**
 * Class names that force a theme on a subtree (e.g. a dark preview inside a light page) or on the
 * whole page (`<html class={darkTheme}>`). They win over every default below, on any element:
 * the defaults have zero specificity (see `pageDefault`).
 */
export const lightTheme = createTheme(vars, themeTokens.light);
export const darkTheme = createTheme(vars, themeTokens.dark);

// Native parts (scrollbars, form controls, the canvas) follow the forced theme too.
globalStyle(`.${lightTheme}`, { colorScheme: 'light' });
globalStyle(`.${darkTheme}`, { colorScheme: 'dark' });

/**
 * The page-level defaults are wrapped in :where(), so they have zero specificity. Without it,
 * `:root` (0,1,0) ties with a theme class on <html> and, coming later in the stylesheet, beats it.
 * Among themselves they still resolve by source order (preference, then data-theme), and a
 * data-theme on a descendant still wins over what that descendant would inherit.
 */
const pageDefault = (selector: string): string => `:where(${selector})`;

/**
 * Page-level defaults: light, or dark when the reader's system asks for it, unless the page
 * forces one with `data-theme="light|dark"` on any ancestor (usually <html>).
 */
globalStyle(pageDefault(':root, [data-theme="light"]'), {
  vars: assignVars(vars, themeTokens.light),
  colorScheme: 'light',
});

globalStyle(pageDefault(':root:not([data-theme="light"])'), {
  '@media': {
    '(prefers-color-scheme: dark)': {
      vars: assignVars(vars, themeTokens.dark),
      colorScheme: 'dark',
    },
  },
});

globalStyle(pageDefault('[data-theme="dark"]'), {
  vars: assignVars(vars, themeTokens.dark),
  colorScheme: 'dark',
});

/**
 * Motion tokens collapse to zero for readers who ask for reduced motion, also where a theme
 * class re-assigns them: same specificity as the class and later in the stylesheet.
 */
globalStyle(`:root, [data-theme], .${lightTheme}, .${darkTheme}`, {
  '@media': {
    '(prefers-reduced-motion: reduce)': {
      vars: {
        [vars.motion.duration.fast]: '0ms',
        [vars.motion.duration.normal]: '0ms',
      },
    },
  },
});
