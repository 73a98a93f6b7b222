import { useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import * as styles from './CTA.css';

export const ctaTones = ['accent', 'quiet'] as const;
export type CTATone = (typeof ctaTones)[number];

export const ctaHeadingLevels = [2, 3] as const;
export type CTAHeadingLevel = (typeof ctaHeadingLevels)[number];

export interface CTAAction {
  /** A real URL: relative ("/contact"), https:, tel: or mailto:. */
  href: string;
  label: ReactNode;
}

export interface CTAProps extends ComponentPropsWithoutRef<'section'> {
  /** What the reader can do, as a short heading: "Questions about this article?" */
  heading: ReactNode;
  /** Default 2: the call to action usually closes the article as a section of its own. */
  headingLevel?: CTAHeadingLevel;
  /** Body text. */
  children?: ReactNode;
  /** The primary action, rendered as a link styled like a button. */
  action: CTAAction;
  /** An optional second action, rendered as a plain text link. */
  secondaryAction?: CTAAction;
  /** `accent` for the one call to action closing an article; `quiet` for a sidebar or a second call. */
  tone?: CTATone;
}

function joinClassNames(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * The call to action that ends an article: a section named by its heading, a short body, and a
 * real link (no JavaScript, works on any device: a page, a phone number, an email address).
 */
export const CTA = /* @__PURE__ */ namedForwardRef<HTMLElement, CTAProps>('CTA', function CTA(
  { heading, headingLevel = 2, children, action, secondaryAction, tone = 'accent', className, ...sectionProps },
  ref,
) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const hasBody = children !== undefined && children !== null && children !== false && children !== '';
  return (
    <section
      ref={ref}
      aria-labelledby={headingId}
      className={joinClassNames(styles.root({ tone }), className)}
      {...sectionProps}
    >
      <Heading id={headingId} className={styles.heading}>
        {heading}
      </Heading>
      {hasBody ? <div className={styles.body}>{children}</div> : null}
      <div className={styles.actions}>
        <a href={action.href} className={styles.primary({ tone })}>
          {action.label}
        </a>
        {secondaryAction ? (
          <a href={secondaryAction.href} className={styles.secondary}>
            {secondaryAction.label}
          </a>
        ) : null}
      </div>
    </section>
  );
});
