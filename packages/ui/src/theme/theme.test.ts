import { vars } from './contract.css';
import { contrastRatio } from './contrast';
import { textPairs } from './pairs';
import { darkTheme, lightTheme } from './themes.css';
import { darkColors, lightColors, themeNames, themeTokens } from './tokens';
import { leafValues } from '@cited/test-utils/tokens';

const colorsByTheme = { light: lightColors, dark: darkColors } as const;

describe('text pair contrast', () => {
  const cases = themeNames.flatMap((theme) => textPairs.map((pair) => ({ theme, pair })));

  it.each(cases)('$theme: $pair.name meets $pair.minimum:1', ({ theme, pair }) => {
    const colors = colorsByTheme[theme];
    const foreground = pair.foreground(colors);
    const background = pair.background(colors);
    const ratio = contrastRatio(foreground, background);
    expect(
      ratio,
      `"${pair.name}" in the ${theme} theme is ${ratio.toFixed(2)}:1 (${foreground} on ${background}); it needs ${pair.minimum}:1`,
    ).toBeGreaterThanOrEqual(pair.minimum);
  });

  it('lists each pair once', () => {
    const names = textPairs.map((pair) => pair.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('theme contract', () => {
  const contractPaths = Object.keys(leafValues(vars)).sort();

  it('names every variable --cited-<path in kebab case>, never a hash', () => {
    expect(vars.color.text).toBe('var(--cited-color-text)');
    expect(vars.color.textMuted).toBe('var(--cited-color-text-muted)');
    expect(vars.color.tone.caution.emphasis).toBe('var(--cited-color-tone-caution-emphasis)');
    expect(vars.space.md).toBe('var(--cited-space-md)');
    expect(vars.fontSize.xxxl).toBe('var(--cited-font-size-xxxl)');
    expect(vars.motion.duration.fast).toBe('var(--cited-motion-duration-fast)');
    const unexpected = Object.entries(leafValues(vars)).filter(
      ([path, reference]) => reference !== `var(--cited-${path.replace(/\./g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)})`,
    );
    expect(unexpected).toEqual([]);
  });

  it('gives every token its own property', () => {
    const references = Object.values(leafValues(vars));
    expect(new Set(references).size).toBe(references.length);
  });

  it.each(themeNames)('the %s theme fills exactly the contract', (theme) => {
    expect(Object.keys(leafValues(themeTokens[theme])).sort()).toEqual(contractPaths);
  });

  it('light and dark define the same keys', () => {
    expect(Object.keys(leafValues(themeTokens.dark)).sort()).toEqual(Object.keys(leafValues(themeTokens.light)).sort());
  });

  it.each(themeNames)('every %s value is set', (theme) => {
    const empty = Object.entries(leafValues(themeTokens[theme])).filter(([, value]) => value.trim() === '');
    expect(empty).toEqual([]);
  });
});

// How the emitted CSS cascades (themes, preferences, page overrides before and after styles.css)
// is measured in Chromium by theme.browser.test.ts.
describe('theme classes', () => {
  it('have stable names that plain CSS can address', () => {
    expect(darkTheme).toBe('cited-theme-dark');
    expect(lightTheme).toBe('cited-theme-light');
  });
});
