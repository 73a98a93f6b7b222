import { Link } from '@remix-run/react';
import type { Category } from '../lib/articles.server';
import { formatArticleCount } from '../lib/format';
import * as styles from '../styles/list.css';

interface ErrorPageProps {
  status: number;
  categories: readonly Category[];
  /** Dev only: the error message, to help whoever is editing. Never a stack trace in production. */
  detail?: string | undefined;
}

const copy: Record<'notFound' | 'badRequest' | 'server', { title: string; body: string }> = {
  notFound: {
    title: 'We can’t find that page',
    body: 'The address may be mistyped, or the article may have moved or been withdrawn while it is updated.',
  },
  badRequest: {
    title: 'That address doesn’t work',
    body: 'Part of the address (such as a page number) isn’t valid.',
  },
  server: {
    title: 'Something went wrong on our side',
    body: 'The page couldn’t be shown just now. Please try again in a few minutes.',
  },
};

/** The 404, 400 and 500 pages: no search, just a way back to the articles. */
export function ErrorPage({ status, categories, detail }: ErrorPageProps) {
  const text = status === 404 ? copy.notFound : status >= 400 && status < 500 ? copy.badRequest : copy.server;
  return (
    <div className={styles.errorPage}>
      <p className={styles.eyebrow}>Error {status}</p>
      <h1 className={styles.pageTitle}>{text.title}</h1>
      <p>{text.body}</p>
      {detail ? <pre>{detail}</pre> : null}
      <h2 className={styles.sectionHeading}>Where to go from here</h2>
      <ul className={styles.errorLinks}>
        <li>
          <Link to="/">Browse all articles</Link>, newest first
        </li>
        {categories.map((category) => (
          <li key={category.slug}>
            <Link to={`/category/${category.slug}`}>{category.name}</Link> ({formatArticleCount(category.count)})
          </li>
        ))}
      </ul>
    </div>
  );
}
