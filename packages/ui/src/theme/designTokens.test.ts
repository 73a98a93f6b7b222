import { vars } from './contract.css';
import { designTokens, designTokenSets, type DesignToken } from './designTokens';
import { breakpoints, palette, themeNames, themeTokens } from './tokens';

/** Tokens of a group keyed by dotted path, stopping at DTCG tokens (objects with $value). */
function leaves(tree: object, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree)
      .filter(([key]) => !key.startsWith('$'))
      .flatMap(([key, value]): [string, unknown][] =>
        typeof value === 'object' && value !== null && !('$value' in value) && !Array.isArray(value)
          ? Object.entries(leaves(value, `${prefix}${key}.`))
          : [[`${prefix}${key}`, value]],
      ),
  );
}

const sets = designTokenSets();
const core = leaves(sets.core) as Record<string, DesignToken>;
const themeSet = (theme: string) => leaves(sets[theme as 'light']) as Record<string, DesignToken>;
const contract = leaves(vars) as Record<string, string>;

/** A theme's tokens resolved as a tool would: core plus the theme set, aliases followed. */
function resolved(theme: string): Record<string, DesignToken> {
  const all = { ...core, ...themeSet(theme) };
  const follow = (value: unknown): unknown => (typeof value === 'string' && /^\{.+\}$/.test(value) ? follow(all[value.slice(1, -1)]?.$value) : value);
  return Object.fromEntries(Object.entries(all).map(([path, token]) => [path, { ...token, $value: follow(token.$value) }]));
}

/** OKLCH lightness of an sRGB hex colour (Björn Ottosson's OKLab), 0–1. */
function oklchLightness(hex: string): number {
  const linear = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const [r, g, b] = linear;
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s;
}

describe('tokens.json (DTCG)', () => {
  it('holds the sets core, light and dark', () => {
    expect(Object.keys(designTokens()).filter((key) => !key.startsWith('$'))).toEqual(['core', 'light', 'dark']);
  });

  it.each(themeNames)('gives every custom property of the %s theme one token, tied to its property by name', (theme) => {
    const tokens = { ...core, ...themeSet(theme) };
    const tied = Object.entries(tokens).filter(([, token]) => token.$extensions);
    for (const [path, token] of tied) expect(`var(${token.$extensions?.['cited.css'].property})`, path).toBe(contract[path]);
    // The measure (66ch) has no DTCG unit: it is described in core's $extensions instead.
    expect(tied.map(([path]) => path).sort()).toEqual(Object.keys(contract).filter((path) => path !== 'measure').sort());
    expect(sets.core.$extensions).toMatchObject({ 'cited.css': { measure: { property: '--cited-measure', value: '66ch' } } });
  });

  it('writes the semantic colours as aliases of palette colours, resolving to the theme values', () => {
    for (const theme of themeNames) {
      const colours = Object.entries(themeSet(theme)).filter(([path]) => path.startsWith('color.'));
      expect(colours.length).toBeGreaterThan(20);
      for (const [path, token] of colours) {
        expect(token.$value, path).toMatch(/^\{color\.palette\.[a-z]+(\.\d+)?\}$/);
        const source = leaves(themeTokens[theme])[path];
        expect((resolved(theme)[path]?.$value as { hex: string }).hex, `${theme} ${path}`).toBe(source);
      }
    }
    expect(themeSet('light')['color.text']?.$value).toBe('{color.palette.slate.24}');
    expect(themeSet('dark')['color.surfaceRaised']?.$value).toBe('{color.palette.slate.24}');
  });

  it('keys the palette by each colour’s OKLCH lightness in %', () => {
    for (const [family, steps] of Object.entries(palette)) {
      if (typeof steps === 'string') continue;
      for (const [step, hex] of Object.entries(steps)) expect(Math.round(oklchLightness(hex) * 100), `${family}.${step} ${hex}`).toBe(Number(step));
    }
    expect(core['color.palette.blue.45']?.$value).toEqual({ colorSpace: 'srgb', components: [0.0431, 0.3333, 0.6275], hex: '#0b55a0' });
  });

  it('uses only the units DTCG defines: px and rem for dimensions, ms for durations', () => {
    const units = new Set<string>();
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') {
        if ('unit' in value) units.add(String(value.unit));
        Object.values(value).forEach(visit);
      }
    };
    for (const token of Object.values({ ...core, ...themeSet('light'), ...themeSet('dark') })) visit(token.$value);
    expect([...units].sort()).toEqual(['px', 'rem']);
    const values = Object.values({ ...core, ...themeSet('light'), ...themeSet('dark') }).map((token) => token.$value);
    expect(JSON.stringify(values)).not.toMatch(/\d(ch|em|vw|vh|%)"/);
    expect(core['motion.duration.fast']).toMatchObject({ $type: 'duration', $value: '120ms' });
  });

  it('sizes type in whole pixels at a 16px root, so designers carry exact sizes into their tools', () => {
    const sizes = Object.entries(core).filter(([name]) => name.startsWith('fontSize.'));
    expect(sizes.length).toBeGreaterThanOrEqual(7);
    for (const [name, token] of sizes) {
      const { value, unit } = token.$value as { value: number; unit: string };
      const px = unit === 'rem' ? value * 16 : value;
      expect({ name, px }).toEqual({ name, px: Math.round(px) });
    }
  });

  it('writes dimensions, weights, easing, font stacks and breakpoints as structured values', () => {
    expect(core['space.md']?.$value).toEqual({ value: 1, unit: 'rem' });
    expect(core['space.none']?.$value).toEqual({ value: 0, unit: 'px' });
    expect(core['radius.pill']?.$value).toEqual({ value: 999, unit: 'px' });
    expect(core['motion.easing']).toMatchObject({ $type: 'cubicBezier', $value: [0.2, 0, 0, 1] });
    expect(core['fontWeight.bold']).toMatchObject({ $type: 'fontWeight', $value: 700 });
    expect(core['font.mono']?.$value).toEqual(['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', 'Liberation Mono', 'monospace']);
    for (const [name, px] of Object.entries(breakpoints)) expect(core[`breakpoint.${name}`]?.$value).toEqual({ value: px, unit: 'px' });
  });

  it('splits layered shadows and keeps their alpha', () => {
    expect(themeSet('dark')['shadow.md']?.$value).toEqual([
      {
        color: { colorSpace: 'srgb', components: [0, 0, 0], alpha: 0.4, hex: '#000000' },
        offsetX: { value: 0, unit: 'px' },
        offsetY: { value: 2, unit: 'px' },
        blur: { value: 4, unit: 'px' },
        spread: { value: 0, unit: 'px' },
      },
      {
        color: { colorSpace: 'srgb', components: [0, 0, 0], alpha: 0.45, hex: '#000000' },
        offsetX: { value: 0, unit: 'px' },
        offsetY: { value: 8, unit: 'px' },
        blur: { value: 24, unit: 'px' },
        spread: { value: 0, unit: 'px' },
      },
    ]);
  });

  it('differs between the themes exactly where the theme values differ', () => {
    const light = themeSet('light');
    const dark = themeSet('dark');
    const sourceLight = leaves(themeTokens.light);
    const sourceDark = leaves(themeTokens.dark);
    expect(Object.keys(light).sort()).toEqual(Object.keys(dark).sort());
    for (const path of Object.keys(light)) {
      expect(JSON.stringify(light[path]?.$value) !== JSON.stringify(dark[path]?.$value), path).toBe(sourceLight[path] !== sourceDark[path]);
    }
  });

  it('refuses a theme colour that is not in the palette, naming it', async () => {
    const { lightColors } = await import('./tokens');
    const original = lightColors.accent;
    lightColors.accent = '#123456';
    try {
      expect(() => designTokenSets()).toThrow(/color\.accent \(#123456\) is not in the palette/);
    } finally {
      lightColors.accent = original;
    }
  });
});
