import { Fragment, useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import * as styles from './Citation.css';
import { citationSegmentLabel, citationSegments, citationSegmentText } from './citationSegments';

export interface CitationProps extends Omit<ComponentPropsWithoutRef<'sup'>, 'children'> {
  /** Cited reference numbers: [1] | [1, 2] | [3, 4, 5] (runs of three or more collapse to "3–5"). */
  numbers: readonly number[];
  /** Prefix of the reference entries' DOM ids; default 'ref-' → href="#ref-3". */
  referenceIdPrefix?: string;
  /** The reference(s) in short form, shown as a preview card on hover, focus or long-press. */
  preview?: ReactNode;
  /**
   * Pinpoints in the cited works, one per entry of `numbers` (Pandoc's `[@key, p. 12]`), each shown
   * after its number: "3, p. 12". With locators, numbers keep their order and never collapse into a
   * range, and groups are separated by ";" ("1, p. 3; 2").
   */
  locators?: readonly (string | undefined)[];
}

/**
 * React 18 has neither types nor special handling for `interestfor` and `popover`; it passes
 * lowercase unknown attributes through to the DOM as strings, on the server and the client.
 */
const interestInvoker = (targetId: string): Record<string, string> => ({ interestfor: targetId });
const hintPopover: Record<string, string> = { popover: 'hint' };

/**
 * A superscript citation marker: one link per reference (or per range) to the entry in the
 * ReferenceList. With `preview`, the links are HTML interest invokers for a hint popover: no
 * JavaScript is needed, and where the browser does not support them the link still works.
 */
export const Citation = /* @__PURE__ */ namedForwardRef<HTMLElement, CitationProps>('Citation', function Citation(
  { numbers, referenceIdPrefix = 'ref-', preview, locators, className, ...supProps },
  ref,
) {
  const previewId = useId();
  const located = locators?.some((locator) => locator !== undefined && locator !== '') ?? false;
  const segments = located
    ? numbers.map((number, index) => ({ first: number, last: number, locator: locators?.[index] })).filter((segment) => Number.isInteger(segment.first) && segment.first > 0)
    : citationSegments(numbers).map((segment) => ({ ...segment, locator: undefined }));
  if (segments.length === 0) return null;

  const hasPreview = preview !== undefined && preview !== null && preview !== false && preview !== '';
  return (
    <sup ref={ref} className={className ? `${styles.root} ${className}` : styles.root} {...supProps}>
      {segments.map((segment, index) => (
        <Fragment key={`${segment.first}-${index}`}>
          {index > 0 && <span className={styles.separator}>{located ? '; ' : ','}</span>}
          <a
            href={`#${referenceIdPrefix}${segment.first}`}
            className={styles.link}
            aria-label={citationSegmentLabel(segment)}
            // The description makes the preview available to screen readers in every browser.
            aria-describedby={hasPreview ? previewId : undefined}
            {...(hasPreview ? interestInvoker(previewId) : {})}
          >
            {citationSegmentText(segment)}
          </a>
          {segment.locator && <span className={styles.locator}>, {segment.locator}</span>}
        </Fragment>
      ))}
      {hasPreview && (
        <span {...hintPopover} id={previewId} role="tooltip" className={styles.preview}>
          {preview}
        </span>
      )}
    </sup>
  );
});
