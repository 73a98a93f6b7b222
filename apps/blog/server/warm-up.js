// @ts-check
/**
 * Renders the newest articles and the home page before the server takes connections, through the
 * same path as a request (render, then the rendered-HTML cache). A fresh process renders its first
 * pages several times slower than later ones: V8 has not compiled the render path yet and the
 * per-snapshot indexes (tags, related articles) are not built. Measured at 10,000 articles, that
 * made a reader's first article view 50–90 ms. A failure here only costs the warm-up.
 */

/** @typedef {{ ready: Promise<unknown>, snapshot(): { articles: readonly { slug: string }[] } }} ArticleSource */

/**
 * The pages to warm: the newest `articles` articles, then the home page.
 *
 * @param {ArticleSource} store  the app's content store
 * @param {number} [articles]
 */
export async function warmUpPaths(store, articles = 3) {
  await store.ready;
  const newest = store.snapshot().articles.slice(0, articles);
  return [...newest.map((article) => `/articles/${encodeURIComponent(article.slug)}`), '/'];
}

/**
 * @param {object} options
 * @param {() => Promise<string[]>} options.paths
 * @param {(pathname: string) => Promise<void>} options.render  renders and caches one page
 */
export async function warmUp({ paths, render }) {
  try {
    for (const pathname of await paths()) await render(pathname);
  } catch (error) {
    console.error(`[server] warm-up render failed (pages are still served): ${String(error)}`);
  }
}
