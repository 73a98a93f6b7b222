// @vitest-environment node
/**
 * The README's Style Dictionary build, run on the token files the package ships: CSS variables with
 * the stylesheet's names and values, and JavaScript, with no transform or config of our own. Fails
 * on "[object Object]" (a value Style Dictionary could not read), a wrong name or a wrong value.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import StyleDictionary from 'style-dictionary';
import { vars } from './contract.css';
import { designTokenSets } from './designTokens';
import { breakpoints, palette, themeNames, themeTokens, type ThemeName } from './tokens';

const dir = mkdtempSync(path.join(tmpdir(), 'cited-style-dictionary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const [name, set] of Object.entries(designTokenSets())) writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(set));

/** The README's config, with the package's paths replaced by the files written above. */
async function build(theme: ThemeName): Promise<{ css: string; js: string }> {
  const out = path.join(dir, `build-${theme}`, '/');
  const sd = new StyleDictionary({
    source: [path.join(dir, 'core.json'), path.join(dir, `${theme}.json`)],
    log: { verbosity: 'silent', warnings: 'disabled' },
    platforms: {
      css: { transformGroup: 'css', prefix: 'cited', buildPath: out, files: [{ destination: 'tokens.css', format: 'css/variables' }] },
      js: { transformGroup: 'js', buildPath: out, files: [{ destination: 'tokens.js', format: 'javascript/es6' }] },
    },
  });
  await sd.buildAllPlatforms();
  return { css: readFileSync(path.join(out, 'tokens.css'), 'utf8'), js: readFileSync(path.join(out, 'tokens.js'), 'utf8') };
}

function leaves(tree: object, prefix: string[] = []): [string[], string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[[...prefix, key], value] as [string[], string]] : leaves(value as object, [...prefix, key])));
}

/** CSS values compared by meaning: colours as rgba numbers, 0 as 0px, font names without quotes, shadows with their spread. */
function normalise(value: string): string {
  const colour = (css: string): string => {
    const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
    if (hex) return `rgba(${hex.slice(1).map((h) => parseInt(h, 16)).join(',')},1)`;
    const rgb = /^rgb\(([\d.]+%?) ([\d.]+%?) ([\d.]+%?)(?: \/ ([\d.]+))?\)$/.exec(css);
    if (!rgb) return css;
    const channel = (c: string) => Math.round(c.endsWith('%') ? (parseFloat(c) * 255) / 100 : Number(c));
    return `rgba(${rgb.slice(1, 4).map((c) => channel(c ?? '0')).join(',')},${rgb[4] ?? 1})`;
  };
  const layers = value.split(/,(?![^(]*\))/).map((layer) => layer.trim());
  if (layers.every((layer) => /^(\S+ ){2,3}\S+ (rgb\(.+\)|#\w+)$/.test(layer))) {
    return layers
      .map((layer) => {
        const parts = layer.replace(/ (rgb\(.+\)|#\w+)$/, '').split(' ').map((part) => (part === '0' ? '0px' : part));
        return [...parts, ...(parts.length === 3 ? ['0px'] : []), colour(/(rgb\(.+\)|#\w+)$/.exec(layer)?.[0] ?? '')].join(' ');
      })
      .join(', ');
  }
  if (layers.length > 1) return layers.map((name) => name.replace(/^['"](.*)['"]$/, '$1')).join(', ');
  return value === '0' ? '0px' : colour(value);
}

describe.each(themeNames)('Style Dictionary 5 on tokens/core.json + tokens/%s.json', (theme) => {
  let css = '';
  let js = '';
  beforeAll(async () => ({ css, js } = await build(theme)));

  it('writes every value it read: no [object Object], undefined or NaN', () => {
    for (const output of [css, js]) expect(output).not.toMatch(/\[object Object\]|undefined|NaN/);
  });

  it('names the variables as styles.css does and gives them its values', () => {
    const emitted = Object.fromEntries([...css.matchAll(/^\s*(--[\w-]+): (.+?);(?: \/\*.*\*\/)?$/gm)].map((match) => [match[1], match[2]]));
    for (const name of Object.keys(emitted)) expect(name).toMatch(/^--cited-/);
    const expected = leaves(themeTokens[theme]).filter(([tokenPath]) => tokenPath[0] !== 'measure');
    const property = (tokenPath: string[]) => /^var\((--[\w-]+)\)$/.exec(tokenPath.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], vars) as string)?.[1] ?? '';
    for (const [tokenPath, value] of expected) {
      expect(emitted[property(tokenPath)], `${property(tokenPath)} (${tokenPath.join('.')})`).toBeDefined();
      expect(normalise(emitted[property(tokenPath)] ?? ''), property(tokenPath)).toBe(normalise(value));
    }
    // Beyond the stylesheet's properties: the palette and the breakpoints, and nothing else.
    const stylesheet = new Set(expected.map(([tokenPath]) => property(tokenPath)));
    const extra = Object.keys(emitted).filter((name) => !stylesheet.has(name));
    for (const name of extra) expect(name).toMatch(/^--cited-(color-palette-[a-z]+(-\d+)?|breakpoint-[a-z]+)$/);
    const paletteColours = Object.values(palette).reduce((count, steps) => count + (typeof steps === 'string' ? 1 : Object.keys(steps).length), 0);
    expect(extra.length).toBe(paletteColours + Object.keys(breakpoints).length);
  });

  it('writes JavaScript constants with the same values', () => {
    expect(js).toContain(`export const ColorText = "${themeTokens[theme].color.text}";`);
    expect(js).toContain('export const SpaceMd = "1rem";');
    expect(js).toContain('export const BreakpointTablet = "768px";');
  });
});
