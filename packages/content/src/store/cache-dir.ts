import path from 'node:path';

/**
 * The content cache (compiled versions, the store's database, resized images): CITED_CACHE_DIR,
 * else node_modules/.cache/cited-content in the working directory. On its own so that serving
 * images (`@cited/content/images`) does not load the store.
 */
export function defaultCacheDir(): string {
  const configured = process.env.CITED_CACHE_DIR?.trim();
  return configured ? path.resolve(configured) : path.join(process.cwd(), 'node_modules/.cache/cited-content');
}
