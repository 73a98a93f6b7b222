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
} from './components/StudyCallout';
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
export { vars } from './theme/contract.css';
