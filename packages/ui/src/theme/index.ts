import './themes.css';

export { vars } from './contract.css';
export { lightTheme, darkTheme } from './themes.css';
export {
  palette,
  themeTokens,
  themeNames,
  breakpoints,
  lightColors,
  darkColors,
  typography,
  space,
  radius,
  motion,
  type ThemeName,
  type Breakpoint,
  type ColorTokens,
  type ToneTokens,
} from './tokens';
export { contrastRatio, relativeLuminance } from './contrast';
export { textPairs, type TextPair } from './pairs';
