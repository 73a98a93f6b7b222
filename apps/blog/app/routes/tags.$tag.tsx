import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ArticleList, Pagination } from '../components/ArticleList';
import { getCatalog } from '../lib/articles.server';
import { paginate } from '../lib/listing.server';
import { seoMeta, siteOf } from '../lib/seo';
import { absoluteUrl } from '../lib/site';
import { articlesWithTag } from '../lib/taxonomy.server';
import * as styles from '../styles/list.css';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { snapshot } = await getCatalog();
  const tagged = articlesWithTag(snapshot, params.tag ?? '');
  if (!tagged) throw data(null, { status: 404, statusText: 'Unknown tag' });
  const { tag } = tagged;
  const listing = paginate(request, tagged.articles);
  const path = `/tags/${tag.slug}`;
  return {
    ...listing,
    tag,
    basePath: path,
    canonicalUrl: absoluteUrl(listing.page === 1 ? path : `${path}?page=${listing.page}`),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  page
    ? seoMeta(
        {
          title: page.page === 1 ? `Articles tagged ${page.tag.name}` : `Articles tagged ${page.tag.name}, page ${page.page}`,
          description: `Articles about ${page.tag.name}, newest first, each with its evidence cited.`,
          canonicalUrl: page.canonicalUrl,
        },
        siteOf(matches),
      )
    : [];

export default function TagPage() {
  const { articles, tag, page, pageCount, total, basePath } = useLoaderData<typeof loader>();
  return (
    <>
      <div className={styles.intro}>
        <p className={styles.eyebrow}>Topic</p>
        <h1 className={styles.pageTitle}>{tag.name}</h1>
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
