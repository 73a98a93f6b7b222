#!/usr/bin/env node
// `npm run bench`: builds the production blog, runs each measurement next to its baseline,
// prints PASS/FAIL per target, writes bench/results/latest.json and docs/performance.md.
// Options (after `npm run bench --`): --only=build,compile,worst-case,weight,ssr,lighthouse,site,pipeline,search (content = compile,worst-case,site,pipeline)
//          --strict (exit 1 on any FAIL)  --no-build  --duration=10 --warmup=3 --connections=50 --lighthouse-runs=3
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildBlog, buildStamp, REPO_ROOT, startBlog } from './lib/app.js';
import { describeMachine, gitState } from './lib/machine.js';
import { killStartedProcesses } from './lib/proc.js';
import { formatTable, preservedAnalysis, renderMarkdown, summarize, writeJson } from './lib/report.js';
import * as buildSection from './lib/sections/build.js';
import { compile as compileSection, site as siteSection } from './lib/sections/content.js';
import * as lighthouseSection from './lib/sections/lighthouse.js';
import { pipeline as pipelineSection } from './lib/sections/pipeline.js';
import { search as searchSection } from './lib/sections/search.js';
import * as ssrSection from './lib/sections/ssr.js';
import * as weightSection from './lib/sections/weight.js';
import * as worstCaseSection from './lib/sections/worst-case.js';

// Order matters: build first (the rest measures its output), the load test before Lighthouse.
const SECTIONS = [buildSection, compileSection, worstCaseSection, weightSection, ssrSection, lighthouseSection, siteSection, pipelineSection, searchSection];
const ALIASES = { content: ['compile', 'worst-case', 'site', 'pipeline'] };
// Tables and the doc follow the numbering (1 SSR … 5 build), not the run order.
const REPORT_ORDER = ['ssr', 'weight', 'lighthouse', 'compile', 'worst-case', 'site', 'build', 'pipeline', 'search'];
const RESULTS_DIR = path.join(REPO_ROOT, 'bench/results');
const DOC_PATH = path.join(REPO_ROOT, 'docs/performance.md');

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      strict: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
      'lighthouse-runs': { type: 'string', default: '3' },
      help: { type: 'boolean', default: false },
    },
  });
  const known = SECTIONS.map((section) => section.id);
  let selected = known;
  if (values.only) {
    const requested = values.only.split(',').map((name) => name.trim()).filter(Boolean).flatMap((name) => ALIASES[name] ?? [name]);
    const unknown = requested.filter((name) => !known.includes(name));
    if (unknown.length) throw new Error(`unknown section(s): ${unknown.join(', ')} (known: ${known.join(', ')}, content)`);
    selected = known.filter((name) => requested.includes(name));
  }
  const positive = (name) => {
    const number = Number(values[name]);
    if (!Number.isFinite(number) || number <= 0) throw new Error(`--${name} must be a positive number`);
    return number;
  };
  return {
    help: values.help,
    selected,
    full: selected.length === known.length,
    strict: values.strict,
    build: !values['no-build'],
    durationSeconds: positive('duration'),
    warmupSeconds: Number(values.warmup),
    connections: positive('connections'),
    lighthouseRuns: positive('lighthouse-runs'),
  };
}

const log = (message) => process.stdout.write(`${message}\n`);

const USAGE = 'npm run bench [-- --only=build,compile,worst-case,weight,ssr,lighthouse,site,pipeline,search] [--strict] [--no-build] [--duration=10] [--warmup=3] [--connections=50] [--lighthouse-runs=3]';

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\nusage: ${USAGE}`);
    return 2;
  }
  if (options.help) {
    log(USAGE);
    return 0;
  }
  const startedAt = new Date();
  const machine = describeMachine();
  log(`cited bench — ${startedAt.toISOString()} — ${machine.cpus} × ${machine.cpuModel}, ${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GiB, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`);
  log(`sections: ${options.selected.join(', ')}${options.strict ? ' (strict)' : ''}`);

  // Everything but the build section measures the production build: make sure it is current.
  if (options.build && !options.selected.includes('build')) {
    log('building (npx turbo run build --filter=@cited/blog)…');
    const build = await buildBlog();
    log(`  ${(build.ms / 1000).toFixed(1)} s, ${build.cachedTasks ?? '?'}/${build.tasks ?? '?'} tasks cached`);
  }

  // One production server shared by the sections that measure the default content.
  let sharedBlog = null;
  const ctx = {
    options,
    log,
    async blog() {
      if (!sharedBlog) {
        sharedBlog = await startBlog();
        sharedBlog.buildStamp = buildStamp();
        log(`  blog started (${sharedBlog.script}) on ${sharedBlog.origin} in ${(sharedBlog.startupMs / 1000).toFixed(2)} s${sharedBlog.rebuiltOnStart ? ' (after a rebuild by the start script: sources changed since the build)' : ''}`);
      }
      return sharedBlog;
    },
  };

  const sections = {};
  const rowsById = {};
  const detailsById = {};
  const selectedSections = SECTIONS.filter((section) => options.selected.includes(section.id));
  try {
    for (const [index, section] of selectedSections.entries()) {
      log(`\n▶ ${section.title}`);
      const sectionStart = performance.now();
      const loadBefore = os.loadavg()[0];
      try {
        const data = await section.run(ctx);
        const sectionRows = section.rows(data);
        if (section.usesSharedBlog && sharedBlog && sharedBlog.buildStamp !== buildStamp()) {
          // Someone rebuilt apps/blog under the running server: its pages may link deleted assets.
          sectionRows.push({ section: sectionRows[0]?.section ?? section.title, measure: '⚠ apps/blog was rebuilt by another process during this section', figure: 'figures may mix two builds; re-run this section', target: '', status: 'INFO' });
          await sharedBlog.stop();
          sharedBlog = null;
        }
        sections[section.id] = { status: 'ok', measuredAt: new Date().toISOString(), seconds: Math.round((performance.now() - sectionStart) / 100) / 10, loadAverage1m: [loadBefore, os.loadavg()[0]].map((v) => Math.round(v * 100) / 100), data, rows: sectionRows };
        rowsById[section.id] = sectionRows;
        detailsById[section.id] = section.markdown(data);
      } catch (error) {
        log(`  ERROR: ${error.stack ?? error}`);
        const errorRow = { section: section.title, measure: 'section failed to run', figure: String(error.message ?? error).split('\n')[0].slice(0, 200), target: '', status: 'ERROR' };
        sections[section.id] = { status: 'error', measuredAt: new Date().toISOString(), error: String(error.stack ?? error), rows: [errorRow] };
        rowsById[section.id] = [errorRow];
      }
      // Free the shared server's CPU and memory before sections that start their own.
      if (sharedBlog && !selectedSections.slice(index + 1).some((next) => next.usesSharedBlog)) {
        await sharedBlog.stop();
        sharedBlog = null;
      }
    }
  } finally {
    if (sharedBlog) await sharedBlog.stop();
  }

  const rows = REPORT_ORDER.flatMap((id) => rowsById[id] ?? []);
  const details = REPORT_ORDER.map((id) => detailsById[id]).filter(Boolean);
  machine.loadAverageAtEnd = os.loadavg().map((value) => Math.round(value * 100) / 100);
  const summary = summarize(rows);
  const results = {
    schema: 1,
    date: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    git: gitState(REPO_ROOT),
    machine,
    options: { ...options, help: undefined },
    summary,
    rows,
    sections,
  };

  log(`\n${formatTable(rows)}\n`);
  log(`${summary.pass} PASS, ${summary.fail} FAIL, ${summary.error} ERROR, ${summary.skip} SKIP — ${results.durationSeconds} s`);

  // Only a complete run (every section ran, even with FAILs) is the record; anything else goes
  // to last-run.json (git-ignored) so a partial or broken run never overwrites it.
  if (options.full && summary.error === 0) {
    writeJson(path.join(RESULTS_DIR, 'latest.json'), results);
    mkdirSync(path.dirname(DOC_PATH), { recursive: true });
    writeFileSync(DOC_PATH, renderMarkdown(results, details, preservedAnalysis(DOC_PATH)));
    log('wrote bench/results/latest.json and docs/performance.md');
  } else {
    writeJson(path.join(RESULTS_DIR, 'last-run.json'), results);
    const why = options.full ? 'a section could not run' : `partial run (${options.selected.join(', ')})`;
    log(`${why}: wrote bench/results/last-run.json; latest.json and docs/performance.md are only written by a complete run`);
  }

  if (summary.error > 0) {
    log('exit 1: a section could not run (see ERROR rows)');
    return 1;
  }
  if (options.strict && summary.fail > 0) {
    log('exit 1: --strict and at least one target FAILs');
    return 1;
  }
  if (summary.fail > 0) log('exit 0: targets FAIL but the bench ran (use --strict to fail the run)');
  return 0;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killStartedProcesses();
    process.exit(130);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    killStartedProcesses();
    console.error(error.stack ?? error);
    process.exitCode = 1;
  },
);

