/** Leaf values of a nested token object, keyed by dotted path: { 'color.tone.info.surface': '#eaf2fa', … }. */
export function leafValues(tokens: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tokens).flatMap(([key, value]): [string, string][] =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(leafValues(value as object, `${prefix}${key}.`)),
    ),
  );
}
