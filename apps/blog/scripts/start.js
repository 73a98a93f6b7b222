// `npm start`: build if build/ is missing or older than its sources (scripts/ensure-build.js), then serve production.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild } from './ensure-build.js';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(appDir, '../..');

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

const ready = ensureBuild({
  serverBuild: path.join(appDir, 'build/server/index.js'),
  sources,
  // turbo builds @cited/ui and @cited/content first (build dependsOn ^build), then the blog.
  runBuild: () => spawnSync('npx', ['turbo', 'run', 'build', '--filter=@cited/blog', '--output-logs=errors-only'], { cwd: repoRoot, stdio: 'inherit' }).status,
  log: (message) => console.error(message),
});
if (!ready) process.exit(1);

await import('../server.js');
