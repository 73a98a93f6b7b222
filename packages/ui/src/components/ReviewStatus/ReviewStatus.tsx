import { type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import { visuallyHidden } from '../../styles/a11y.css';
import { formatIsoDate, parseIsoDate, todayIsoDate } from './reviewDates';
import * as styles from './ReviewStatus.css';

/** A person named in the byline. */
export interface PersonRef {
  name: string;
  /** Their profile page: the name becomes a link to it. */
  href?: string;
  /** Shown after the name: "MD", "PhD, RN". */
  credentials?: string;
}

export const reviewStates = ['reviewed', 'not-reviewed', 'overdue'] as const;
export type ReviewState = (typeof reviewStates)[number];

export interface ReviewStatusInput {
  reviewer?: PersonRef;
  /** ISO date, YYYY-MM-DD. */
  nextReviewDue?: string;
  /** ISO date, YYYY-MM-DD. Default today's date in UTC; pass it for a pure, testable result. */
  today?: string;
}

export type ReviewStatusProps = {
  /** Who wrote the article. */
  author?: PersonRef;
  /** Who checked it for medical accuracy; without one the byline says so. */
  reviewer?: PersonRef;
  /** ISO date (YYYY-MM-DD) of the last medical review. */
  lastReviewed?: string;
  /** ISO date (YYYY-MM-DD) by which the article is to be reviewed again. */
  nextReviewDue?: string;
  /** ISO date (YYYY-MM-DD) of first publication. */
  published?: string;
  /** ISO date (YYYY-MM-DD) to judge "overdue" against. Default: today's date in UTC. */
  today?: string;
} & ComponentPropsWithoutRef<'div'>;

/**
 * How far the byline vouches for the page. `overdue` wins over `reviewed`: a review that has
 * lapsed no longer vouches for today's page. Dates that are not real ISO dates are ignored.
 */
export function reviewStatusOf({ reviewer, nextReviewDue, today }: ReviewStatusInput): ReviewState {
  const due = parseIsoDate(nextReviewDue);
  const now = parseIsoDate(today ?? todayIsoDate());
  if (due && now && due.getTime() < now.getTime()) return 'overdue';
  return reviewer && reviewer.name.trim() !== '' ? 'reviewed' : 'not-reviewed';
}

function joinClassNames(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

function Person({ person }: { person: PersonRef }): ReactNode {
  const name = person.href ? (
    <a href={person.href} className={styles.personLink}>
      {person.name}
    </a>
  ) : (
    person.name
  );
  return (
    <>
      <span className={styles.personName}>{name}</span>
      {person.credentials ? `, ${person.credentials}` : null}
    </>
  );
}

interface DatedEvent {
  label: string;
  iso: string | undefined;
}

/** "Published 3 March 2025 · Last reviewed …": the dates that parse, each as a <time>. */
function Dates({ events }: { events: DatedEvent[] }): ReactNode {
  const shown = events.flatMap(({ label, iso }) => {
    const formatted = formatIsoDate(iso);
    return formatted && iso ? [{ label, iso: iso.trim(), formatted }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <p className={styles.dates}>
      {shown.map(({ label, iso, formatted }) => (
        <span key={label} className={styles.date}>
          {label}{' '}
          <time dateTime={iso} className={styles.time}>
            {formatted}
          </time>
        </span>
      ))}
    </p>
  );
}

function Notice({ lead, children }: { lead: ReactNode; children?: ReactNode }): ReactNode {
  return (
    <p className={styles.notice}>
      {/* Heard first, as on NHS.UK warning callouts; the box and bold words say it on screen. */}
      <span className={visuallyHidden}>Important:</span> <strong className={styles.noticeLead}>{lead}</strong>
      {children ? <> {children}</> : null}
    </p>
  );
}

/**
 * The byline: who wrote the page, who checked it and when, and when it is next due for review.
 * It never stays silent about a missing or lapsed review: both show as a notice in words.
 */
export const ReviewStatus = /* @__PURE__ */ namedForwardRef<HTMLDivElement, ReviewStatusProps>('ReviewStatus', function ReviewStatus(
  { author, reviewer, lastReviewed, nextReviewDue, published, today, className, ...divProps },
  ref,
) {
  const state = reviewStatusOf({ reviewer, nextReviewDue, today: today ?? todayIsoDate() });
  const hasReviewer = reviewer !== undefined && reviewer.name.trim() !== '';
  const isOverdue = state === 'overdue';
  return (
    <div ref={ref} className={joinClassNames(styles.root, className)} {...divProps}>
      {author && author.name.trim() !== '' ? (
        <p className={styles.line}>
          Written by <Person person={author} />
        </p>
      ) : null}
      {hasReviewer ? (
        <p className={styles.line}>
          Medically reviewed by <Person person={reviewer} />
        </p>
      ) : null}
      <Dates
        events={[
          { label: 'Published', iso: published },
          { label: 'Last reviewed', iso: lastReviewed },
          // Once overdue, the due date moves into the notice below, said once.
          { label: 'Next review due', iso: isOverdue ? undefined : nextReviewDue },
        ]}
      />
      {hasReviewer ? null : <Notice lead="This article has not been medically reviewed." />}
      {isOverdue && nextReviewDue ? (
        <Notice
          lead={
            <>
              This page was due for review on{' '}
              <time dateTime={nextReviewDue.trim()} className={styles.time}>
                {formatIsoDate(nextReviewDue)}
              </time>
              .
            </>
          }
        >
          Some information may be out of date.
        </Notice>
      ) : null}
    </div>
  );
});
