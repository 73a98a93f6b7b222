// 2. Page weight of the article (and, for reference, the index).
import { ARTICLE_PATH, INDEX_PATH } from '../app.js';
import { infoRow, targetRow } from '../report.js';
import { formatBytes } from '../stats.js';
import { measurePageWeight } from '../weight.js';

export const id = 'weight';
/** Measures the shared production server run.js starts (default content). */
export const usesSharedBlog = true;
export const title = 'Page weight';

export async function run(ctx) {
  const blog = await ctx.blog();
  const article = await measurePageWeight(new URL(ARTICLE_PATH, blog.origin).href);
  const index = await measurePageWeight(new URL(INDEX_PATH, blog.origin).href);
  return { article, index, gzipLevel: 9 };
}

const pair = (bucket) => `${formatBytes(bucket.raw)} raw, ${formatBytes(bucket.gzip)} gzip`;

export function rows(data) {
  const { article, index } = data;
  const out = [
    targetRow('Weight', 'article: JavaScript', `${pair(article.totals.js)} (${article.inlineScripts} inline scripts)`, '0 bytes', article.totals.js.raw === 0),
    targetRow('Weight', 'article: CSS', pair(article.totals.css), '≤ 10 KB gzip', article.totals.css.gzip <= 10 * 1024),
    targetRow('Weight', 'article: HTML', pair(article.totals.html), '≤ 30 KB gzip', article.totals.html.gzip <= 30 * 1024),
    targetRow(
      'Weight',
      'article: render-blocking requests',
      `${article.renderBlocking.stylesheets} stylesheet(s), ${article.renderBlocking.scripts} script(s)`,
      '≤ 1 stylesheet, 0 scripts',
      article.renderBlocking.stylesheets <= 1 && article.renderBlocking.scripts === 0,
    ),
    infoRow('Weight', 'article: requests (document + subresources)', String(article.requests), article.resources.map((r) => `${r.kind} ${new URL(r.url).pathname}`).join(', ')),
    infoRow('Weight', 'index /: HTML / CSS / JS gzip', `${formatBytes(index.totals.html.gzip)} / ${formatBytes(index.totals.css.gzip)} / ${formatBytes(index.totals.js.gzip)}; ${index.requests} requests`),
  ];
  for (const page of [article, index]) {
    if (page.failedResources.length > 0) out.push(infoRow('Weight', `${new URL(page.url).pathname}: subresources not 200`, page.failedResources.join(', ')));
  }
  return out;
}

export function markdown(data) {
  const lines = [
    '## 2. Page weight',
    '',
    `Fetched with \`Accept-Encoding: identity\`; gzip figures are \`zlib.gzipSync(level ${data.gzipLevel})\` of those bytes. JavaScript includes inline executable scripts (JSON-LD is data, listed apart); CSS includes inline \`<style>\`. Requests: the document plus every stylesheet, script, modulepreload, preload, image and icon it references (and fonts/images/\`@import\`s inside the CSS); a page without \`<link rel="icon">\` costs an implicit \`/favicon.ico\`.`,
    '',
    '| Page | HTML raw / gzip | CSS raw / gzip | JS raw / gzip | JSON-LD | requests | render-blocking |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const page of [data.article, data.index]) {
    const { totals } = page;
    lines.push(`| \`${new URL(page.url).pathname}\` | ${formatBytes(totals.html.raw)} / ${formatBytes(totals.html.gzip)} | ${formatBytes(totals.css.raw)} / ${formatBytes(totals.css.gzip)} | ${formatBytes(totals.js.raw)} / ${formatBytes(totals.js.gzip)} | ${formatBytes(page.jsonDataBytes)} | ${page.requests} | ${page.renderBlocking.urls.map((url) => `\`${new URL(url).pathname}\``).join(', ') || 'none'} |`);
  }
  lines.push('', 'Subresources of the article:', '');
  for (const resource of data.article.resources) {
    lines.push(`- ${resource.kind} \`${new URL(resource.url).pathname}\` — ${resource.status}, ${formatBytes(resource.raw)} raw / ${formatBytes(resource.gzip)} gzip, Cache-Control \`${resource.cacheControl ?? 'none'}\`${resource.renderBlocking ? ', render-blocking' : ''}`);
  }
  return lines.join('\n');
}
