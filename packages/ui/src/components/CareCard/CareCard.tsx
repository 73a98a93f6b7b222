import { useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import { visuallyHidden } from '../../styles/a11y.css';
import * as styles from './CareCard.css';

export const careCardLevels = ['non-urgent', 'urgent', 'emergency'] as const;
export type CareCardLevel = (typeof careCardLevels)[number];

export const careCardHeadingLevels = [2, 3, 4] as const;
export type CareCardHeadingLevel = (typeof careCardHeadingLevels)[number];

export type CareCardProps = {
  /** How soon the reader must act: `non-urgent`, `urgent` or `emergency`. */
  level: CareCardLevel;
  /** What to do, as a short heading: "Ask for an urgent GP appointment if:". */
  heading: ReactNode;
  /** The advice itself: usually a short list of symptoms and one action. */
  children: ReactNode;
  /** Level of the card's heading, to fit the page's outline. Default 2. */
  headingLevel?: CareCardHeadingLevel;
  /**
   * The local emergency number, e.g. "999" or "911". Only an `emergency` card shows it, as a
   * "Call …" telephone link; without it no number is shown (a number is never guessed).
   */
  emergencyNumber?: string;
} & Omit<ComponentPropsWithoutRef<'section'>, 'title'>;

const prefixes: Record<CareCardLevel, string> = {
  'non-urgent': 'Non-urgent advice: ',
  urgent: 'Urgent advice: ',
  emergency: 'Immediate action required: ',
};

/**
 * The words a screen reader hears before the card's heading, so the level never rests on colour
 * or shape alone (NHS.UK care cards). Ends with ": " so it runs into the heading text.
 */
export function careCardPrefix(level: CareCardLevel): string {
  return prefixes[level];
}

function joinClassNames(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/** Digits and "+" only: "999" → "tel:999", "+44 20 7946 0000" → "tel:+442079460000"; undefined without digits. */
function telHref(phoneNumber: string): string | undefined {
  const dialled = phoneNumber.replace(/[^\d+]/g, '');
  return /\d/.test(dialled) ? `tel:${dialled}` : undefined;
}

/**
 * Advice on when and how to get care, in three levels of urgency (NHS.UK care cards): a section
 * named by its heading, whose first words (hidden on screen) say the level.
 */
export const CareCard = /* @__PURE__ */ namedForwardRef<HTMLElement, CareCardProps>('CareCard', function CareCard(
  { level, heading, children, headingLevel = 2, emergencyNumber, className, ...sectionProps },
  ref,
) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const number = emergencyNumber?.trim() ?? '';
  const showsCall = level === 'emergency' && number !== '';
  const callHref = telHref(number);
  return (
    <section
      ref={ref}
      aria-labelledby={headingId}
      className={joinClassNames(styles.root({ level }), className)}
      {...sectionProps}
    >
      <div className={styles.headingBand}>
        {level === 'non-urgent' ? null : (
          <span className={styles.urgencyMark} aria-hidden="true">
            !
          </span>
        )}
        <Heading id={headingId} className={styles.heading}>
          <span className={visuallyHidden}>{careCardPrefix(level).trimEnd()}</span> {heading}
        </Heading>
      </div>
      <div className={styles.content}>
        {children}
        {showsCall ? (
          <p className={styles.action}>
            {/* A number a phone cannot dial ("ask a nurse") is still shown, as text, not as a dead link. */}
            {callHref ? (
              <a href={callHref} className={styles.callLink}>
                Call {number}
              </a>
            ) : (
              <strong className={styles.callText}>Call {number}</strong>
            )}
          </p>
        ) : null}
      </div>
    </section>
  );
});
