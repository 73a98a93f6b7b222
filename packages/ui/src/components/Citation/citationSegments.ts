/** A run of reference numbers shown as one link: a single number, or a range "3–5". */
export interface CitationSegment {
  first: number;
  last: number;
}

/** Runs of at least this many consecutive numbers collapse into a range (Vancouver: 3,4,5 → 3–5; 1,2 stays 1,2). */
export const minimumRangeLength = 3;

/**
 * Sorts and de-duplicates the cited numbers, ignores anything that is not a positive integer,
 * and groups consecutive runs of three or more into ranges.
 */
export function citationSegments(numbers: readonly number[]): CitationSegment[] {
  const sorted = [...new Set(numbers)].filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
  const segments: CitationSegment[] = [];
  let runStart = 0;
  for (let i = 1; i <= sorted.length; i += 1) {
    const current = sorted[i];
    const previous = sorted[i - 1];
    if (current !== undefined && previous !== undefined && current === previous + 1) continue;
    const run = sorted.slice(runStart, i);
    const first = run[0];
    const last = run[run.length - 1];
    if (first !== undefined && last !== undefined && run.length >= minimumRangeLength) {
      segments.push({ first, last });
    } else {
      for (const n of run) segments.push({ first: n, last: n });
    }
    runStart = i;
  }
  return segments;
}

/**
 * What a screen reader hears for a segment: never a bare digit, and containing the printed
 * text (WCAG 2.5.3, label in name) so voice-control users can say what they see.
 */
export function citationSegmentLabel({ first, last }: CitationSegment): string {
  return first === last ? `Reference ${first}` : `References ${first}\u2013${last}`;
}

/** What is printed: "3" or "3–5" (en dash). */
export function citationSegmentText({ first, last }: CitationSegment): string {
  return first === last ? String(first) : `${first}\u2013${last}`;
}
