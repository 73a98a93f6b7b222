import { tokensStudioTokens, tokensStudioTypes } from './tokensStudio';

type Token = { $type: string; $value: unknown };
function leaves(tree: object, prefix = ''): Record<string, Token> {
  return Object.fromEntries(
    Object.entries(tree)
      .filter(([key]) => !key.startsWith('$'))
      .flatMap(([key, value]): [string, Token][] =>
        '$value' in (value as object) ? [[`${prefix}${key}`, value as Token]] : Object.entries(leaves(value as object, `${prefix}${key}.`)),
      ),
  );
}

const file = tokensStudioTokens() as Record<string, object> & { $themes: unknown; $metadata: unknown };

describe('tokens-studio.json', () => {
  it('has the three sets, in order, and a Light and a Dark theme built on core', () => {
    expect(file.$metadata).toEqual({ tokenSetOrder: ['core', 'light', 'dark'] });
    expect(file.$themes).toEqual([
      { id: 'light', name: 'Light', selectedTokenSets: { core: 'source', light: 'enabled' } },
      { id: 'dark', name: 'Dark', selectedTokenSets: { core: 'source', dark: 'enabled' } },
    ]);
  });

  it('uses Tokens Studio’s token types and plain values, with aliases into core', () => {
    const core = leaves(file.core as object);
    for (const set of ['core', 'light', 'dark']) {
      for (const [path, token] of Object.entries(leaves(file[set] as object))) {
        expect(tokensStudioTypes, `${set} ${path}`).toContain(token.$type);
        const alias = typeof token.$value === 'string' ? /^\{(.+)\}$/.exec(token.$value)?.[1] : undefined;
        if (alias) expect(core[alias], `${set} ${path} → ${alias}`).toBeDefined();
        if (token.$type === 'boxShadow') {
          for (const layer of token.$value as Record<string, unknown>[]) for (const part of Object.values(layer)) expect(typeof part).toBe('string');
        } else expect(typeof token.$value, `${set} ${path}`).toBe('string');
      }
    }
    expect(JSON.stringify(file)).not.toMatch(/\[object Object\]|undefined|NaN/);
  });

  it('writes values as Tokens Studio reads them', () => {
    const core = leaves(file.core as object);
    const light = leaves(file.light as object);
    expect(core['space.md']).toEqual({ $type: 'spacing', $value: '1rem' });
    expect(core['radius.sm']).toEqual({ $type: 'borderRadius', $value: '4px' });
    expect(core['fontSize.md']).toEqual({ $type: 'fontSizes', $value: '1.125rem' });
    expect(core['lineHeight.body']).toEqual({ $type: 'lineHeights', $value: '165%' });
    expect(core['font.body']?.$value).toBe('"Iowan Old Style", Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif');
    expect(core['color.palette.blue.45']).toEqual({ $type: 'color', $value: '#0b55a0' });
    expect(light['color.link']).toEqual({ $type: 'color', $value: '{color.palette.blue.45}' });
    expect(light['shadow.sm']?.$value).toEqual([{ x: '0', y: '1', blur: '2', spread: '0', color: 'rgba(27, 33, 38, 0.08)', type: 'dropShadow' }]);
  });
});
