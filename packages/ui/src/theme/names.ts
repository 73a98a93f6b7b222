/**
 * The stable CSS custom property name of a token, from its path in the theme:
 * ['color', 'textMuted'] → 'cited-color-text-muted' (used as `--cited-color-text-muted`).
 * Plain-CSS users, tokens.json and vanilla-extract's `vars` all speak these names, so they are
 * part of the public API: renaming a token is a breaking change.
 */
export const tokenPrefix = 'cited';

const kebab = (segment: string): string => segment.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

export function tokenPropertyName(path: readonly string[]): string {
  return [tokenPrefix, ...path.map(kebab)].join('-');
}
