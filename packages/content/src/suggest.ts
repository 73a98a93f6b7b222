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
  if (distance(lower, best) <= limit) return candidates[index];
  // Two neighbouring characters swapped ("a2002" for "a2020") is one slip, though Levenshtein counts two.
  return candidates.find((candidate) => isNeighbourSwap(lower, candidate.toLowerCase()));
}

function isNeighbourSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differing: number[] = [];
  for (let index = 0; index < a.length && differing.length <= 2; index += 1) if (a[index] !== b[index]) differing.push(index);
  const [first, second] = differing;
  return differing.length === 2 && second === (first as number) + 1 && a[first as number] === b[second] && a[second] === b[first as number];
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
