import type { FileProblems, ReportedProblem } from '../lib/articles.server';
import * as styles from '../styles/diagnostics.css';

const stateText: Record<FileProblems['state'], string> = {
  published: 'Published as it is (warnings only).',
  'last-good': 'Not updated: readers still get the last version without errors.',
  unpublished: 'Not published: readers get a 404 until this is fixed.',
};

/** A few source lines with the reported line marked and a caret under the column. */
function Excerpt({ problem }: { problem: ReportedProblem }) {
  if (!problem.excerpt) return null;
  const width = String(problem.excerpt.lines.at(-1)?.number ?? 1).length;
  return (
    <pre className={styles.excerpt} aria-label={`Source around line ${problem.line}`}>
      {problem.excerpt.lines.map(({ number, text }) => {
        const gutter = `${String(number).padStart(width)} | `;
        if (number !== problem.excerpt?.line) return `${gutter}${text}\n`;
        return (
          <span key={number}>
            <mark>{`${gutter}${text}`}</mark>
            {`\n${' '.repeat(gutter.length + Math.max(0, problem.excerpt.column - 1))}^ here\n`}
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
              <p className={styles.where}>{`${entry.path}:${problem.line}:${problem.column}`}</p>
              <Excerpt problem={problem} />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
