import { stat } from 'node:fs/promises';
import { checkArticles } from './check.js';
import { refsUsage } from './refs/usage.js';

const usage = `Usage: cited-content check <dir> [--grade <target>]

Compiles every .md article under <dir> and reports errors and warnings (file:line:column, rule id),
and each article's readability (warnings above the target Flesch–Kincaid grade, default 8).
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.

${refsUsage}`;

/** Runs the CLI and returns the exit code (kept separate from process.exit so it can be tested). */
export async function run(argv: readonly string[], io: { out: (text: string) => void; err: (text: string) => void }): Promise<number> {
  // Loaded only when asked for: `check` never needs the network code.
  if (argv[0] === 'refs') return (await import('./refs/cli.js')).runRefs(argv.slice(1), io);
  const args = [...argv];
  const gradeAt = args.indexOf('--grade');
  const targetGrade = gradeAt < 0 ? undefined : Number(args.splice(gradeAt, 2)[1]);
  const [command, dir, ...extra] = args;
  if (command === '--help' || command === '-h') {
    io.out(usage);
    return 0;
  }
  if (targetGrade !== undefined && !(targetGrade > 0)) {
    io.err(usage);
    return 2;
  }
  if (command !== 'check' || dir === undefined || extra.length > 0) {
    io.err(usage);
    return 2;
  }
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    io.err(`cited-content: "${dir}" is not a directory\n\n${usage}`);
    return 2;
  }
  const result = await checkArticles(dir, targetGrade === undefined ? {} : { readability: { targetGrade } });
  io.out(result.report);
  io.out(
    `${result.errorCount} error${result.errorCount === 1 ? '' : 's'}, ${result.warningCount} warning${result.warningCount === 1 ? '' : 's'} in ${result.articles.length} article${result.articles.length === 1 ? '' : 's'}`,
  );
  return result.errorCount > 0 ? 1 : 0;
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
