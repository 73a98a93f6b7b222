import type { MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { overdueReviews } from '@cited/content';
import type { SnapshotEntry } from '@cited/content/store';
import { FileProblemList } from '../components/ContentProblems';
import { ReadabilityReport } from '../components/ReadabilityReport';
import { contentToday, getCatalog, getProblems, isPreview } from '../lib/articles.server';
import { readabilityReports } from '../lib/readability.server';
import { formatDate } from '../lib/format';
import * as styles from '../styles/diagnostics.css';

/** /_content, dev only: every article file's problems, drafts and scheduled articles. */
export async function loader() {
  if (!isPreview()) throw data(null, { status: 404, statusText: 'Not found' });
  const [{ snapshot }, files] = await Promise.all([getCatalog(), getProblems()]);
  const entries = [...snapshot.articles.map((listing) => snapshot.entry(listing.slug)), ...snapshot.unpublished].filter(
    (entry): entry is SnapshotEntry => entry !== undefined,
  );
  const today = contentToday();
  // By today's date, not the day a file was last checked: a review falls due without an edit.
  const overdue = overdueReviews(
    entries.map((entry) => ({ ...entry.listing, file: entry.file })),
    new Date(`${today}T12:00:00Z`),
  ).map((listing) => ({ slug: listing.slug, title: listing.title, file: listing.file, nextReviewDue: listing.nextReviewDue as string }));
  const readability = await readabilityReports(entries);
  return {
    files,
    today,
    overdue,
    readability,
    published: snapshot.articles.length,
    unpublished: snapshot.unpublished.map((entry) => ({
      slug: entry.slug,
      title: entry.listing.title,
      visibility: entry.visibility,
      published: entry.listing.published,
    })),
  };
}

export const meta: MetaFunction = () => [{ title: 'Content diagnostics · cited' }, { name: 'robots', content: 'noindex' }];

export default function ContentDiagnostics() {
  const { files, published, unpublished, overdue, today, readability } = useLoaderData<typeof loader>();
  const errors = files.reduce((sum, file) => sum + file.diagnostics.filter((d) => d.severity === 'error').length, 0);
  return (
    <div className={styles.problems}>
      <h1>Content diagnostics</h1>
      <p>
        {published} published {published === 1 ? 'article' : 'articles'}; {errors} {errors === 1 ? 'error' : 'errors'} in{' '}
        {files.length} {files.length === 1 ? 'file' : 'files'}. Fix a file and reload this page.
      </p>
      {unpublished.length > 0 ? (
        <>
          <h2>Drafts and scheduled</h2>
          <ul>
            {unpublished.map((entry) => (
              <li key={entry.slug}>
                <Link to={`/articles/${entry.slug}`}>{entry.title}</Link>:{' '}
                {entry.visibility === 'draft' ? 'draft' : `scheduled for ${formatDate(entry.published)}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {overdue.length > 0 ? (
        <section aria-labelledby="overdue-heading" className={styles.overdue}>
          <h2 id="overdue-heading">Medical reviews overdue</h2>
          <p>
            <code>review-overdue</code> (warning), as of {formatDate(today)}: the page tells readers the review has lapsed.
          </p>
          <ul>
            {overdue.map((entry) => (
              <li key={entry.slug}>
                <Link to={`/articles/${entry.slug}`}>{entry.title}</Link> ({entry.file}): review was due on {formatDate(entry.nextReviewDue)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {files.length === 0 ? <p>No problems.</p> : <FileProblemList files={files} />}
      <ReadabilityReport reports={readability.reports} total={readability.total} />
    </div>
  );
}
