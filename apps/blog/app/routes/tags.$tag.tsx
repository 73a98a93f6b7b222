import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ListingPage } from '../components/ListingPage';
import { getCatalog } from '../lib/articles.server';
import { paginate } from '../lib/listing.server';
import { seoMeta, siteOf } from '../lib/seo';
import { absoluteUrl } from '../lib/site';
import { tagNamed } from '../lib/taxonomy.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { snapshot } = await getCatalog();
  const tagged = tagNamed(snapshot, params.tag ?? '');
  if (!tagged) throw data(null, { status: 404, statusText: 'Unknown tag' });
  const { tag, names } = tagged;
  const listing = paginate(request, (range) => snapshot.page({ tags: names, ...range }));
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
  const { tag, ...listing } = useLoaderData<typeof loader>();
  return <ListingPage eyebrow="Topic" title={tag.name} {...listing} />;
}
