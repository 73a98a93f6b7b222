// How the bench finds, builds and starts the blog. Kept in one place so the sections agree.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, LOOPBACK, runCommand, startProcess, stopProcess, waitForOk } from './proc.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BLOG_DIR = path.join(REPO_ROOT, 'apps/blog');
export const ARTICLE_PATH = '/articles/failed-back-surgery-syndrome';
export const INDEX_PATH = '/';
/** The blog reads its articles directory from this variable (apps/blog/app/lib/articles.server.ts). */
export const ARTICLES_DIR_ENV = 'CITED_ARTICLES_DIR';
export const BUILD_COMMAND = ['npx', ['turbo', 'run', 'build', '--filter=@cited/blog']];

/** The blog's `start` script, as `npm start` (root) → `npm run start -w @cited/blog` runs it. */
export function blogStartScript(blogDir = BLOG_DIR) {
  const manifest = JSON.parse(readFileSync(path.join(blogDir, 'package.json'), 'utf8'));
  const script = manifest.scripts?.start;
  if (!script) throw new Error('apps/blog/package.json has no "start" script');
  return script;
}

/** Environment npm gives a run-script: node_modules/.bin on PATH, npm_lifecycle_event, npm_package_name. */
export function npmLikeEnv(extra, blogDir = BLOG_DIR) {
  const binDirs = [path.join(blogDir, 'node_modules/.bin'), path.join(blogDir, '../../node_modules/.bin')];
  return {
    ...process.env,
    PATH: [...binDirs, process.env.PATH ?? ''].join(path.delimiter),
    npm_lifecycle_event: 'start',
    npm_package_name: '@cited/blog',
    ...extra,
  };
}

export function blogIsBuilt() {
  return existsSync(path.join(BLOG_DIR, 'build/server/index.js'));
}

/**
 * Starts the production blog exactly as `npm start` would (its start script through `sh -c`,
 * cwd apps/blog), on a free loopback port; `exec` makes the shell become the script's process,
 * so pid is the server (or the start script that owns it — RSS/CPU are read over the tree).
 * `blogDir` is another checkout's apps/blog when a section measures an earlier commit beside this one.
 */
export async function startBlog({ env = {}, readyPath = INDEX_PATH, timeoutMs = 120_000, blogDir = BLOG_DIR } = {}) {
  const first = await spawnBlog({ env, readyPath, timeoutMs, blogDir });
  // The start script rebuilds when sources are newer than build/ (someone edited a file since
  // the bench built): that start measured a build, not a start. Start again on the fresh build.
  if (!BUILD_ON_START.test(first.proc.output())) return { ...first, rebuiltOnStart: false };
  await first.stop();
  const second = await spawnBlog({ env, readyPath, timeoutMs, blogDir });
  return { ...second, rebuiltOnStart: true };
}

/** What scripts/start.js prints when it builds before serving. */
const BUILD_ON_START = /rebuilding|No build yet/i;

async function spawnBlog({ env, readyPath, timeoutMs, blogDir }) {
  const port = await freePort();
  const script = blogStartScript(blogDir);
  const proc = startProcess('blog (npm start)', '/bin/sh', ['-c', `exec ${script}`], {
    cwd: blogDir,
    env: npmLikeEnv({ PORT: String(port), HOST: LOOPBACK, ...env }, blogDir),
  });
  const origin = `http://${LOOPBACK}:${port}`;
  let startupMs;
  try {
    startupMs = await waitForOk(proc, new URL(readyPath, origin).href, { timeoutMs });
  } catch (error) {
    await stopProcess(proc);
    throw error;
  }
  return { origin, port, proc, startupMs, script, stop: () => stopProcess(proc) };
}

/** `npx turbo run build --filter=@cited/blog` (optionally --force); throws with turbo's output on failure. */
export async function buildBlog({ force = false } = {}) {
  const [command, args] = BUILD_COMMAND;
  const result = await runCommand(command, [...args, ...(force ? ['--force'] : [])], { cwd: REPO_ROOT });
  if (result.code !== 0) {
    throw new Error(`build failed (exit ${result.code}):\n${(result.stdout + result.stderr).slice(-4000)}`);
  }
  return { ms: result.ms, ...parseTurboSummary(result.stdout) };
}

/** Reads turbo's "Tasks: 3 successful, 3 total / Cached: 3 cached, 3 total" summary. */
export function parseTurboSummary(output) {
  // turbo colours its summary; strip ANSI escapes (ESC [ … m) first.
  const plain = output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(plain);
  const tasks = /Tasks:\s+(\d+) successful, (\d+) total/.exec(plain);
  return {
    tasks: tasks ? Number(tasks[2]) : null,
    cachedTasks: cached ? Number(cached[1]) : null,
    fullTurbo: /FULL TURBO/.test(plain),
  };
}

/**
 * Identifies the build on disk (server bundle mtime + client asset names). Other people may
 * rebuild apps/blog while the bench runs; a running server then links assets that no longer exist.
 */
export function buildStamp() {
  try {
    const serverMtime = statSync(path.join(BLOG_DIR, 'build/server/index.js')).mtimeMs;
    const assets = readdirSync(path.join(BLOG_DIR, 'build/client/assets')).sort().join(',');
    return `${serverMtime}:${assets}`;
  } catch {
    return null;
  }
}

/** Task hash and input file hashes of each turbo task of the blog build (turbo --dry=json). */
export async function turboTaskHashes() {
  const [command, args] = BUILD_COMMAND;
  const result = await runCommand(command, [...args, '--dry=json'], { cwd: REPO_ROOT });
  if (result.code !== 0) return null;
  try {
    const plan = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
    return Object.fromEntries(plan.tasks.map((task) => [task.taskId, { hash: task.hash, inputs: task.inputs, cache: task.cache?.status ?? null }]));
  } catch {
    return null;
  }
}

/** Input files whose content differs between two turbo plans ("package/path"). */
export function changedInputs(before, after) {
  if (!before || !after) return [];
  const changed = [];
  for (const [taskId, task] of Object.entries(after)) {
    const previous = before[taskId];
    if (!previous || previous.hash === task.hash) continue;
    const pkg = taskId.split('#')[0];
    const files = new Set([...Object.keys(previous.inputs ?? {}), ...Object.keys(task.inputs ?? {})]);
    for (const file of files) if (previous.inputs?.[file] !== task.inputs?.[file]) changed.push(`${pkg}/${file}`);
  }
  return [...new Set(changed)];
}
