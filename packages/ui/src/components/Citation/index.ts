export { Citation, type CitationProps } from './Citation';
export {
  citationSegments,
  citationSegmentLabel,
  citationSegmentText,
  minimumRangeLength,
  type CitationSegment,
} from './citationSegments';
