import { assignVars, createVar, globalStyle } from '@vanilla-extract/css';
import { vars } from './contract.css';
import { themeTokens, type ThemeName } from './tokens';

/**
 * Class names that force a theme on a subtree (e.g. a dark preview inside a light page) or on the
 * whole page (`<html class={darkTheme}>`). Stable names, so plain CSS can address them
 * (`.cited-theme-dark { --cited-color-accent: … }`). Like every default below they have zero
 * specificity: a page's own overrides win whatever the order of the stylesheets, on <html> as on a
 * subtree; among the defaults, the classes come last and so win over data-theme and the preference.
 */
export const lightTheme = 'cited-theme-light';
export const darkTheme = 'cited-theme-dark';
const themeClass: Record<ThemeName, string> = { light: lightTheme, dark: darkTheme };

/**
 * One colour re-brands everything that carries the brand: set `--cited-color-brand` (where the theme
 * is set: `:root`, or an element with data-theme or a theme class) and the accent (buttons, rules),
 * links and citation markers follow, with hover and visited shades mixed from it. Unset, as it is
 * by default, every one of them falls back to the theme's own value, so nothing changes. In the
 * dark theme the brand is mixed with white first, so a brand colour chosen for light pages still
 * reads on the dark surface.
 */
export const brandProperty = '--cited-color-brand';
const brandOnTheme = createVar();
const brandHover = createVar();
const brandVisited = createVar();

function brandVars(theme: ThemeName) {
  const { color } = themeTokens[theme];
  // An unset brand makes these invalid, and each var() below falls back to the theme's value.
  const brand = theme === 'light' ? `var(${brandProperty})` : `color-mix(in oklab, var(${brandProperty}) 55%, white)`;
  return {
    [brandOnTheme]: brand,
    [brandHover]: theme === 'light' ? `color-mix(in oklab, ${brandOnTheme} 75%, black)` : `color-mix(in oklab, ${brandOnTheme} 70%, white)`,
    [brandVisited]: `color-mix(in oklab, ${brandOnTheme} 70%, ${color.linkVisited})`,
    ...assignVars(vars.color, {
      ...color,
      accent: fallback(brandOnTheme, color.accent),
      link: fallback(brandOnTheme, color.link),
      linkHover: fallback(brandHover, color.linkHover),
      linkVisited: fallback(brandVisited, color.linkVisited),
    }),
  };
}

/** `var(--x)` → `var(--x, value)` */
const fallback = (reference: string, value: string): string => reference.replace(/\)$/, `, ${value})`);

function themeVars(theme: ThemeName) {
  const { color: _color, ...rest } = themeTokens[theme];
  const { color: _contractColor, ...restContract } = vars;
  return { ...assignVars(restContract, rest), ...brandVars(theme) };
}

/** Zero specificity (see the classes above); among themselves they resolve by source order. */
const zeroSpecificity = (selector: string): string => `:where(${selector})`;

/**
 * Page-level defaults: light, or dark when the reader's system asks for it, unless the page
 * forces one with `data-theme="light|dark"` on any ancestor (usually <html>).
 */
globalStyle(zeroSpecificity(':root, [data-theme="light"]'), {
  vars: themeVars('light'),
  colorScheme: 'light',
});

// vanilla-extract writes @media rules after all others, so this one must leave alone a page whose
// <html> has a theme class (else it would outrank the class by order).
globalStyle(zeroSpecificity(`:root:not([data-theme="light"], .${lightTheme}, .${darkTheme})`), {
  '@media': {
    '(prefers-color-scheme: dark)': {
      vars: themeVars('dark'),
      colorScheme: 'dark',
    },
  },
});

globalStyle(zeroSpecificity('[data-theme="dark"]'), {
  vars: themeVars('dark'),
  colorScheme: 'dark',
});

// The classes last: on the same element they win over data-theme and the preference. Native parts
// (scrollbars, form controls, the canvas) follow the forced theme too.
for (const theme of ['light', 'dark'] as const) {
  globalStyle(zeroSpecificity(`.${themeClass[theme]}`), { vars: themeVars(theme), colorScheme: theme });
}

/**
 * Paper is white whatever the screen's theme: on print every theme (preference, data-theme, class)
 * takes the light colours, so no dark surface is asked of the printer and no light text is left on
 * white. Zero specificity like the defaults, and later than them, so a page's own rules still win.
 */
// Only what differs between the themes (colours, shadows), so the rule stays small.
globalStyle(zeroSpecificity(`:root, [data-theme], .${lightTheme}, .${darkTheme}`), {
  '@media': {
    print: { vars: { ...brandVars('light'), ...assignVars(vars.shadow, themeTokens.light.shadow) }, colorScheme: 'light' },
  },
});

/**
 * Motion tokens collapse to zero for readers who ask for reduced motion, also where a theme
 * class re-assigns them: these selectors have specificity, the theme defaults none.
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
