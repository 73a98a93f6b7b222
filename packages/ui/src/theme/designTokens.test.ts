import { vars } from './contract.css';
import { designTokens, type DesignToken, type DesignTokenGroup } from './designTokens';
import { themeNames, themeTokens } from './tokens';

/** Leaves of a nested object keyed by dotted path, stopping at DTCG tokens (objects with $value). */
function leaves(tree: object, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree)
      .filter(([key]) => !key.startsWith('$'))
      .flatMap(([key, value]): [string, unknown][] =>
        typeof value === 'object' && value !== null && !('$value' in value)
          ? Object.entries(leaves(value, `${prefix}${key}.`))
          : [[`${prefix}${key}`, value]],
      ),
  );
}

const tokens = designTokens();
const themeGroup = (theme: string) => tokens[theme] as DesignTokenGroup;

describe('tokens.json (DTCG)', () => {
  it.each(themeNames)('holds every token of the %s theme, each typed, valued and tied to its CSS property', (theme) => {
    const tokenLeaves = leaves(themeGroup(theme)) as Record<string, DesignToken>;
    expect(Object.keys(tokenLeaves).sort()).toEqual(Object.keys(leaves(themeTokens[theme])).sort());
    const contract = leaves(vars) as Record<string, string>;
    for (const [path, token] of Object.entries(tokenLeaves)) {
      expect(token.$type, path).toMatch(/^(color|dimension|fontFamily|fontWeight|number|duration|cubicBezier|shadow)$/);
      expect(token.$value, path).toBeDefined();
      expect(`var(${token.$extensions['cited.css'].property})`, path).toBe(contract[path]);
    }
  });

  it('writes colours as sRGB components with the hex the theme uses', () => {
    const light = leaves(themeGroup('light')) as Record<string, DesignToken>;
    expect(light['color.text']?.$value).toEqual({
      colorSpace: 'srgb',
      components: [0.1059, 0.1294, 0.149],
      hex: themeTokens.light.color.text,
    });
    const dark = leaves(themeGroup('dark')) as Record<string, DesignToken>;
    expect((dark['color.tone.caution.emphasis']?.$value as { hex: string }).hex).toBe(themeTokens.dark.color.tone.caution.emphasis);
  });

  it('writes dimensions, durations, weights, easing and font stacks as structured values', () => {
    const light = leaves(themeGroup('light')) as Record<string, DesignToken>;
    expect(light['space.md']?.$value).toEqual({ value: 1, unit: 'rem' });
    expect(light['space.none']?.$value).toEqual({ value: 0, unit: 'px' });
    expect(light['radius.pill']?.$value).toEqual({ value: 999, unit: 'px' });
    expect(light['motion.duration.fast']).toMatchObject({ $type: 'duration', $value: { value: 120, unit: 'ms' } });
    expect(light['motion.easing']).toMatchObject({ $type: 'cubicBezier', $value: [0.2, 0, 0, 1] });
    expect(light['fontWeight.bold']).toMatchObject({ $type: 'fontWeight', $value: 700 });
    expect(light['font.mono']?.$value).toEqual(['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', 'Liberation Mono', 'monospace']);
  });

  it('splits layered shadows and keeps their alpha', () => {
    const dark = leaves(themeGroup('dark')) as Record<string, DesignToken>;
    expect(dark['shadow.md']?.$value).toEqual([
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
    const light = leaves(themeGroup('light')) as Record<string, DesignToken>;
    const dark = leaves(themeGroup('dark')) as Record<string, DesignToken>;
    const sourceLight = leaves(themeTokens.light);
    const sourceDark = leaves(themeTokens.dark);
    for (const path of Object.keys(light)) {
      const sourceDiffers = sourceLight[path] !== sourceDark[path];
      expect(JSON.stringify(light[path]?.$value) !== JSON.stringify(dark[path]?.$value), path).toBe(sourceDiffers);
    }
  });
});
