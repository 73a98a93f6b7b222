export {
  KeyPoints,
  keyPointsHeadingLevels,
  type KeyPointsProps,
  type KeyPointsHeadingLevel,
} from './KeyPoints';
