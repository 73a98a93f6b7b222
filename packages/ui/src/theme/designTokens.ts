/**
 * The theme as Design Tokens Community Group tokens (format 2025.10), in three sets:
 * - `core`: the primitive palette and everything both themes share (type, space, radii, motion,
 *   breakpoints);
 * - `light` and `dark`: the semantic colours, each an alias of a palette colour
 *   (`{color.palette.blue.45}`), and the shadows.
 * Token paths are the stylesheet's custom property names: `color.textMuted` is
 * `--cited-color-text-muted` (Style Dictionary's `name/kebab` with the `cited` prefix gives exactly
 * these), and every token the stylesheet sets names its property in `$extensions["cited.css"]`.
 * Written to dist/tokens.json and dist/tokens/{core,light,dark}.json at build time from the same
 * source the stylesheet is compiled from, so they cannot drift apart.
 *
 * Two deliberate departures, both for tools in use today: durations are strings ("120ms", the
 * format's earlier drafts) because Style Dictionary 5 does not read duration objects yet; and the
 * reading measure (66ch) has no DTCG unit, so it is not a token: it is in `$extensions` of `core`.
 */
import { tokenPropertyName } from './names';
import { breakpoints, motion, palette, themeNames, themeTokens, typography, type ThemeName } from './tokens';

type Dimension = { value: number; unit: string };
type Color = { colorSpace: 'srgb'; components: [number, number, number]; alpha?: number; hex: string };
type Shadow = { color: Color; offsetX: Dimension; offsetY: Dimension; blur: Dimension; spread: Dimension };

export type DesignTokenType = 'color' | 'dimension' | 'fontFamily' | 'fontWeight' | 'number' | 'duration' | 'cubicBezier' | 'shadow';
export interface DesignToken {
  $type: DesignTokenType;
  $value: unknown;
  $description?: string;
  /** Tokens the stylesheet sets name their custom property; the palette and breakpoints have none. */
  $extensions?: { 'cited.css': { property: string } };
}
export interface DesignTokenGroup {
  [name: string]: DesignToken | DesignTokenGroup | string | object;
}

const round = (value: number) => Math.round(value * 10000) / 10000;
const hexByte = (value: number) => Math.round(value).toString(16).padStart(2, '0');

export function dtcgColor(css: string): Color {
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

export function dtcgDimension(css: string): Dimension {
  if (css === '0') return { value: 0, unit: 'px' };
  const match = /^(-?[\d.]+)(px|rem)$/.exec(css);
  if (!match) throw new Error(`tokens.json: cannot read the dimension "${css}" (DTCG dimensions are px or rem)`);
  return { value: Number(match[1]), unit: match[2] as string };
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
    return { color: dtcgColor(shade), offsetX: dtcgDimension(x), offsetY: dtcgDimension(y), blur: dtcgDimension(blur), spread: dtcgDimension(spread ?? '0') };
  });
}

function cubicBezier(css: string): number[] {
  const match = /^cubic-bezier\(([^)]+)\)$/.exec(css);
  if (!match?.[1]) throw new Error(`tokens.json: cannot read the easing "${css}"`);
  return match[1].split(',').map(Number);
}

const fontFamily = (css: string): string[] => splitTopLevel(css).map((name) => name.replace(/^"(.*)"$/, '$1'));

/** The palette path of a theme colour, for its alias; every theme colour is a palette colour. */
const paletteAliases = new Map<string, string>(
  Object.entries(palette).flatMap(([family, steps]) =>
    typeof steps === 'string' ? [[steps, `color.palette.${family}`]] : Object.entries(steps).map(([step, hex]) => [hex, `color.palette.${family}.${step}`] as [string, string]),
  ),
);

function token(path: readonly string[], $type: DesignTokenType, $value: unknown, $description?: string): DesignToken {
  return { $type, $value, ...($description ? { $description } : {}), $extensions: { 'cited.css': { property: `--${tokenPropertyName(path)}` } } };
}

/** How each top-level group of the theme is written as DTCG tokens. */
function leaf(path: readonly string[], css: string): DesignToken {
  const [group, child] = path;
  switch (group) {
    case 'color': {
      const alias = paletteAliases.get(css);
      if (!alias) throw new Error(`tokens.json: the colour ${path.join('.')} (${css}) is not in the palette: add it to \`palette\` in tokens.ts`);
      return token(path, 'color', `{${alias}}`);
    }
    case 'font':
      return token(path, 'fontFamily', fontFamily(css));
    case 'fontSize':
    case 'space':
    case 'radius':
      return token(path, 'dimension', dtcgDimension(css));
    case 'fontWeight':
      return token(path, 'fontWeight', Number(css));
    case 'lineHeight':
      return token(path, 'number', Number(css));
    case 'shadow':
      return token(path, 'shadow', shadow(css));
    case 'motion':
      return child === 'easing' ? token(path, 'cubicBezier', cubicBezier(css)) : token(path, 'duration', css);
    default:
      throw new Error(`tokens.json: no DTCG type for the token group "${group}"`);
  }
}

function group(tokens: object, path: readonly string[]): DesignTokenGroup {
  return Object.fromEntries(
    Object.entries(tokens).map(([key, value]) => [key, typeof value === 'string' ? leaf([...path, key], value) : group(value as object, [...path, key])]),
  );
}

function paletteGroup(): DesignTokenGroup {
  const color = (hex: string): DesignToken => ({ $type: 'color', $value: dtcgColor(hex) });
  return Object.fromEntries(
    Object.entries(palette).map(([family, steps]) => [
      family,
      typeof steps === 'string' ? color(steps) : Object.fromEntries(Object.entries(steps).map(([step, hex]) => [step, color(hex)])),
    ]),
  );
}

const { measure, ...sharedTypography } = typography;

function core(): DesignTokenGroup {
  const { space, radius } = themeTokens.light;
  return {
    $description: 'What both themes share: the primitive colour palette (keys are OKLCH lightness in %), type, space, radii, motion and breakpoints.',
    color: { palette: paletteGroup() },
    ...group(sharedTypography, []),
    space: group(space, ['space']),
    radius: group(radius, ['radius']),
    motion: group(motion, ['motion']),
    breakpoint: Object.fromEntries(
      Object.entries(breakpoints).map(([name, px]) => [name, { $type: 'dimension', $value: { value: px, unit: 'px' }, $description: 'Min-width of a layout range; for media queries, which cannot read custom properties.' }]),
    ),
    $extensions: {
      'cited.css': {
        measure: {
          property: `--${tokenPropertyName(['measure'])}`,
          value: measure,
          note: 'The reading measure is in ch (characters), which DTCG dimensions (px, rem) cannot express: it is set by styles.css, not a token.',
        },
      },
    },
  };
}

/** A theme set: its semantic colours (aliases into the palette) and its shadows. */
function theme(name: ThemeName): DesignTokenGroup {
  const { color, shadow: shadows } = themeTokens[name];
  return {
    $description: `The ${name} theme: semantic colours as aliases of the core palette, and shadows. Use with the core set.`,
    color: group(color, ['color']),
    shadow: group(shadows, ['shadow']),
  };
}

export function designTokenSets(): Record<'core' | ThemeName, DesignTokenGroup> {
  return { core: core(), ...(Object.fromEntries(themeNames.map((name) => [name, theme(name)])) as Record<ThemeName, DesignTokenGroup>) };
}

/** tokens.json: the three sets in one document, `{ core, light, dark }`. */
export function designTokens(): DesignTokenGroup {
  return {
    $description:
      'Design tokens of @cited/ui (DTCG 2025.10): the sets core, light and dark. Use core with one theme set; each token the stylesheet sets names its custom property in $extensions["cited.css"].property.',
    ...designTokenSets(),
  };
}
