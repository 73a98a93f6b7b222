/**
 * The production server bundle's entry (build/server/index.js; in dev, server.js loads this module
 * through Vite). It is the whole interface between the app and server.js:
 *  - Remix's server build (routes, entry, assets…), re-exported unchanged, so the module itself is
 *    what `createRequestHandler` (and remix-serve) take;
 *  - the few app functions the server calls around Remix, by name.
 * Nothing else is exported to the server: a function it needs is added here, typed.
 */
import { closeContent as closeContentStore } from './lib/articles.server';
import { closeSearchIndex } from './lib/search.server';

export * from 'virtual:remix/server-build';

/** The content store: warm-up reads its newest articles; tests await `refresh()` after writing files. */
export { contentStore } from './lib/articles.server';
/** The images folder (content/images/), served at /images without a rebuild (server/images.js). */
export { imagesDir } from './lib/articles.server';
/** Keys the rendered-HTML cache: changes whenever anything a reader can see changes. */
export { contentVersion } from './lib/articles.server';
/** Builds the sitemap in the background once the server listens (a crawler's first request finds it built). */
export { warmSitemap } from './lib/articles.server';
/** Builds the search index in the background at start (the first search then does not wait for it). */
export { warmSearchIndex } from './lib/search.server';
/** The document security headers, for the responses the server makes without Remix (errors, 405, assets). */
export { documentSecurityHeaders } from './lib/http.server';

/** Graceful shutdown (SIGTERM): the search index file is closed; the content store stops compiling and saves what it knows. */
export async function closeContent(): Promise<void> {
  closeSearchIndex();
  await closeContentStore();
}
