/*
 * The live tokens as rows for the docs pages: contract path, CSS custom property (read from the
 * theme contract, so the name shown is the name the stylesheet uses) and each theme's value.
 * Docs only: not exported from @cited/ui.
 */
import { vars } from '../theme/contract.css';
import { themeNames, themeTokens, type ThemeName } from '../theme/tokens';

export interface TokenRow {
  /** Path in the theme contract, e.g. `color.tone.info.surface` for `vars.color.tone.info.surface`. */
  path: string;
  /** The CSS custom property, e.g. `--cited-color-text`. */
  cssVar: string;
  values: Record<ThemeName, string>;
}

/** Leaf strings of a nested object, keyed by dotted path, in declaration order. */
export function flattenTokens(tokens: object, prefix = ''): [string, string][] {
  return Object.entries(tokens).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : flattenTokens(value as object, `${prefix}${key}.`),
  );
}

/** `var(--cited-color-text)` → `--cited-color-text`. */
export function cssVarName(reference: string): string {
  const match = /^var\((--[^),]+)/.exec(reference);
  if (!match?.[1]) throw new Error(`Not a CSS variable reference: ${reference}`);
  return match[1];
}

const valuesByTheme = Object.fromEntries(themeNames.map((theme) => [theme, Object.fromEntries(flattenTokens(themeTokens[theme]))])) as Record<
  ThemeName,
  Record<string, string>
>;

/** Every token of the contract, optionally only those under a path prefix such as `color.`. */
export function tokenRows(prefix = ''): TokenRow[] {
  return flattenTokens(vars)
    .filter(([path]) => path.startsWith(prefix))
    .map(([path, reference]) => ({
      path,
      cssVar: cssVarName(reference),
      values: Object.fromEntries(themeNames.map((theme) => [theme, valuesByTheme[theme][path] ?? ''])) as Record<ThemeName, string>,
    }));
}

/** One token by its contract path; throws for a path the contract does not have (a typo in a docs page). */
export function tokenRow(path: string): TokenRow {
  const row = tokenRows().find((candidate) => candidate.path === path);
  if (!row) throw new Error(`No token "${path}" in the theme contract`);
  return row;
}
