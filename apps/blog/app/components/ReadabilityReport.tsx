import { formatArticleCount, formatCount } from '../lib/format';
import type { ReadabilitySummary } from '../lib/readability.server';
import * as styles from '../styles/diagnostics.css';

function verdict(report: ReadabilitySummary): string {
  const where = report.grade > report.targetGrade ? `above the target grade ${report.targetGrade}` : `within the target grade ${report.targetGrade}`;
  return `Grade ${report.grade} (reading age ${report.readingAge}), ${where} · ${report.wordsPerSentence} words per sentence · ${report.longWordPercent}% long words · ${report.passive} passive · ${report.flagged.length} of ${report.paragraphs} paragraphs above target`;
}

/** One article's plain-language figures, and each paragraph above target with its hardest sentence. */
function ArticleReadability({ report, headingLevel }: { report: ReadabilitySummary; headingLevel: 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={styles.readability}>
      <Heading className={styles.file}>{report.title ? `${report.title} (${report.file})` : report.file}</Heading>
      <p>{verdict(report)}</p>
      {report.flagged.length > 0 ? (
        <details>
          <summary>
            {report.flagged.length} {report.flagged.length === 1 ? 'paragraph' : 'paragraphs'} above grade {report.targetGrade}, each with
            its hardest sentence
          </summary>
          <ol className={styles.flagged}>
            {report.flagged.map((paragraph) => (
              <li key={paragraph.line}>
                <span className={styles.where}>{`${report.file}:${paragraph.line}`}</span>: grade {paragraph.grade}, {paragraph.words} words.
                {paragraph.hardestSentence ? (
                  <>
                    {' '}
                    Hardest sentence (grade {paragraph.hardestSentenceGrade}): <q>{paragraph.hardestSentence}</q>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}

/** Dev only: the readability report `cited-content check` prints, per article. */
export function ReadabilityReport({
  reports,
  total,
  headingLevel = 2,
}: {
  reports: readonly ReadabilitySummary[];
  /** How many articles there are (reports may cover only the newest). */
  total: number;
  headingLevel?: 2 | 3;
}) {
  if (reports.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="readability-heading">
      <Heading id="readability-heading">Readability</Heading>
      <p>
        Flesch–Kincaid grade of the prose you wrote (quotations, headings and references are not measured). Words listed under{' '}
        <code>readability.allow</code> in site.yml are not counted as hard words.
        {total > reports.length ? ` Measured for the ${formatCount(reports.length)} newest of ${formatArticleCount(total)}: \`npm run content:check\` measures all.` : ''}
      </p>
      {reports.map((report) => (
        <ArticleReadability key={report.file} report={report} headingLevel={headingLevel === 2 ? 3 : 4} />
      ))}
    </section>
  );
}
