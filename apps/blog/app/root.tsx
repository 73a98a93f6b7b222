// The design system's precompiled stylesheet (every component, both themes, light/dark by
// prefers-color-scheme), imported once, here, exactly as any other consumer of @cited/ui does.
import '@cited/ui/styles.css';
import './styles/global.css';
import type { LinksFunction, MetaFunction } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { ErrorPage } from './components/ErrorPage';
import { SiteFooter } from './components/SiteFooter';
import { SiteHeader } from './components/SiteHeader';
import { getCatalog } from './lib/articles.server';
import { wantsHydration } from './lib/handle';
import { publicSite, type PublicSite } from './lib/site.server';
import * as styles from './styles/layout.css';

export async function loader() {
  const { categories } = await getCatalog();
  return { categories, site: publicSite() };
}

export const links: LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'alternate', type: 'application/rss+xml', title: 'Articles (RSS)', href: '/rss.xml' },
];

export const meta: MetaFunction<typeof loader> = ({ error, data }) => {
  const siteName = data?.site.name ?? '';
  if (!error) return [{ title: siteName }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = status === 404 ? 'Page not found' : status < 500 ? 'Invalid address' : 'Something went wrong';
  return [{ title: siteName ? `${title} · ${siteName}` : title }, { name: 'robots', content: 'noindex' }];
};

/** The site as the root loader gave it, for components (undefined only if the root loader failed). */
export function useSite(): PublicSite | undefined {
  return useRouteLoaderData<typeof loader>('root')?.site;
}

/**
 * Zero JavaScript by default: <Scripts/> and <ScrollRestoration/> render only when a matched
 * route's handle asks for hydration (Remix "Disabling JavaScript" guide). Without <Scripts/>
 * there are no modulepreload links and no serialized loader data either.
 */
export function Layout({ children }: { children: ReactNode }) {
  const hydrate = useMatches().some((match) => wantsHydration(match.handle));
  const data = useRouteLoaderData<typeof loader>('root');
  return (
    <html lang={data?.site.locale ?? 'en'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className={styles.skipLink}>
          Skip to main content
        </a>
        <SiteHeader categories={data?.categories ?? []} site={data?.site} />
        <main id="main" className={styles.main}>
          {children}
        </main>
        <SiteFooter site={data?.site} />
        {hydrate ? (
          <>
            <ScrollRestoration />
            <Scripts />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>('root');
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // import.meta.env.DEV is false in every production build, so no message or stack leaks there.
  const detail = import.meta.env.DEV && error instanceof Error ? (error.stack ?? error.message) : undefined;
  return <ErrorPage status={status} categories={data?.categories ?? []} detail={detail} />;
}
