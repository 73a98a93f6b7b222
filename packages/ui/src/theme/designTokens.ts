/**
 * The theme as Design Tokens Community Group tokens (format 2025.10): both themes, every token,
 * each with its `--cited-*` custom property. Written to `dist/tokens.json` at build time from the
 * same `themeTokens` the stylesheet is compiled from, so the two cannot drift apart.
 */
import { tokenPropertyName } from './names';
import { themeNames, themeTokens } from './tokens';

type Dimension = { value: number; unit: string };
type Color = { colorSpace: 'srgb'; components: [number, number, number]; alpha?: number; hex: string };
type Shadow = { color: Color; offsetX: Dimension; offsetY: Dimension; blur: Dimension; spread: Dimension };

export interface DesignToken {
  $type: 'color' | 'dimension' | 'fontFamily' | 'fontWeight' | 'number' | 'duration' | 'cubicBezier' | 'shadow';
  $value: unknown;
  $description?: string;
  $extensions: { 'cited.css': { property: string } };
}
export interface DesignTokenGroup {
  [name: string]: DesignToken | DesignTokenGroup | string;
}

const round = (value: number) => Math.round(value * 10000) / 10000;
const hexByte = (value: number) => Math.round(value).toString(16).padStart(2, '0');

function color(css: string): Color {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  const rgb = /^rgb\((\d+) (\d+) (\d+)(?: \/ ([\d.]+))?\)$/.exec(css);
  const channels = hex ? hex.slice(1, 4).map((h) => parseInt(h, 16)) : rgb?.slice(1, 4).map(Number);
  if (!channels) throw new Error(`tokens.json: cannot read the colour "${css}" (expected #rrggbb or rgb(r g b / a))`);
  const [r, g, b] = channels as [number, number, number];
  const alpha = rgb?.[4] === undefined ? undefined : Number(rgb[4]);
  return {
    colorSpace: 'srgb',
    components: [round(r / 255), round(g / 255), round(b / 255)],
    ...(alpha === undefined ? {} : { alpha }),
    hex: `#${hexByte(r)}${hexByte(g)}${hexByte(b)}`,
  };
}

function dimension(css: string): Dimension {
  if (css === '0') return { value: 0, unit: 'px' };
  const match = /^(-?[\d.]+)(px|rem|ch)$/.exec(css);
  if (!match) throw new Error(`tokens.json: cannot read the dimension "${css}" (expected px, rem or ch)`);
  return { value: Number(match[1]), unit: match[2] as string };
}

function duration(css: string): Dimension {
  const match = /^([\d.]+)ms$/.exec(css);
  if (!match) throw new Error(`tokens.json: cannot read the duration "${css}" (expected ms)`);
  return { value: Number(match[1]), unit: 'ms' };
}

/** Splits at commas outside parentheses: shadow layers and font stacks. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of list) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  return [...parts, current.trim()];
}

function shadow(css: string): Shadow[] {
  return splitTopLevel(css).map((layer) => {
    const match = /^(\S+) (\S+) (\S+)(?: (\S+))? (rgb\(.+\)|#[0-9a-f]{6})$/i.exec(layer);
    if (!match) throw new Error(`tokens.json: cannot read the shadow layer "${layer}"`);
    const [, x, y, blur, spread, shade] = match as unknown as [string, string, string, string, string | undefined, string];
    return {
      color: color(shade),
      offsetX: dimension(x),
      offsetY: dimension(y),
      blur: dimension(blur),
      spread: dimension(spread ?? '0'),
    };
  });
}

function cubicBezier(css: string): number[] {
  const match = /^cubic-bezier\(([^)]+)\)$/.exec(css);
  if (!match?.[1]) throw new Error(`tokens.json: cannot read the easing "${css}"`);
  return match[1].split(',').map(Number);
}

const fontFamily = (css: string): string[] => splitTopLevel(css).map((name) => name.replace(/^"(.*)"$/, '$1'));

/** How each top-level group of the theme is written as DTCG tokens. */
function leaf(path: readonly string[], css: string): DesignToken {
  const extensions = { 'cited.css': { property: `--${tokenPropertyName(path)}` } };
  const [group, child] = path;
  const make = ($type: DesignToken['$type'], $value: unknown, $description?: string): DesignToken => ({
    $type,
    $value,
    ...($description ? { $description } : {}),
    $extensions: extensions,
  });
  switch (group) {
    case 'color':
      return make('color', color(css));
    case 'font':
      return make('fontFamily', fontFamily(css));
    case 'fontSize':
    case 'space':
    case 'radius':
      return make('dimension', dimension(css));
    case 'measure':
      return make('dimension', dimension(css), 'Reading measure in characters (ch), beyond the px/rem the format names.');
    case 'fontWeight':
      return make('fontWeight', Number(css));
    case 'lineHeight':
      return make('number', Number(css));
    case 'shadow':
      return make('shadow', shadow(css));
    case 'motion':
      return child === 'easing' ? make('cubicBezier', cubicBezier(css)) : make('duration', duration(css));
    default:
      throw new Error(`tokens.json: no DTCG type for the token group "${group}"`);
  }
}

function group(tokens: object, path: readonly string[]): DesignTokenGroup {
  return Object.fromEntries(
    Object.entries(tokens).map(([key, value]) => [
      key,
      typeof value === 'string' ? leaf([...path, key], value) : group(value as object, [...path, key]),
    ]),
  );
}

/** `{ light: {…}, dark: {…} }`: the same token paths in each theme, values differing where the themes do. */
export function designTokens(): DesignTokenGroup {
  return {
    $description:
      'Design tokens of @cited/ui, one group per theme. $extensions["cited.css"].property names the CSS custom property that carries each value.',
    ...Object.fromEntries(themeNames.map((theme) => [theme, group(themeTokens[theme], [])])),
  };
}
