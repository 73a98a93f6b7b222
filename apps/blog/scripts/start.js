// `npm start`: build if build/ is missing or older than its sources, then serve production.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(appDir, '../..');
const serverBuild = path.join(appDir, 'build/server/index.js');

/** Newest mtime under the given paths (files or directories), skipping node_modules. */
function newestMtime(paths) {
  let newest = 0;
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

// Articles are read at runtime, so they are not build inputs; app code, config and the
// workspace packages it bundles (ui, content) are.
const sources = [
  path.join(appDir, 'app'),
  path.join(appDir, 'public'),
  path.join(appDir, 'vite.config.ts'),
  path.join(appDir, 'package.json'),
  path.join(repoRoot, 'packages/ui/src'),
  path.join(repoRoot, 'packages/content/src'),
];

const stale = !existsSync(serverBuild) || statSync(serverBuild).mtimeMs < newestMtime(sources);
if (stale) {
  console.log(existsSync(serverBuild) ? 'Build is older than its sources: rebuilding…' : 'No build yet: building…');
  // turbo builds @cited/ui and @cited/content first (build dependsOn ^build), then the blog.
  const result = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@cited/blog', '--output-logs=errors-only'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('Build failed; not starting the server.');
    process.exit(result.status ?? 1);
  }
}

await import('../server.js');
