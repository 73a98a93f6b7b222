/**
 * How much a study's result can be trusted, in words patients can use: GRADE certainty levels
 * with Cochrane's plain-language statements, and the common study designs explained.
 */

export const studyCertainties = ['high', 'moderate', 'low', 'very-low'] as const;
export type StudyCertainty = (typeof studyCertainties)[number];

// Wording: Cochrane's sentence stems for "the limitations of the evidence", one per GRADE level
// (Pitcher N, Mitchell D, Hughes C. Template and guidance for writing a Cochrane Plain language
// summary. Version 1, 2021-22, section f, "Main limitations of the evidence"): "We are confident
// that…", "We are moderately confident in the evidence because…", "We have little confidence in the
// evidence because…", "We are not confident in the evidence because…". Found with the search tool
// (pages: the guidance's contents on fdocuments.in; code: its table quoted in
// github.com/YgorPerez/send-lab docs/research/evidence-grading-addendum.md). The stems are ended at
// "the evidence" so each stands alone; the same guidance asks for these sentences instead of the
// words "low-certainty evidence", which readers found hard to understand.
const certaintyStatements: Record<StudyCertainty, string> = {
  high: 'We are confident in the evidence',
  moderate: 'We are moderately confident in the evidence',
  low: 'We have little confidence in the evidence',
  'very-low': 'We are not confident in the evidence',
};

/** The plain-language sentence for a certainty level, e.g. "We have little confidence in the evidence". */
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
  'systematic review': 'Researchers searched for all the studies on one question, judged them and combined their results.',
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
