import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ArticleList, Pagination } from '../components/ArticleList';
import { articlesInCategory, getCatalog } from '../lib/articles.server';
import { paginate } from '../lib/listing.server';
import { seoMeta, siteOf } from '../lib/seo';
import { absoluteUrl } from '../lib/site';
import * as styles from '../styles/list.css';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { categories, snapshot } = await getCatalog();
  const category = categories.find((candidate) => candidate.slug === params.category);
  if (!category) throw data(null, { status: 404, statusText: 'Unknown category' });
  const inCategory = articlesInCategory(snapshot, category.slug);
  const listing = paginate(request, inCategory);
  const path = `/category/${category.slug}`;
  return {
    ...listing,
    category,
    basePath: path,
    canonicalUrl: absoluteUrl(listing.page === 1 ? path : `${path}?page=${listing.page}`),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  page
    ? seoMeta(
        {
          title: page.page === 1 ? page.category.name : `${page.category.name}, page ${page.page}`,
          description: `Articles in ${page.category.name}, newest first, each with its evidence cited.`,
          canonicalUrl: page.canonicalUrl,
        },
        siteOf(matches),
      )
    : [];

export default function CategoryPage() {
  const { articles, category, page, pageCount, total, basePath } = useLoaderData<typeof loader>();
  return (
    <>
      <div className={styles.intro}>
        <p className={styles.eyebrow}>Category</p>
        <h1 className={styles.pageTitle}>{category.name}</h1>
        <p className={styles.lede}>
          {total === 1 ? '1 article' : `${total} articles`}, newest first
          {pageCount > 1 ? ` (page ${page} of ${pageCount})` : ''}.
        </p>
      </div>
      <ArticleList articles={articles} />
      <Pagination page={page} pageCount={pageCount} basePath={basePath} />
    </>
  );
}
