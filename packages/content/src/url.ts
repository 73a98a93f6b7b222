/**
 * URL policy for hrefs that come from authors (directive attributes, frontmatter CTA). Browsers ignore
 * ASCII whitespace and control characters inside schemes ("java\tscript:"), so any such character makes a
 * URL unsafe rather than being stripped and re-checked.
 */
const allowedSchemes = new Set(['http', 'https', 'mailto', 'tel']);

export function isSafeHref(value: string): boolean {
  if (value === '' || value !== value.trim()) return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
  if (/[\u0000-\u0020\u007f-\u009f]/.test(value)) return false;
  if (value.startsWith('//') || value.startsWith('\\')) return false; // protocol-relative: another host
  const scheme = /^([^:/?#]*):/.exec(value);
  if (!scheme) return true; // relative: /contact, ./a, ../b, #section, ?q
  return allowedSchemes.has((scheme[1] ?? '').toLowerCase());
}

/**
 * Images are resources the browser fetches on page load: off-site ones (including protocol-relative
 * `//host` and backslash variants) would let a third party see who reads which health article, so only
 * same-site relative paths are allowed.
 */
export function isSameSiteResource(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- browsers ignore these while parsing URLs
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact === '') return false;
  if (/^[/\\]{2}/.test(compact)) return false;
  return !/^[^/?#]*:/.test(compact);
}
