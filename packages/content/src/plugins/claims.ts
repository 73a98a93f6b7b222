import type { Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';

const percentage = /\d(?:[\d,.]*\d)?\s?(?:%|per ?cent\b)/i;
const nOfMPeople =
  /\b\d[\d,]*\s+(?:\([^)]*\)\s+)?(?:out\s+)?of\s+(?:the\s+|all\s+)?\d[\d,]*\s+(?:[a-z-]+\s+){0,3}?(?:patients|people|participants|subjects|respondents|adults|children|women|men|cases)\b/i;

const numberWord =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|a thousand|\\d[\\d,]*)';
/** "three out of four", "one in five", "two of every three", "9 in 10". */
const wordedRatio = new RegExp(`\\b${numberWord}\\s+(?:out\\s+of|in|of\\s+every)\\s+(?:every\\s+)?${numberWord}\\b`, 'i');
/** "half of", "a third of", "two-thirds of", "three quarters of" (not "the second half of the day"). */
const wordedFraction =
  /(?<!\b(?:first|second|other|latter|former|last)\s)\b(?:half|(?:a|one|two)[ -](?:third|quarter|fifth|tenth)s?|two[ -]thirds|three[ -]quarters)\s+of\b/i;

/**
 * A rating on a scale ("5 out of 10", "7/10 pain", "a score of 3 in 10"): what a reader or a
 * clinician scores, not a share of people, so not a figure needing a source. A scale word must be
 * near it, and no group of people after it ("9 out of 10 patients" stays a claim).
 */
const ratingOutOfTen = /\b(?:10|[0-9](?:\.5)?|zero|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:\/|out\s+of|in)\s*(?:10|ten)\b/gi;
const scaleWord = /\b(?:pain|scale|scores?|scored|rat(?:e|es|ed|ing)|severity|hurts?|nrs|vas)\b/i;
const peopleAfter = /^\s+(?:[a-z-]+\s+){0,3}?(?:patients|people|participants|subjects|respondents|adults|children|women|men|cases|of)\b/i;

function withoutRatings(text: string): string {
  return text.replace(ratingOutOfTen, (match, offset: number) => {
    const sentenceStart = Math.max(text.lastIndexOf('.', offset), text.lastIndexOf('!', offset), text.lastIndexOf('?', offset)) + 1;
    const sentenceEnd = text.slice(offset + match.length).search(/[.!?](?:\s|$)/);
    const sentence = text.slice(sentenceStart, sentenceEnd < 0 ? undefined : offset + match.length + sentenceEnd);
    const isRating = scaleWord.test(sentence) && !peopleAfter.test(text.slice(offset + match.length));
    return isRating ? ' '.repeat(match.length) : match;
  });
}

/** The figure a paragraph states, if it states a percentage, an "N of M patients" count or a worded one (ratings on a 0–10 scale are not figures). */
export function findClaim(text: string): string | undefined {
  const prose = withoutRatings(text);
  return (percentage.exec(prose) ?? nOfMPeople.exec(prose) ?? wordedRatio.exec(prose) ?? wordedFraction.exec(prose))?.[0];
}

function isCitation(node: RootContent): boolean {
  return (node.data as { hName?: string } | undefined)?.hName === 'cited-citation';
}

function containsCitation(node: Parent): boolean {
  const stack: RootContent[] = [...(node.children as RootContent[])];
  while (stack.length > 0) {
    const child = stack.pop() as RootContent;
    if (isCitation(child)) return true;
    if ('children' in child) stack.push(...(child.children as RootContent[]));
  }
  return false;
}

/**
 * Warns about paragraphs that state a figure with no citation in them. Runs after the directive plugin,
 * so a citation is a node that became `cited-citation`; paragraphs inside a study or pull quote that
 * cites its source are covered by that container's citation.
 */
export function remarkClaims() {
  return (tree: Root, file: VFile): void => {
    const walk = (parent: Parent, covered: boolean): void => {
      for (const child of parent.children as RootContent[]) {
        if (child.type === 'paragraph') {
          if (covered || containsCitation(child)) continue;
          const claim = findClaim(toString(child));
          if (claim) {
            report(
              file,
              'claim-without-citation',
              `Paragraph states "${claim.trim()}" without a citation: add :cite[key] for its source`,
              child.position,
            );
          }
          continue;
        }
        if (child.type === 'code' || child.type === 'table') continue;
        if ('children' in child) {
          const properties = (child.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties;
          walk(child as Parent, covered || Boolean(properties?.dataCitationId));
        }
      }
    };
    walk(tree, false);
  };
}
