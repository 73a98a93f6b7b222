import type { FileProblems, ReportedProblem } from '../lib/articles.server';
import * as styles from '../styles/diagnostics.css';

const stateText: Record<FileProblems['state'], string> = {
  published: 'Published as it is (warnings only).',
  'last-good': 'Not updated: readers still get the last version without errors.',
  unpublished: 'Not published: readers get a 404 until this is fixed.',
};

/** The file's name, for labels: "refs.bib" for ".../articles/refs.bib". */
function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** A few lines of the file the problem is in, the reported line marked and carets under the span. */
function Excerpt({ problem }: { problem: ReportedProblem }) {
  const { excerpt } = problem;
  if (!excerpt) return null;
  const width = String(excerpt.lines.at(-1)?.number ?? 1).length;
  const carets = '^'.repeat(Math.max(1, (excerpt.endColumn ?? excerpt.column + 1) - excerpt.column));
  return (
    <pre className={styles.excerpt} aria-label={`${baseName(problem.path)} around line ${problem.line}`}>
      {excerpt.lines.map(({ number, text }) => {
        const gutter = `${String(number).padStart(width)} | `;
        if (number !== excerpt.line) return `${gutter}${text}\n`;
        return (
          <span key={number}>
            <mark>{`${gutter}${text}`}</mark>
            {`\n${' '.repeat(gutter.length + Math.max(0, excerpt.column - 1))}${carets} here\n`}
          </span>
        );
      })}
    </pre>
  );
}

/** Dev only: what is wrong with an article file, where, and how it is being served meanwhile. */
export function FileProblemList({ files }: { files: readonly FileProblems[] }) {
  return (
    <>
      {files.map((entry) => (
        <section key={entry.file} aria-labelledby={`file-${entry.file}`}>
          <h2 className={styles.file} id={`file-${entry.file}`}>
            {entry.path}
          </h2>
          <p>{stateText[entry.state]}</p>
          {entry.diagnostics.map((problem, index) => (
            <div key={index} className={styles.problem}>
              <p>
                <strong>{problem.severity === 'error' ? 'Error' : 'Warning'}</strong> <code>{problem.ruleId}</code>:{' '}
                {problem.message}
              </p>
              {problem.path !== entry.path && (
                <p>
                  In <code>{baseName(problem.path)}</code>, a bibliography file of this article:
                </p>
              )}
              <p className={styles.where}>{`${problem.path}:${problem.line}:${problem.column}`}</p>
              <Excerpt problem={problem} />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
