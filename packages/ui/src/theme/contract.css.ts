import { createGlobalThemeContract } from '@vanilla-extract/css';
import { tokenPropertyName } from './names';

const tone = { surface: null, border: null, text: null, emphasis: null };
const careLevel = { band: null, onBand: null, surface: null, text: null, link: null };

/** The shape of the theme: every token a theme must fill. */
const contractShape = {
  color: {
    text: null,
    textMuted: null,
    surface: null,
    surfaceRaised: null,
    surfaceSunken: null,
    border: null,
    borderStrong: null,
    accent: null,
    textOnAccent: null,
    link: null,
    linkVisited: null,
    linkHover: null,
    focusRing: null,
    tone: { info: tone, finding: tone, caution: tone },
    care: { nonUrgent: careLevel, urgent: careLevel, emergency: careLevel },
  },
  font: { body: null, heading: null, ui: null, mono: null },
  fontSize: { xs: null, sm: null, md: null, lg: null, xl: null, xxl: null, xxxl: null },
  fontWeight: { regular: null, medium: null, bold: null },
  lineHeight: { tight: null, heading: null, body: null },
  measure: null,
  space: { none: null, xxs: null, xs: null, sm: null, md: null, lg: null, xl: null, xxl: null, xxxl: null },
  radius: { sm: null, md: null, lg: null, pill: null },
  shadow: { sm: null, md: null },
  motion: { duration: { fast: null, normal: null }, easing: null },
};

/** Each token of the theme as the `var(--cited-…)` reference that reads it. */
export type ThemeVars<Shape = typeof contractShape> = {
  readonly [Key in keyof Shape]: Shape[Key] extends null ? `var(--${string})` : ThemeVars<Shape[Key]>;
};

/**
 * The one theme contract: every component reads these variables, every theme fills them. Global,
 * so the properties keep stable names (`--cited-color-text`, `--cited-space-md`, …) instead of
 * hashes: plain CSS, other tools and vanilla-extract users (`vars`) all address the same ones.
 */
export const vars: ThemeVars = createGlobalThemeContract(contractShape, (_value, path) => tokenPropertyName(path));
