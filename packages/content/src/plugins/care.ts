import type { RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import { attribute, hasBody, isOneOf, missing, setElement } from './directive-helpers.js';

/** How soon the reader must act (NHS.UK care cards), as @cited/ui's CareCard takes it. */
export const careLevels = ['non-urgent', 'urgent', 'emergency'] as const;
export type CareLevel = (typeof careLevels)[number];

/**
 * `:::care[See a GP if]{level=non-urgent}` with a list as its body → `cited-care`. The label is the
 * card's heading; the id and heading level are given with the headings (see headings.ts), so the
 * card is in the table of contents. A card without a valid level or heading is an error and
 * renders as its plain content: advice must never be shown at the wrong urgency.
 */
export function transformCare(node: ContainerDirective, file: VFile, label: string | undefined): RootContent[] | undefined {
  const level = attribute(node, 'level');
  let valid = true;
  if (level === undefined) {
    report(file, 'care-level-unknown', `:::care needs a level: level=${careLevels.join(', level=')}`, node.position);
    valid = false;
  } else if (!isOneOf(careLevels, level)) {
    report(
      file,
      'care-level-unknown',
      `:::care level "${level}" is not one of ${careLevels.join(', ')}${didYouMean(level, careLevels)}`,
      node.position,
    );
    valid = false;
  }
  if (!label) {
    missing(file, node, 'needs a heading as its label, e.g. :::care[See a GP if]{level=non-urgent}');
    valid = false;
  }
  if (!hasBody(node)) {
    missing(file, node, 'needs a body: the signs to look out for, as a list');
    valid = false;
  }
  if (!valid || !label || !isOneOf(careLevels, level)) return node.children;
  setElement(node, 'cited-care', { dataLevel: level, dataHeading: label });
  return undefined;
}
