import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ArticleList, Pagination } from '../components/ArticleList';
import { getCatalog } from '../lib/articles.server';
import { paginate } from '../lib/listing.server';
import { seoMeta } from '../lib/seo';
import { absoluteUrl, SITE_DESCRIPTION, SITE_NAME } from '../lib/site';
import * as styles from '../styles/list.css';

export async function loader({ request }: LoaderFunctionArgs) {
  const { articles } = await getCatalog();
  const listing = paginate(request, articles);
  return {
    ...listing,
    canonicalUrl: absoluteUrl(listing.page === 1 ? '/' : `/?page=${listing.page}`),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? seoMeta({
        title: data.page === 1 ? SITE_NAME : `Articles, page ${data.page}`,
        description: SITE_DESCRIPTION,
        canonicalUrl: data.canonicalUrl,
      })
    : [];

export default function Index() {
  const { articles, page, pageCount, total } = useLoaderData<typeof loader>();
  return (
    <>
      <div className={styles.intro}>
        <h1 className={styles.pageTitle}>Latest articles</h1>
        <p className={styles.lede}>
          {SITE_DESCRIPTION} {total === 1 ? '1 article' : `${total} articles`}, newest first
          {pageCount > 1 ? ` (page ${page} of ${pageCount})` : ''}.
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
