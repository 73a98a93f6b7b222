import { closest, distance } from 'fastest-levenshtein';

/**
 * The known name closest to `unknown` when it is plausibly a typo of it (a case-only difference, or an
 * edit distance of at most a third of its length, at least 1), else undefined. Shared by every
 * "did you mean" message (keys, directives, reference ids, link targets), so they agree on what counts
 * as close.
 */
export function suggest(unknown: string, known: Iterable<string>): string | undefined {
  const candidates = [...known].filter((candidate) => candidate !== unknown);
  if (candidates.length === 0) return undefined;
  const lower = unknown.toLowerCase();
  const sameLetters = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters;
  const best = closest(lower, candidates.map((candidate) => candidate.toLowerCase()));
  const index = candidates.findIndex((candidate) => candidate.toLowerCase() === best);
  const limit = Math.max(1, Math.floor(unknown.length / 3));
  return distance(lower, best) <= limit ? candidates[index] : undefined;
}

/** The same as `suggest` (the name the link checks use). */
export const closestMatch = suggest;

/** Levenshtein distance (fastest-levenshtein). */
export const editDistance = distance;

/** " (did you mean `x`?)" or "", ready to append to a message; `format` shows the name as written (`:::x`). */
export function didYouMean(unknown: string, known: Iterable<string>, format: (name: string) => string = (name) => name): string {
  const suggestion = suggest(unknown, known);
  return suggestion === undefined ? '' : ` (did you mean \`${format(suggestion)}\`?)`;
}
