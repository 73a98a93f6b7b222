// Render entry: the article's sanitized hast → React, with the cited-* elements mapped onto @cited/ui.
import {
  CTA,
  CareCard,
  Citation,
  Figure,
  KeyPoints,
  Pullquote,
  StudyCallout,
  careCardHeadingLevels,
  careCardLevels,
  formatVancouver,
  pullquoteSizes,
  studyCalloutTones,
  studyCertainties,
  studyFigureRoles,
} from '@cited/ui';
import type { CTAAction, KeyPointsHeadingLevel, ReferenceData, StudyCalloutTone, PullquoteSize } from '@cited/ui';
import type { Element } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { Components } from 'hast-util-to-jsx-runtime';
import { Children, isValidElement, useMemo } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { referenceIdPrefix } from '../ids.js';
import type { Article, NumberedReference } from '../types.js';

export interface ArticleBodyProps {
  article: Article;
  /**
   * The site's emergency number (site.yml `emergencyNumber`), shown on emergency care cards as a
   * "Call …" link. Without it no number is shown: it is never guessed.
   */
  emergencyNumber?: string;
}

interface MappedProps {
  node?: Element;
  children?: ReactNode;
}

function text(node: Element | undefined, property: string): string | undefined {
  const value = node?.properties[property];
  if (value === undefined || value === null || value === false) return undefined;
  const string = Array.isArray(value) ? value.join(' ') : String(value);
  return string === '' ? undefined : string;
}

function list(node: Element | undefined, property: string): string[] {
  return (text(node, property) ?? '').split(/\s+/).filter((item) => item !== '');
}

function numbers(node: Element | undefined, property: string): number[] {
  return list(node, property)
    .map(Number)
    .filter((number) => Number.isInteger(number) && number > 0);
}

/** Pandoc locators ("p. 12"), one per number, as the compiler wrote them (a JSON list of strings). */
function locatorsOf(node: Element | undefined): (string | undefined)[] | undefined {
  const json = text(node, 'dataLocators');
  if (!json) return undefined;
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.map((value) => (typeof value === 'string' && value !== '' ? value : undefined)) : undefined;
  } catch {
    return undefined;
  }
}

function oneOf<const T extends readonly string[]>(options: T, value: string | undefined): T[number] | undefined {
  return value !== undefined && (options as readonly string[]).includes(value) ? value : undefined;
}

/** The ui ReferenceList's data for an article: every reference with its number and backlinks. */
export function toReferenceListData(article: Article): ReferenceData[] {
  return article.references.map((reference) => ({ ...reference, backlinks: [...(reference.backlinks ?? [])] }));
}

/** Source URL for a blockquote `cite` attribute: the reference's URL, else its DOI link. */
function sourceUrl(reference: NumberedReference | undefined): string | undefined {
  if (!reference) return undefined;
  if (reference.url) return reference.url;
  return reference.doi ? `https://doi.org/${reference.doi}` : undefined;
}

/** The contents of a body that is one paragraph (as the label of a detail figure), else the body. */
function phrasing(children: ReactNode): ReactNode {
  const blocks = Children.toArray(children).filter((child) => !(typeof child === 'string' && child.trim() === ''));
  const [only] = blocks;
  if (blocks.length === 1 && isValidElement<{ children?: ReactNode }>(only) && only.type === 'p') return only.props.children;
  return children;
}

/** "case series" → "Case series": the vocabulary is lower-case, a fact line starts with a capital. */
function sentenceCase(text: string | undefined): string | undefined {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : undefined;
}

function headingLevel<const T extends readonly number[]>(levels: T, node: Element | undefined): T[number] | undefined {
  const level = Number(text(node, 'dataHeadingLevel'));
  return (levels as readonly number[]).includes(level) ? level : undefined;
}

function buildComponents(article: Article, emergencyNumber: string | undefined): Components {
  const byKey = new Map(article.references.map((reference) => [reference.id, reference]));
  const preview = (keys: readonly string[]): string | undefined => {
    const found = keys.map((key) => byKey.get(key)).filter((reference) => reference !== undefined);
    if (found.length === 0) return undefined;
    return found.map((reference) => `${reference.number}. ${formatVancouver(reference)}`).join(' ');
  };
  const citation = (node: Element | undefined, prefix: '' | 'Citation'): ReactNode => {
    const property = (name: string) => (prefix === '' ? `data${name}` : `dataCitation${name}`);
    const cited = numbers(node, property('Numbers'));
    if (cited.length === 0) return undefined;
    const id = prefix === '' ? text(node, 'id') : text(node, 'dataCitationId');
    const locators = prefix === '' ? locatorsOf(node) : undefined;
    return (
      <Citation
        id={id}
        numbers={cited}
        referenceIdPrefix={referenceIdPrefix}
        preview={preview(list(node, property('Keys')))}
        {...(locators ? { locators } : {})}
      />
    );
  };

  const mapped: Record<string, (props: MappedProps) => ReactNode> = {
    'cited-citation': ({ node }) => citation(node, ''),
    'cited-pullquote': ({ node, children }) => (
      <Pullquote
        attribution={text(node, 'dataAttribution')}
        citation={citation(node, 'Citation')}
        cite={sourceUrl(byKey.get(list(node, 'dataCitationKeys')[0] ?? ''))}
        size={oneOf(pullquoteSizes, text(node, 'dataSize')) as PullquoteSize | undefined}
      >
        {children}
      </Pullquote>
    ),
    'cited-study': ({ node, children }) => {
      const sampleSize = Number(text(node, 'dataSampleSize'));
      const figureRole = oneOf(studyFigureRoles, text(node, 'dataFigureRole'));
      return (
        <StudyCallout
          // A number and its unit ("2 ml") never break across lines.
          figure={(text(node, 'dataFigure') ?? '').replace(/(\d) (?=\p{L})/gu, '$1\u00a0')}
          title={text(node, 'dataTitle')}
          sampleSize={Number.isSafeInteger(sampleSize) && sampleSize > 0 ? sampleSize : undefined}
          population={text(node, 'dataPopulation')}
          design={sentenceCase(text(node, 'dataDesign'))}
          journal={text(node, 'dataJournal')}
          year={text(node, 'dataYear')}
          tone={oneOf(studyCalloutTones, text(node, 'dataTone')) as StudyCalloutTone | undefined}
          certainty={oneOf(studyCertainties, text(node, 'dataCertainty'))}
          figureRole={figureRole}
          citation={citation(node, 'Citation')}
        >
          {/* A detail figure's body is its label ("Dose …: 2 ml"), a phrase, not a paragraph. */}
          {figureRole === 'detail' ? phrasing(children) : children}
        </StudyCallout>
      );
    },
    'cited-care': ({ node, children }) => {
      const level = oneOf(careCardLevels, text(node, 'dataLevel'));
      const heading = text(node, 'dataHeading');
      // The compiler only writes valid cards; anything else renders as plain content.
      if (!level || !heading) return children;
      return (
        <CareCard
          id={text(node, 'id')}
          level={level}
          heading={heading}
          headingLevel={headingLevel(careCardHeadingLevels, node)}
          emergencyNumber={emergencyNumber}
        >
          {children}
        </CareCard>
      );
    },
    'cited-figure': ({ node, children }) => {
      const src = text(node, 'dataSrc');
      // No image read (missing or off-site: an error is reported): the caption alone stays.
      if (!src) return children;
      const width = Number(text(node, 'dataWidth'));
      const height = Number(text(node, 'dataHeight'));
      return (
        <Figure
          src={src}
          alt={text(node, 'dataAlt') ?? ''}
          width={Number.isSafeInteger(width) && width > 0 ? width : undefined}
          height={Number.isSafeInteger(height) && height > 0 ? height : undefined}
          srcSet={text(node, 'dataSrcset')}
          sizes={text(node, 'dataSizes')}
          credit={text(node, 'dataCredit')}
          licence={text(node, 'dataLicence')}
          source={text(node, 'dataSource')}
        >
          {/* One caption paragraph reads as the caption itself, not a paragraph inside it. */}
          {phrasing(children)}
        </Figure>
      );
    },
    'cited-cta': ({ node, children }) => {
      const href = text(node, 'dataHref');
      const label = text(node, 'dataLabel');
      const heading = text(node, 'dataHeading');
      if (!href || !label || !heading) return children;
      const secondaryHref = text(node, 'dataSecondaryHref');
      const secondaryLabel = text(node, 'dataSecondaryLabel');
      const secondaryAction: CTAAction | undefined =
        secondaryHref && secondaryLabel ? { href: secondaryHref, label: secondaryLabel } : undefined;
      return (
        <CTA heading={heading} action={{ href, label }} secondaryAction={secondaryAction}>
          {children}
        </CTA>
      );
    },
  };
  // The cited-* names are custom elements, unknown to JSX.IntrinsicElements, hence the cast.
  return mapped as unknown as Components;
}

/**
 * The article body as React elements (no wrapper: put it inside @cited/ui's <Prose>). The reference
 * list is not part of the body: render <ReferenceList references={toReferenceListData(article)} />.
 */
export function ArticleBody({ article, emergencyNumber }: ArticleBodyProps): ReactElement {
  const components = useMemo(() => buildComponents(article, emergencyNumber), [article, emergencyNumber]);
  return toJsxRuntime(article.hast, { Fragment, jsx, jsxs, components, passNode: true });
}

export interface ArticleKeyPointsProps {
  article: Article;
  /** Level of the box's heading (default 2: it stands beside the article's sections). */
  headingLevel?: KeyPointsHeadingLevel;
  className?: string;
}

/**
 * The article's `:::key-points` as @cited/ui's KeyPoints (citations inside them link to the
 * references as in the body), or nothing when it has none. The page places it, e.g. before the
 * table of contents: the compiler takes it out of the body.
 */
export function ArticleKeyPoints({ article, headingLevel, className }: ArticleKeyPointsProps): ReactElement | null {
  const components = useMemo(() => buildComponents(article, undefined), [article]);
  const keyPoints = article.keyPoints;
  if (!keyPoints) return null;
  return (
    <KeyPoints heading={keyPoints.heading} headingLevel={headingLevel} className={className}>
      {toJsxRuntime(keyPoints.hast, { Fragment, jsx, jsxs, components, passNode: true })}
    </KeyPoints>
  );
}
