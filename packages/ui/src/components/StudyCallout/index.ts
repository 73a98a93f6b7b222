export {
  StudyCallout,
  studyCalloutTones,
  studyCalloutHeadingLevels,
  type StudyCalloutProps,
  type StudyCalloutTone,
  type StudyCalloutHeadingLevel,
} from './StudyCallout';
