// Compile-time benchmark on the built package (run `npm run build` first): the seed article and
// synthetic articles 10× and 100× its size. Cost per KB must stay roughly flat: the 100×/1× ratio of
// ms/KB must be within 2×, or something in the pipeline is superlinear. (It was, at ~3×: garbage
// collection of micromark's whole-document event list; src/chunks.ts now parses long articles
// section by section.) Times are the best of several runs: the machine is shared, and the minimum
// is the run least disturbed by other work.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument, stringify } from 'yaml';
import { compileArticle } from '../dist/index.js';

const seedPath = fileURLToPath(new URL('../../../apps/blog/content/articles/failed-back-surgery-syndrome.md', import.meta.url));
const seed = readFileSync(seedPath, 'utf8');
const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(seed);
if (!match) throw new Error('The seed article has no frontmatter');
const frontmatter = parseDocument(match[1]).toJS();
const body = match[2];
const keys = frontmatter.references.map((reference) => reference.id);

/** The seed repeated `copies` times, each copy with its own reference keys and headings. */
function synthesize(copies) {
  if (copies === 1) return seed;
  const references = [];
  const bodies = [];
  for (let copy = 0; copy < copies; copy += 1) {
    const rename = (key) => `${key}-${copy}`;
    references.push(...frontmatter.references.map((reference) => ({ ...reference, id: rename(reference.id) })));
    let text = body;
    for (const key of keys) {
      text = text.replaceAll(`:cite[${key}]`, `:cite[${rename(key)}]`).replaceAll(`cite=${key} `, `cite=${rename(key)} `).replaceAll(`cite=${key}}`, `cite=${rename(key)}}`);
    }
    text = text.replace(/^(#{2,3} .*)$/gm, `$1 (part ${copy + 1})`);
    // An article has one `:::key-points` (a second is an error): only the first copy keeps it.
    if (copy > 0) text = text.replace(/^:::key-points\n[\s\S]*?^:::\n/m, '');
    bodies.push(text);
  }
  return `---\n${stringify({ ...frontmatter, references })}---\n${bodies.join('\n')}`;
}


/** CPU time of this process (all its threads, GC included), in ms: far less sensitive than wall time to
 * other programs competing for a shared machine. */
function cpuMs() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function compileOnce(source) {
  globalThis.gc?.(); // start each run with no garbage left over from the previous one
  const wallStart = performance.now();
  const cpuStart = cpuMs();
  const result = compileArticle(source, { path: 'bench.md', now: new Date('2026-11-24') });
  return { wall: performance.now() - wallStart, cpu: cpuMs() - cpuStart, result };
}

// Warm up the JIT so the 1× figure is not dominated by first-run compilation.
for (let run = 0; run < 10; run += 1) compileArticle(seed, { path: 'warmup.md' });

const sizes = [1, 10, 100].map((copies) => {
  const source = synthesize(copies);
  return { copies, source, kb: Buffer.byteLength(source) / 1024, wall: Infinity, cpu: Infinity, result: undefined };
});
// Rounds interleave the sizes so a busy moment on the machine hits all of them alike; each size keeps
// its best run (the one least disturbed). The small article runs more often per round.
const rounds = 4;
for (let round = 0; round < rounds; round += 1) {
  for (const size of sizes) {
    const repeats = Math.max(1, Math.round(20 / size.copies));
    for (let repeat = 0; repeat < repeats; repeat += 1) {
      const { wall, cpu, result } = compileOnce(size.source);
      size.wall = Math.min(size.wall, wall);
      size.cpu = Math.min(size.cpu, cpu);
      size.result = result;
    }
  }
}

const rows = [];
for (const { copies, kb, wall, cpu, result } of sizes) {
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new Error(`${copies}× synthetic article has errors: ${errors[0].ruleId} ${errors[0].message}`);
  if (result.references.length !== keys.length * copies) throw new Error(`${copies}×: expected ${keys.length * copies} references`);
  rows.push({ size: `${copies}×`, kb, ms: wall, cpu, msPerKb: cpu / kb, references: result.references.length });
}

if (!globalThis.gc) console.log('(run with node --expose-gc for steadier figures)');
console.log('size   KB        wall ms   CPU ms    CPU ms/KB  references');
for (const row of rows) {
  console.log(
    `${row.size.padEnd(6)} ${row.kb.toFixed(1).padStart(8)} ${row.ms.toFixed(1).padStart(9)} ${row.cpu.toFixed(1).padStart(9)} ${row.msPerKb.toFixed(3).padStart(10)} ${String(row.references).padStart(11)}`,
  );
}
const ratio = rows[2].msPerKb / rows[0].msPerKb;
const pass = ratio <= 2;
console.log(`\nCPU ms/KB ratio 100×/1×: ${ratio.toFixed(2)} (limit 2.00) ${pass ? 'PASS' : 'FAIL'}`);
process.exitCode = pass ? 0 : 1;
