import { taxonomySlug } from '@cited/content/taxonomy';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ListingPage } from '../components/ListingPage';
import { categoryNames, getCatalog } from '../lib/articles.server';
import { paginate } from '../lib/listing.server';
import { seoMeta, siteOf } from '../lib/seo';
import { siteConfig } from '../lib/site.server';
import { absoluteUrl } from '../lib/site';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { categories, snapshot } = await getCatalog();
  const category = categories.find((candidate) => candidate.slug === params.category);
  if (!category) throw data(null, { status: 404, statusText: 'Unknown category' });
  const names = categoryNames(snapshot, category.slug);
  const listing = paginate(request, (range) => snapshot.page({ categories: names, ...range }));
  const path = `/category/${category.slug}`;
  // site.yml's registry describes its categories (the check already refused unknown ones).
  const description = siteConfig().categories?.find((entry) => taxonomySlug(entry.name) === category.slug)?.description;
  return {
    ...listing,
    category,
    ...(description ? { description } : {}),
    basePath: path,
    canonicalUrl: absoluteUrl(listing.page === 1 ? path : `${path}?page=${listing.page}`),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  page
    ? seoMeta(
        {
          title: page.page === 1 ? page.category.name : `${page.category.name}, page ${page.page}`,
          description: page.description ?? `Articles in ${page.category.name}, newest first, each with its evidence cited.`,
          canonicalUrl: page.canonicalUrl,
        },
        siteOf(matches),
      )
    : [];

export default function CategoryPage() {
  const { category, ...listing } = useLoaderData<typeof loader>();
  return <ListingPage eyebrow="Category" title={category.name} {...listing} />;
}
