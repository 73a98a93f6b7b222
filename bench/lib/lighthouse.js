// Lighthouse 12, programmatic, default config (mobile: Moto G Power emulation, simulated slow 4G
// and 4× CPU slowdown). One Chromium for all runs; Lighthouse resets storage between runs.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { existsSync } from 'node:fs';
import { median } from './stats.js';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  lcpMs: 'largest-contentful-paint',
  fcpMs: 'first-contentful-paint',
  cls: 'cumulative-layout-shift',
  tbtMs: 'total-blocking-time',
  speedIndexMs: 'speed-index',
};

/** Up to three short descriptions of what an audit flagged (element, URL or message). */
function auditItems(audit) {
  const items = audit.details?.items ?? [];
  return items.slice(0, 3).map((item) => {
    const text = item.node?.snippet ?? item.node?.selector ?? item.description ?? item.url ?? item.source ?? JSON.stringify(item);
    const where = item.url && item.description ? ` (${item.url})` : item.sourceLocation?.url ? ` (${item.sourceLocation.url})` : '';
    return `${String(text).slice(0, 160)}${where}`;
  });
}

/** Scores (0–100), metrics and the audits that cost points, from one Lighthouse result. */
export function summarizeLhr(lhr) {
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100)]));
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([key, auditId]) => [key, lhr.audits[auditId]?.numericValue ?? null]));
  // failingAudits cost points (weighted); opportunities are Lighthouse's weight-0 diagnostics
  // (render-blocking requests, unused CSS…) that explain a metric without scoring themselves.
  const failingAudits = [];
  const opportunities = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1) continue;
      if (audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'manual') continue;
      const entry = { category: id, id: ref.id, title: audit.title, score: audit.score, displayValue: audit.displayValue ?? null, items: auditItems(audit) };
      if (ref.weight > 0) failingAudits.push(entry);
      else if (ref.group !== 'hidden') opportunities.push(entry);
    }
  }
  const requests = lhr.audits['network-requests']?.details?.items?.length ?? null;
  const runtimeError = lhr.runtimeError?.message ?? null;
  const warnings = lhr.runWarnings ?? [];
  return { scores, metrics, failingAudits, opportunities, requests, runtimeError, warnings };
}

/** Median per score and per metric over runs; failing audits listed with how many runs flagged them. */
export function combineRuns(runs) {
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, median(runs.map((run) => run.scores[id]))]));
  const metrics = Object.fromEntries(Object.keys(METRICS).map((key) => [key, median(runs.map((run) => run.metrics[key]))]));
  const countRuns = (listOf) => {
    const counts = new Map();
    for (const run of runs) {
      for (const audit of listOf(run)) {
        const key = `${audit.category}:${audit.id}`;
        const entry = counts.get(key) ?? { ...audit, runs: 0 };
        entry.runs += 1;
        counts.set(key, entry);
      }
    }
    return [...counts.values()];
  };
  return {
    runs: runs.length,
    scores,
    metrics,
    requests: median(runs.map((run) => run.requests)),
    failingAudits: countRuns((run) => run.failingAudits),
    opportunities: countRuns((run) => run.opportunities ?? []),
    perRun: runs.map((run) => ({ scores: run.scores, metrics: run.metrics })),
  };
}

export function chromeAvailable() {
  return existsSync(CHROME_PATH);
}

/** Runs Lighthouse `runs` times on each URL (interleaved so drift affects every page alike). */
export async function runLighthouse(urls, { runs = 3, onRun } = {}) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const perUrl = Object.fromEntries(urls.map((url) => [url, []]));
  try {
    for (let round = 0; round < runs; round += 1) {
      for (const url of urls) {
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
        if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
        const summary = summarizeLhr(result.lhr);
        if (summary.runtimeError) throw new Error(`Lighthouse runtime error on ${url}: ${summary.runtimeError}`);
        perUrl[url].push(summary);
        onRun?.(url, round + 1, summary);
      }
    }
  } finally {
    await chrome.kill();
  }
  return Object.fromEntries(urls.map((url) => [url, combineRuns(perUrl[url])]));
}
