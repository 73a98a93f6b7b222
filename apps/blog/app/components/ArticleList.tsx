import { Link } from '@remix-run/react';
import type { ArticleSummary } from '../lib/articles.server';
import { formatDate, formatReadingTime } from '../lib/format';
import * as styles from '../styles/list.css';

export function ArticleList({ articles }: { articles: readonly ArticleSummary[] }) {
  return (
    <ol className={styles.list} aria-label="Articles, newest first">
      {articles.map((article) => (
        <li key={article.slug} className={styles.item}>
          <article aria-labelledby={`article-${article.slug}`}>
            <h2 className={styles.itemTitle} id={`article-${article.slug}`}>
              <Link to={`/articles/${article.slug}`}>{article.title}</Link>
            </h2>
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
              <li>{formatReadingTime(article.readingTimeMinutes)}</li>
            </ul>
          </article>
        </li>
      ))}
    </ol>
  );
}

export function Pagination({ page, pageCount, basePath }: { page: number; pageCount: number; basePath: string }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => (target === 1 ? basePath : `${basePath}?page=${target}`);
  return (
    <nav className={styles.pagination} aria-label="Pages">
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev" className={styles.pageLink}>
          ← Newer articles
        </Link>
      ) : (
        <span />
      )}
      <p className={styles.pageStatus}>
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next" className={styles.pageLink}>
          Older articles →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
