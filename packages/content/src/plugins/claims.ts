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

/** The figure a paragraph states, if it states a percentage, an "N of M patients" count or a worded one. */
export function findClaim(text: string): string | undefined {
  return (percentage.exec(text) ?? nOfMPeople.exec(text) ?? wordedRatio.exec(text) ?? wordedFraction.exec(text))?.[0];
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
