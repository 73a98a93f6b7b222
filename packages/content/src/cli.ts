import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { articleExtensions, checkArticles, type CheckOptions } from './check.js';
import { formatDiagnostics } from './diagnostics.js';
import { readPeopleRegistry, type PeopleRegistry } from './people/registry.js';
import { refsUsage } from './refs/usage.js';
import { readSiteConfig, type SiteConfig } from './site/config.js';
import type { Diagnostic } from './types.js';

const usage = `Usage: cited-content check [--watch] [--route <path>]… [--grade <target>] [--people <people.yml>] [--site <site.yml>] <file or dir>…

Compiles the given articles (.md files, or every .md under a directory) and reports errors and
warnings (file:line:column, rule id), and each article's readability (warnings above the target
Flesch–Kincaid grade, default 8). Same-site links must point at an article or a --route (default:
the "cited.routes" list of the nearest package.json; "/" always; "/category/*" matches a prefix).
  --watch   keep running and re-check an article each time it is saved
  --people  check the people registry, and that every author/reviewedBy id is in it
  --site    check the site configuration, and what it asks of articles (care cards, medical
            review, disclosures of what the publisher offers; readability.allow and targetGrade)
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.

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
}

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
    } else if (arg === '--people' || arg === '--site') {
      const file = args[(index += 1)];
      if (!file || file.startsWith('-')) return `${arg} needs a file`;
      parsed[arg === '--people' ? 'people' : 'site'] = file;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else parsed.targets.push(arg);
  }
  return parsed.targets.length > 0 ? parsed : 'give at least one file or directory';
}

/** The "cited": { "routes": [...] } list of the nearest package.json above `from`. */
async function configuredRoutes(from: string): Promise<string[] | undefined> {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (text) {
      const routes = (JSON.parse(text) as { cited?: { routes?: unknown } }).cited?.routes;
      if (Array.isArray(routes)) return routes.filter((route): route is string => typeof route === 'string');
    }
    if (dirname(dir) === dir) return undefined;
  }
}

interface Configs {
  people?: PeopleRegistry;
  site?: SiteConfig;
  /** Problems in the registry or the site configuration themselves. */
  problems: Diagnostic[];
}

/** Reads --people and --site; a file that cannot be read is a usage error (returned as text). */
async function readConfigs(parsed: Parsed): Promise<Configs | string> {
  const configs: Configs = { problems: [] };
  for (const [kind, file] of [['people registry', parsed.people], ['site configuration', parsed.site]] as const) {
    if (!file) continue;
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) return `cannot read the ${kind} "${file}"`;
    if (kind === 'people registry') {
      const read = readPeopleRegistry(text, file);
      configs.problems.push(...read.diagnostics);
      configs.people = read.registry;
    } else {
      const read = readSiteConfig(text, file);
      configs.problems.push(...read.diagnostics);
      configs.site = read.config;
    }
  }
  return configs;
}

function summaryLine(errors: number, warnings: number, articles: number): string {
  const s = (count: number) => (count === 1 ? '' : 's');
  return `${errors} error${s(errors)}, ${warnings} warning${s(warnings)} in ${articles} article${s(articles)}`;
}

/** Re-checks each saved article (with the rest of its directory as context) until the signal aborts. */
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
        if (!exists) continue;
        const result = await checkArticles([file], options);
        io.out(`${result.report}\n${summaryLine(result.errorCount, result.warningCount, 1)}`);
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

/** Runs the CLI and returns the exit code (kept separate from process.exit so it can be tested). */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // Loaded only when asked for: `check` never needs the network code.
  if (argv[0] === 'refs') return (await import('./refs/cli.js')).runRefs(argv.slice(1), io);
  const [command, ...args] = argv;
  if (command === '--help' || command === '-h') {
    io.out(usage);
    return 0;
  }
  const parsed = command === 'check' ? parse(args) : 'unknown command';
  if (typeof parsed === 'string') {
    io.err(`cited-content: ${parsed}\n\n${usage}`);
    return 2;
  }
  for (const target of parsed.targets) {
    const info = await stat(target).catch(() => undefined);
    if (!info?.isDirectory() && !info?.isFile()) {
      io.err(`cited-content: "${target}" is not a file or directory\n\n${usage}`);
      return 2;
    }
  }
  const listed = parsed.routes.length > 0 ? parsed.routes : ((await configuredRoutes(parsed.targets[0] as string)) ?? []);
  const routes = [...new Set(['/', ...listed])];
  const configs = await readConfigs(parsed);
  if (typeof configs === 'string') {
    io.err(`cited-content: ${configs}`);
    return 2;
  }
  if (configs.problems.length > 0) io.out(formatDiagnostics(configs.problems));
  // site.yml's readability settings; --grade wins over its targetGrade.
  const targetGrade = parsed.targetGrade ?? configs.site?.readability?.targetGrade;
  const allow = configs.site?.readability?.allow;
  const readability = targetGrade === undefined && !allow ? {} : { readability: { ...(targetGrade === undefined ? {} : { targetGrade }), ...(allow ? { allow } : {}) } };
  const options = { routes, ...readability, ...(configs.people ? { people: configs.people } : {}), ...(configs.site ? { site: configs.site } : {}) };
  const result = await checkArticles(parsed.targets, options);
  io.out(result.report);
  const errorCount = result.errorCount + configs.problems.filter((problem) => problem.severity === 'error').length;
  io.out(summaryLine(errorCount, result.warningCount, result.articles.length));
  if (parsed.watch) await watchArticles(parsed.targets, options, io);
  return errorCount > 0 ? 1 : 0;
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
