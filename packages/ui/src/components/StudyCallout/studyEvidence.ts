/**
 * How much a study's result can be trusted, in words patients can use: GRADE certainty levels
 * with Cochrane's plain-language statements, and the common study designs explained.
 */

export const studyCertainties = ['high', 'moderate', 'low', 'very-low'] as const;
export type StudyCertainty = (typeof studyCertainties)[number];

// Wording: Cochrane plain-language summaries (PLEACS standards), which pair each GRADE certainty
// level with a set phrase. Source noted in the component's docs page.
const certaintyStatements: Record<StudyCertainty, string> = {
  high: 'We are confident about this result',
  moderate: 'We are moderately confident about this result',
  low: 'We have limited confidence in this result',
  'very-low': 'We are very uncertain about this result',
};

/** The plain-language sentence for a certainty level, e.g. "We have limited confidence in this result". */
export function certaintyStatement(certainty: StudyCertainty): string {
  return certaintyStatements[certainty];
}

/** The level's place on the 4-step scale: very low 1, low 2, moderate 3, high 4. */
export function certaintyStep(certainty: StudyCertainty): number {
  return studyCertainties.length - studyCertainties.indexOf(certainty);
}

/** "very-low" → "very low". */
export function certaintyLabel(certainty: StudyCertainty): string {
  return certainty.replace('-', ' ');
}

export const studyDesigns = [
  'systematic review',
  'randomized trial',
  'cohort study',
  'case series',
  'before-and-after study',
  'expert opinion',
  'laboratory or animal study',
] as const;
export type StudyDesign = (typeof studyDesigns)[number];

/** One plain sentence per design: what the researchers did, so a reader can weigh the result. */
export const studyDesignDescriptions: Record<StudyDesign, string> = {
  'systematic review': 'Researchers found and combined the results of all the good studies on one question.',
  'randomized trial': 'People were put into groups by chance, and the groups were given different treatments and compared.',
  'cohort study': 'Researchers followed a group of people over time to see what happened to them.',
  'case series': 'Doctors described what happened to a group of patients who had the same treatment, without a comparison group.',
  'before-and-after study': 'Researchers measured how people were before and after a treatment, without a comparison group.',
  'expert opinion': 'The views of experienced doctors or researchers, not the results of a study.',
  'laboratory or animal study': 'Done on cells or animals, so the results may not apply to people.',
};

/** The description of a known design, matched without regard to case; undefined for others. */
export function studyDesignDescription(design: string): string | undefined {
  const key = design.trim().toLowerCase();
  return (studyDesigns as readonly string[]).includes(key) ? studyDesignDescriptions[key as StudyDesign] : undefined;
}
