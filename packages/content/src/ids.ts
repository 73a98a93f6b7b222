/** DOM id of the reference list entry for a reference number (matches @cited/ui ReferenceList). */
export const referenceIdPrefix = 'ref-';
/** DOM id prefix of citation markers: cite-1, cite-2… in document order. */
export const citationIdPrefix = 'cite-';
