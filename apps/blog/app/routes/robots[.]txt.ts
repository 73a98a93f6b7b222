import type { LoaderFunctionArgs } from '@remix-run/node';
import { cachedTextResponse } from '../lib/http.server';
import { absoluteUrl } from '../lib/site';

export function loader({ request }: LoaderFunctionArgs) {
  const body = `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap.xml')}\n`;
  return cachedTextResponse(request, body, { contentType: 'text/plain; charset=utf-8' });
}
