import type { MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { FileProblemList } from '../components/ContentProblems';
import { getCatalog, getProblems, isPreview } from '../lib/articles.server';
import { formatDate } from '../lib/format';
import * as styles from '../styles/diagnostics.css';

/** /_content, dev only: every article file's problems, drafts and scheduled articles. */
export async function loader() {
  if (!isPreview()) throw data(null, { status: 404, statusText: 'Not found' });
  const [{ snapshot }, files] = await Promise.all([getCatalog(), getProblems()]);
  return {
    files,
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
  const { files, published, unpublished } = useLoaderData<typeof loader>();
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
      {files.length === 0 ? <p>No problems.</p> : <FileProblemList files={files} />}
    </div>
  );
}
