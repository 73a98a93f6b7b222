import { Children, Fragment, isValidElement, useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { namedForwardRef } from '../../react/namedForwardRef';
import * as styles from './Pullquote.css';
import { withQuoteMarks, withoutOuterQuoteMarks } from './quoteMarks';

export const pullquoteSizes = ['standard', 'large'] as const;
export type PullquoteSize = (typeof pullquoteSizes)[number];

export interface PullquoteProps extends ComponentPropsWithoutRef<'figure'> {
  /** The quotation: plain text or paragraphs. Its own outer quote marks are replaced by typographic ones. */
  children: ReactNode;
  /** Who or what is quoted, e.g. "Journal of Medicine and Life, 2014". */
  attribution?: ReactNode;
  /** A `Citation` element, placed after the attribution. */
  citation?: ReactNode;
  /** URL of the source (the blockquote's cite attribute). */
  cite?: string;
  /** `standard` for a quoted passage in the flow; `large` for one short, punchy line. */
  size?: PullquoteSize;
}

/** Elements that already form blocks: the quotation is rendered as given instead of inside a <p>. */
const blockTags = new Set(['p', 'ul', 'ol', 'div', 'blockquote', 'pre', 'table', 'dl', 'figure']);

function isBlockContent(children: ReactNode): boolean {
  return Children.toArray(children).some((child) => {
    if (!isValidElement<{ children?: ReactNode }>(child)) return false;
    // Paragraphs passed inside a fragment (<>…</>) are still paragraphs.
    if (child.type === Fragment) return isBlockContent(child.props.children);
    return typeof child.type === 'string' && blockTags.has(child.type);
  });
}

function joinClassNames(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * A quoted passage from a study or a source, with who said it. A <figure> whose <figcaption>
 * names it, around a <blockquote>: screen readers announce a quotation and its source.
 */
export const Pullquote = /* @__PURE__ */ namedForwardRef<HTMLElement, PullquoteProps>('Pullquote', function Pullquote(
  { children, attribution, citation, cite, size = 'standard', className, ...figureProps },
  ref,
) {
  // The marks are visual: the blockquote role already tells screen readers this is a quotation.
  const quoted = withQuoteMarks(
    withoutOuterQuoteMarks(children),
    <span key="open-mark" aria-hidden="true" className={styles.openMark}>
      “
    </span>,
    <span key="close-mark" aria-hidden="true" className={styles.closeMark}>
      ”
    </span>,
  );
  const hasCaption = attribution != null || citation != null;
  const captionId = useId();
  return (
    <figure
      ref={ref}
      // Browsers name a figure from its figcaption, but not every screen reader pairs them: be explicit.
      aria-labelledby={hasCaption ? captionId : undefined}
      className={joinClassNames(styles.root({ size }), className)}
      {...figureProps}
    >
      <blockquote cite={cite} className={joinClassNames(styles.quote({ size }), styles.quoteBody)}>
        {isBlockContent(children) ? quoted : <p>{quoted}</p>}
      </blockquote>
      {hasCaption ? (
        <figcaption id={captionId} className={styles.caption}>
          {attribution != null ? (
            <>
              <span aria-hidden="true" className={styles.dash}>
                —
              </span>
              {attribution}
            </>
          ) : null}
          {citation}
        </figcaption>
      ) : null}
    </figure>
  );
});
