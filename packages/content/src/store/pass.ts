import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { applyJudgements } from '../site/apply-judgements.js';
import { judgeSite } from '../site/judge.js';
import type { SiteFacts } from '../site/rules.js';
import type { SiteIndex } from '../site/site-index.js';
import type { ChangeQueue } from './changes.js';
import { isArticleName } from './changes.js';
import { DependencyReader } from './dependencies.js';
import type { PassProgress } from './progress.js';
import type { RecordBook } from './records.js';
import { handOnTombstones } from './url-continuity.js';
import type { FileRecord } from './snapshot.js';
import type { FileUpdater } from './update.js';

export interface PassContext {
  dir: string;
  book: RecordBook;
  updater: FileUpdater;
  queue: ChangeQueue;
  /** Compile workers (a pass keeps twice as many files in flight). */
  poolSize: number;
  /** Above this many new files, a pass publishes as it goes (see ContentStoreOptions.eagerLimit). */
  eagerLimit: number;
  /** What the site rules judge against, read at each judgement (the registry may have changed). */
  facts: () => Omit<SiteFacts, 'reachable'>;
  /** Builds and announces a snapshot of the records. */
  publish: () => void;
  /** Watches the directories of the files the articles read (a bibliography newly cited elsewhere). */
  watchDependencies: () => void;
  closed: () => boolean;
  log: (message: string) => void;
  /** A cold pass's counts, for ContentStore.progress (its log lines say the same). */
  progress: PassProgress;
  /** What the last judgement learnt of the site: the next one looks again only at the records changed since. */
  siteIndex: SiteIndex<FileRecord>;
  /** Brings `siteIndex` up to every record a slice at a time, answering readers between slices. */
  learnSiteIndex: () => Promise<void>;
}

export interface PassOptions {
  /** Called when a large batch of new files starts: the store serves what it has at once. */
  onFirstPass?: () => void;
  /** The start-up pass: files known to be broken are reported again. */
  initial?: boolean;
  /** On a restart, the only files of 'all' that may have changed (see FileUpdater.changedSinceLastRun). */
  candidates?: readonly string[];
}

async function mapLimit<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>, stop: () => boolean): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length && !stop()) await run(items[next++] as T);
  });
  await Promise.all(lanes);
}

const isBroken = (record: FileRecord): boolean => !record.ok || record.siteDiagnostics.some((d) => d.severity === 'error');

/**
 * Judges these records against the rest of the site (site/judge.ts), logging what is not published,
 * and notes the site rules they were judged against (`wholeSite`: every record was).
 */
export function judgeRecords(context: PassContext, targets: Iterable<FileRecord>, options: { reportKnown: boolean; wholeSite?: boolean }): void {
  const source = (file: string): string | undefined => {
    try {
      return readFileSync(path.join(context.dir, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  handOnTombstones(context.book);
  // Read before judging: the rules the judgement applies (the registry may change on disk meanwhile).
  const signature = context.book.siteSignature();
  const judgements = judgeSite({ records: context.book.values(), targets, facts: context.facts(), source, removed: context.book.tombstones(), index: context.siteIndex });
  for (const record of applyJudgements(judgements, { reportKnown: options.reportKnown, log: context.log })) context.book.touched(record.file);
  if (options.wholeSite) context.book.judgedWhole(signature);
  else context.book.judgedPart(signature);
}

async function listTargets(context: PassContext, names: Iterable<string> | 'all', candidates: readonly string[] | undefined): Promise<string[]> {
  if (names !== 'all') return [...names].filter(isArticleName).sort();
  if (candidates) return [...candidates].sort();
  const listed = await readdir(context.dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    context.log(`[content] articles directory not found: ${context.dir}`);
    return [] as string[];
  });
  return [...new Set([...listed.filter(isArticleName), ...context.book.files()])].sort();
}

/**
 * Editors' saves that arrived during a long pass: looked at, judged and published before the
 * pass's next file (their compile goes first in the pool), as a watched change would be.
 */
export async function takeSaves(context: PassContext): Promise<void> {
  for (let names = context.queue.takeSaves(); names.length > 0; names = context.queue.takeSaves()) {
    const deps = new DependencyReader(context.dir);
    const looks = names.map((name) => context.updater.update(name, deps, { progressive: false, inline: true, urgent: true }));
    if (!(await Promise.all(looks)).some(Boolean)) continue;
    judgeRecords(context, names.map((name) => context.book.get(name)).filter((record) => record !== undefined), { reportKnown: false });
    context.publish();
    context.book.scheduleSave();
  }
}

/**
 * Updates the given files (or every file), then judges what changed and publishes one snapshot.
 * A full pass judges every file; a watched change only the files it touched (and those waiting on
 * the rest of the site), so an edit costs the same on a site of 10 or 10,000 articles.
 */
export async function runPass(context: PassContext, names: Iterable<string> | 'all', options: PassOptions = {}): Promise<void> {
  const { book } = context;
  const targets = await listTargets(context, names, options.candidates);
  // A large batch of new files (a cold start) publishes progressively; small ones all at once.
  const progressive = targets.filter((name) => !book.has(name)).length > context.eagerLimit;
  if (!progressive) return passOver(context, names, targets, { ...options, progressive });
  // Counted from before the store first answers, so whoever it answers sees the pass running.
  context.progress.start(targets.length);
  try {
    options.onFirstPass?.();
    await passOver(context, names, targets, { ...options, progressive });
  } finally {
    context.progress.finish();
  }
}

/**
 * How many files a cold pass looks at between two snapshots it publishes on its way: 200, or a
 * sixteenth of the files known once that is more. Each publish (and what readers derive from it:
 * the blog's search index compares every key) costs in proportion to the site, so a fixed step
 * made a cold pass quadratic (500 publishes at 100,000 files, its main thread the bottleneck);
 * this keeps the publishes' total cost proportional to the site, about 60 of them at 100,000.
 */
export function publishEvery(known: number): number {
  return Math.max(200, Math.floor(known / 16));
}

/** The pass itself: looks at each target, then judges and publishes (a cold pass counting its files). */
async function passOver(context: PassContext, names: Iterable<string> | 'all', targets: readonly string[], options: PassOptions & { progressive: boolean }): Promise<void> {
  const { book, queue } = context;
  const { progressive } = options;
  const inline = names !== 'all' && targets.length <= 2;
  let changed = false;
  /** The targets whose record changed (added, edited, or a dependency edited; deleted ones have none). */
  const updatedFiles = new Set<string>();
  let sincePublish = 0;
  let publishes = 0;
  const deps = new DependencyReader(context.dir);
  if (targets.length > context.eagerLimit) queue.startBulk();
  await mapLimit(
    targets,
    Math.max(4, context.poolSize * 2),
    async (name) => {
      await takeSaves(context);
      const updated = await context.updater.update(name, deps, { progressive, inline });
      // A cold pass says how far it is (a deploy without a build-time database serves as it goes).
      const looked = progressive ? context.progress.lookedAt() : 0;
      if (progressive && looked % 1000 === 0) context.log(`[content] cold pass: ${looked} of ${targets.length} files looked at, ${book.size} known`);
      if (!updated) return;
      changed = true;
      updatedFiles.add(name);
      sincePublish += 1;
      if (progressive && sincePublish >= publishEvery(book.size)) {
        sincePublish = 0;
        context.publish();
        // A long cold start that is interrupted keeps what it compiled and judged so far.
        if (++publishes % 5 === 0) await book.saveChanges();
      }
    },
    context.closed,
  );
  queue.endBulk(context.closed());
  if (progressive) context.log(`[content] cold pass done: ${context.progress.filesLooked} of ${targets.length} files looked at`);
  // A restart on the site configuration of the last run (routes, registry, rules) judges only the
  // files changed while it was down and those never judged (an interrupted cold start), as saves
  // of them would be: the site index brings in the files their change touches (links, URLs). It
  // reports the files known to be broken again; with nothing changed and nothing broken, no
  // judgement could differ from the saved one.
  const unchangedRestart = options.initial === true && !changed && book.siteUnchanged;
  const restartOnSameSite = options.initial === true && book.siteUnchanged;
  const wholeSite = names === 'all' && !restartOnSameSite;
  const judged = wholeSite
    ? [...book.values()]
    : names === 'all'
      ? [...book.values()].filter((record) => updatedFiles.has(record.file) || record.judgedKey !== record.key || isBroken(record))
      : targets.map((name) => book.get(name)).filter((record) => record !== undefined);
  if (restartOnSameSite && changed) await context.learnSiteIndex();
  if (!(unchangedRestart && judged.length === 0)) judgeRecords(context, judged, { reportKnown: options.initial === true, wholeSite });
  if (changed || (names === 'all' && !unchangedRestart) || book.hasUnsaved) context.publish();
  // Everything is judged and published: readers get the whole site (saving it follows).
  if (progressive) context.progress.finish();
  if (changed) context.watchDependencies();
  if (!book.hasUnsaved) return;
  // Saved at once after a full pass (whole after a cold start, else as journal lines), and at most
  // once a second after watched changes.
  if (progressive || !book.written) await book.save();
  else if (names === 'all') await book.saveChanges();
  else book.scheduleSave();
}
