import type { ContentSnapshot } from './articles.server';

/**
 * A value built once per content snapshot and per configuration object. site.yml and people.yml
 * are reloaded when edited (a new object each time), so a feed or sitemap that shows them is
 * rebuilt after such an edit, not only after an article changes.
 */
export function deriveFor<K extends object, T>(snapshot: ContentSnapshot, name: string, config: K, build: () => T): T {
  const byConfig = snapshot.derive(name, () => new WeakMap<K, T>());
  const known = byConfig.get(config);
  if (known !== undefined) return known;
  const value = build();
  byConfig.set(config, value);
  return value;
}
