import type { ArticleSummary } from '../lib/articles.server';
import { formatDate } from '../lib/format';
import { ArticleList } from './ArticleList';
import * as styles from '../styles/list.css';
import * as layout from '../styles/layout.css';

export interface GonePageProps {
  /** The article as it was last published. */
  title: string;
  reason: 'withdrawn' | 'removed';
  removedOn?: string | undefined;
  /** Published articles on the same subject (else the newest). */
  related: readonly ArticleSummary[];
}

/**
 * The 410 page of an article that was withdrawn (a draft again, or post-dated) or removed: says so
 * plainly, offers a search for its subject and articles readers can go to instead.
 */
export function GonePage({ title, reason, removedOn, related }: GonePageProps) {
  return (
    <div className={styles.errorPage}>
      <p className={styles.eyebrow}>Error 410</p>
      <h1 className={styles.pageTitle}>This article is no longer available</h1>
      <p>
        “{title}”{' '}
        {reason === 'removed'
          ? `was removed from this site${removedOn ? ` on ${formatDate(removedOn)}` : ''}.`
          : 'has been taken down while it is updated. It may come back at this address.'}
      </p>
      <form method="get" action="/search" role="search" aria-label="Articles on this subject" className={layout.searchForm}>
        <label htmlFor="gone-search" className={layout.searchLabel}>
          Search the articles
        </label>
        <div className={layout.searchRow}>
          <input id="gone-search" className={layout.searchInput} type="search" name="q" defaultValue={title} maxLength={500} autoComplete="off" />
          <button type="submit" className={layout.searchButton}>
            Search
          </button>
        </div>
      </form>
      {related.length > 0 ? (
        <>
          <h2 id="gone-related" className={styles.sectionHeading}>
            You may find these useful
          </h2>
          <ArticleList articles={related} label="Related articles" headingLevel={3} idPrefix="gone" />
        </>
      ) : null}
    </div>
  );
}
