import type { HeadersFunction, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { overdueReviews } from '@cited/content';
import type { SnapshotEntry } from '@cited/content/store';
import { ColdPassNotice } from '../components/ColdPassNotice';
import { FileProblemList } from '../components/ContentProblems';
import { ReadabilityReport } from '../components/ReadabilityReport';
import { contentProgress, contentToday, getCatalog, getProblems, isPreview } from '../lib/articles.server';
import { previewLinks } from '../lib/preview.server';
import { readabilityReports } from '../lib/readability.server';
import { formatCount, formatDate } from '../lib/format';
import * as styles from '../styles/diagnostics.css';

// While a cold pass runs the page changes with every file: no cache or proxy may keep it (loader).
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/** Reviews falling due within this many days are listed as soon due. */
const soonDueDays = 30;

/**
 * /_content, dev only: every article file's problems, what is held back, withdrawn, removed or
 * redirected, drafts (with their signed preview links) and scheduled articles, reviews overdue or
 * soon due; while the store's cold pass runs, how far it is.
 */
export async function loader() {
  if (!isPreview()) throw data(null, { status: 404, statusText: 'Not found' });
  const [{ snapshot }, files] = await Promise.all([getCatalog(), getProblems()]);
  const progress = contentProgress();
  // Published: the snapshot this page lists (the store's count may be a snapshot ahead by now).
  const coldPass =
    progress.phase === 'cold-pass'
      ? { looked: progress.looked, total: progress.total, published: snapshot.articles.length, ...(progress.startedAt ? { startedAt: progress.startedAt.toISOString() } : {}) }
      : undefined;
  const entries = [...snapshot.articles.map((listing) => snapshot.entry(listing.slug)), ...snapshot.unpublished].filter(
    (entry): entry is SnapshotEntry => entry !== undefined,
  );
  const today = contentToday();
  const soon = new Date(Date.parse(`${today}T12:00:00Z`) + soonDueDays * 86_400_000).toISOString().slice(0, 10);
  // By today's date, not the day a file was last checked: a review falls due without an edit.
  const overdue = overdueReviews(
    entries.map((entry) => ({ ...entry.listing, file: entry.file })),
    new Date(`${today}T12:00:00Z`),
  ).map((listing) => ({ slug: listing.slug, title: listing.title, file: listing.file, nextReviewDue: listing.nextReviewDue as string }));
  const soonDue = entries
    .filter((entry) => entry.listing.nextReviewDue !== undefined && entry.listing.nextReviewDue >= today && entry.listing.nextReviewDue <= soon)
    .map((entry) => ({ slug: entry.slug, title: entry.listing.title, file: entry.file, nextReviewDue: entry.listing.nextReviewDue as string }))
    .sort((a, b) => a.nextReviewDue.localeCompare(b.nextReviewDue));
  const readability = await readabilityReports(entries);
  const links = previewLinks(new Date());
  const page = {
    coldPass,
    files,
    today,
    overdue,
    soonDue,
    readability,
    published: snapshot.articles.length,
    held: files
      .filter((file) => file.state !== 'published' && file.diagnostics.some((d) => d.severity === 'error'))
      .map((file) => ({ file: file.file, slug: file.slug, state: file.state })),
    gone: snapshot.gone.map((gone) => ({ slug: gone.slug, file: gone.file, title: gone.listing.title, reason: gone.reason, removedOn: gone.removedOn })),
    redirects: snapshot.redirects,
    previewLinksOff: links.on ? undefined : links.why,
    unpublished: snapshot.unpublished.map((entry) => ({
      slug: entry.slug,
      title: entry.listing.title,
      visibility: entry.visibility,
      published: entry.listing.published,
      ...(links.on ? { preview: links.linkFor(entry.slug) } : {}),
    })),
  };
  return data(page, coldPass ? { headers: { 'Cache-Control': 'no-store' } } : {});
}

export const meta: MetaFunction = () => [{ title: 'Content diagnostics · cited' }, { name: 'robots', content: 'noindex' }];

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

function Unpublished({ unpublished, previewLinksOff }: Pick<Page, 'unpublished' | 'previewLinksOff'>) {
  return (
    <section aria-labelledby="unpublished-heading">
      <h2 id="unpublished-heading">Drafts and scheduled</h2>
      {unpublished.length === 0 ? <p>None.</p> : null}
      <ul>
        {unpublished.map((entry) => (
          <li key={entry.slug}>
            <Link to={`/articles/${entry.slug}`}>{entry.title}</Link>: {entry.visibility === 'draft' ? 'draft' : `scheduled for ${formatDate(entry.published)}`}
            {entry.preview ? (
              <>
                {' '}
                (<a href={entry.preview.href}>preview link</a> for a reviewer on the live site, valid until {formatDate(entry.preview.expiresAt.slice(0, 10))})
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {previewLinksOff ? (
        <p>
          Preview links are off ({previewLinksOff}). To send a reviewer a link to a draft on the live site, set{' '}
          <code>CITED_PREVIEW_SECRET</code> to a long random value (<code>openssl rand -hex 32</code>) on the server and here, restart, then
          copy the link from this page or run <code>npm run preview-link -w @cited/blog -- &lt;slug&gt;</code>.
        </p>
      ) : null}
    </section>
  );
}

function Moves({ held, gone, redirects }: Pick<Page, 'held' | 'gone' | 'redirects'>) {
  return (
    <>
      {held.length > 0 ? (
        <section aria-labelledby="held-heading">
          <h2 id="held-heading">Held back</h2>
          <ul>
            {held.map((file) => (
              <li key={file.file}>
                {file.file}: {file.state === 'last-good' ? `readers keep getting its last good version at /articles/${file.slug}` : 'not published'} (see its errors below)
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {gone.length > 0 ? (
        <section aria-labelledby="gone-heading">
          <h2 id="gone-heading">Withdrawn and removed (410 Gone)</h2>
          <ul>
            {gone.map((entry) => (
              <li key={entry.slug}>
                /articles/{entry.slug}: “{entry.title}” ({entry.file}){' '}
                {entry.reason === 'withdrawn' ? 'withdrawn: a draft or dated in the future; back when published again' : `removed${entry.removedOn ? ` on ${formatDate(entry.removedOn)}` : ''}: its file was deleted`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {redirects.length > 0 ? (
        <section aria-labelledby="redirects-heading">
          <h2 id="redirects-heading">Redirects (301)</h2>
          <ul>
            {redirects.map((redirect) => (
              <li key={redirect.from}>
                /articles/{redirect.from} → <Link to={`/articles/${redirect.to}`}>/articles/{redirect.to}</Link> ({redirect.file},{' '}
                {redirect.by === 'frontmatter' ? <code>redirectFrom</code> : 'an earlier slug'})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function Reviews({ overdue, soonDue, today }: Pick<Page, 'overdue' | 'soonDue' | 'today'>) {
  if (overdue.length === 0 && soonDue.length === 0) return null;
  return (
    <section aria-labelledby="overdue-heading" className={styles.overdue}>
      <h2 id="overdue-heading">Medical reviews overdue or soon due</h2>
      <p>
        <code>review-overdue</code> (warning), as of {formatDate(today)}: the page tells readers the review has lapsed.
      </p>
      <ul>
        {overdue.map((entry) => (
          <li key={entry.slug}>
            <Link to={`/articles/${entry.slug}`}>{entry.title}</Link> ({entry.file}): review was due on {formatDate(entry.nextReviewDue)}
          </li>
        ))}
        {soonDue.map((entry) => (
          <li key={entry.slug}>
            <Link to={`/articles/${entry.slug}`}>{entry.title}</Link> ({entry.file}): review due on {formatDate(entry.nextReviewDue)} (within {soonDueDays} days)
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function ContentDiagnostics() {
  const page = useLoaderData<typeof loader>();
  const { files, published, readability } = page;
  const errors = files.reduce((sum, file) => sum + file.diagnostics.filter((d) => d.severity === 'error').length, 0);
  return (
    <div className={styles.problems}>
      <h1>Content diagnostics</h1>
      <p>
        {formatCount(published)} published {published === 1 ? 'article' : 'articles'}; {formatCount(errors)} {errors === 1 ? 'error' : 'errors'} in{' '}
        {formatCount(files.length)} {files.length === 1 ? 'file' : 'files'}. Fix a file and reload this page.
      </p>
      {page.coldPass ? <ColdPassNotice {...page.coldPass} /> : null}
      <Moves held={page.held} gone={page.gone} redirects={page.redirects} />
      <Unpublished unpublished={page.unpublished} previewLinksOff={page.previewLinksOff} />
      <Reviews overdue={page.overdue} soonDue={page.soonDue} today={page.today} />
      {files.length === 0 ? <p>No problems.</p> : <FileProblemList files={files} />}
      <ReadabilityReport reports={readability.reports} total={readability.total} />
    </div>
  );
}
