import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../types.js';
import { routeProblem } from './routes.js';

/**
 * Where a site's content and configuration are, found the same way by the blog and by
 * `cited-content check`:
 *
 * - the content root is the folder holding `site.yml` and `people.yml`, with the articles in its
 *   `articles/` folder (each path can be moved by an environment variable, as on the server);
 * - the site's own pages (link targets besides articles) are the `"cited": { "routes": [...] }`
 *   of the nearest package.json above the content root (the blog's); content kept apart from the
 *   blog, with no such package.json above it, takes the pages of the blog the check is run from;
 * - a package.json may point at a content root elsewhere with `"cited": { "content": "<folder>" }`
 *   (the repository's root package.json points at the blog's),
 *   so a folder checked outside the site (from the repository) is checked against that site.
 */
export interface SiteLayout {
  /** The content root: the folder holding site.yml and people.yml. */
  root: string;
  articlesDir: string;
  siteFile: string;
  peopleFile: string;
  /** The site's pages besides articles, '/' first (see routes.ts). */
  routes: readonly string[];
  /** The package.json that declared them; undefined when none did (then only '/'). */
  routesFile?: string;
  /** Declared routes that cannot be used, at their place in the package.json (`site-config-invalid`). */
  routeProblems: Diagnostic[];
  /** The server's cache, when set (CITED_CACHE_DIR): it records what the server serves. */
  cacheDir?: string;
}

/** The environment variables that move the site's files, as the blog reads them. */
export const siteEnvironment = {
  articlesDir: 'CITED_ARTICLES_DIR',
  peopleFile: 'CITED_PEOPLE_FILE',
  siteFile: 'CITED_SITE_CONFIG',
  cacheDir: 'CITED_CACHE_DIR',
} as const;

type Environment = Readonly<Record<string, string | undefined>>;

interface CitedPackage {
  file: string;
  text: string;
  content?: string;
  routes?: unknown[];
}

function citedPackage(dir: string): CitedPackage | undefined {
  const file = path.join(dir, 'package.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const cited = (JSON.parse(text) as { cited?: { content?: unknown; routes?: unknown } }).cited;
    if (!cited) return undefined;
    return {
      file,
      text,
      ...(typeof cited.content === 'string' ? { content: cited.content } : {}),
      ...(Array.isArray(cited.routes) ? { routes: cited.routes as unknown[] } : {}),
    };
  } catch {
    return undefined; // not ours to report: npm does
  }
}

function* ancestors(from: string): Generator<string> {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    yield dir;
    if (path.dirname(dir) === dir) return;
  }
}

const isContentRoot = (dir: string): boolean => existsSync(path.join(dir, 'site.yml')) || existsSync(path.join(dir, 'people.yml'));

/** The content root at or above `from`: a folder with site.yml or people.yml, or one a package.json points at. */
export function findSiteRoot(from: string): string | undefined {
  for (const dir of ancestors(from)) {
    if (isContentRoot(dir)) return dir;
    const pointer = citedPackage(dir)?.content;
    if (pointer !== undefined) return path.resolve(dir, pointer);
  }
  return undefined;
}

/** Line and column of a route's text in the package.json (1:1 when it cannot be found). */
function placeOf(text: string, route: unknown): { line: number; column: number } {
  const offset = text.indexOf(JSON.stringify(route));
  if (offset < 0) return { line: 1, column: 1 };
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function declaredRoutes(root: string): Pick<SiteLayout, 'routes' | 'routesFile' | 'routeProblems'> {
  for (const dir of ancestors(root)) {
    const cited = citedPackage(dir);
    if (!cited?.routes) continue;
    const routes = ['/'];
    const routeProblems: Diagnostic[] = [];
    for (const route of cited.routes) {
      const problem = typeof route === 'string' ? routeProblem(route) : `route ${JSON.stringify(route)} must be a path`;
      if (problem === undefined) {
        if (!routes.includes(route as string)) routes.push(route as string);
        continue;
      }
      routeProblems.push({ severity: 'error', ruleId: 'site-config-invalid', message: `\`cited.routes\`: ${problem}`, file: cited.file, ...placeOf(cited.text, route) });
    }
    return { routes, routesFile: cited.file, routeProblems };
  }
  return { routes: ['/'], routeProblems: [] };
}

function fromEnvironment(env: Environment, name: string): string | undefined {
  const configured = env[name]?.trim();
  return configured ? path.resolve(configured) : undefined;
}

/** Where the site's files are (no file is read): the environment moves them as it does on the server. */
export function sitePaths(root: string, options: { env?: Environment } = {}): Pick<SiteLayout, 'root' | 'articlesDir' | 'siteFile' | 'peopleFile' | 'cacheDir'> {
  const env = options.env ?? process.env;
  const resolvedRoot = path.resolve(root);
  const cacheDir = fromEnvironment(env, siteEnvironment.cacheDir);
  return {
    root: resolvedRoot,
    articlesDir: fromEnvironment(env, siteEnvironment.articlesDir) ?? path.join(resolvedRoot, 'articles'),
    siteFile: fromEnvironment(env, siteEnvironment.siteFile) ?? path.join(resolvedRoot, 'site.yml'),
    peopleFile: fromEnvironment(env, siteEnvironment.peopleFile) ?? path.join(resolvedRoot, 'people.yml'),
    ...(cacheDir ? { cacheDir } : {}),
  };
}

/** The site's pages besides articles, as the nearest package.json above the content root declares them. */
export function siteRoutes(root: string): Pick<SiteLayout, 'routes' | 'routesFile' | 'routeProblems'> {
  return declaredRoutes(path.resolve(root));
}

/**
 * The site whose content root is `root`: its files (see sitePaths) and its pages. Without
 * CITED_CACHE_DIR, the server's cache is where the server keeps it by default: node_modules/.cache
 * of the package that declares its pages (the blog runs from there), when it exists; so a check
 * says which last good versions that server is serving without being told where to look.
 */
export function siteLayout(root: string, options: { env?: Environment; pagesFrom?: readonly string[] } = {}): SiteLayout {
  const paths = sitePaths(root, options);
  const routes = pagesOf(root, options.pagesFrom ?? []);
  const serverCache = routes.routesFile ? path.join(path.dirname(routes.routesFile), 'node_modules', '.cache', 'cited-content') : undefined;
  const cacheDir = paths.cacheDir ?? (serverCache && existsSync(serverCache) ? serverCache : undefined);
  return { ...paths, ...routes, ...(cacheDir ? { cacheDir } : {}) };
}

/**
 * The pages declared above the content root; when none are (content kept apart from the blog, with
 * its own site.yml), those of the first of `folders` (the working directory: the blog the check is
 * run from, whose server serves that content with its own pages) or of the site it points at.
 */
function pagesOf(root: string, folders: readonly string[]): Pick<SiteLayout, 'routes' | 'routesFile' | 'routeProblems'> {
  const own = siteRoutes(root);
  if (own.routesFile) return own;
  for (const folder of folders) {
    for (const dir of [folder, findSiteRoot(folder)]) {
      const declared = dir === undefined ? undefined : siteRoutes(dir);
      if (declared?.routesFile) return declared;
    }
  }
  return own;
}

/**
 * The site of the first of these folders (the checked files', then the working directory's) that
 * has one; its pages, when none are declared above it, from the later folders (see pagesOf).
 */
export function findSite(starts: readonly string[], options: { env?: Environment } = {}): SiteLayout | undefined {
  for (const [index, start] of starts.entries()) {
    const root = findSiteRoot(start);
    if (root) return siteLayout(root, { ...options, pagesFrom: starts.slice(index + 1) });
  }
  return undefined;
}
