/**
 * The emitted theme CSS as Chromium applies it: the built dist/styles.css is loaded into the pinned
 * Chromium with the page's own stylesheet before or after it, <html> and a panel carry the theme
 * attributes and classes, the reader's preferences are emulated, and getComputedStyle says which
 * value each contract variable ends up with. The browser's cascade decides, not a model of it.
 *
 * Needs the pinned Chromium and so libnss3: `npm run test:browser -w @cited/ui` (a browser step of
 * CI, after `npm test` has built dist/), not part of Node-only `npm test`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchPinnedChromium } from '@cited/test-utils/browser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vars } from './contract.css';
import { brandProperty, darkTheme, lightTheme } from './themes.css';
import { themeTokens, type ThemeName } from './tokens';
import { leafValues } from '@cited/test-utils/tokens';

const stylesFile = fileURLToPath(new URL('../../dist/styles.css', import.meta.url));

/** `var(--cited-color-text)` → `--cited-color-text` */
function propertyName(reference: string): string {
  const match = /^var\((--[^)]+)\)$/.exec(reference);
  if (!match?.[1]) throw new Error(`Not a CSS variable reference: ${reference}`);
  return match[1];
}

const contract = Object.entries(leafValues(vars)).map(([path, reference]) => ({ path, name: propertyName(reference) }));

/**
 * dist/styles.css is minified (`0.25rem` → `.25rem`, `120ms` → `.12s`) and browsers keep a custom
 * property's text as written: compare numbers as numbers (times in ms), ignoring whitespace.
 * Hex colours are left as they are.
 */
function normalize(value: string | undefined): string | undefined {
  return value
    ?.replace(/\s+/g, '')
    .replace(/(#[0-9a-f]+)|(-?\d*\.?\d+)(ms|s)?(?![\d.])/gi, (match, hex?: string, number?: string, unit?: string) => {
      if (hex || number === undefined) return match;
      if (unit?.toLowerCase() === 's') return `${Number(number) * 1000}ms`;
      return `${Number(number)}${unit ?? ''}`;
    });
}

interface Scenario {
  dataTheme?: ThemeName;
  htmlClass?: string;
  prefersDark?: boolean;
  prefersReducedMotion?: boolean;
  /** Rendered as print media (paper). */
  print?: boolean;
  /** A <section id="panel"> inside <body>, read instead of <html>. */
  panel?: { dataTheme?: ThemeName; className?: string };
  /** The page's own CSS, before or after styles.css. */
  pageCss?: { css: string; position: 'before' | 'after' };
}

let browser: Browser;
let page: Page;
let styles: string;

beforeAll(async () => {
  if (!existsSync(stylesFile)) throw new Error(`${stylesFile} is missing: build @cited/ui first (npx turbo run build --filter=@cited/ui).`);
  styles = readFileSync(stylesFile, 'utf8');
  browser = await launchPinnedChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** Every contract variable and `color-scheme`, as computed on <html> (or the panel) in `scenario`. */
async function computed(scenario: Scenario): Promise<Record<string, string>> {
  const before = scenario.pageCss?.position === 'before' ? scenario.pageCss.css : '';
  const after = scenario.pageCss?.position === 'after' ? scenario.pageCss.css : '';
  const panel = scenario.panel
    ? `<section id="panel"${scenario.panel.dataTheme ? ` data-theme="${scenario.panel.dataTheme}"` : ''}${scenario.panel.className ? ` class="${scenario.panel.className}"` : ''}></section>`
    : '';
  const html = `<!DOCTYPE html><html${scenario.dataTheme ? ` data-theme="${scenario.dataTheme}"` : ''}${scenario.htmlClass ? ` class="${scenario.htmlClass}"` : ''}><head><style>${before}</style><style>${styles}</style><style>${after}</style></head><body>${panel}</body></html>`;
  await page.emulateMedia({
    colorScheme: scenario.prefersDark ? 'dark' : 'light',
    reducedMotion: scenario.prefersReducedMotion ? 'reduce' : 'no-preference',
    media: scenario.print ? 'print' : 'screen',
  });
  await page.setContent(html);
  const names = [...contract.map(({ name }) => name), brandProperty];
  return page.evaluate((properties) => {
    const target = document.getElementById('panel') ?? document.documentElement;
    const style = getComputedStyle(target);
    return Object.fromEntries([...properties, 'color-scheme'].map((name) => [name, style.getPropertyValue(name).trim()]));
  }, names);
}

/** Which theme's values `values` carries, checked on every contract variable. */
function expectTheme(values: Record<string, string>, theme: ThemeName) {
  const expected = leafValues(themeTokens[theme]);
  const mismatches = contract
    .filter(({ path, name }) => normalize(values[name]) !== normalize(expected[path]))
    .map(({ path, name }) => `${path}: ${values[name] || '(unset)'} (expected ${expected[path]})`);
  expect(mismatches, `variables not set to the ${theme} theme`).toEqual([]);
}

const value = (values: Record<string, string>, reference: string) => normalize(values[propertyName(reference)]);

describe('the theme CSS in Chromium', () => {
  it('is light by default, and dark when the reader prefers a dark colour scheme', async () => {
    const light = await computed({});
    expectTheme(light, 'light');
    expect(light['color-scheme']).toBe('light');
    const dark = await computed({ prefersDark: true });
    expectTheme(dark, 'dark');
    expect(dark['color-scheme']).toBe('dark');
  });

  it('follows data-theme on <html> whatever the preference', async () => {
    expectTheme(await computed({ prefersDark: true, dataTheme: 'light' }), 'light');
    expectTheme(await computed({ dataTheme: 'dark' }), 'dark');
    expect((await computed({ dataTheme: 'dark', prefersDark: true }))['color-scheme']).toBe('dark');
  });

  it('forces a theme on the whole page with the darkTheme or lightTheme class on <html>', async () => {
    for (const scenario of [{}, { prefersDark: true }, { dataTheme: 'light' as const }]) {
      const values = await computed({ ...scenario, htmlClass: darkTheme });
      expectTheme(values, 'dark');
      expect(values['color-scheme']).toBe('dark');
    }
    for (const scenario of [{}, { prefersDark: true }, { dataTheme: 'dark' as const }]) {
      const values = await computed({ ...scenario, htmlClass: lightTheme });
      expectTheme(values, 'light');
      expect(values['color-scheme']).toBe('light');
    }
  });

  it('prints in the light theme whatever the screen shows: preference, data-theme, class, subtree', async () => {
    for (const scenario of [{ prefersDark: true }, { dataTheme: 'dark' as const }, { htmlClass: darkTheme }, { panel: { dataTheme: 'dark' as const } }]) {
      const values = await computed({ ...scenario, print: true });
      expectTheme(values, 'light');
      expect(values['color-scheme']).toBe('light');
    }
    // A page's own rule still wins on paper too.
    const branded = await computed({ dataTheme: 'dark', print: true, pageCss: { css: ':root { --cited-color-text: #000; }', position: 'before' } });
    expect(value(branded, vars.color.text)).toBe(normalize('#000'));
  });

  it('forces a theme on a subtree with a theme class or data-theme, over whatever <html> says', async () => {
    expectTheme(await computed({ panel: { className: darkTheme } }), 'dark');
    expectTheme(await computed({ prefersDark: true, panel: { className: lightTheme } }), 'light');
    expectTheme(await computed({ dataTheme: 'dark', panel: { className: lightTheme } }), 'light');
    expectTheme(await computed({ panel: { dataTheme: 'dark' } }), 'dark');
    expectTheme(await computed({ dataTheme: 'dark', panel: { dataTheme: 'light' } }), 'light');
    expectTheme(await computed({ htmlClass: darkTheme, panel: { dataTheme: 'light' } }), 'light');
    expectTheme(await computed({ htmlClass: darkTheme, panel: { className: lightTheme } }), 'light');
  });

  it.each(['before', 'after'] as const)("lets a page override tokens with plain CSS from a stylesheet %s styles.css (the README's recipe)", async (position) => {
    const accent = propertyName(vars.color.accent);
    const css = `
      :root { ${accent}: #5b2a86; }
      @media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { ${accent}: #c9a9f4; } }
      [data-theme="dark"] { ${accent}: #c9a9f4; }`;
    expect((await computed({ pageCss: { css, position } }))[accent]).toBe('#5b2a86');
    expect((await computed({ dataTheme: 'light', prefersDark: true, pageCss: { css, position } }))[accent]).toBe('#5b2a86');
    const dark = await computed({ prefersDark: true, pageCss: { css, position } });
    expect(dark[accent]).toBe('#c9a9f4');
    expect((await computed({ dataTheme: 'dark', pageCss: { css, position } }))[accent]).toBe('#c9a9f4');
    // Everything not overridden keeps the theme's value.
    expect(dark[propertyName(vars.color.text)]).toBe(themeTokens.dark.color.text);
  });

  it.each(['before', 'after'] as const)('lets a page override a theme class on <html> from a stylesheet %s styles.css', async (position) => {
    const accent = propertyName(vars.color.accent);
    const css = `:root { ${accent}: #5b2a86; } .${darkTheme} { ${propertyName(vars.color.text)}: #fafafa; }`;
    const values = await computed({ htmlClass: darkTheme, pageCss: { css, position } });
    expect(values[accent]).toBe('#5b2a86');
    expect(values[propertyName(vars.color.text)]).toBe('#fafafa');
    expect(values[propertyName(vars.color.surface)]).toBe(themeTokens.dark.color.surface);
  });

  it.each(['before', 'after'] as const)('re-brands accent, links and their shades from one colour, from a stylesheet %s styles.css', async (position) => {
    const pageCss = { css: `:root { ${brandProperty}: #5b2a86; }`, position };
    const light = await computed({ pageCss });
    expect(value(light, vars.color.accent)).toBe('#5b2a86');
    expect(value(light, vars.color.link)).toBe('#5b2a86');
    expect(value(light, vars.color.linkHover)).toBe(normalize('color-mix(in oklab, #5b2a86 75%, black)'));
    expect(value(light, vars.color.linkVisited)).toBe(normalize(`color-mix(in oklab, #5b2a86 70%, ${themeTokens.light.color.linkVisited})`));
    // What the brand does not carry keeps the theme's value.
    expect(value(light, vars.color.focusRing)).toBe(themeTokens.light.color.focusRing);
    expect(value(light, vars.color.textOnAccent)).toBe(themeTokens.light.color.textOnAccent);
    const dark = await computed({ dataTheme: 'dark', pageCss });
    expect(value(dark, vars.color.accent)).toBe(normalize('color-mix(in oklab, #5b2a86 55%, white)'));
    expect(value(dark, vars.color.link)).toBe(normalize('color-mix(in oklab, #5b2a86 55%, white)'));
    // Unset (the default), every branded colour is the theme's own.
    expectTheme(await computed({}), 'light');
  });

  it('zeroes motion durations for readers who prefer reduced motion, inside theme classes too', async () => {
    const reduced = await computed({ prefersReducedMotion: true });
    expect(value(reduced, vars.motion.duration.fast)).toBe('0ms');
    expect(value(reduced, vars.motion.duration.normal)).toBe('0ms');
    expect(value(await computed({}), vars.motion.duration.normal)).toBe(normalize(themeTokens.light.motion.duration.normal));
    const panel = await computed({ prefersReducedMotion: true, panel: { className: darkTheme } });
    expect(value(panel, vars.motion.duration.normal)).toBe('0ms');
    const onHtml = await computed({ prefersReducedMotion: true, htmlClass: lightTheme });
    expect(value(onHtml, vars.motion.duration.fast)).toBe('0ms');
    expect(value(await computed({ panel: { className: darkTheme } }), vars.motion.duration.normal)).toBe(normalize(themeTokens.dark.motion.duration.normal));
  });
});
