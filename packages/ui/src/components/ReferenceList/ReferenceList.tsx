import { Fragment, useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import * as styles from './ReferenceList.css';
import { vancouverParts, type ReferenceData } from './vancouver';

export const referenceListHeadingLevels = [2, 3, 4] as const;
export type ReferenceListHeadingLevel = (typeof referenceListHeadingLevels)[number];

export interface ReferenceListProps extends ComponentPropsWithoutRef<'section'> {
  /**
   * The entries, listed in the order given (sort them by `number`) as an ordered list. Each one's
   * `number` is shown and makes its DOM id (`${referenceIdPrefix}${number}`, the target of the
   * Citations citing it); `backlinks` are the ids of those Citations, for the links back. An empty
   * array renders nothing, not an empty "References" heading.
   */
  references: readonly ReferenceData[];
  /** Default "References". */
  heading?: ReactNode;
  /** Default 2. */
  headingLevel?: ReferenceListHeadingLevel;
  /** Prefix of each entry's DOM id; default 'ref-' → id="ref-3". Must match the Citations'. */
  referenceIdPrefix?: string;
}

/** Backlink letters as on Wikipedia: a, b, … z, aa, ab, … */
export function backlinkLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(97 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function digitsVariant(references: readonly ReferenceData[]): styles.ListVariants['digits'] {
  const largest = references.reduce((max, ref) => Math.max(max, ref.number), 0);
  return largest >= 100 ? 3 : largest >= 10 ? 2 : 1;
}

function Backlinks({ ids }: { ids: readonly string[] }) {
  if (ids.length === 0) return null;
  const [only] = ids;
  if (ids.length === 1 && only !== undefined) {
    return (
      <span className={styles.backlinks}>
        <a href={`#${only}`} className={styles.backlink} aria-label="Back to citation">
          ↑
        </a>
      </span>
    );
  }
  return (
    <span className={styles.backlinks}>
      <span className={styles.backlinkArrow} aria-hidden="true">
        ↑
      </span>
      {ids.map((id, index) => (
        <a
          key={id}
          href={`#${id}`}
          className={styles.backlink}
          // The visible letter leads the name (WCAG 2.5.3, label in name) so voice users can say it.
          aria-label={`${backlinkLetter(index)}: back to citation ${index + 1} of ${ids.length}`}
        >
          {backlinkLetter(index)}
        </a>
      ))}
    </span>
  );
}

/**
 * One reference in Vancouver style, isolated as its own direction (<bdi>): an English reference in a
 * right-to-left page keeps its punctuation where it belongs ("J Med Life.", not ".J Med Life").
 */
function ReferenceEntry({ reference }: { reference: ReferenceData }) {
  const parts = vancouverParts(reference);
  return (
    <bdi>
      {parts.map((part, index) => (
        <Fragment key={part.kind}>
          {index > 0 ? ' ' : ''}
          {part.before}
          {part.href ? (
            <a href={part.href} className={styles.link}>
              {part.text}
            </a>
          ) : (
            part.text
          )}
          {part.after}
        </Fragment>
      ))}
    </bdi>
  );
}

/**
 * The numbered reference list at the end of an article, in Vancouver style, with links to
 * DOI, PubMed and the source, and Wikipedia-style links back to where each reference is cited.
 */
export const ReferenceList = /* @__PURE__ */ namedForwardRef<HTMLElement, ReferenceListProps>('ReferenceList', function ReferenceList(
  { references, heading = 'References', headingLevel = 2, referenceIdPrefix = 'ref-', className, ...sectionProps },
  ref,
) {
  const generatedId = useId();
  const headingId = sectionProps.id ? `${sectionProps.id}-heading` : `${generatedId}heading`;
  const Heading = `h${headingLevel}` as const;
  // A "References" heading over an empty list is noise for a screen-reader user: render nothing.
  if (references.length === 0) return null;
  return (
    <section
      ref={ref}
      aria-labelledby={headingId}
      className={className ? `${styles.root} ${className}` : styles.root}
      {...sectionProps}
    >
      <Heading id={headingId} className={styles.heading}>
        {heading}
      </Heading>
      <ol className={styles.list({ digits: digitsVariant(references) })}>
        {references.map((reference) => (
          <li
            key={reference.id}
            id={`${referenceIdPrefix}${reference.number}`}
            value={reference.number}
            className={styles.item}
          >
            <Backlinks ids={reference.backlinks ?? []} />
            {/* A line may break between the last backlink letter and the entry's first word: without
                it "bWilkinson" is one word, and a narrow line splits it ("Wilkins/on"). */}
            <wbr />
            <ReferenceEntry reference={reference} />
            {reference.note && (
              <>
                {' '}
                <span className={styles.note}>{reference.note}</span>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
});
