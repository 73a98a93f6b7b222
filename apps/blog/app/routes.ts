import { index, route, type RouteConfig } from '@remix-run/route-config';

export default [
  index('routes/_index.tsx'),
  route('articles/:slug', 'routes/articles.$slug.tsx'),
  route('category/:category', 'routes/category.$category.tsx'),
  route('tags/:tag', 'routes/tags.$tag.tsx'),
  route('authors/:id', 'routes/authors.$id.tsx'),
  route('search', 'routes/search.tsx'),
  route('contact', 'routes/contact.tsx'),
  route('rss.xml', 'routes/rss[.]xml.ts'),
  route('sitemap.xml', 'routes/sitemap[.]xml.ts'),
  route('sitemaps/:part', 'routes/sitemaps.$part.ts'),
  route('_content', 'routes/_content.tsx'),
  route('robots.txt', 'routes/robots[.]txt.ts'),
  // Catch-all so unknown paths still run the root loader (categories for the 404 page).
  route('*', 'routes/$.tsx'),
] satisfies RouteConfig;
