/**
 * The site's own pages, as a blog declares them (package.json "cited.routes"), for the link check:
 *
 * - `/contact`: that path exactly;
 * - `/docs/*`: any path below `/docs/`;
 * - `/category/:category`, `/tags/:tag`, `/authors/:person`: one segment that must name something
 *   the site has (a category or a tag of a published article, an id in the people registry);
 *   any other `:name` accepts any one segment.
 */
export interface Route {
  pattern: string;
  kind: 'exact' | 'prefix' | 'param';
  /** 'exact': the path; 'prefix' and 'param': what the path starts with, ending in '/'. */
  path: string;
  /** 'param': the parameter's name (`category`, `tag`, `person`, or any other). */
  param?: string;
}

/** Parameters whose values the site check knows (others accept any segment). */
export const knownRouteParams = ['category', 'tag', 'person'] as const;
export type KnownRouteParam = (typeof knownRouteParams)[number];

const paramPattern = /^(\/(?:[^/:*]+\/)*):([a-z][a-zA-Z0-9]*)$/;

/** Why a declared route cannot be used, or undefined when it is fine. */
export function routeProblem(pattern: string): string | undefined {
  if (!pattern.startsWith('/')) return `route "${pattern}" must start with "/"`;
  if (pattern.endsWith('/*') && !pattern.slice(0, -2).includes('*') && !pattern.includes(':')) return undefined;
  if (pattern.includes(':')) return paramPattern.test(pattern) ? undefined : `route "${pattern}" may have one ":name" parameter, as its last segment`;
  if (pattern.includes('*')) return `route "${pattern}" may only end in "/*"`;
  return undefined;
}

export function parseRoute(pattern: string): Route {
  if (pattern.endsWith('/*')) return { pattern, kind: 'prefix', path: pattern.slice(0, -1) };
  const param = paramPattern.exec(pattern);
  if (param) return { pattern, kind: 'param', path: param[1] as string, param: param[2] as string };
  return { pattern, kind: 'exact', path: pattern };
}

/**
 * Whether `path` starts with the page path `prefix`. Page names match whatever their case, as the
 * blog's router matches them (React Router routes are case-insensitive unless declared otherwise):
 * `/Contact` is the contact page. What follows them (a slug, a category) is looked up as written.
 */
export function startsWithPage(path: string, prefix: string): boolean {
  return path.length >= prefix.length && (path.startsWith(prefix) || path.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase());
}

/** The route a same-site path is served by, with the parameter's value (decoded), if any. */
export function matchRoute(routes: readonly Route[], target: string): { route: Route; value?: string } | undefined {
  for (const route of routes) {
    if (route.kind === 'exact') {
      if (target.length === route.path.length && startsWithPage(target, route.path)) return { route };
    } else if (target.length > route.path.length && startsWithPage(target, route.path)) {
      const rest = target.slice(route.path.length);
      if (route.kind === 'prefix') return { route };
      if (!rest.includes('/')) return { route, value: rest };
    }
  }
  return undefined;
}
