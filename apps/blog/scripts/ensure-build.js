// @ts-check
// What `npm start` does before serving: build when build/ is missing or older than its sources.
// Articles are read at runtime, never built: a content error cannot fail the build (the check,
// `npm run content:check`, is the strict gate). A build that fails for another reason (an app
// change that does not compile) never takes the site down: the previous build is served.
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';

/**
 * Newest mtime under the given paths (files or directories), skipping node_modules, dist and dotfiles.
 * @param {readonly string[]} paths
 */
export function newestMtime(paths) {
  let newest = 0;
  /** @param {string} target */
  const visit = (target) => {
    if (!existsSync(target)) return;
    const info = statSync(target);
    if (info.isDirectory()) {
      for (const name of readdirSync(target)) {
        if (name !== 'node_modules' && name !== 'dist' && !name.startsWith('.')) visit(path.join(target, name));
      }
    } else {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

/**
 * Builds when needed. Returns whether there is a build to serve: a fresh one, a new one, or (the
 * rebuild failed) the previous one.
 *
 * @param {{ serverBuild: string; sources: readonly string[]; runBuild: () => number | null; log: (message: string) => void }} options
 */
export function ensureBuild({ serverBuild, sources, runBuild, log }) {
  const built = existsSync(serverBuild);
  if (built && statSync(serverBuild).mtimeMs >= newestMtime(sources)) return true;
  log(built ? 'Build is older than its sources: rebuilding…' : 'No build yet: building…');
  const status = runBuild();
  if (status === 0) {
    // turbo compares sources by content: a file saved again unchanged is a cache hit that leaves
    // build/ as it was, older than the file. Marked fresh, the next start does not run turbo again.
    const now = new Date();
    if (existsSync(serverBuild)) utimesSync(serverBuild, now, now);
    return true;
  }
  if (!built) {
    log('Build failed and there is no earlier build; not starting the server.');
    return false;
  }
  log('Build failed (see above): serving the previous build. Fix the app code and restart to serve the new one.');
  return true;
}
