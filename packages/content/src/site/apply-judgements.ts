// Recording judgements (judge.ts) on the records: what is served next, and the log lines that
// tell an editor which versions are held back and why.
import type { Diagnostic } from '../types.js';
import { isError, type Judged, type Judgement } from './judge.js';

function sameProblems(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => d.message === b[i]?.message && d.line === b[i]?.line && d.column === b[i]?.column);
}

const formatProblem = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.ruleId})`;

export interface ApplyOptions {
  /** Log versions known to be held back already (a start-up reports them again). */
  reportKnown: boolean;
  log?: (message: string) => void;
}

/**
 * Records the judgements: site findings, the version served (an accepted one replaces it; a
 * refused one never takes a served version down), and a log line for each version not published.
 * Returns the records that changed.
 */
export function applyJudgements<R extends Judged>(judgements: readonly Judgement<R>[], options: ApplyOptions): R[] {
  const changed: R[] = [];
  for (const { record, accepted, siteDiagnostics } of judgements) {
    const problemsChanged = !sameProblems(record.siteDiagnostics, siteDiagnostics);
    const firstLook = record.judgedKey !== record.key;
    const promoted = accepted && record.good?.key !== record.key;
    record.siteDiagnostics = siteDiagnostics;
    record.judgedKey = record.key;
    record.provisional = false;
    if (promoted) record.good = { key: record.key, listing: record.listing };
    if (problemsChanged || firstLook || promoted) changed.push(record);
    if (!options.log) continue;
    const withdrawn = siteDiagnostics.find((d) => d.ruleId === 'article-withdrawn');
    if (accepted && withdrawn && (firstLook || options.reportKnown)) options.log(`[content] ${withdrawn.message.replace(/^withdrawn: this article/, `withdrawn: ${record.file}`)}`);
    // A served version that a change elsewhere broke (a link to an article withdrawn or deleted) is reported when it happens.
    const newlyBroken = problemsChanged && siteDiagnostics.some(isError);
    if (accepted || !(firstLook || options.reportKnown || newlyBroken)) continue;
    const errors = [...record.diagnostics, ...siteDiagnostics].filter(isError);
    const verdict = record.good ? `[content] ${record.file} has errors: still serving its last good version` : `[content] not publishing ${record.file}`;
    options.log(`${verdict}\n  ${errors.map(formatProblem).join('\n  ')}`);
  }
  return changed;
}
