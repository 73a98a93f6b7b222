export {
  CareCard,
  careCardLevels,
  careCardHeadingLevels,
  careCardPrefix,
  type CareCardProps,
  type CareCardLevel,
  type CareCardHeadingLevel,
} from './CareCard';
