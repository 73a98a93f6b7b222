import { seedReference, seedReferences } from './seedReferences';
import { formatAuthors, formatVancouver, vancouverParts, type ReferenceData } from './vancouver';

const twelveAuthors = [
  'Alder A', 'Birch B', 'Cedar C', 'Dogwood D', 'Elm E', 'Fir F',
  'Ginkgo G', 'Hazel H', 'Ivy I', 'Juniper J', 'Kapok K', 'Larch L',
];

describe('formatAuthors', () => {
  it('lists a single author as is', () => {
    expect(formatAuthors(['Bodiu A'])).toBe('Bodiu A');
  });

  it('lists up to six authors separated by commas', () => {
    expect(formatAuthors(seedReference(2).authors ?? [])).toBe(
      'Amirdelfan K, Webster L, Poree L, Sukul V, McRoberts P',
    );
    expect(formatAuthors(twelveAuthors.slice(0, 6))).toBe('Alder A, Birch B, Cedar C, Dogwood D, Elm E, Fir F');
  });

  it('lists the first six of more than six authors, then "et al."', () => {
    expect(formatAuthors(seedReference(4).authors ?? [])).toBe(
      'Verwoerd AJ, Peul WC, Willemsen SP, Koes BW, Vleggeert-Lankamp CL, El Barzouhi A, et al.',
    );
    expect(formatAuthors(twelveAuthors)).toBe('Alder A, Birch B, Cedar C, Dogwood D, Elm E, Fir F, et al.');
    expect(formatAuthors(twelveAuthors.slice(0, 7))).toMatch(/Fir F, et al\.$/);
  });

  it('returns an empty string for no authors and ignores blank names', () => {
    expect(formatAuthors([])).toBe('');
    expect(formatAuthors(['  ', 'Patel R '])).toBe('Patel R');
  });
});

describe('formatVancouver with the seed references', () => {
  it('formats a one-author journal article with date range, volume, issue and pages', () => {
    expect(formatVancouver(seedReference(1))).toBe(
      'Bodiu A. Diagnosis and operatory treatment of the patients with failed back surgery caused by herniated disk relapse. J Med Life. 2014 Oct-Dec;7(4):533-7.',
    );
  });

  it('formats a volume without issue', () => {
    expect(formatVancouver(seedReference(2))).toBe(
      'Amirdelfan K, Webster L, Poree L, Sukul V, McRoberts P. Treatment Options for Failed Back Surgery Syndrome Patients With Refractory Chronic Pain: An Evidence Based Approach. Spine. 2017 Jul 15;42:S41-52.',
    );
  });

  it('keeps a title ending in a question mark without adding a full stop, and adds the DOI', () => {
    expect(formatVancouver(seedReference(3))).toBe(
      'Epstein NE. Are recommended spine operations either unnecessary or too complex? Evidence from second opinions. Surg Neurol Int. 2013 Oct 29;4(Suppl 5):S353-8. doi: 10.4103/2152-7806.120774.',
    );
  });

  it('shortens eight authors to six and "et al."', () => {
    expect(formatVancouver(seedReference(4))).toBe(
      'Verwoerd AJ, Peul WC, Willemsen SP, Koes BW, Vleggeert-Lankamp CL, El Barzouhi A, et al. Diagnostic accuracy of history taking to assess lumbosacral nerve root compression. Spine J. 2013 Dec 7. doi: 10.1016/j.spinee.2013.11.049.',
    );
  });

  it('formats year, volume and article number without an issue', () => {
    expect(formatVancouver(seedReference(5))).toBe(
      'Weiner BK, Patel R. The accuracy of MRI in the detection of Lumbar Disc Containment. Journal of Orthopaedic Surgery and Research. 2008;3:46.',
    );
  });

  it('formats pages straight after the date when volume and issue are missing (ref 7, cut short)', () => {
    expect(formatVancouver(seedReference(7))).toBe(
      'Pettine KA, Suzuki RK, Sand TT, Murphy MB. Autologous bone marrow concentrate intradiscal injection for the treatment of degenerative disc disease with three-year follow-up. International Orthopaedics. 2017 Jul 26:1-7.',
    );
  });

  it('formats a reference without authors, starting with its title (ref 8)', () => {
    expect(formatVancouver(seedReference(8))).toBe(
      'Lumbosacral prolotherapy: a before-and-after study in an NHS setting. International Musculoskeletal Medicine. 2013:7-12. doi: 10.1179/1753615412Y.0000000002.',
    );
  });

  it('does not put the editorial note into the citation text', () => {
    expect(formatVancouver(seedReference(9))).not.toContain('abstract');
    expect(formatVancouver(seedReference(9))).toBe(
      'Wilkinson HA. Injection therapy for enthesopathies causing axial spine pain and the "failed back syndrome": a single blinded, randomized and cross-over study. Pain Physician. 2005 Apr;8(2):167-73.',
    );
  });

  it('never leaves doubled or stray punctuation in any seed reference', () => {
    for (const ref of seedReferences) {
      const text = formatVancouver(ref);
      expect(text).not.toMatch(/\.\.|\s[.,;:]|;;|::|\s{2}/);
      expect(text.endsWith('.')).toBe(true);
    }
  });
});

describe('formatVancouver with missing or optional fields', () => {
  const base: ReferenceData = { id: 'x', number: 1 };

  it('renders only what exists: URL only', () => {
    expect(formatVancouver({ ...base, url: 'https://example.org/guidance' })).toBe(
      'Available from: https://example.org/guidance',
    );
  });

  it('renders a title and year with no stray separators', () => {
    expect(formatVancouver({ ...base, title: 'Low back pain', year: 2020 })).toBe('Low back pain. 2020.');
  });

  it('drops the month when the year is unknown, and starts at the volume', () => {
    expect(formatVancouver({ ...base, title: 'T', journal: 'J', month: 'Apr', volume: '8', issue: '2', pages: '1-5' })).toBe(
      'T. J. 8(2):1-5.',
    );
  });

  it('formats an issue without a volume and pages without either', () => {
    expect(formatVancouver({ ...base, journal: 'J', year: 2005, issue: '2', pages: '167-73' })).toBe('J. 2005;(2):167-73.');
    expect(formatVancouver({ ...base, journal: 'J', pages: '7-12' })).toBe('J. 7-12.');
  });

  it('returns an empty string for a reference with nothing known', () => {
    expect(formatVancouver(base)).toBe('');
    expect(formatVancouver({ ...base, authors: [], title: '  ' })).toBe('');
  });

  it('adds DOI, PMID and URL in Vancouver order, and strips a doi.org prefix', () => {
    expect(
      formatVancouver({
        ...base,
        authors: ['Patel R'],
        title: 'T',
        journal: 'J',
        year: 2001,
        doi: 'https://doi.org/10.1000/xyz',
        pmid: '123456',
        url: 'https://example.org/t',
      }),
    ).toBe('Patel R. T. J. 2001. doi: 10.1000/xyz. PMID: 123456. Available from: https://example.org/t');
  });

  it('marks web pages and chapters the Vancouver way', () => {
    expect(
      formatVancouver({ ...base, type: 'webpage', title: 'Back pain', journal: 'NHS', year: 2023, url: 'https://www.nhs.uk/' }),
    ).toBe('Back pain [Internet]. NHS. 2023. Available from: https://www.nhs.uk/');
    expect(
      formatVancouver({ ...base, type: 'chapter', authors: ['Patel R'], title: 'Pain', journal: 'Spine care', year: 2019, pages: '12-20' }),
    ).toBe('Patel R. Pain. In: Spine care. 2019. p. 12-20.');
  });

  it('keeps authors ending in "et al." from getting a second full stop', () => {
    expect(formatVancouver({ ...base, authors: twelveAuthors, title: 'T' })).toBe(
      'Alder A, Birch B, Cedar C, Dogwood D, Elm E, Fir F, et al. T.',
    );
  });
});

describe('vancouverParts links', () => {
  it('links the DOI to doi.org and the PMID to PubMed, keeping punctuation outside the link', () => {
    const parts = vancouverParts({ id: 'x', number: 1, doi: '10.1000/a#b', pmid: '42' });
    expect(parts).toEqual([
      { kind: 'doi', text: '10.1000/a#b', before: 'doi: ', href: 'https://doi.org/10.1000/a%23b', after: '.' },
      { kind: 'pmid', text: '42', before: 'PMID: ', href: 'https://pubmed.ncbi.nlm.nih.gov/42/', after: '.' },
    ]);
  });

  it('does not turn a non-web address into a link', () => {
    const [part] = vancouverParts({ id: 'x', number: 1, url: 'javascript:alert(1)' });
    expect(part?.href).toBeUndefined();
    expect(part?.text).toBe('javascript:alert(1)');
  });
});
