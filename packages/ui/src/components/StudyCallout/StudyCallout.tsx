import { useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import { visuallyHidden } from '../../styles/a11y.css';
import * as styles from './StudyCallout.css';
import { CertaintyScale } from './CertaintyScale';
import { studyDesignDescription, type StudyCertainty } from './studyEvidence';

export const studyCalloutTones = ['finding', 'caution', 'info'] as const;
export type StudyCalloutTone = (typeof studyCalloutTones)[number];

export const studyCalloutHeadingLevels = [2, 3, 4] as const;

export const studyFigureRoles = ['outcome', 'detail'] as const;
export type StudyFigureRole = (typeof studyFigureRoles)[number];
export type StudyCalloutHeadingLevel = (typeof studyCalloutHeadingLevels)[number];

export interface StudyCalloutProps extends Omit<ComponentPropsWithoutRef<'aside'>, 'title'> {
  /** The key figure, e.g. "44.5%". */
  figure: ReactNode;
  /** What the figure measured, in plain words. */
  children: ReactNode;
  /**
   * A short label for the study, e.g. "Second opinions on spine surgery".
   * @default "At a glance"
   */
  title?: ReactNode;
  /** How many took part: shown "n = 155 patients", read "155 patients". */
  sampleSize?: number;
  /**
   * What the sample size counts, shown after it.
   * @default "patients"
   */
  population?: string;
  /** The kind of study: "Second-opinion review", "Randomized trial", "Case series", "Audit"… */
  design?: string;
  /** Where it was published, spelled out for patients: "Surgical Neurology International". */
  journal?: string;
  /** Year of publication, shown after the journal. */
  year?: number | string;
  /** A `Citation` element for the study. */
  citation?: ReactNode;
  /** `finding` for a result, `caution` for a weak or disputed one, `info` for background. */
  tone?: StudyCalloutTone;
  /**
   * Level of the callout's heading, to fit the page's outline.
   * @default 3
   */
  headingLevel?: StudyCalloutHeadingLevel;
  /** How sure we can be of the result (GRADE): shown as a plain sentence and a 4-step scale. */
  certainty?: StudyCertainty;
  /**
   * `outcome` (default): the figure is the result, shown large. `detail`: the figure is a fact about
   * the study ("2 ml", a dose), shown small in the facts list after what the children name ("Dose").
   */
  figureRole?: StudyFigureRole;
  /**
   * Explain a known `design` ("case series", "randomized trial"…: see `studyDesigns`) in one plain
   * sentence under the facts. Default false; a design not in the list is never explained.
   */
  explainDesign?: boolean;
}

// Fixed locale: the server and the browser must print the same digits ("1,200").
const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function joinClassNames(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

function hasContent(node: ReactNode): boolean {
  return node !== undefined && node !== null && node !== false && node !== '';
}

interface FactsProps {
  count: string;
  countedNoun: string;
  hasSampleSize: boolean;
  design?: string;
  source: string;
  citation: ReactNode;
  /** A `detail` figure and what it is ("Dose", "2 ml"), listed first. */
  detail?: { label: ReactNode; value: ReactNode };
}

/** Sample size, design, source (and a detail figure): one quiet list of facts under the finding. */
function Facts({ count, countedNoun, hasSampleSize, design, source, citation, detail }: FactsProps): ReactNode {
  const hasCitation = hasContent(citation);
  const hasFacts = hasSampleSize || Boolean(design) || source !== '' || hasCitation || detail !== undefined;
  if (!hasFacts) return null;
  return (
    <dl className={styles.facts}>
      {detail ? (
        <div className={styles.fact}>
          <dt className={styles.detailLabel}>{detail.label}</dt>
          <dd className={styles.detailValue}>{detail.value}</dd>
        </div>
      ) : null}
      {hasSampleSize ? (
        <div className={styles.fact}>
          <dt className={visuallyHidden}>Sample size</dt>
          <dd className={styles.factValue}>
            {/* Seen as the researchers' shorthand and who was counted; heard in words. */}
            <span aria-hidden="true">
              <span className={styles.sampleSize}>{`n\u00a0=\u00a0${count}`}</span> {countedNoun}
            </span>
            <span className={visuallyHidden}>{`${count} ${countedNoun}`}</span>
          </dd>
        </div>
      ) : null}
      {design ? (
        <div className={styles.fact}>
          <dt className={visuallyHidden}>Study design</dt>
          <dd className={styles.factValue}>{design}</dd>
        </div>
      ) : null}
      {source !== '' || hasCitation ? (
        <div className={source === '' ? `${styles.fact} ${styles.citationOnlyFact}` : styles.fact}>
          {/* Without a journal the label is shown, so a lone citation marker still reads as a source. */}
          <dt className={source !== '' ? visuallyHidden : styles.factLabel}>{source !== '' ? 'Published in' : 'Source'}</dt>
          <dd className={styles.factValue}>
            {source}
            {citation}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * One study at a glance: its key figure, what it measured, how many took part, what kind of study
 * it was, how sure we can be of it and where it was published. An <aside> named by its heading,
 * which screen readers hear as "Study: …" (NHS.UK pattern) so the box says what it is first.
 */
export const StudyCallout = /* @__PURE__ */ namedForwardRef<HTMLElement, StudyCalloutProps>('StudyCallout', function StudyCallout(
  {
    figure,
    children,
    title,
    sampleSize,
    population = 'patients',
    design,
    journal,
    year,
    citation,
    tone = 'finding',
    headingLevel = 3,
    certainty,
    figureRole = 'outcome',
    explainDesign = false,
    className,
    ...asideProps
  },
  ref,
) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;

  const hasSampleSize = sampleSize !== undefined && Number.isFinite(sampleSize);
  const count = hasSampleSize ? integerFormat.format(sampleSize) : '';
  // "patients" reads "1 patient" for a single case; other nouns are used as given.
  const countedNoun = sampleSize === 1 && population === 'patients' ? 'patient' : population;
  const source = [journal, year].filter((part) => part !== undefined && part !== '').join(', ');
  const isDetail = figureRole === 'detail';
  const designNote = explainDesign && design ? studyDesignDescription(design) : undefined;

  return (
    <aside
      ref={ref}
      aria-labelledby={headingId}
      className={joinClassNames(styles.root({ tone }), className)}
      {...asideProps}
    >
      <Heading id={headingId} className={styles.heading}>
        {/* The space sits outside the hidden span: name computation trims text inside it. */}
        <span className={visuallyHidden}>Study:</span> {hasContent(title) ? title : 'At a glance'}
      </Heading>
      {isDetail ? null : (
        <>
          <p className={styles.figure}>{figure}</p>
          <div className={styles.body}>{children}</div>
        </>
      )}
      {certainty ? <CertaintyScale certainty={certainty} /> : null}
      <Facts
        count={count}
        countedNoun={countedNoun}
        hasSampleSize={hasSampleSize}
        design={design}
        source={source}
        citation={citation}
        detail={isDetail ? { label: children, value: figure } : undefined}
      />
      {designNote ? <p className={styles.designNote}>{designNote}</p> : null}
    </aside>
  );
});
