import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { getCatalog } from '../lib/articles.server';
import { cachedTextResponse } from '../lib/http.server';
import { sitemapsOf } from '../lib/sitemap.server';

/** /sitemaps/N.xml: one part of a split sitemap (only exists past 50,000 URLs). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const match = /^([1-9]\d{0,5})\.xml$/.exec(params.part ?? '');
  if (!match) throw data(null, { status: 404, statusText: 'No such sitemap' });
  const { categories, snapshot } = await getCatalog();
  const part = sitemapsOf(snapshot, categories.map((category) => category.slug)).part(Number(match[1]));
  if (!part) throw data(null, { status: 404, statusText: 'No such sitemap' });
  return cachedTextResponse(request, part.body, { contentType: 'application/xml; charset=utf-8', etag: part.etag });
}
