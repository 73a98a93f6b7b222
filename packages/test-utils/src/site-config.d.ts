/** site.yml text with `categories` added to its top-level `categories:` list (known names skipped). */
export function withCategories(siteYaml: string, categories: readonly string[]): string;
/** Writes `<dir>/site.yml`: the site.yml at `from` with the fixture's categories added; returns its path. */
export function writeFixtureSiteConfig(options: { from: string; dir: string; categories: readonly string[] }): string;
