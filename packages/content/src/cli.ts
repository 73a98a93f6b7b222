import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { articleExtensions, checkArticles, type CheckOptions, type CheckResult, type CompileMemo } from './check.js';
import { refsUsage } from './refs/usage.js';

const usage = `Usage: cited-content check [--watch] [--cache <dir>] [--route <path>]… [--grade <target>] [--people <people.yml>] [--site <site.yml>] <file or dir>…

Says what the server will do with each article (.md files, or every .md under a directory):
published, scheduled, a draft, held at its last good version, or not published, and why, with
every error and warning (file:line:column, rule id) and its readability (warnings above the
target Flesch–Kincaid grade, default 8). Each file is judged with the rest of its site, as the
server judges it: links, authors and reviewers, URLs taken by other articles.

The site is found as the blog finds it: the folder above the articles holding site.yml and
people.yml (or the one a package.json's "cited": { "content": … } points at), its pages in the
"cited": { "routes": […] } of the nearest package.json above it (else above the working directory:
content kept apart from the blog is checked from the blog's folder). A file outside its articles
folder is judged as if added to it. CITED_ARTICLES_DIR, CITED_PEOPLE_FILE, CITED_SITE_CONFIG
and CITED_CACHE_DIR move them, as on the server.
  --cache   the server's cache (default CITED_CACHE_DIR, else the node_modules/.cache/cited-content of the
            package that declares the site's pages, where the blog keeps it): which last good versions it serves
  --route   a page of the site (replaces the declared ones; "/" always; "/x/*", "/x/:category")
  --people  another people registry; --site another site configuration
  --watch   keep running and re-check an article each time it is saved
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.

Usage: cited-content build [--cache <dir>] [<site or articles folder>]

Compiles and judges every article as the server does and leaves the store's database, the
compiled articles and the search index in the server's cache (default: where \`check\` finds it),
so a server started on that cache serves the whole site, and searches it, at once.

${refsUsage}`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Ends --watch (tests; the command line ends it with Ctrl-C). */
  signal?: AbortSignal;
}

interface Parsed {
  targets: string[];
  routes: string[];
  watch: boolean;
  targetGrade?: number;
  people?: string;
  site?: string;
  cache?: string;
}

const fileOptions = { '--people': 'people', '--site': 'site', '--cache': 'cache' } as const;

function parse(args: readonly string[]): Parsed | string {
  const parsed: Parsed = { targets: [], routes: [], watch: false };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--watch' || arg === '-w') parsed.watch = true;
    else if (arg === '--grade') {
      const grade = Number(args[(index += 1)]);
      if (!(grade > 0)) return '--grade needs a positive number';
      parsed.targetGrade = grade;
    } else if (arg === '--route') {
      const route = args[(index += 1)];
      if (!route?.startsWith('/')) return '--route needs a path starting with "/"';
      parsed.routes.push(route);
    } else if (arg in fileOptions) {
      const file = args[(index += 1)];
      if (!file || file.startsWith('-')) return `${arg} needs a ${arg === '--cache' ? 'directory' : 'file'}`;
      parsed[fileOptions[arg as keyof typeof fileOptions]] = file;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else parsed.targets.push(arg);
  }
  return parsed.targets.length > 0 ? parsed : 'give at least one file or directory';
}

function summaryLine(errors: number, warnings: number, articles: number): string {
  const s = (count: number) => (count === 1 ? '' : 's');
  return `${errors} error${s(errors)}, ${warnings} warning${s(warnings)} in ${articles} article${s(articles)}`;
}

function print(result: CheckResult, io: CliIo): void {
  io.out(result.report);
  io.out(summaryLine(result.errorCount, result.warningCount, result.files.length));
}

/** Re-checks each saved article (with the rest of its site) until the signal aborts. */
async function watchArticles(targets: readonly string[], options: CheckOptions, io: CliIo): Promise<void> {
  const watchers: FSWatcher[] = [];
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const recheck = (): void => {
    const files = [...pending];
    pending.clear();
    running = running.then(async () => {
      for (const file of files) {
        const exists = await stat(file).then((info) => info.isFile()).catch(() => false);
        if (exists) print(await checkArticles([file], options), io);
      }
    });
  };
  for (const target of targets) {
    const info = await stat(target);
    const dir = info.isDirectory() ? target : dirname(target);
    const only = info.isDirectory() ? undefined : resolve(target);
    const watcher = watch(dir, { recursive: info.isDirectory() }, (_event, name) => {
      if (!name) return;
      const file = resolve(dir, name.toString());
      if (!articleExtensions.some((extension) => file.endsWith(extension)) || (only && file !== only)) return;
      pending.add(file);
      clearTimeout(timer);
      timer = setTimeout(recheck, 30);
    });
    watchers.push(watcher);
  }
  io.out(`Watching ${targets.join(', ')} (Ctrl-C to stop)`);
  await new Promise<void>((done) => {
    if (io.signal?.aborted) return done();
    io.signal?.addEventListener('abort', () => done(), { once: true });
    if (!io.signal) process.once('SIGINT', () => done());
  });
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  await running;
}

/** A usage problem with the files and folders given, or undefined. */
async function missingPaths(parsed: Parsed): Promise<string | undefined> {
  for (const target of parsed.targets) {
    const info = await stat(target).catch(() => undefined);
    if (!info?.isDirectory() && !info?.isFile()) return `"${target}" is not a file or directory`;
  }
  for (const [option, file] of [['--people', parsed.people], ['--site', parsed.site]] as const) {
    if (file && !(await stat(file).catch(() => undefined))?.isFile()) return `cannot read the ${option === '--people' ? 'people registry' : 'site configuration'} "${file}"`;
  }
  if (parsed.cache && !(await stat(parsed.cache).catch(() => undefined))?.isDirectory()) return `the cache "${parsed.cache}" is not a directory`;
  return undefined;
}

/** Runs the CLI and returns the exit code (kept separate from process.exit so it can be tested). */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // Loaded only when asked for: `check` never needs the network code.
  if (argv[0] === 'refs') return (await import('./refs/cli.js')).runRefs(argv.slice(1), io);
  const [command, ...args] = argv;
  if (command === '--help' || command === '-h') {
    io.out(usage);
    return 0;
  }
  if (command === 'build') return runBuild(args, io);
  const parsed = command === 'check' ? parse(args) : 'unknown command';
  if (typeof parsed === 'string') {
    io.err(`cited-content: ${parsed}\n\n${usage}`);
    return 2;
  }
  const missing = await missingPaths(parsed);
  if (missing) {
    io.err(`cited-content: ${missing}\n\n${usage}`);
    return 2;
  }
  const memo: CompileMemo = new Map();
  const options: CheckOptions = {
    memo,
    ...(parsed.routes.length > 0 ? { routes: parsed.routes } : {}),
    ...(parsed.targetGrade === undefined ? {} : { readability: { targetGrade: parsed.targetGrade } }),
    ...(parsed.people ? { peopleFile: resolve(parsed.people) } : {}),
    ...(parsed.site ? { siteFile: resolve(parsed.site) } : {}),
    ...(parsed.cache ? { cacheDir: resolve(parsed.cache) } : {}),
  };
  const result = await checkArticles(parsed.targets, options);
  print(result, io);
  if (parsed.watch) await watchArticles(parsed.targets, options, io);
  return result.errorCount > 0 ? 1 : 0;
}

/** `cited-content build [--cache <dir>] [<site or articles folder>]`: the build-time database (build.ts). */
async function runBuild(args: readonly string[], io: CliIo): Promise<number> {
  let cacheDir: string | undefined;
  let target: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    if (args[index] === '--cache') cacheDir = args[(index += 1)];
    else target = args[index];
  }
  if (args.includes('--cache') && !cacheDir) {
    io.err(`cited-content: --cache needs a directory\n\n${usage}`);
    return 2;
  }
  const { buildContent } = await import('./build.js');
  const result = await buildContent({ ...(target ? { target } : {}), ...(cacheDir ? { cacheDir: resolve(cacheDir) } : {}), log: io.err });
  io.out(`cited-content build: ${result.articles} articles published (${result.compiled} compiled, ${result.fromCache} from the cache) in ${result.cacheDir}, search index ${relative(result.cacheDir, result.searchIndexFile)}`);
  return 0;
}

export async function main(): Promise<void> {
  try {
    process.exitCode = await run(process.argv.slice(2), {
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
    });
  } catch (error) {
    process.stderr.write(`cited-content: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
