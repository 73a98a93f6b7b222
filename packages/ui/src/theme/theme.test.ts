import { vars } from './contract.css';
import { contrastRatio } from './contrast';
import { textPairs } from './pairs';
import { brandProperty, darkTheme, lightTheme } from './themes.css';
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

  it('names every variable --cited-<path in kebab case>, never a hash', () => {
    expect(vars.color.text).toBe('var(--cited-color-text)');
    expect(vars.color.textMuted).toBe('var(--cited-color-text-muted)');
    expect(vars.color.tone.caution.emphasis).toBe('var(--cited-color-tone-caution-emphasis)');
    expect(vars.space.md).toBe('var(--cited-space-md)');
    expect(vars.fontSize.xxxl).toBe('var(--cited-font-size-xxxl)');
    expect(vars.motion.duration.fast).toBe('var(--cited-motion-duration-fast)');
    const unexpected = Object.entries(flatten(vars)).filter(
      ([path, reference]) => reference !== `var(--cited-${path.replace(/\./g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)})`,
    );
    expect(unexpected).toEqual([]);
  });

  it('gives every token its own property', () => {
    const references = Object.values(flatten(vars));
    expect(new Set(references).size).toBe(references.length);
  });

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
 * without the reader preferring a dark colour scheme. Each element applies its matching rules in
 * cascade order: by specificity, then by source order.
 */
interface Scenario {
  dataTheme?: ThemeName;
  /** A class on <html>, e.g. `darkTheme`. */
  htmlClass?: string;
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

type Specificity = readonly [ids: number, classes: number, types: number];

function compareSpecificity(a: Specificity, b: Specificity): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function maxSpecificity(list: readonly Specificity[]): Specificity {
  return list.reduce<Specificity>((max, item) => (compareSpecificity(item, max) > 0 ? item : max), [0, 0, 0]);
}

/** Splits at commas outside brackets, parentheses and quotes. */
function splitSelectorList(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const char of list) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[') depth += 1;
    else if (char === ')' || char === ']') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

/** Index just past the bracket or parenthesis group that opens at `start`, skipping quoted text. */
function endOfGroup(selector: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let index = start; index < selector.length; index += 1) {
    const char = selector[index];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[') depth += 1;
    else if (char === ')' || char === ']') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  throw new Error(`Unbalanced selector: ${selector}`);
}

const legacyPseudoElements = new Set(['before', 'after', 'first-line', 'first-letter']);

/**
 * Selectors Level 4 specificity of one complex selector: :where() counts nothing, :is(), :not()
 * and :has() count their most specific argument, other pseudo-classes and attributes count as
 * classes, pseudo-elements as types.
 */
function specificity(selector: string): Specificity {
  let [ids, classes, types] = [0, 0, 0];
  let index = 0;
  const name = () => {
    const match = /^-?[_a-zA-Z\u00A0-\uFFFF][-\w\u00A0-\uFFFF]*/.exec(selector.slice(index));
    index += match?.[0].length ?? 0;
    return match?.[0] ?? '';
  };
  while (index < selector.length) {
    const char = selector[index];
    if (char === '#') {
      index += 1;
      name();
      ids += 1;
    } else if (char === '.') {
      index += 1;
      name();
      classes += 1;
    } else if (char === '[') {
      index = endOfGroup(selector, index);
      classes += 1;
    } else if (char === ':') {
      const isElement = selector[index + 1] === ':';
      index += isElement ? 2 : 1;
      const pseudo = name().toLowerCase();
      let argument: string | undefined;
      if (selector[index] === '(') {
        const end = endOfGroup(selector, index);
        argument = selector.slice(index + 1, end - 1);
        index = end;
      }
      if (isElement || legacyPseudoElements.has(pseudo)) types += 1;
      else if (pseudo === 'where') continue;
      else if ((pseudo === 'is' || pseudo === 'not' || pseudo === 'has') && argument !== undefined) {
        const [a, b, c] = maxSpecificity(splitSelectorList(argument).map(specificity));
        ids += a;
        classes += b;
        types += c;
      } else classes += 1;
    } else if (/[-_a-zA-Z]/.test(char ?? '')) {
      name();
      types += 1;
    } else {
      // Combinators, whitespace and the universal selector count nothing.
      index += 1;
    }
  }
  return [ids, classes, types];
}

describe('selector specificity (used to resolve the cascade below)', () => {
  it.each([
    [':root', [0, 1, 0]],
    ['html', [0, 0, 1]],
    ['[data-theme="dark"]', [0, 1, 0]],
    [':root:not([data-theme="light"])', [0, 2, 0]],
    [':where(:root:not([data-theme="light"]))', [0, 0, 0]],
    ['.a.b > p::before', [0, 2, 2]],
    ['#main :is(.a, h1)', [1, 1, 0]],
    ['html.dark [data-x="a,b"]', [0, 2, 1]],
  ] as const)('%s is %j', (selector, expected) => {
    expect(specificity(selector)).toEqual(expected);
  });
});

/**
 * Custom properties in effect on `target` (default: <html>): each element from <html> down to the
 * target applies the rules that match it, and inherits the rest from its parent.
 */
function resolvedCustomProperties(scenario: Scenario, target: Element = document.documentElement): Record<string, string> {
  const root = document.documentElement;
  if (scenario.dataTheme) root.setAttribute('data-theme', scenario.dataTheme);
  else root.removeAttribute('data-theme');
  root.className = scenario.htmlClass ?? '';

  const chain: Element[] = [];
  for (let element: Element | null = target; element; element = element.parentElement) chain.unshift(element);

  interface MatchedRule {
    rule: CSSStyleRule;
    specificity: Specificity;
    order: number;
  }
  const collect = (element: Element, rules: CSSRuleList, matched: MatchedRule[]) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSMediaRule) {
        if (matchesMedia(rule, scenario)) collect(element, rule.cssRules, matched);
      } else if (rule instanceof CSSStyleRule) {
        // A selector list counts with the most specific of its selectors that matches.
        const matching = splitSelectorList(rule.selectorText).filter((selector) => element.matches(selector));
        if (matching.length > 0) {
          matched.push({ rule, specificity: maxSpecificity(matching.map(specificity)), order: matched.length });
        }
      }
    }
  };

  const resolved: Record<string, string> = {};
  for (const element of chain) {
    const matched: MatchedRule[] = [];
    for (const sheet of Array.from(document.styleSheets)) collect(element, sheet.cssRules, matched);
    matched.sort((a, b) => compareSpecificity(a.specificity, b.specificity) || a.order - b.order);
    for (const { rule } of matched) {
      for (const property of Array.from(rule.style)) {
        resolved[property] = rule.style.getPropertyValue(property).trim();
      }
    }
  }
  return resolved;
}

/** `var(--cited-color-text)` → `--cited-color-text` */
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

/**
 * The value a property computes to, as far as custom properties go: `var(--x, fallback)` is
 * replaced by --x's value, or by the fallback where --x is unset or itself refers to an unset one
 * (the guaranteed-invalid value of CSS Variables).
 */
function substitute(value: string | undefined, resolved: Record<string, string>): string | undefined {
  if (value === undefined) return undefined;
  let invalid = false;
  const result = value.replace(/var\((--[\w-]+)(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/g, (_match, name: string, fallback?: string) => {
    const own = substitute(resolved[name], resolved);
    if (own !== undefined) return own;
    if (fallback !== undefined) return fallback.trim();
    invalid = true;
    return '';
  });
  return invalid ? undefined : result;
}

/** Which theme's values a resolved set of properties carries, checked on every contract variable. */
function expectTheme(resolved: Record<string, string>, theme: ThemeName) {
  const expected = flatten(themeTokens[theme]);
  const mismatches = contractProperties
    .filter(({ path, name }) => normalize(substitute(resolved[name], resolved)) !== normalize(expected[path]))
    .map(({ path, name }) => `${path}: ${resolved[name] ?? '(unset)'} (expected ${expected[path]})`);
  expect(mismatches, `variables not set to the ${theme} theme`).toEqual([]);
}

describe('emitted theme CSS', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('data-theme');
    document.documentElement.removeAttribute('class');
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

  it('forces a theme on the whole page with the darkTheme or lightTheme class on <html>', () => {
    for (const scenario of [{}, { prefersDark: true }, { dataTheme: 'light' as const }]) {
      const resolved = resolvedCustomProperties({ ...scenario, htmlClass: darkTheme });
      expectTheme(resolved, 'dark');
      expect(resolved['color-scheme']).toBe('dark');
    }
    for (const scenario of [{}, { prefersDark: true }, { dataTheme: 'dark' as const }]) {
      const resolved = resolvedCustomProperties({ ...scenario, htmlClass: lightTheme });
      expectTheme(resolved, 'light');
      expect(resolved['color-scheme']).toBe('light');
    }
  });

  it('lets a subtree override a theme class on <html>', () => {
    const panel = document.createElement('section');
    document.body.append(panel);
    panel.setAttribute('data-theme', 'light');
    expectTheme(resolvedCustomProperties({ htmlClass: darkTheme }, panel), 'light');
    panel.removeAttribute('data-theme');
    panel.className = lightTheme;
    expectTheme(resolvedCustomProperties({ htmlClass: darkTheme }, panel), 'light');
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

  it("lets a page override tokens with plain CSS, in both themes or in one (the README's recipe)", () => {
    const accent = propertyName(vars.color.accent);
    const override = document.createElement('style');
    override.textContent = `
      :root { ${accent}: #5b2a86; }
      @media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { ${accent}: #c9a9f4; } }
      [data-theme="dark"] { ${accent}: #c9a9f4; }
    `;
    document.head.append(override);
    try {
      expect(resolvedCustomProperties({})[accent]).toBe('#5b2a86');
      expect(resolvedCustomProperties({ dataTheme: 'light', prefersDark: true })[accent]).toBe('#5b2a86');
      expect(resolvedCustomProperties({ prefersDark: true })[accent]).toBe('#c9a9f4');
      expect(resolvedCustomProperties({ dataTheme: 'dark' })[accent]).toBe('#c9a9f4');
      // Everything not overridden keeps the theme's value.
      expect(resolvedCustomProperties({ prefersDark: true })[propertyName(vars.color.text)]).toBe(themeTokens.dark.color.text);
    } finally {
      override.remove();
    }
  });

  it('has theme classes that plain CSS can address', () => {
    expect(darkTheme).toBe('cited-theme-dark');
    expect(lightTheme).toBe('cited-theme-light');
  });

  /** A page stylesheet placed before or after the design system's (injected by vanilla-extract). */
  function pageStylesheet(css: string, position: 'before' | 'after'): HTMLStyleElement {
    const style = document.createElement('style');
    style.textContent = css;
    if (position === 'before') document.head.prepend(style);
    else document.head.append(style);
    return style;
  }

  it.each(['before', 'after'] as const)('lets a page override a theme class on <html> from a stylesheet %s styles.css', (position) => {
    const accent = propertyName(vars.color.accent);
    const style = pageStylesheet(`:root { ${accent}: #5b2a86; } .${darkTheme} { ${propertyName(vars.color.text)}: #fafafa; }`, position);
    try {
      const resolved = resolvedCustomProperties({ htmlClass: darkTheme });
      expect(substitute(resolved[accent], resolved)).toBe('#5b2a86');
      expect(resolved[propertyName(vars.color.text)]).toBe('#fafafa');
      // The rest is still the dark theme's.
      expect(resolved[propertyName(vars.color.surface)]).toBe(themeTokens.dark.color.surface);
    } finally {
      style.remove();
    }
  });

  it.each(['before', 'after'] as const)('re-brands accent, links and their shades from one colour, from a stylesheet %s styles.css', (position) => {
    const style = pageStylesheet(`:root { ${brandProperty}: #5b2a86; }`, position);
    const value = (resolved: Record<string, string>, reference: string) => normalize(substitute(resolved[propertyName(reference)], resolved));
    try {
      const light = resolvedCustomProperties({});
      expect(value(light, vars.color.accent)).toBe('#5b2a86');
      expect(value(light, vars.color.link)).toBe('#5b2a86');
      expect(value(light, vars.color.linkHover)).toBe(normalize('color-mix(in oklab, #5b2a86 75%, black)'));
      expect(value(light, vars.color.linkVisited)).toBe(normalize(`color-mix(in oklab, #5b2a86 70%, ${themeTokens.light.color.linkVisited})`));
      const dark = resolvedCustomProperties({ dataTheme: 'dark' });
      expect(value(dark, vars.color.accent)).toBe(normalize('color-mix(in oklab, #5b2a86 55%, white)'));
      expect(value(dark, vars.color.link)).toBe(normalize('color-mix(in oklab, #5b2a86 55%, white)'));
      // What the brand does not carry keeps the theme's value.
      expect(value(light, vars.color.focusRing)).toBe(themeTokens.light.color.focusRing);
      expect(value(light, vars.color.textOnAccent)).toBe(themeTokens.light.color.textOnAccent);
    } finally {
      style.remove();
    }
    // Unset (the default), every branded colour is the theme's own.
    expectTheme(resolvedCustomProperties({}), 'light');
  });

  it('zeroes motion durations for readers who prefer reduced motion', () => {
    const resolved = resolvedCustomProperties({ prefersReducedMotion: true });
    expect(resolved[propertyName(vars.motion.duration.fast)]).toBe('0ms');
    expect(resolved[propertyName(vars.motion.duration.normal)]).toBe('0ms');
    expect(resolvedCustomProperties({})[propertyName(vars.motion.duration.normal)]).toBe(themeTokens.light.motion.duration.normal);
  });

  it('keeps motion at zero inside theme classes for readers who prefer reduced motion', () => {
    const panel = document.createElement('section');
    document.body.append(panel);
    panel.className = darkTheme;
    const onPanel = resolvedCustomProperties({ prefersReducedMotion: true }, panel);
    expect(onPanel[propertyName(vars.motion.duration.normal)]).toBe('0ms');
    const onHtml = resolvedCustomProperties({ prefersReducedMotion: true, htmlClass: lightTheme });
    expect(onHtml[propertyName(vars.motion.duration.fast)]).toBe('0ms');
    expect(resolvedCustomProperties({}, panel)[propertyName(vars.motion.duration.normal)]).toBe(themeTokens.dark.motion.duration.normal);
    panel.remove();
  });
});
