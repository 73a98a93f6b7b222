import type { LoaderFunctionArgs } from '@remix-run/node';
import { getCatalog } from '../lib/articles.server';
import { cachedTextResponse } from '../lib/http.server';
import { sitemapsOf } from '../lib/sitemap.server';

/** Precomputed once per content snapshot; beyond 50,000 URLs this is a sitemap index. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { categories, snapshot } = await getCatalog();
  const { root } = sitemapsOf(snapshot, categories.map((category) => category.slug));
  return cachedTextResponse(request, root.body, { contentType: 'application/xml; charset=utf-8', etag: root.etag });
}
