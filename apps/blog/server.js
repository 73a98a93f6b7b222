// @ts-check
// The blog's server: Express, Remix through its Express adapter (@remix-run/express), and what the
// adapter does not do, in small modules under server/: refusing malformed requests (Host, paths),
// the rendered-HTML cache with conditional GET, warm-up, and plain error pages.
//   node server.js         serves build/ (run `npm run build` first; scripts/start.js does it for you)
//   node server.js --dev   Vite dev middleware: edits to the app, its articles and @cited/ui show on reload
// Env: PORT (default 3000), HOST (default 0.0.0.0), SITE_URL (canonical origin),
//      CITED_ARTICLES_DIR (articles directory), HTML_CACHE=0 (no rendered-HTML cache: every request
//      goes straight to Remix through the adapter, as under remix-serve).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { createRequestHandler as createFetchHandler } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { errorPages, readOnlyMethods } from './server/errors.js';
import { serveImages } from './server/images.js';
import { createHtmlCache } from './server/html-cache.js';
import { createPages } from './server/pages.js';
import { validateHost, validatePath } from './server/request-checks.js';
import { serveStatic } from './server/static-files.js';
import { warmUp, warmUpPaths } from './server/warm-up.js';

/**
 * Everything the server uses of the app: app/server-build.ts, built to build/server/index.js
 * (Remix's server build plus a few named functions).
 * @typedef {typeof import('./app/server-build')} AppServer
 */

const appDir = path.dirname(fileURLToPath(import.meta.url));
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
process.env.NODE_ENV ??= dev ? 'development' : 'production';

/**
 * Dev: Vite's middleware, and the adapter over the app module re-loaded on every request, so
 * edits show on reload (vite.config.ts reads @cited/ui from its source in dev).
 *
 * @param {express.Express} app
 */
async function serveDev(app) {
  const vite = await import('vite');
  const viteServer = await vite.createServer({ root: appDir, server: { middlewareMode: true } });
  const loadApp = () => /** @type {Promise<AppServer>} */ (viteServer.ssrLoadModule('/app/server-build.ts'));
  const securityHeaders = (await loadApp()).documentSecurityHeaders({ dev: true });
  app.use(readOnlyMethods(securityHeaders));
  app.use('/images', serveImages((await loadApp()).imagesDir(), { headers: securityHeaders }));
  app.use(viteServer.middlewares);
  app.all('*', createRequestHandler({ build: loadApp, mode: 'development' }));
  app.use(errorPages(securityHeaders));
  return { closeContent: async () => (await loadApp()).closeContent(), warm: async () => {}, listening: () => {} };
}

/**
 * Production: the built app behind the adapter, with the rendered-HTML cache in front of it.
 *
 * @param {express.Express} app
 */
async function serveProduction(app) {
  const build = /** @type {AppServer} */ (await import(pathToFileURL(path.join(appDir, 'build/server/index.js')).href));
  const securityHeaders = build.documentSecurityHeaders();
  const adapter = createRequestHandler({ build, mode: 'production' });
  const pages =
    process.env.HTML_CACHE === '0'
      ? null
      : createPages({ adapter, renderPage: createFetchHandler(build, 'production'), cache: createHtmlCache(), contentVersion: build.contentVersion });

  app.use(readOnlyMethods(securityHeaders));
  // Cached pages first: a hit is answered before compression and the file system are consulted.
  if (pages) app.use(pages.serveHits);
  app.use(compression());
  // Fingerprinted assets never change: cache for a year, immutable.
  app.use('/assets', serveStatic(path.join(appDir, 'build/client/assets'), { immutable: true, maxAge: '1y', headers: securityHeaders }));
  // The site's images, read from content/images/ on each request: no rebuild for a new one.
  app.use('/images', serveImages(build.imagesDir(), { headers: securityHeaders }));
  // Other public files (favicon) keep their names: an hour, then revalidate.
  app.use(serveStatic(path.join(appDir, 'build/client'), { maxAge: '1h', headers: securityHeaders }));
  if (pages) app.use(pages.renderMisses);
  app.all('*', adapter);
  app.use(errorPages(securityHeaders));

  // The search index is built in the background once the content is ready, so the first search
  // does not wait for it (requests are served meanwhile: the build yields between batches).
  build.warmSearchIndex();
  const warm = pages ? () => warmUp({ paths: () => warmUpPaths(build.contentStore()), render: pages.prime }) : async () => {};
  // Once listening: what no reader's first page needs (the sitemap of every article) is built next.
  return { closeContent: () => build.closeContent(), warm, listening: () => build.warmSitemap() };
}

async function main() {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(validateHost, validatePath);
  const { closeContent, warm, listening } = dev ? await serveDev(app) : await serveProduction(app);

  await warm();
  const server = app.listen(port, host, () => {
    const shownHost = host === '0.0.0.0' ? 'localhost' : host;
    console.log(`cited blog (${dev ? 'dev' : 'production'}) listening on http://${shownHost}:${port}`);
    listening();
  });

  // On shutdown the content store stops compiling and saves what it knows (the next start then
  // compiles nothing that was already compiled); a second signal exits at once.
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      server.close();
      const exit = () => process.exit(0);
      setTimeout(exit, 5_000).unref();
      closeContent().then(exit, exit);
      process.once(signal, exit);
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
