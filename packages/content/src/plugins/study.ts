import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import { attribute, hasBody, isOneOf, missing, setElement } from './directive-helpers.js';

export const studyTones = ['finding', 'caution', 'info'] as const;
/** GRADE certainty of the evidence, as @cited/ui's StudyCallout shows it (a sentence and a scale). */
export const studyCertainties = ['high', 'moderate', 'low', 'very-low'] as const;
export type StudyCertainty = (typeof studyCertainties)[number];
/**
 * The designs @cited/ui's StudyCallout explains in a sentence ("Doctors described what happened to a
 * group of patients…"). Kept in step with its `studyDesigns`; anything else is shown as written.
 */
export const studyDesigns = [
  'systematic review',
  'randomized trial',
  'cohort study',
  'case series',
  'before-and-after study',
  'expert opinion',
  'laboratory or animal study',
] as const;
/** `outcome`: the figure is the result (the headline). `detail`: a fact about the study (a dose, the sample). */
export const studyFigureRoles = ['outcome', 'detail'] as const;

/**
 * A dose, volume or concentration ("2 ml", "5 mg", "0.5 mL/kg"): what was given, never what
 * happened. Percentages, counts of patients and "12 of 40" are outcomes as far as this rule knows.
 */
const doseOrVolume = /^[<>≈~]?\s*\d[\d.,]*\s*(?:-\s*\d[\d.,]*\s*)?(?:ml|mL|l|L|cc|µl|μl|ul|mg|g|kg|mcg|µg|μg|ug|iu|IU|units?|mmol|mol|mg\/kg|ml\/kg)\b/i;

/** Why the figure is not an outcome, or undefined when it may be one. */
function notAnOutcome(figure: string, sampleSize: number | undefined): string | undefined {
  const digits = figure.replace(/[,\s]/g, '');
  const leading = /^\d+/.exec(digits)?.[0];
  if (sampleSize !== undefined && leading !== undefined && Number(leading) === sampleSize && /^\d+(?:\p{L}*)$/u.test(digits)) {
    return `it is the sample size (n=${sampleSize})`;
  }
  if (doseOrVolume.test(figure.trim())) return 'it is a dose or volume';
  return undefined;
}

function checkChoice(
  node: ContainerDirective,
  file: VFile,
  name: string,
  choices: readonly string[],
  ruleId: 'directive-invalid-attribute' | 'study-certainty-unknown',
): string | undefined {
  const value = attribute(node, name);
  if (value === undefined || choices.includes(value)) return value;
  report(file, ruleId, `:::study ${name} must be one of ${choices.join(', ')}, not "${value}"${didYouMean(value, choices)}`, node.position);
  return undefined;
}

/** The design in the vocabulary's spelling, or the text as written with a study-design-unknown warning. */
function checkDesign(node: ContainerDirective, file: VFile): string | undefined {
  const design = attribute(node, 'design');
  if (design === undefined) return undefined;
  const known = studyDesigns.find((candidate) => candidate === design.toLowerCase());
  if (known) return known;
  report(
    file,
    'study-design-unknown',
    `:::study design "${design}" is not one of the study designs readers get explained (${studyDesigns.join(', ')})${didYouMean(design, studyDesigns)}; it is shown as written`,
    node.position,
  );
  return design;
}

function sampleSizeOf(node: ContainerDirective, file: VFile): number | undefined {
  const n = attribute(node, 'n');
  if (n === undefined) return undefined;
  const value = /^\d+$/.test(n.replace(/,/g, '')) ? Number(n.replace(/,/g, '')) : Number.NaN;
  if (Number.isSafeInteger(value) && value > 0) return value;
  report(file, 'directive-invalid-attribute', `:::study n must be a positive whole number, not "${n}"`, node.position);
  return undefined;
}

/** What the figure is: the author's `figure-role`, else `detail` when it is plainly not a result. */
function figureRoleOf(node: ContainerDirective, file: VFile, figure: string | undefined, sampleSize: number | undefined): 'outcome' | 'detail' {
  const role = checkChoice(node, file, 'figure-role', studyFigureRoles, 'directive-invalid-attribute');
  if (isOneOf(studyFigureRoles, role)) return role;
  const reason = figure === undefined ? undefined : notAnOutcome(figure, sampleSize);
  if (reason === undefined) return 'outcome';
  // A misspelt figure-role is its own error: the author meant to say what the figure is.
  if (attribute(node, 'figure-role') !== undefined) return 'detail';
  report(
    file,
    'study-figure-not-outcome',
    `:::study figure "${figure}" is not a result (${reason}): it is shown as a detail of the study, not as the headline. Give the result as the figure, or write figure-role=detail`,
    node.position,
  );
  return 'detail';
}

export interface StudyContext {
  label: string | undefined;
  hasCite: boolean;
  /** The citation marker's properties (dataCitationId…), already numbered. */
  citation: Record<string, string>;
}

/** `:::study{cite=… figure=… certainty=… design=…}` → `cited-study`, with the evidence rules. */
export function transformStudy(node: ContainerDirective, file: VFile, context: StudyContext): void {
  const figure = attribute(node, 'figure');
  if (!context.hasCite) missing(file, node, 'needs a `cite` attribute naming the study (e.g. cite=epstein2013)');
  if (!figure) missing(file, node, 'needs a `figure` attribute (e.g. figure="44.5%")');
  if (!hasBody(node)) missing(file, node, 'needs a body: what the figure measured, in plain words');
  const sampleSize = sampleSizeOf(node, file);
  const tone = checkChoice(node, file, 'tone', studyTones, 'directive-invalid-attribute');
  const year = attribute(node, 'year');
  if (year !== undefined && !/^\d{4}$/.test(year)) {
    report(file, 'directive-invalid-attribute', `:::study year must be a four-digit year, not "${year}"`, node.position);
  }
  const certainty = checkChoice(node, file, 'certainty', studyCertainties, 'study-certainty-unknown');
  if (attribute(node, 'certainty') === undefined) {
    report(file, 'study-certainty-missing', ':::study does not say how certain its evidence is: add certainty=high, moderate, low or very-low', node.position);
  }
  const design = checkDesign(node, file);
  const figureRole = figureRoleOf(node, file, figure, sampleSize);

  const properties: Record<string, string> = { ...context.citation };
  if (figure) properties.dataFigure = figure;
  if (sampleSize !== undefined) properties.dataSampleSize = String(sampleSize);
  const title = attribute(node, 'title') ?? context.label;
  if (title) properties.dataTitle = title;
  if (tone) properties.dataTone = tone;
  if (year && /^\d{4}$/.test(year)) properties.dataYear = year;
  if (certainty) properties.dataCertainty = certainty;
  if (design) properties.dataDesign = design;
  if (figureRole === 'detail') properties.dataFigureRole = figureRole;
  for (const [key, property] of [
    ['journal', 'dataJournal'],
    ['population', 'dataPopulation'],
  ] as const) {
    const value = attribute(node, key);
    if (value) properties[property] = value;
  }
  setElement(node, 'cited-study', properties);
}
