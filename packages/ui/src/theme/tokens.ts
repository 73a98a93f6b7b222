/**
 * Raw token values for each theme. Kept as plain data (not vanilla-extract calls) so that
 * tests and the Storybook foundations pages can read the live values, e.g. to compute contrast.
 */

export interface ToneTokens {
  /** Background of a callout in this tone. */
  surface: string;
  /** Left rule / outline of the callout. */
  border: string;
  /** Body text on `surface`. */
  text: string;
  /** The key figure and label on `surface`. */
  emphasis: string;
}

/** One level of a care card (NHS.UK pattern): its heading band and its body. */
export interface CareLevelTokens {
  /** Background of the heading band; also the card's outline (≥ 3:1 against the page). */
  band: string;
  /** Heading text on `band`. */
  onBand: string;
  /** Background of the card's body. */
  surface: string;
  /** Body text on `surface`. */
  text: string;
  /** Links on `surface` (the emergency card's body is dark in both themes). */
  link: string;
}

export interface ColorTokens {
  text: string;
  textMuted: string;
  surface: string;
  surfaceRaised: string;
  surfaceSunken: string;
  border: string;
  /** Borders of interactive or meaningful UI (≥ 3:1 against the surface). */
  borderStrong: string;
  accent: string;
  /** Text placed on `accent` (buttons). */
  textOnAccent: string;
  link: string;
  linkVisited: string;
  linkHover: string;
  focusRing: string;
  tone: {
    info: ToneTokens;
    finding: ToneTokens;
    caution: ToneTokens;
  };
  /** Care cards: non-urgent (blue), urgent (red), emergency (red band, dark body). */
  care: {
    nonUrgent: CareLevelTokens;
    urgent: CareLevelTokens;
    emergency: CareLevelTokens;
  };
}

/**
 * The primitive palette: every colour the themes use, by hue family, keyed by the colour's OKLCH
 * lightness in % (so `blue.45` is mid blue, `slate.94` nearly white; a test checks each key). The
 * themes' colours below are semantic: each is one of these (tokens.json writes them as aliases,
 * `{color.palette.blue.45}`); a new theme colour joins the palette first.
 */
export const palette = {
  white: '#ffffff',
  slate: { 17: '#0c0f11', 20: '#121619', 24: '#1b2126', 36: '#343e46', 44: '#4a5560', 63: '#7d8a94', 77: '#aab5be', 94: '#e8ecef' },
  sand: { 56: '#7c7567', 87: '#d8d2c6', 95: '#f1eee8', 99: '#fbfaf7' },
  teal: { 21: '#0a1c1f', 44: '#0b5d66', 77: '#62c6cf' },
  blue: { 27: '#15273a', 30: '#15304d', 37: '#083f77', 41: '#154a80', 45: '#0b55a0', 48: '#1d5fa6', 53: '#2f6db0', 69: '#5e9fe0', 80: '#8cc4ff', 82: '#9ccaf7', 88: '#b9dbff', 92: '#d7e7f8', 96: '#eaf2fa' },
  green: { 26: '#12291f', 32: '#133b2b', 43: '#11603f', 52: '#1f7a55', 73: '#4fbf8c', 84: '#8de0b7', 93: '#d3efe1', 95: '#e7f3ed' },
  amber: { 26: '#2d2111', 31: '#47290a', 45: '#8a3c05', 56: '#b45309', 76: '#eaa045', 82: '#ffb454', 85: '#f6c27a', 93: '#f8e5c8', 96: '#fcf1de' },
  red: { 16: '#1a0605', 27: '#4a0f0a', 50: '#b42318', 79: '#ff9b8f' },
  orange: { 55: '#c2410c' },
  purple: { 46: '#6a3d9a', 79: '#c9a9f4' },
} as const;

export const lightColors: ColorTokens = {
  text: '#1b2126',
  textMuted: '#4a5560',
  surface: '#fbfaf7',
  surfaceRaised: '#ffffff',
  surfaceSunken: '#f1eee8',
  border: '#d8d2c6',
  borderStrong: '#7c7567',
  accent: '#0b5d66',
  textOnAccent: '#ffffff',
  link: '#0b55a0',
  linkVisited: '#6a3d9a',
  linkHover: '#083f77',
  focusRing: '#c2410c',
  tone: {
    info: { surface: '#eaf2fa', border: '#2f6db0', text: '#15304d', emphasis: '#154a80' },
    finding: { surface: '#e7f3ed', border: '#1f7a55', text: '#133b2b', emphasis: '#11603f' },
    caution: { surface: '#fcf1de', border: '#b45309', text: '#47290a', emphasis: '#8a3c05' },
  },
  care: {
    nonUrgent: { band: '#1d5fa6', onBand: '#ffffff', surface: '#ffffff', text: '#1b2126', link: '#0b55a0' },
    urgent: { band: '#b42318', onBand: '#ffffff', surface: '#ffffff', text: '#1b2126', link: '#0b55a0' },
    emergency: { band: '#b42318', onBand: '#ffffff', surface: '#1b2126', text: '#ffffff', link: '#ffffff' },
  },
};

export const darkColors: ColorTokens = {
  text: '#e8ecef',
  textMuted: '#aab5be',
  surface: '#121619',
  surfaceRaised: '#1b2126',
  surfaceSunken: '#0c0f11',
  border: '#343e46',
  borderStrong: '#7d8a94',
  accent: '#62c6cf',
  textOnAccent: '#0a1c1f',
  link: '#8cc4ff',
  linkVisited: '#c9a9f4',
  linkHover: '#b9dbff',
  focusRing: '#ffb454',
  tone: {
    info: { surface: '#15273a', border: '#5e9fe0', text: '#d7e7f8', emphasis: '#9ccaf7' },
    finding: { surface: '#12291f', border: '#4fbf8c', text: '#d3efe1', emphasis: '#8de0b7' },
    caution: { surface: '#2d2111', border: '#eaa045', text: '#f8e5c8', emphasis: '#f6c27a' },
  },
  care: {
    nonUrgent: { band: '#8cc4ff', onBand: '#0c0f11', surface: '#1b2126', text: '#e8ecef', link: '#8cc4ff' },
    urgent: { band: '#ff9b8f', onBand: '#1a0605', surface: '#1b2126', text: '#e8ecef', link: '#8cc4ff' },
    emergency: { band: '#ff9b8f', onBand: '#1a0605', surface: '#4a0f0a', text: '#ffffff', link: '#ffffff' },
  },
};

/**
 * Modular type scale: 18px body, ratio 1.2 (minor third), each step rounded to a whole pixel
 * (13, 15, 18, 22, 26, 31, 37 px at a 16px root) so designers carry exact sizes into Figma; in rem,
 * so 200 % text scales them all.
 */
const scaleRatio = 1.2;
const bodyPx = 18;
const rootPx = 16;
const step = (n: number) => `${Math.round(bodyPx * scaleRatio ** n) / rootPx}rem`;

export const typography = {
  font: {
    body: '"Iowan Old Style", "Charter", "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif',
    heading:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
    ui: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
    mono: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  },
  fontSize: {
    xs: step(-2),
    sm: step(-1),
    md: step(0),
    lg: step(1),
    xl: step(2),
    xxl: step(3),
    xxxl: step(4),
  },
  fontWeight: { regular: '400', medium: '500', bold: '700' },
  lineHeight: { tight: '1.15', heading: '1.25', body: '1.65' },
  /** Comfortable reading measure for long-form text. */
  measure: '66ch',
} as const;

export const space = {
  none: '0',
  xxs: '0.25rem',
  xs: '0.5rem',
  sm: '0.75rem',
  md: '1rem',
  lg: '1.5rem',
  xl: '2rem',
  xxl: '3rem',
  xxxl: '4.5rem',
} as const;

export const radius = { sm: '4px', md: '8px', lg: '14px', pill: '999px' } as const;

export const motion = {
  duration: { fast: '120ms', normal: '200ms' },
  easing: 'cubic-bezier(0.2, 0, 0, 1)',
} as const;

export const lightShadows = {
  sm: '0 1px 2px rgb(27 33 38 / 0.08)',
  md: '0 2px 4px rgb(27 33 38 / 0.06), 0 8px 24px rgb(27 33 38 / 0.08)',
} as const;

export const darkShadows = {
  sm: '0 1px 2px rgb(0 0 0 / 0.5)',
  md: '0 2px 4px rgb(0 0 0 / 0.4), 0 8px 24px rgb(0 0 0 / 0.45)',
} as const;

/** Breakpoints in px. Media queries cannot read CSS variables, so these are constants. */
export const breakpoints = { mobile: 320, phone: 390, tablet: 768, desktop: 1280 } as const;
export type Breakpoint = keyof typeof breakpoints;

export const themeNames = ['light', 'dark'] as const;
export type ThemeName = (typeof themeNames)[number];

export const themeTokens = {
  light: {
    color: lightColors,
    ...typography,
    space,
    radius,
    shadow: lightShadows,
    motion,
  },
  dark: {
    color: darkColors,
    ...typography,
    space,
    radius,
    shadow: darkShadows,
    motion,
  },
} as const;
