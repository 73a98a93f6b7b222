import { Breadcrumbs } from '@cited/ui';
import type { ArticleSummary } from '../lib/articles.server';
import { formatArticleCount, formatCount } from '../lib/format';
import * as styles from '../styles/list.css';
import { ArticleList, Pagination } from './ArticleList';

export interface ListingPageProps {
  /** What kind of list this is ("Category", "Topic"), shown above the title. */
  eyebrow: string;
  title: string;
  /** What the list is about, in the site's words (a category's description in site.yml). */
  description?: string;
  articles: readonly ArticleSummary[];
  page: number;
  pageCount: number;
  total: number;
  basePath: string;
}

/** A paginated, newest-first list of articles under a title, below the way home: category and tag pages. */
export function ListingPage({ eyebrow, title, description, articles, page, pageCount, total, basePath }: ListingPageProps) {
  return (
    <>
      <div className={styles.intro}>
        <Breadcrumbs items={[{ href: '/', label: 'Home' }]} current={title} />
        <p className={styles.eyebrow}>{eyebrow}</p>
        <h1 className={styles.pageTitle}>{title}</h1>
        {description ? <p className={styles.lede}>{description}</p> : null}
        <p className={styles.lede}>
          {formatArticleCount(total)}, newest first
          {pageCount > 1 ? ` (page ${formatCount(page)} of ${formatCount(pageCount)})` : ''}.
        </p>
      </div>
      <ArticleList articles={articles} />
      <Pagination page={page} pageCount={pageCount} basePath={basePath} />
    </>
  );
}
