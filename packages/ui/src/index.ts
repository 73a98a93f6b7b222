// Public API of @cited/ui. Consumers import only from '@cited/ui' and '@cited/ui/theme'
// (see the exports map), never by deep path.
export {
  Citation,
  citationSegments,
  citationSegmentLabel,
  citationSegmentText,
  minimumRangeLength,
  type CitationProps,
  type CitationSegment,
} from './components/Citation';
export {
  ReferenceList,
  referenceListHeadingLevels,
  backlinkLetter,
  formatVancouver,
  formatAuthors,
  vancouverParts,
  referenceTypes,
  maxListedAuthors,
  type ReferenceListProps,
  type ReferenceListHeadingLevel,
  type ReferenceData,
  type ReferenceType,
  type VancouverPart,
} from './components/ReferenceList';
export { Pullquote, pullquoteSizes, type PullquoteProps, type PullquoteSize } from './components/Pullquote';
export {
  StudyCallout,
  studyCalloutTones,
  studyCalloutHeadingLevels,
  type StudyCalloutProps,
  type StudyCalloutTone,
  type StudyCalloutHeadingLevel,
  studyFigureRoles,
  type StudyFigureRole,
  studyCertainties,
  certaintyStatement,
  studyDesigns,
  studyDesignDescriptions,
  studyDesignDescription,
  type StudyCertainty,
  type StudyDesign,
} from './components/StudyCallout';
export {
  CareCard,
  careCardLevels,
  careCardHeadingLevels,
  careCardPrefix,
  type CareCardProps,
  type CareCardLevel,
  type CareCardHeadingLevel,
} from './components/CareCard';
export { KeyPoints, keyPointsHeadingLevels, type KeyPointsProps, type KeyPointsHeadingLevel } from './components/KeyPoints';
export {
  ReviewStatus,
  reviewStatusOf,
  reviewStates,
  type PersonRef,
  type ReviewState,
  type ReviewStatusInput,
  type ReviewStatusProps,
  formatIsoDate,
} from './components/ReviewStatus';
export { Disclosure, type DisclosureProps } from './components/Disclosure';
export {
  CTA,
  ctaTones,
  ctaHeadingLevels,
  type CTAAction,
  type CTAProps,
  type CTATone,
  type CTAHeadingLevel,
} from './components/CTA';
export { Prose, proseSizes, type ProseProps, type ProseSize } from './components/Prose';
export {
  ContentsList,
  contentsListHeadingLevels,
  type ContentsListProps,
  type ContentsListItem,
  type ContentsListHeadingLevel,
} from './components/ContentsList';
export { Breadcrumbs, type BreadcrumbsProps, type BreadcrumbLink } from './components/Breadcrumbs';
export { Details, detailsVariants, type DetailsProps, type DetailsVariant } from './components/Details';
export { InsetText, type InsetTextProps } from './components/InsetText';
export { Figure, type FigureProps } from './components/Figure';
export {
  WarningCallout,
  warningCalloutHeadingLevels,
  type WarningCalloutProps,
  type WarningCalloutHeadingLevel,
} from './components/WarningCallout';
export { vars } from './theme/contract.css';
