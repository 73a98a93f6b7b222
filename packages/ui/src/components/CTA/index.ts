export {
  CTA,
  ctaTones,
  ctaHeadingLevels,
  type CTAAction,
  type CTAProps,
  type CTATone,
  type CTAHeadingLevel,
} from './CTA';
