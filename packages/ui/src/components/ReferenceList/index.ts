export {
  ReferenceList,
  referenceListHeadingLevels,
  backlinkLetter,
  type ReferenceListProps,
  type ReferenceListHeadingLevel,
} from './ReferenceList';
export {
  formatVancouver,
  formatAuthors,
  vancouverParts,
  referenceTypes,
  maxListedAuthors,
  type ReferenceData,
  type ReferenceType,
  type VancouverPart,
} from './vancouver';
export { seedReferences, seedReference } from './seedReferences';
