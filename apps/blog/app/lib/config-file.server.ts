import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatDiagnostics, sitePaths, siteRoutes as declaredRoutes, type Diagnostic } from '@cited/content';

// app/lib/ in dev and build/server/ in production are both two levels below apps/blog.
const contentRoot = fileURLToPath(new URL('../../content/', import.meta.url));

/**
 * Where the site's files are: found by @cited/content as `cited-content check` finds them (site.yml,
 * people.yml and articles/ in apps/blog/content; CITED_* environment variables move them). Read
 * per call: tests move them between runs.
 */
export function siteFiles(): ReturnType<typeof sitePaths> {
  return sitePaths(contentRoot);
}

/** The blog's pages besides articles ("cited.routes" in its package.json), for the store's link check. */
export const siteRoutes: readonly string[] = declaredRoutes(contentRoot).routes;

/**
 * A YAML file read on first use and again whenever it changes on disk (a stat per call), so an
 * edit shows without a restart. A broken edit never takes the site down: the last good version
 * stays in use and the problems are logged with file:line:column. With no good version at all
 * (a broken file at start-up) it throws, naming the problems.
 */
export function watchedConfig<T>(
  locate: (files: ReturnType<typeof sitePaths>) => string,
  name: string,
  read: (text: string, file: string) => { value: T | undefined; diagnostics: Diagnostic[] },
): () => T {
  let cached: { file: string; stamp: string; value: T } | null = null;
  let lastBadStamp = '';
  return () => {
    const file = locate(siteFiles());
    let stamp: string;
    try {
      const info = statSync(file);
      stamp = `${file}:${info.mtimeMs}:${info.size}`;
    } catch (error) {
      if (cached) return cached.value;
      throw new Error(`${file} could not be read: ${String(error)}`);
    }
    if (cached?.stamp === stamp) return cached.value;
    const { value, diagnostics } = read(readFileSync(file, 'utf8'), file);
    if (value !== undefined) {
      cached = { file, stamp, value };
      return value;
    }
    const report = formatDiagnostics(diagnostics);
    if (!cached || cached.file !== file) throw new Error(`${file} is not valid:\n${report}`);
    if (lastBadStamp !== stamp) console.error(`[config] keeping the last good ${name}:\n${report}`);
    lastBadStamp = stamp;
    return cached.value;
  };
}
