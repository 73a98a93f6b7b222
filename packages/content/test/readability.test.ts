import { describe, expect, it } from 'vitest';
import { compileArticle } from '../src/index.js';
import type { Article } from '../src/index.js';
import { gradeOf, measureText, readingAgeOf } from '../src/readability/measure.js';
import { now, seedSource } from './helpers.js';

function compile(body: string, readability: Parameters<typeof compileArticle>[1]['readability'] = true): Article {
  const source = `---
title: T
description: D
category: C
published: 2024-01-01
references:
  - id: a2020
    authors: [Doe J]
    title: Extraordinarily multisyllabic epidemiological investigations of intervertebral degeneration
    year: 2020
---

${body}
`;
  return compileArticle(source, { path: 'plain.md', now, readability });
}

const hard =
  'Intervertebral disc degeneration, characterised by progressive extracellular matrix deterioration, necessitates comprehensive multidisciplinary evaluation incorporating radiological investigations, neurological examination and individualised rehabilitation programmes administered collaboratively.';
const easy = 'Your back can hurt for a long time after an operation. This is common. Many people get better with time, rest and gentle walks. Ask your doctor what is right for you, and take the pills they give you as they say.';

describe('measuring text', () => {
  it('counts sentences, words and syllables, and applies the Flesch–Kincaid formula', () => {
    const measure = measureText('The cat sat on the mat. It was happy.');
    expect(measure).toMatchObject({ sentences: 2, words: 9, syllables: 10, longWords: 0, passive: 0 });
    expect(measure.grade).toBeCloseTo(Math.round((0.39 * (9 / 2) + 11.8 * (10 / 9) - 15.59) * 10) / 10, 5);
    expect(gradeOf({ sentences: 0, words: 0, syllables: 0 })).toBeNaN();
    expect(readingAgeOf(8)).toBe(13);
  });

  it('finds passive voice, long words and plainer alternatives', () => {
    const measure = measureText('The patients were examined by a neurosurgeon. Half were quickly included. He was sent home after the previous operation.');
    // "sent" is retext-passive's (irregular participles); "were examined", "were quickly included" are regular.
    expect(measure.passivePhrases.sort()).toEqual(['examined', 'included', 'sent']);
    expect(measure.passive).toBe(3);
    expect(measure.longWordList).toEqual(['examined', 'neurosurgeon', 'included', 'previous', 'operation']);
    expect(measure.simpler).toContain('previous → earlier');
  });

  it('does not count numbers as hard words', () => {
    expect(measureText('Of 274 patients, 17% had surgery.').longWords).toBe(1);
  });
});

describe('hardest sentence and allowed words', () => {
  it('names the sentence with the highest grade', () => {
    const measure = measureText(`Take a walk each day. ${hard} Rest when you need to.`);
    expect(measure.hardestSentence?.text).toBe(hard);
    expect(measure.hardestSentence?.grade).toBe(measure.hardestSentence && Math.max(measure.grade, measure.hardestSentence.grade));
    const paragraph = compile(`Take a walk each day. Rest when you need to. ${hard}:cite[a2020]`).readability?.paragraphs[0];
    expect(paragraph?.hardestSentence).toBe(hard);
    expect(paragraph?.hardestSentenceGrade).toBeGreaterThan(paragraph?.grade ?? Number.POSITIVE_INFINITY);
  });

  it('does not count allowed words (a site’s medical terms) as hard words, plurals included', () => {
    const text = 'Prolotherapy injections helped. Intervertebral discs heal slowly.';
    const plain = measureText(text);
    expect(plain.longWordList).toEqual(['Prolotherapy', 'injections', 'Intervertebral']);
    const allowed = measureText(text, { allow: new Set(['prolotherapy', 'intervertebral', 'injection']) });
    expect(allowed.longWordList).toEqual([]);
    expect(allowed.syllables).toBeLessThan(plain.syllables);
    expect(allowed.grade).toBeLessThan(plain.grade);
    // Through the compile, from site.yml's `readability.allow` (any case, words of a phrase).
    const listed = compile(`${hard}:cite[a2020]`, { allow: ['Intervertebral disc degeneration', 'characterised'] });
    expect(listed.diagnostics.find((diagnostic) => diagnostic.ruleId === 'readability-paragraph')?.message).toMatch(/long words “progressive”, “extracellular”, “deterioration”…/);
  });
});

describe('the readability report', () => {
  it('warns at a paragraph above the target grade, with what makes it hard', () => {
    const article = compile(`${easy}\n\n${hard}:cite[a2020]`);
    const warnings = article.diagnostics.filter((diagnostic) => diagnostic.ruleId.startsWith('readability'));
    expect(warnings.map((diagnostic) => [diagnostic.ruleId, diagnostic.line, diagnostic.column])).toEqual([
      ['readability-article', 1, 1],
      ['readability-paragraph', 15, 1],
    ]);
    expect(warnings[1]?.message).toMatch(
      /^Paragraph reads at grade \d+(\.\d)? \(reading age \d+\), above the target grade 8: 24 words per sentence; long words “Intervertebral”, “degeneration”, “characterised”…; hardest sentence \(grade [\d.]+\): “Intervertebral disc degeneration, characterised by progressive .+ administered collaboratively\.”$/,
    );
    expect(article.readability?.paragraphs.map((paragraph) => paragraph.line)).toEqual([13, 15]);
    expect(article.readability?.paragraphs[0]?.grade).toBeLessThan(8);
    expect(article.readability?.paragraphsAboveTarget).toBe(1);
  });

  it('the target is configurable, and short paragraphs are measured but not warned about', () => {
    expect(compile(`${hard}:cite[a2020]`, { targetGrade: 60 }).diagnostics).toEqual([]);
    const short = compile('Degenerative intervertebral osteoarthritis.:cite[a2020]');
    expect(short.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['readability-article']);
    expect(compile(easy + ':cite[a2020]').diagnostics).toEqual([]);
  });

  it('leaves out headings, quotations, citation markers and reference titles', () => {
    const withExtras = compile(
      `## ${hard}\n\n${easy}[@a2020]\n\n> ${hard}\n\n:::pullquote{cite=a2020}\n${hard}\n:::\n\nThey said: “${hard}”`,
    );
    const plain = compile(`${easy}\n\nThey said:`);
    expect(withExtras.readability).toMatchObject({ words: plain.readability?.words, sentences: plain.readability?.sentences, grade: plain.readability?.grade });
    expect(withExtras.diagnostics.filter((diagnostic) => diagnostic.ruleId.startsWith('readability'))).toEqual([]);
  });

  it('measures at most 100,000 characters of prose, and says so', () => {
    const article = compile(Array.from({ length: 40 }, () => easy.repeat(20)).join('\n\n'));
    expect(article.readability?.complete).toBe(false);
    expect(article.readability?.paragraphs.length).toBeLessThan(40);
    expect(article.readability?.words).toBeGreaterThan(10_000);
  });

  it('is off unless asked for', () => {
    const article = compile(hard, false);
    expect(article.readability).toBeUndefined();
    expect(article.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['reference-unused']);
  });

  it("reports the seed article's honest figures: well above grade 8", () => {
    const seed = compileArticle(seedSource(), { path: 'failed-back-surgery-syndrome.md', now, readability: true });
    const { paragraphs, ...figures } = seed.readability ?? { paragraphs: [] };
    // The clinic's prose, and the editor's key points, care cards and study callouts.
    expect(figures).toEqual({
      sentences: 70,
      words: 1380,
      syllables: 2441,
      longWords: 296,
      passive: 13,
      grade: 13,
      readingAge: 18,
      wordsPerSentence: 19.7,
      longWordPercent: 21.4,
      targetGrade: 8,
      paragraphsAboveTarget: 28,
      complete: true,
    });
    expect(paragraphs).toHaveLength(47);
    expect(seed.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'readability-paragraph')).toHaveLength(28);
    // Each flagged paragraph names its hardest sentence, where a rewrite should start.
    for (const warning of seed.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'readability-paragraph')) {
      expect(warning.message).toMatch(/; hardest sentence \(grade [\d.]+\): “.+”$/);
    }
    expect(seed.ok).toBe(true);
  });
});

describe('readability suggestions never swap a word for one of another sense', () => {
  it.each([
    ['Rest helps however bad their X-ray looks.', 'however'],
    ['Side effects are rare after the injection.', 'effect'],
    ['The effect of the injection lasted a year.', 'effect'],
    ['Tests showed normal kidney function after surgery.', 'function'],
    ['People with type 2 diabetes heal more slowly.', 'type'],
  ])('%j gives no suggestion for %s', async (text, word) => {
    const { measureText } = await import('../src/readability/measure.js');
    expect(measureText(text).simpler.filter((swap) => swap.toLowerCase().startsWith(word))).toEqual([]);
  });

  it('still suggests the plain word where it fits', async () => {
    const { measureText } = await import('../src/readability/measure.js');
    expect(measureText('It hurt. However, it passed.').simpler).toContain('However → but / yet');
  });
});
