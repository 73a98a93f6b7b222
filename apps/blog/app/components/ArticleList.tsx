import { Link } from '@remix-run/react';
import type { ArticleSummary } from '../lib/articles.server';
import { formatCount, formatDate, formatReadingTime } from '../lib/format';
import * as styles from '../styles/list.css';
import { TagList } from './TagList';

export function ArticleList({
  articles,
  label = 'Articles, newest first',
  headingLevel = 2,
  idPrefix = 'article',
}: {
  articles: readonly ArticleSummary[];
  label?: string;
  /** 3 when the list sits under its own h2 (related articles). */
  headingLevel?: 2 | 3;
  /** Heading ids are `${idPrefix}-${slug}`: distinct per list when a page has two. */
  idPrefix?: string;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <ol className={styles.list} aria-label={label}>
      {articles.map((article) => (
        <li key={article.slug} className={styles.item}>
          <article aria-labelledby={`${idPrefix}-${article.slug}`}>
            <Heading className={styles.itemTitle} id={`${idPrefix}-${article.slug}`}>
              <Link to={`/articles/${article.slug}`}>{article.title}</Link>
            </Heading>
            <p className={styles.itemDescription}>{article.description}</p>
            <ul className={styles.itemFacts} aria-label="Details">
              <li>
                <Link to={`/category/${article.categorySlug}`} className={styles.itemCategory}>
                  {article.category}
                </Link>
              </li>
              <li>
                <time dateTime={article.published}>{formatDate(article.published)}</time>
              </li>
              {article.updated && article.updated !== article.published ? (
                <li>
                  Updated <time dateTime={article.updated}>{formatDate(article.updated)}</time>
                </li>
              ) : null}
              <li>{formatReadingTime(article.readingTimeMinutes)}</li>
            </ul>
            <TagList tags={article.tags} />
          </article>
        </li>
      ))}
    </ol>
  );
}

export function Pagination({
  page,
  pageCount,
  basePath,
  labels = { previous: '← Newer articles', next: 'Older articles →' },
}: {
  page: number;
  pageCount: number;
  basePath: string;
  labels?: { previous: string; next: string };
}) {
  if (pageCount <= 1) return null;
  const separator = basePath.includes('?') ? '&' : '?';
  const href = (target: number) => (target === 1 ? basePath : `${basePath}${separator}page=${target}`);
  return (
    <nav className={styles.pagination} aria-label="Pages">
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev" className={styles.pageLink}>
          {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <p className={styles.pageStatus}>
        Page {formatCount(page)} of {formatCount(pageCount)}
      </p>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next" className={styles.pageLink}>
          {labels.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
