import { vars } from './contract.css';
import { contrastRatio } from './contrast';
import { textPairs } from './pairs';
import { darkTheme, lightTheme } from './themes.css';
import { darkColors, lightColors, themeNames, themeTokens, type ThemeName } from './tokens';

/** Leaf values of a nested token object, keyed by path: { 'color.tone.info.surface': '#eaf2fa', … }. */
function flatten(tokens: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tokens).flatMap(([key, value]): [string, string][] =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value as object, `${prefix}${key}.`)),
    ),
  );
}

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
  const contractPaths = Object.keys(flatten(vars)).sort();

  it.each(themeNames)('the %s theme fills exactly the contract', (theme) => {
    expect(Object.keys(flatten(themeTokens[theme])).sort()).toEqual(contractPaths);
  });

  it('light and dark define the same keys', () => {
    expect(Object.keys(flatten(themeTokens.dark)).sort()).toEqual(Object.keys(flatten(themeTokens.light)).sort());
  });

  it.each(themeNames)('every %s value is set', (theme) => {
    const empty = Object.entries(flatten(themeTokens[theme])).filter(([, value]) => value.trim() === '');
    expect(empty).toEqual([]);
  });
});

/*
 * The emitted CSS, as the browser would apply it. Importing themes.css.ts injects its stylesheet
 * into jsdom; we then resolve, for a given <html>, which custom-property values apply with and
 * without the reader preferring a dark colour scheme. Matching rules are applied in source order:
 * the theme selectors have equal specificity, except the preference rule (higher), which also
 * comes last in the stylesheet.
 */
interface Scenario {
  dataTheme?: ThemeName;
  prefersDark?: boolean;
  prefersReducedMotion?: boolean;
}

function matchesMedia(rule: CSSMediaRule, scenario: Scenario): boolean {
  const media = rule.media.mediaText;
  if (/prefers-color-scheme:\s*dark/.test(media)) return scenario.prefersDark === true;
  if (/prefers-color-scheme:\s*light/.test(media)) return scenario.prefersDark !== true;
  if (/prefers-reduced-motion:\s*reduce/.test(media)) return scenario.prefersReducedMotion === true;
  return false;
}

/**
 * Custom properties in effect on `target` (default: <html>): each element from <html> down to the
 * target applies the rules that match it, and inherits the rest from its parent.
 */
function resolvedCustomProperties(scenario: Scenario, target: Element = document.documentElement): Record<string, string> {
  const root = document.documentElement;
  if (scenario.dataTheme) root.setAttribute('data-theme', scenario.dataTheme);
  else root.removeAttribute('data-theme');

  const chain: Element[] = [];
  for (let element: Element | null = target; element; element = element.parentElement) chain.unshift(element);

  const resolved: Record<string, string> = {};
  const applyRules = (element: Element, rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSMediaRule) {
        if (matchesMedia(rule, scenario)) applyRules(element, rule.cssRules);
      } else if (rule instanceof CSSStyleRule && element.matches(rule.selectorText)) {
        for (const property of Array.from(rule.style)) {
          resolved[property] = rule.style.getPropertyValue(property).trim();
        }
      }
    }
  };
  for (const element of chain) {
    for (const sheet of Array.from(document.styleSheets)) applyRules(element, sheet.cssRules);
  }
  return resolved;
}

/** `var(--color-text__abc123)` → `--color-text__abc123` */
function propertyName(reference: string): string {
  const match = /^var\((--[^)]+)\)$/.exec(reference);
  if (!match?.[1]) throw new Error(`Not a CSS variable reference: ${reference}`);
  return match[1];
}

const contractProperties = Object.entries(flatten(vars)).map(([path, reference]) => ({ path, name: propertyName(reference) }));

/** Serialisation differs between the token source and the stylesheet only in whitespace. */
function normalize(value: string | undefined): string | undefined {
  return value?.replace(/\s+/g, '');
}

/** Which theme's values a resolved set of properties carries, checked on every contract variable. */
function expectTheme(resolved: Record<string, string>, theme: ThemeName) {
  const expected = flatten(themeTokens[theme]);
  const mismatches = contractProperties
    .filter(({ path, name }) => normalize(resolved[name]) !== normalize(expected[path]))
    .map(({ path, name }) => `${path}: ${resolved[name] ?? '(unset)'} (expected ${expected[path]})`);
  expect(mismatches, `variables not set to the ${theme} theme`).toEqual([]);
}

describe('emitted theme CSS', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('data-theme');
  });

  it('has been injected', () => {
    expect(document.styleSheets.length).toBeGreaterThan(0);
  });

  it('is light by default', () => {
    const resolved = resolvedCustomProperties({});
    expectTheme(resolved, 'light');
    expect(resolved['color-scheme']).toBe('light');
  });

  it('turns dark when the reader prefers a dark colour scheme', () => {
    const resolved = resolvedCustomProperties({ prefersDark: true });
    expectTheme(resolved, 'dark');
    expect(resolved['color-scheme']).toBe('dark');
  });

  it('stays light under a dark preference when the page forces data-theme="light"', () => {
    expectTheme(resolvedCustomProperties({ prefersDark: true, dataTheme: 'light' }), 'light');
  });

  it('is dark when the page forces data-theme="dark", whatever the preference', () => {
    expectTheme(resolvedCustomProperties({ dataTheme: 'dark' }), 'dark');
    expectTheme(resolvedCustomProperties({ dataTheme: 'dark', prefersDark: true }), 'dark');
    expect(resolvedCustomProperties({ dataTheme: 'dark' })['color-scheme']).toBe('dark');
  });

  it('forces a theme on a subtree with the lightTheme and darkTheme classes', () => {
    const panel = document.createElement('section');
    document.body.append(panel);
    panel.className = darkTheme;
    expectTheme(resolvedCustomProperties({}, panel), 'dark');
    panel.className = lightTheme;
    expectTheme(resolvedCustomProperties({ prefersDark: true }, panel), 'light');
    expectTheme(resolvedCustomProperties({ dataTheme: 'dark' }, panel), 'light');
    panel.remove();
  });

  it('forces a theme on a subtree with data-theme', () => {
    const panel = document.createElement('section');
    document.body.append(panel);
    panel.setAttribute('data-theme', 'dark');
    expectTheme(resolvedCustomProperties({}, panel), 'dark');
    panel.setAttribute('data-theme', 'light');
    expectTheme(resolvedCustomProperties({ dataTheme: 'dark' }, panel), 'light');
    panel.remove();
  });

  it('zeroes motion durations for readers who prefer reduced motion', () => {
    const resolved = resolvedCustomProperties({ prefersReducedMotion: true });
    expect(resolved[propertyName(vars.motion.duration.fast)]).toBe('0ms');
    expect(resolved[propertyName(vars.motion.duration.normal)]).toBe('0ms');
    expect(resolvedCustomProperties({})[propertyName(vars.motion.duration.normal)]).toBe(themeTokens.light.motion.duration.normal);
  });
});
