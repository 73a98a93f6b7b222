import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { compileArticle, searchDocFromMarkdown } from '../src/index.js';
import { elements, now, seedSource } from './helpers.js';

const seed = compileArticle(seedSource(), { path: 'failed-back-surgery-syndrome.md', now });
const all = elements(seed.hast);
const citations = all.filter((element) => element.tagName === 'cited-citation');
const studies = all.filter((element) => element.tagName === 'cited-study');
const pullquotes = all.filter((element) => element.tagName === 'cited-pullquote');

/** Marker ids and numbers from standalone citations and from containers that cite their source. */
function markers(): { id: string; numbers: number[] }[] {
  return all.flatMap((element) => {
    if (element.tagName === 'cited-citation') {
      return [{ id: String(element.properties.id), numbers: String(element.properties.dataNumbers).split(' ').map(Number) }];
    }
    if (typeof element.properties.dataCitationId === 'string') {
      return [{ id: element.properties.dataCitationId, numbers: String(element.properties.dataCitationNumbers).split(' ').map(Number) }];
    }
    return [];
  });
}

describe('the seed article', () => {
  it('compiles without errors, with only the honest warnings', () => {
    expect(seed.ok).toBe(true);
    expect(seed.diagnostics.map((diagnostic) => `${diagnostic.ruleId} ${diagnostic.line}`)).toEqual([
      // Reference 8: authors are not known (README), so it is incomplete rather than invented.
      expect.stringMatching(/^reference-incomplete \d+$/),
      // The copy gives these figures without a citation marker of their own.
      expect.stringMatching(/^claim-without-citation \d+$/),
      expect.stringMatching(/^claim-without-citation \d+$/),
      expect.stringMatching(/^claim-without-citation \d+$/),
    ]);
    expect(seed.diagnostics[0]?.message).toContain('nhsprolotherapy2013');
    expect(seed.diagnostics.slice(1).map((diagnostic) => diagnostic.message)).toEqual([
      expect.stringContaining('"17%"'),
      expect.stringContaining('"44.5%"'),
      expect.stringContaining('"86%"'),
    ]);
  });

  it('has the metadata from the frontmatter', () => {
    expect(seed.meta).toMatchObject({
      title: 'Treatment options for Failed Back Surgery Syndrome',
      slug: 'failed-back-surgery-syndrome',
      category: 'Back pain',
      author: 'magaziner-center', // an id in the site's people.yml
      cta: { href: '/contact', label: 'Contact us' },
    });
    expect(seed.meta.reviewedBy).toBeUndefined();
  });

  it('numbers references in order of first citation: the NHS pages of the care cards, then the copy’s 1 to 9', () => {
    expect(seed.references.map((reference) => `${reference.number} ${reference.id}`)).toEqual([
      '1 nhscaudaequina',
      '2 nhsbackpain',
      '3 bodiu2014',
      '4 amirdelfan2017',
      '5 epstein2013',
      '6 verwoerd2013',
      '7 weiner2008',
      '8 vadala2016',
      '9 pettine2017',
      '10 nhsprolotherapy2013',
      '11 wilkinson2005',
    ]);
    const firstUse: number[] = [];
    for (const marker of markers()) for (const number of marker.numbers) if (!firstUse.includes(number)) firstUse.push(number);
    expect(firstUse).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('resolves every citation and links markers and references both ways', () => {
    const found = markers();
    expect(found.map((marker) => marker.id)).toEqual(found.map((_, index) => `cite-${index + 1}`));
    const byNumber = new Map(seed.references.map((reference) => [reference.number, reference]));
    for (const marker of found) {
      for (const number of marker.numbers) expect(byNumber.get(number)?.backlinks).toContain(marker.id);
    }
    for (const reference of seed.references) {
      expect(reference.backlinks?.length).toBeGreaterThan(0);
      for (const backlink of reference.backlinks ?? []) {
        expect(found.find((marker) => marker.id === backlink)?.numbers).toContain(reference.number);
      }
    }
    // The fallback links inside each marker point at the reference entries.
    for (const citation of citations) {
      const hrefs = elements({ type: 'root', children: [citation] }).filter((element) => element.tagName === 'a');
      expect(hrefs.map((link) => link.properties.href)).toEqual(
        String(citation.properties.dataNumbers).split(' ').map((number) => `#ref-${number}`),
      );
    }
  });

  it('turns every study figure into a callout carrying its figure and sample size', () => {
    expect(studies.map((study) => [study.properties.dataFigure, study.properties.dataSampleSize])).toEqual([
      ['17%', '274'],
      ['44.5%', '155'],
      ['60.7%', '183'],
      // No callout for the Verwoerd study: its only figure in the copy (395) is the sample size.
      ['2 ml', '26'],
      ['91%', '197'],
      // The Pain Physician study's sample size is not in the copy or the README: not invented.
      ['86%', undefined],
    ]);
    for (const study of studies) expect(study.properties.dataCitationId).toMatch(/^cite-\d+$/);
  });

  it('says how certain each study is and what kind of study it was, and shows a dose or a population share as a detail', () => {
    expect(studies.map((study) => [study.properties.dataFigure, study.properties.dataDesign, study.properties.dataCertainty, study.properties.dataFigureRole])).toEqual([
      ['17%', 'case series', 'very-low', undefined],
      ['44.5%', 'case series', 'very-low', undefined],
      ['60.7%', 'case series', 'very-low', undefined],
      ['2 ml', 'case series', 'very-low', 'detail'],
      ['91%', 'before-and-after study', 'very-low', undefined],
      ['86%', 'randomized trial', 'low', 'detail'],
    ]);
  });

  it('has key points, out of the body, of at most 6 points of at most 25 words', () => {
    expect(all.some((element) => element.tagName === 'cited-key-points')).toBe(false);
    const points = elements(seed.keyPoints?.hast ?? { type: 'root', children: [] }).filter((element) => element.tagName === 'li');
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.length).toBeLessThanOrEqual(6);
    for (const point of points) expect(toString(point).trim().split(/\s+/).length).toBeLessThanOrEqual(25);
  });

  it('has an emergency and an urgent care card, each cited, each in the table of contents', () => {
    expect(seed.careCards.map((card) => card.level)).toEqual(['emergency', 'urgent']);
    const cards = all.filter((element) => element.tagName === 'cited-care');
    expect(cards.map((card) => card.properties.id)).toEqual(seed.careCards.map((card) => card.id));
    for (const card of seed.careCards) expect(seed.toc.map((entry) => entry.id)).toContain(card.id);
    for (const card of cards) expect(elements({ type: 'root', children: card.children }).some((element) => element.tagName === 'cited-citation')).toBe(true);
    expect(JSON.stringify(cards[0])).toMatch(/bladder or bowels/);
    expect(JSON.stringify(cards[0])).toMatch(/genitals or buttocks/);
    expect(JSON.stringify(cards[0])).toMatch(/weakness in your legs that is getting worse/);
    expect(JSON.stringify(cards[1])).toMatch(/fever/);
    // No telephone number is written into the article: the site's emergency number is the blog's to add.
    expect(JSON.stringify(cards)).not.toMatch(/\b(?:911|999|112)\b/);
  });

  it('discloses that its author sells treatments it discusses, and names no medical reviewer', () => {
    expect(seed.meta.disclosure).toMatch(/offers prolotherapy, platelet-rich plasma \(PRP\) therapy and stem cell therapy/);
    expect(seed.meta.reviewedBy).toBeUndefined();
    expect(seed.meta.lastReviewed).toBeUndefined();
  });

  it('turns the three quotations into pull quotes with their sources', () => {
    expect(pullquotes.map((quote) => [quote.properties.dataAttribution, quote.properties.dataCitationKeys])).toEqual([
      ['Journal of Medicine and Life, 2014', 'bodiu2014'],
      ['Researchers at Southampton General Hospital, England', 'weiner2008'],
      ['Pain Physician, 2005', 'wilkinson2005'],
    ]);
  });

  it('has the call to action, a table of contents and a reading time', () => {
    const cta = all.find((element) => element.tagName === 'cited-cta');
    expect(cta?.properties).toMatchObject({ dataHref: '/contact', dataLabel: 'Contact us', dataHeading: 'Do you have questions about this article?' });
    expect(seed.toc.map((entry) => entry.depth)).toEqual([2, 2, 2, 3, 2, 2, 2, 2, 2, 2]);
    expect(seed.toc[2]).toEqual({
      id: 'do-patients-with-failed-back-surgery-syndrome-want-more-back-surgery',
      text: 'Do patients with failed back surgery syndrome want more back surgery?',
      depth: 2,
    });
    // The care cards come first (before any section), then the headings.
    for (const entry of seed.toc.slice(2)) expect(all.find((element) => element.properties.id === entry.id)?.tagName).toBe(`h${entry.depth}`);
    for (const entry of seed.toc.slice(0, 2)) expect(all.find((element) => element.properties.id === entry.id)?.tagName).toBe('cited-care');
    expect(seed.wordCount).toBeGreaterThan(1400);
    expect(seed.readingTimeMinutes).toBe(Math.round(seed.wordCount / 200));
  });

  it('keeps what is not known out of references 8 and 9', () => {
    const eight = seed.references.find((reference) => reference.id === 'nhsprolotherapy2013');
    const nine = seed.references.find((reference) => reference.id === 'wilkinson2005');
    expect(eight?.authors).toBeUndefined();
    expect(eight?.pmid).toBeUndefined();
    expect(eight?.doi).toBe('10.1179/1753615412Y.0000000002');
    // The editor's notes stay in the source: never in the compiled article.
    expect(eight?.note).toBeUndefined();
    expect(JSON.stringify({ ...seed, diagnostics: [] })).not.toMatch(/probable match|editorNote|cut short/i);
    // Nor in the search index, which is built from the source.
    const text = new TextDecoder().decode(seedSource());
    expect(text).toMatch(/editorNote: Probable match/);
    expect(JSON.stringify(searchDocFromMarkdown(seed.meta, text))).not.toMatch(/probable match|cut short|editing environment/i);
    expect(nine).toMatchObject({ authors: ['Wilkinson HA'], journal: 'Pain Physician', year: 2005 });
    expect(nine?.pmid).toBeUndefined();
    expect(nine?.doi).toBeUndefined();
  });

  it('produces a sanitized tree: no script, no event handlers, no javascript: URLs', () => {
    for (const element of all) {
      expect(['script', 'style', 'iframe', 'object', 'form', 'meta']).not.toContain(element.tagName);
      for (const [name, value] of Object.entries(element.properties)) {
        expect(name.toLowerCase()).not.toMatch(/^on/);
        expect(String(value)).not.toMatch(/^\s*(?:javascript|vbscript|data):/i);
      }
    }
  });
});
