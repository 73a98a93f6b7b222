// 4b. Worst-case compile: every file of the hostile and malformed corpora compiled next to the seed
// article, in CPU time. The complexity guards must refuse pathological input before the parser works
// on it, so the worst file costs no more than a few seed compiles.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BLOG_DIR } from '../app.js';
import { infoRow, targetRow } from '../report.js';
import { SEED_ARTICLE } from './content.js';

const HOSTILE_DIR = path.join(BLOG_DIR, '../../packages/test-utils/fixtures/hostile');
const MALFORMED_MODULE = path.join(BLOG_DIR, 'test/security/malformed.js');
/** Rounds: each case's figure is its best round (the least disturbed by the shared machine's load). */
const ROUNDS = 3;
const TARGET_RATIO = 5;

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Every corpus file as bytes, named: the committed hostile fixtures and the generated malformed files. */
export async function loadCorpora() {
  const manifest = JSON.parse(readFileSync(path.join(HOSTILE_DIR, 'manifest.json'), 'utf8'));
  const hostile = manifest.map((entry) => ({ corpus: 'hostile', name: entry.id, bytes: readFileSync(path.join(HOSTILE_DIR, entry.file)) }));
  const { malformedCases } = await import(MALFORMED_MODULE);
  const malformed = malformedCases.map((entry) => ({ corpus: 'malformed', name: entry.name, bytes: entry.bytes() }));
  return [...hostile, ...malformed];
}

/** CPU ms of one compile. */
function measure(compileArticle, bytes, filePath) {
  const start = cpuMs();
  compileArticle(bytes, { path: filePath });
  return cpuMs() - start;
}

/**
 * Best-of-rounds CPU ms for the seed and every case, rounds interleaved (seed, all cases, seed, …) so a
 * burst of load on the machine hits the baseline and the cases alike.
 */
export function measureWorstCase(compileArticle, seed, cases, rounds = ROUNDS) {
  for (let i = 0; i < 5; i += 1) compileArticle(seed, { path: SEED_ARTICLE }); // warm the JIT
  const seedRuns = [];
  const best = new Map();
  for (let round = 0; round < rounds; round += 1) {
    for (let i = 0; i < 5; i += 1) seedRuns.push(measure(compileArticle, seed, SEED_ARTICLE));
    for (const entry of cases) {
      const ms = measure(compileArticle, entry.bytes, `${entry.name}.md`);
      best.set(entry, Math.min(best.get(entry) ?? Infinity, ms));
    }
  }
  const seedMs = Math.min(...seedRuns);
  const ranked = [...best].map(([entry, ms]) => ({ corpus: entry.corpus, name: entry.name, kb: entry.bytes.length / 1024, ms })).sort((a, b) => b.ms - a.ms);
  const worst = ranked[0];
  return { seedMs, cases: ranked.length, rounds, worst, ratio: worst.ms / seedMs, top: ranked.slice(0, 8) };
}

export const id = 'worst-case';
export const title = 'Worst-case compile in the hostile and malformed corpora';

export async function run(ctx) {
  const { compileArticle } = await import('@cited/content');
  const seed = readFileSync(SEED_ARTICLE);
  const cases = await loadCorpora();
  const data = measureWorstCase(compileArticle, seed, cases);
  ctx.log(`  seed ${data.seedMs.toFixed(1)} CPU ms; worst of ${data.cases}: ${data.worst.name} (${data.worst.corpus}) ${data.worst.ms.toFixed(1)} CPU ms = ${data.ratio.toFixed(2)}× the seed`);
  return data;
}

export function rows(data) {
  return [
    targetRow('Content', 'worst-case compile in the hostile + malformed corpora ÷ seed (CPU)', `${data.ratio.toFixed(2)}× (${data.worst.name}: ${data.worst.ms.toFixed(1)} ms vs seed ${data.seedMs.toFixed(1)} ms)`, `≤ ${TARGET_RATIO}×`, data.ratio <= TARGET_RATIO),
    infoRow('Content', 'corpus files compiled', `${data.cases} (best of ${data.rounds} rounds each)`),
  ];
}

export function markdown(data) {
  return [
    '## 4b. Worst-case compile (hostile and malformed corpora)',
    '',
    `Every file of the hostile corpus (\`packages/test-utils/fixtures/hostile\`) and the malformed corpus (\`apps/blog/test/security/malformed.js\`: 10 MB, 100 MB of nested lists, 10,000-deep quotes, emphasis, brackets, \`:::\` containers and YAML, a 1 MB title, invalid UTF-8 …) compiled with \`compileArticle\`, in CPU ms (process user + system), best of ${data.rounds} interleaved rounds, against the seed article's best of ${data.rounds * 5} compiles in the same rounds. Target: the worst file costs no more than ${TARGET_RATIO}× the seed. The complexity guards decide from a linear scan of the lines before the parser runs, so pathological files are refused instead of parsed for seconds.`,
    '',
    '| File | corpus | KB | CPU ms | ÷ seed |',
    '| --- | --- | --- | --- | --- |',
    `| seed article | — | — | ${data.seedMs.toFixed(1)} | 1.00× |`,
    ...data.top.map((entry) => `| ${entry.name} | ${entry.corpus} | ${entry.kb.toFixed(1)} | ${entry.ms.toFixed(1)} | ${(entry.ms / data.seedMs).toFixed(2)}× |`),
  ].join('\n');
}
