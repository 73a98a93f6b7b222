export {
  StudyCallout,
  studyCalloutTones,
  studyCalloutHeadingLevels,
  studyFigureRoles,
  type StudyCalloutProps,
  type StudyCalloutTone,
  type StudyCalloutHeadingLevel,
  type StudyFigureRole,
} from './StudyCallout';
export {
  studyCertainties,
  certaintyStatement,
  studyDesigns,
  studyDesignDescriptions,
  studyDesignDescription,
  type StudyCertainty,
  type StudyDesign,
} from './studyEvidence';
