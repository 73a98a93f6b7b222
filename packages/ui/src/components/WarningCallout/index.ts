export { WarningCallout, warningCalloutHeadingLevels, type WarningCalloutProps, type WarningCalloutHeadingLevel } from './WarningCallout';
