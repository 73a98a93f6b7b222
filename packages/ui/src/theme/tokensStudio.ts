/**
 * tokens-studio.json: the same three sets for Tokens Studio for Figma, in its own token format
 * (its token types, values as CSS-like strings) with its `$themes` (Light, Dark: core as the
 * source set plus the theme's set) and `$metadata` (the set order). Aliases keep the DTCG syntax,
 * which Tokens Studio shares: `{color.palette.blue.45}`.
 */
import { designTokenSets, type DesignToken, type DesignTokenGroup } from './designTokens';
import { themeNames } from './tokens';

/** The token types Tokens Studio knows (its TokenTypes enum), of those used here. */
export const tokensStudioTypes = ['color', 'fontFamilies', 'fontSizes', 'fontWeights', 'lineHeights', 'spacing', 'borderRadius', 'sizing', 'boxShadow', 'other'] as const;
type TokensStudioType = (typeof tokensStudioTypes)[number];

interface TokensStudioToken {
  $type: TokensStudioType;
  $value: string | { x: string; y: string; blur: string; spread: string; color: string; type: 'dropShadow' }[];
  $description?: string;
}

type Color = { components: number[]; alpha?: number; hex: string };
type Dimension = { value: number; unit: string };

const colorString = (color: Color): string =>
  color.alpha === undefined ? color.hex : `rgba(${color.components.map((c) => Math.round(c * 255)).join(', ')}, ${color.alpha})`;
const dimensionString = ({ value, unit }: Dimension): string => `${value}${unit}`;
/** Tokens Studio reads shadow offsets as px numbers. */
const px = ({ value, unit }: Dimension): string => (unit === 'px' ? String(value) : `${value}${unit}`);
const fontStack = (names: string[]): string => names.map((name) => (/\s/.test(name) ? `"${name}"` : name)).join(', ');

function convert(token: DesignToken, path: readonly string[]): TokensStudioToken {
  const [group] = path;
  const described = token.$description ? { $description: token.$description } : {};
  const value = token.$value;
  switch (token.$type) {
    case 'color':
      return { $type: 'color', $value: typeof value === 'string' ? value : colorString(value as Color), ...described };
    case 'dimension': {
      const type = ({ fontSize: 'fontSizes', space: 'spacing', radius: 'borderRadius' } as const)[group as 'fontSize' | 'space' | 'radius'] ?? 'sizing';
      return { $type: type, $value: dimensionString(value as Dimension), ...described };
    }
    case 'fontFamily':
      return { $type: 'fontFamilies', $value: fontStack(value as string[]), ...described };
    case 'fontWeight':
      return { $type: 'fontWeights', $value: String(value), ...described };
    case 'number':
      // Line heights as a percentage of the font size, the form Figma takes.
      return { $type: 'lineHeights', $value: `${Math.round((value as number) * 100)}%`, ...described };
    case 'duration':
      return { $type: 'other', $value: String(value), ...described };
    case 'cubicBezier':
      return { $type: 'other', $value: `cubic-bezier(${(value as number[]).join(', ')})`, ...described };
    case 'shadow':
      return {
        $type: 'boxShadow',
        $value: (value as { color: Color; offsetX: Dimension; offsetY: Dimension; blur: Dimension; spread: Dimension }[]).map((layer) => ({
          x: px(layer.offsetX),
          y: px(layer.offsetY),
          blur: px(layer.blur),
          spread: px(layer.spread),
          color: colorString(layer.color),
          type: 'dropShadow',
        })),
        ...described,
      };
  }
}

function convertGroup(tokens: DesignTokenGroup, path: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tokens).flatMap(([key, value]): [string, unknown][] => {
      if (key === '$extensions') return [];
      if (key.startsWith('$')) return [[key, value]];
      const node = value as DesignToken | DesignTokenGroup;
      return [[key, '$value' in node ? convert(node as DesignToken, [...path, key]) : convertGroup(node as DesignTokenGroup, [...path, key])]];
    }),
  );
}

export function tokensStudioTokens(): Record<string, unknown> {
  const sets = designTokenSets();
  return {
    ...Object.fromEntries(Object.entries(sets).map(([name, set]) => [name, convertGroup(set, [])])),
    $themes: themeNames.map((name) => ({
      id: name,
      name: name === 'light' ? 'Light' : 'Dark',
      selectedTokenSets: { core: 'source', [name]: 'enabled' },
    })),
    $metadata: { tokenSetOrder: ['core', ...themeNames] },
  };
}
