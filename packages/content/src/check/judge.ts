import { readFileSync } from 'node:fs';
import { applyJudgements } from '../site/apply-judgements.js';
import { judgeSite } from '../site/judge.js';
import type { SiteFacts } from '../site/rules.js';
import { buildSnapshot } from '../store/snapshot.js';
import type { ContentSnapshot } from '../store/types.js';
import type { ArticleFile } from './files.js';
import type { CheckRecord, RemovedFile, ServerState } from './records.js';


/** Judges records as the store does (site/judge.ts) and builds the snapshot readers would get. */
function judgeAndServe(
  records: readonly CheckRecord[],
  targets: readonly CheckRecord[],
  facts: Omit<SiteFacts, 'reachable'>,
  paths: ReadonlyMap<string, string>,
  removed: readonly RemovedFile[],
): ContentSnapshot {
  const source = (file: string): string | undefined => {
    const full = paths.get(file);
    return full === undefined ? undefined : readFileSync(full, 'utf8');
  };
  applyJudgements(judgeSite({ records, targets, facts, source, removed }), { reportKnown: false });
  return buildSnapshot(records.map((record) => ({ ...record, mtimeMs: 0, size: 0 })), { dir: '.', now: facts.now, preview: false }).snapshot;
}

/**
 * Judges the site's files as the server would (with the versions it serves, when its state is
 * known), then the files outside it as newcomers to the site as it is then. Returns, per file, the
 * snapshot its verdict is read from (records are judged in place).
 */
export function judgeFiles(
  files: readonly ArticleFile[],
  records: ReadonlyMap<ArticleFile, CheckRecord>,
  options: { facts: Omit<SiteFacts, 'reachable'>; state: ServerState | undefined },
): Map<ArticleFile, ContentSnapshot> {
  const recordOf = (file: ArticleFile): CheckRecord => records.get(file) as CheckRecord;
  const snapshots = new Map<ArticleFile, ContentSnapshot>();
  const served = files.filter((file) => file.placement === 'site' || file.placement === 'folder');
  const siteRecords = served.map(recordOf);
  for (const record of siteRecords) {
    const known = options.state?.files.get(record.file);
    if (known?.good) record.good = known.good;
    if (known?.judgedKey && known.key === record.key) record.judgedKey = known.judgedKey;
    if (known?.liveSlugs) record.liveSlugs = known.liveSlugs;
  }
  const removed = removedFiles(siteRecords, options.state);
  const paths = new Map(served.map((file) => [file.id, file.path]));
  const siteSnapshot = judgeAndServe(siteRecords, siteRecords, options.facts, paths, removed);
  for (const file of served) snapshots.set(file, siteSnapshot);

  const added = files.filter((file) => file.placement === 'added' || file.placement === 'not-read');
  if (added.length === 0) return snapshots;
  const byId = new Map(siteRecords.map((record) => [record.file, record]));
  for (const file of added) {
    const record = recordOf(file);
    // Copied over a site file, it is that file's new version: the server keeps the one it serves.
    const replaced = byId.get(record.file);
    if (replaced?.good) record.good = replaced.good;
    byId.set(record.file, record);
    paths.set(record.file, file.path);
  }
  const addedSnapshot = judgeAndServe([...byId.values()], added.map(recordOf), options.facts, paths, removed);
  for (const file of added) snapshots.set(file, addedSnapshot);
  return snapshots;
}

/**
 * Files the server published that are not in the folder now (its tombstones, and files it has not
 * yet seen deleted), as the store treats them: handed on to a file with the same title (a rename:
 * its old URLs redirect), else gone (410).
 */
function removedFiles(records: readonly CheckRecord[], state: ServerState | undefined): RemovedFile[] {
  if (!state) return [];
  const present = new Set(records.map((record) => record.file));
  const deleted: RemovedFile[] = [...state.removed];
  for (const [file, known] of state.files) {
    if (!present.has(file) && known.liveSlugs && known.liveSlugs.length > 0) deleted.push({ file, liveSlugs: known.liveSlugs, title: known.good?.listing.title ?? '' });
  }
  const titleOf = (title: string): string => title.trim().toLowerCase();
  const byTitle = new Map<string, CheckRecord>();
  for (const record of [...records].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const listing = record.ok ? record.listing : record.good?.listing;
    if (listing && !byTitle.has(titleOf(listing.title))) byTitle.set(titleOf(listing.title), record);
  }
  return deleted.filter((removed) => {
    const heir = byTitle.get(titleOf(removed.title));
    if (!heir) return true;
    heir.liveSlugs = [...new Set([...(heir.liveSlugs ?? []), ...removed.liveSlugs])];
    return false;
  });
}
