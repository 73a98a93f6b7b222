import type { ReferenceData } from './vancouver';

/**
 * The reference list of the seed article ("Treatment options for Failed Back Surgery Syndrome"),
 * as structured data, for stories and tests across the design system.
 *
 * Transcribed from the article's own list (references 1–7), with its defects handled, not hidden:
 * reference 7 is cut short in the source; references 8 and 9 are cited in the text but missing
 * from the list, so they hold only what the public abstracts confirm (no invented authors, volumes
 * or PMIDs) and say so in a note.
 */
export const seedReferences: readonly ReferenceData[] = [
  {
    id: 'bodiu2014',
    number: 1,
    authors: ['Bodiu A'],
    title:
      'Diagnosis and operatory treatment of the patients with failed back surgery caused by herniated disk relapse',
    journal: 'J Med Life',
    year: 2014,
    month: 'Oct-Dec',
    volume: '7',
    issue: '4',
    pages: '533-7',
  },
  {
    id: 'amirdelfan2017',
    number: 2,
    authors: ['Amirdelfan K', 'Webster L', 'Poree L', 'Sukul V', 'McRoberts P'],
    title:
      'Treatment Options for Failed Back Surgery Syndrome Patients With Refractory Chronic Pain: An Evidence Based Approach',
    journal: 'Spine',
    year: 2017,
    month: 'Jul 15',
    volume: '42',
    pages: 'S41-52',
  },
  {
    id: 'epstein2013',
    number: 3,
    authors: ['Epstein NE'],
    title: 'Are recommended spine operations either unnecessary or too complex? Evidence from second opinions',
    journal: 'Surg Neurol Int',
    year: 2013,
    month: 'Oct 29',
    volume: '4',
    issue: 'Suppl 5',
    pages: 'S353-8',
    doi: '10.4103/2152-7806.120774',
  },
  {
    id: 'verwoerd2013',
    number: 4,
    authors: [
      'Verwoerd AJ',
      'Peul WC',
      'Willemsen SP',
      'Koes BW',
      'Vleggeert-Lankamp CL',
      'El Barzouhi A',
      'Luijsterburg PA',
      'Verhagen AP',
    ],
    title: 'Diagnostic accuracy of history taking to assess lumbosacral nerve root compression',
    journal: 'Spine J',
    year: 2013,
    month: 'Dec 7',
    doi: '10.1016/j.spinee.2013.11.049',
  },
  {
    id: 'weiner2008',
    number: 5,
    authors: ['Weiner BK', 'Patel R'],
    title: 'The accuracy of MRI in the detection of Lumbar Disc Containment',
    journal: 'Journal of Orthopaedic Surgery and Research',
    year: 2008,
    volume: '3',
    pages: '46',
  },
  {
    id: 'vadala2016',
    number: 6,
    authors: ['Vadalà G', 'Russo F', 'Ambrosio L', 'Papalia R', 'Denaro V'],
    title: 'Mesenchymal stem cells for intervertebral disc regeneration',
    journal: 'J Biol Regul Homeost Agents',
    year: 2016,
    month: 'Oct-Dec',
    volume: '30',
    issue: '4 Suppl 1',
    pages: '173-179',
  },
  {
    id: 'pettine2017',
    number: 7,
    authors: ['Pettine KA', 'Suzuki RK', 'Sand TT', 'Murphy MB'],
    title:
      'Autologous bone marrow concentrate intradiscal injection for the treatment of degenerative disc disease with three-year follow-up',
    journal: 'International Orthopaedics',
    year: 2017,
    month: 'Jul 26',
    pages: '1-7',
    note: 'The source list is cut short after this entry; the rest of it was lost.',
  },
  {
    id: 'prolotherapy-nhs-2013',
    number: 8,
    title: 'Lumbosacral prolotherapy: a before-and-after study in an NHS setting',
    journal: 'International Musculoskeletal Medicine',
    year: 2013,
    pages: '7-12',
    doi: '10.1179/1753615412Y.0000000002',
    note: 'Missing from the source list; identified from the public abstract (published online 18 July 2013). Authors and volume not confirmed.',
  },
  {
    id: 'wilkinson2005',
    number: 9,
    authors: ['Wilkinson HA'],
    title:
      'Injection therapy for enthesopathies causing axial spine pain and the "failed back syndrome": a single blinded, randomized and cross-over study',
    journal: 'Pain Physician',
    year: 2005,
    month: 'Apr',
    volume: '8',
    issue: '2',
    pages: '167-73',
    note: 'Missing from the source list; identified from the public abstract, not confirmed to be the clinic’s own reference.',
  },
];

/** The seed reference with the given number (1–9); throws for an unknown number so fixtures stay honest. */
export function seedReference(number: number): ReferenceData {
  const found = seedReferences.find((ref) => ref.number === number);
  if (!found) throw new Error(`The seed article has no reference ${number}`);
  return found;
}
