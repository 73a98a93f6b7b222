import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkArticles } from './check.js';
import { formatDiagnostics } from './diagnostics.js';
import { readPeopleRegistry, type PeopleRegistry } from './people/registry.js';
import { refsUsage } from './refs/usage.js';
import { readSiteConfig } from './site/config.js';
import type { Diagnostic } from './types.js';

const usage = `Usage: cited-content check <dir> [--grade <target>] [--people people.yml] [--site site.yml]

Compiles every .md article under <dir> and reports errors and warnings (file:line:column, rule id),
and each article's readability (warnings above the target Flesch–Kincaid grade, default 8).
--people  checks the people registry and that every author/reviewedBy id is in it
--site    checks the site configuration
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.

${refsUsage}`;

/** Runs the CLI and returns the exit code (kept separate from process.exit so it can be tested). */
export async function run(argv: readonly string[], io: { out: (text: string) => void; err: (text: string) => void }): Promise<number> {
  // Loaded only when asked for: `check` never needs the network code.
  if (argv[0] === 'refs') return (await import('./refs/cli.js')).runRefs(argv.slice(1), io);
  if (argv[0] === '--help' || argv[0] === '-h') {
    io.out(usage);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { people: { type: 'string' }, site: { type: 'string' }, grade: { type: 'string' } },
    });
  } catch {
    io.err(usage);
    return 2;
  }
  const targetGrade = parsed.values.grade === undefined ? undefined : Number(parsed.values.grade);
  if (targetGrade !== undefined && !(targetGrade > 0)) {
    io.err(usage);
    return 2;
  }
  const [command, dir, ...extra] = parsed.positionals;
  if (command !== 'check' || dir === undefined || extra.length > 0) {
    io.err(usage);
    return 2;
  }
  const configProblems: Diagnostic[] = [];
  let people: PeopleRegistry | undefined;
  if (parsed.values.people) {
    const file = parsed.values.people;
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      io.err(`cited-content: cannot read the people registry "${file}"`);
      return 2;
    }
    const read = readPeopleRegistry(text, file);
    configProblems.push(...read.diagnostics);
    people = read.registry;
  }
  if (parsed.values.site) {
    const file = parsed.values.site;
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      io.err(`cited-content: cannot read the site configuration "${file}"`);
      return 2;
    }
    configProblems.push(...readSiteConfig(text, file).diagnostics);
  }
  if (configProblems.length > 0) io.out(formatDiagnostics(configProblems));
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    io.err(`cited-content: "${dir}" is not a directory\n\n${usage}`);
    return 2;
  }
  const result = await checkArticles(dir, {
    ...(targetGrade === undefined ? {} : { readability: { targetGrade } }),
    ...(people ? { people } : {}),
  });
  io.out(result.report);
  const errorCount = result.errorCount + configProblems.filter((problem) => problem.severity === 'error').length;
  io.out(
    `${errorCount} error${errorCount === 1 ? '' : 's'}, ${result.warningCount} warning${result.warningCount === 1 ? '' : 's'} in ${result.articles.length} article${result.articles.length === 1 ? '' : 's'}`,
  );
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
