// 3. Lighthouse 12, mobile (default config), median of N runs per page.
import { ARTICLE_PATH, INDEX_PATH } from '../app.js';
import { CATEGORIES, CHROME_PATH, chromeAvailable, runLighthouse } from '../lighthouse.js';
import { infoRow, targetRow } from '../report.js';

export const id = 'lighthouse';
/** Measures the shared production server run.js starts (default content). */
export const usesSharedBlog = true;
export const title = 'Lighthouse (mobile)';

const PAGES = [
  { name: 'article', path: ARTICLE_PATH },
  { name: 'index /', path: INDEX_PATH },
];
const METRIC_AUDITS = new Set(['first-contentful-paint', 'largest-contentful-paint', 'speed-index', 'total-blocking-time', 'cumulative-layout-shift']);
const CATEGORY_LABELS = { performance: 'performance', accessibility: 'accessibility', 'best-practices': 'best practices', seo: 'SEO' };

export async function run(ctx) {
  if (!chromeAvailable()) {
    return { skipped: `Chromium not found at ${CHROME_PATH}; install it with \`apt-get install -y chromium\` (or set CHROME_PATH)` };
  }
  const blog = await ctx.blog();
  const urls = PAGES.map((page) => new URL(page.path, blog.origin).href);
  const results = await runLighthouse(urls, {
    runs: ctx.options.lighthouseRuns,
    onRun: (url, round, summary) =>
      ctx.log(`  run ${round} ${new URL(url).pathname}: ${CATEGORIES.map((c) => summary.scores[c]).join('/')} LCP ${Math.round(summary.metrics.lcpMs)} ms`),
  });
  return {
    runs: ctx.options.lighthouseRuns,
    pages: Object.fromEntries(PAGES.map((page, index) => [page.name, { path: page.path, ...results[urls[index]] }])),
  };
}

export function rows(data) {
  if (data.skipped) return [{ section: 'Lighthouse', measure: 'all scores', figure: data.skipped, target: '100', status: 'SKIP' }];
  const out = [];
  for (const [name, page] of Object.entries(data.pages)) {
    for (const category of CATEGORIES) {
      const score = page.scores[category];
      // Metric audits below 1 are shown by the LCP/CLS/TBT row; list them only when they cost the score.
      const misses = page.failingAudits
        .filter((audit) => audit.category === category && (score < 100 || !METRIC_AUDITS.has(audit.id)))
        .map((audit) => `${audit.id} in ${audit.runs}/${page.runs} runs`);
      out.push(targetRow('Lighthouse', `${name}: ${CATEGORY_LABELS[category]}`, `${score}${misses.length ? ` (median; ${misses.join(', ')})` : ''}`, '100', score === 100));
    }
    const { lcpMs, cls, tbtMs } = page.metrics;
    out.push(infoRow('Lighthouse', `${name}: LCP / CLS / TBT`, `${Math.round(lcpMs)} ms / ${cls.toFixed(3)} / ${Math.round(tbtMs)} ms`));
  }
  return out;
}

export function markdown(data) {
  if (data.skipped) return `## 3. Lighthouse\n\nSkipped: ${data.skipped}.`;
  const lines = [
    '## 3. Lighthouse',
    '',
    `Lighthouse 12, default config (mobile: emulated Moto G Power, simulated slow 4G, 4× CPU slowdown), headless Chromium; median of ${data.runs} runs per page (runs interleaved between pages).`,
    '',
    '| Page | Performance | Accessibility | Best practices | SEO | LCP | FCP | CLS | TBT | Speed Index | requests |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, page] of Object.entries(data.pages)) {
    const { scores, metrics } = page;
    lines.push(`| ${name} \`${page.path}\` | ${scores.performance} | ${scores.accessibility} | ${scores['best-practices']} | ${scores.seo} | ${Math.round(metrics.lcpMs)} ms | ${Math.round(metrics.fcpMs)} ms | ${metrics.cls.toFixed(3)} | ${Math.round(metrics.tbtMs)} ms | ${Math.round(metrics.speedIndexMs)} ms | ${page.requests} |`);
  }
  const misses = Object.entries(data.pages).flatMap(([name, page]) =>
    page.failingAudits.map((audit) => `- ${name}, ${audit.category}: \`${audit.id}\` — ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}, in ${audit.runs}/${data.runs} runs${audit.items?.length ? `: ${audit.items.map((item) => `\`${item.replace(/`/g, "'")}\``).join('; ')}` : ''}`),
  );
  lines.push('', 'Per run (performance / accessibility / best practices / SEO):', '');
  for (const [name, page] of Object.entries(data.pages)) {
    lines.push(`- ${name}: ${page.perRun.map((run) => CATEGORIES.map((c) => run.scores[c]).join('/')).join(' · ')}`);
  }
  lines.push('', misses.length ? 'Audits that cost points:' : 'No audit cost points in any run.', '', ...misses);
  const hints = Object.entries(data.pages).flatMap(([name, page]) => (page.opportunities ?? []).map((audit) => `- ${name}: \`${audit.id}\` — ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}, in ${audit.runs}/${data.runs} runs`));
  if (hints.length) lines.push('', 'Unscored diagnostics Lighthouse raised (weight 0):', '', ...hints);
  return lines.join('\n');
}
