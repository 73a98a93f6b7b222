import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ArticleList, Pagination } from '../components/ArticleList';
import { getCatalog } from '../lib/articles.server';
import { formatArticleCount, formatCount } from '../lib/format';
import { paginate } from '../lib/listing.server';
import { seoMeta, siteOf } from '../lib/seo';
import { absoluteUrl } from '../lib/site';
import { siteConfig } from '../lib/site.server';
import * as styles from '../styles/list.css';

export async function loader({ request }: LoaderFunctionArgs) {
  const { snapshot } = await getCatalog();
  const listing = paginate(request, (range) => snapshot.page(range));
  return {
    ...listing,
    description: siteConfig().description,
    canonicalUrl: absoluteUrl(listing.page === 1 ? '/' : `/?page=${listing.page}`),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const site = siteOf(matches);
  return data
    ? seoMeta(
        { title: data.page === 1 ? site.name : `Articles, page ${data.page}`, description: data.description, canonicalUrl: data.canonicalUrl },
        site,
      )
    : [];
};

export default function Index() {
  const { articles, page, pageCount, total, description } = useLoaderData<typeof loader>();
  return (
    <>
      <div className={styles.intro}>
        <h1 className={styles.pageTitle}>Latest articles</h1>
        <p className={styles.lede}>
          {description} {formatArticleCount(total)}, newest first
          {pageCount > 1 ? ` (page ${formatCount(page)} of ${formatCount(pageCount)})` : ''}.
        </p>
      </div>
      {articles.length > 0 ? (
        <ArticleList articles={articles} />
      ) : (
        <p className={styles.empty}>No articles have been published yet.</p>
      )}
      <Pagination page={page} pageCount={pageCount} basePath="/" />
    </>
  );
}
