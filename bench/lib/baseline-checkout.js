// An earlier commit of this repository, installed and built beside the working tree, so a section can
// measure "before" and "after" in the same run on the same machine (the machine is shared: figures
// from another day are not comparable).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './app.js';
import { runCommand } from './proc.js';

/**
 * The main branch before the content engine moved to SQLite (issue 25): the last commit on main's
 * first-parent line without the FTS5 search, piscina pool or SQLite records. Its server is the same
 * Express adapter as today's, so the comparison isolates the content engine.
 */
export const MAIN_BEFORE_SQLITE = { ref: 'b243718', label: 'main before #25' };

const READY_FILE = '.cited-bench-ready';

async function git(args, cwd = REPO_ROOT) {
  const result = await runCommand('git', args, { cwd });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

async function step(label, command, args, cwd, log) {
  log(`  baseline: ${label}`);
  const result = await runCommand(command, args, { cwd });
  if (result.code !== 0) throw new Error(`baseline ${label} failed (exit ${result.code}):\n${(result.stdout + result.stderr).slice(-3000)}`);
}

/**
 * A built checkout of `ref`: BENCH_BASELINE_DIR when set (a checkout someone prepared), else a git
 * worktree under node_modules/.cache/cited-bench-baseline/<commit>, installed with `npm ci` and built
 * once, then reused (a marker file says the build finished; a half-made one is made again).
 */
export async function baselineCheckout({ ref = MAIN_BEFORE_SQLITE.ref, label = MAIN_BEFORE_SQLITE.label, log }) {
  const configured = process.env.BENCH_BASELINE_DIR;
  const dir = configured ? path.resolve(configured) : undefined;
  const commit = await git(['rev-parse', '--verify', `${dir ? 'HEAD' : ref}^{commit}`], dir ?? REPO_ROOT);
  const checkout = dir ?? path.join(REPO_ROOT, 'node_modules/.cache/cited-bench-baseline', commit.slice(0, 12));
  const blogDir = path.join(checkout, 'apps/blog');
  const ready = path.join(checkout, READY_FILE);
  const isBuilt = () => existsSync(path.join(blogDir, 'build/server/index.js'));
  if (dir) {
    if (!isBuilt()) throw new Error(`BENCH_BASELINE_DIR=${dir} has no production build (apps/blog/build): run npm ci and the blog's build there`);
  } else if (!existsSync(ready) || readFileSync(ready, 'utf8').trim() !== commit) {
    mkdirSync(path.dirname(checkout), { recursive: true });
    if (!existsSync(path.join(checkout, '.git'))) await git(['worktree', 'add', '--force', '--detach', checkout, commit]);
    await step('npm ci (a few minutes, once)', 'npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], checkout, log);
    await step('build', 'npx', ['turbo', 'run', 'build', '--filter=@cited/blog'], checkout, log);
    writeFileSync(ready, `${commit}\n`);
  }
  const seedPath = path.join(blogDir, 'content/articles/failed-back-surgery-syndrome.md');
  return { label, commit, blogDir, seedPath };
}
