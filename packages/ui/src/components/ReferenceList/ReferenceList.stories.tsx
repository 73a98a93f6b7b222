import type { Meta, StoryObj } from '@storybook/react-vite';
import { pseudoStates, StateGrid } from '../../docs/states';
import { Citation } from '../Citation/Citation';
import { ReferenceList } from './ReferenceList';
import { seedReference, seedReferences } from './seedReferences';
import type { ReferenceData } from './vancouver';

const meta = {
  title: 'Components/ReferenceList',
  component: ReferenceList,
  tags: ['status:stable', 'references', 'bibliography', 'footnotes', 'sources', 'vancouver', 'evidence', 'doi', 'pubmed'],
  args: { references: seedReferences },
  argTypes: {
    references: {
      control: 'object',
      description:
        'The references in citation order, one ReferenceData each (the fields are listed under "ReferenceData, field by field"). An empty list renders nothing.',
    },
    className: { table: { disable: true } },
    heading: { control: 'text' },
    headingLevel: { control: 'inline-radio', options: [2, 3, 4] },
    referenceIdPrefix: { control: 'text' },
  },
  parameters: {
    docs: {
      description: {
        component: `
The numbered reference list at the end of an article, in Vancouver style (the style of medical
journals): authors (six at most, then "et al."), title, journal, date;volume(issue):pages, then
the DOI (linked to doi.org), the PMID (linked to PubMed) and the web address. Missing fields are
left out with their punctuation, so an incomplete reference still reads cleanly, and an editorial
\`note\` can say what is not confirmed instead of inventing data.

Each entry has the id \`ref-N\` that **Citation** markers link to. Give a reference \`backlinks\`
(the ids of the markers that cite it, in document order) and it links back: one "↑" when cited
once, "↑ a b c" when cited more often ("b: back to citation 2 of 3" for screen readers).

**Use it** once per article, after the body, with every reference the text cites, numbered by
first citation. **Do not use it** for further reading or related articles (those are not cited
sources: use a plain list), or for a single source named in a sentence.
        `,
      },
    },
  },
} satisfies Meta<typeof ReferenceList>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The seed article's references. The source list stops during 7; 8 and 9 hold only what the
 * public abstracts confirm, and their notes say so.
 */
export const SeedArticle: Story = { name: 'Seed article' };

const twelveAuthors: ReferenceData = {
  id: 'twelve-authors-example',
  number: 1,
  authors: [
    'Alder A', 'Birch B', 'Cedar C', 'Dogwood D', 'Elm E', 'Fir F',
    'Ginkgo G', 'Hazel H', 'Ivy I', 'Juniper J', 'Kapok K', 'Larch L',
  ],
  title: 'A layout example: a multicentre study with twelve authors',
  journal: 'Example J',
  year: 2024,
  month: 'Mar',
  volume: '12',
  issue: '3',
  pages: '101-9',
  note: 'Invented example to show how many authors are shortened.',
};

/** Vancouver lists six authors and then "et al.", however long the byline. */
export const TwelveAuthors: Story = {
  name: 'Twelve authors',
  args: { references: [twelveAuthors, { ...seedReference(4), number: 2 }] },
};

/** Entries with fields missing: no authors, no pages, no date, or nothing but a web address. */
export const MissingOptionalFields: Story = {
  name: 'Missing optional fields',
  args: {
    references: [
      { ...seedReference(8), number: 1 },
      { id: 'no-pages', number: 2, authors: ['Epstein NE'], title: 'A title known, pages not', journal: 'Surg Neurol Int', year: 2013 },
      { id: 'no-year', number: 3, title: 'Low back pain and sciatica in over 16s: assessment and management', journal: 'NICE guideline NG59' },
      {
        id: 'url-only',
        number: 4,
        url: 'https://www.nice.org.uk/guidance/ng59',
        note: 'Only the address is known.',
      },
    ],
  },
};

/** DOIs and URLs without spaces break anywhere, so a 320px screen never scrolls sideways. */
export const LongLinksOnSmallPhone: Story = {
  name: 'Long links on a small phone',
  args: {
    references: [
      {
        id: 'long-url',
        number: 1,
        type: 'webpage',
        title: 'Low back pain and sciatica in over 16s: assessment and management',
        journal: 'National Institute for Health and Care Excellence',
        year: 2020,
        url: 'https://www.nice.org.uk/guidance/ng59/chapter/Recommendations#non-invasive-treatments-for-low-back-pain-and-sciatica',
      },
      { ...seedReference(8), number: 2 },
    ],
  },
  globals: { viewport: { value: 'mobile', isRotated: false } },
};

const thirtyReferences: ReferenceData[] = Array.from({ length: 30 }, (_, index) => {
  const source = seedReferences[index % seedReferences.length] ?? seedReference(1);
  return { ...source, id: `${source.id}-${index + 1}`, number: index + 1, note: undefined };
});

/** Thirty entries (the seed references repeated): numbers 1–9 and 10–30 align on the full stop. */
export const ThirtyReferences: Story = { name: 'Thirty references', args: { references: thirtyReferences } };

/** A custom heading at level 3, e.g. inside an appendix. */
export const CustomHeading: Story = {
  name: 'Custom heading',
  args: { heading: 'Sources for this article', headingLevel: 3, references: seedReferences.slice(0, 3) },
};

/**
 * Right to left (the toolbar's Direction, set here in the story's globals): numbers, indents and
 * the "↑" backlinks mirror, because the list's CSS uses logical properties.
 */
export const RightToLeft: Story = {
  name: 'Right to left',
  globals: { direction: 'rtl' },
  args: { heading: 'References (right to left)', headingLevel: 3, references: seedReferences.slice(0, 3) },
};

const backlinkedReferences: ReferenceData[] = [
  { ...seedReference(3), number: 1, backlinks: ['cite-epstein-a', 'cite-epstein-b', 'cite-epstein-c'] },
  { ...seedReference(4), number: 2, backlinks: ['cite-verwoerd'] },
];

/**
 * A reference cited three times gets "↑ a b c"; one cited once gets a single "↑". The Epstein
 * paragraphs of the seed article, cited the way an editor would fix them (the source marks
 * only the last).
 */
export const MultipleBacklinks: Story = {
  name: 'Multiple backlinks',
  render: (args) => (
    <article>
      <p>
        Of 274 patients with cervical or lumbar complaints seen in first or second opinion over one year, 17%
        were recommended “unnecessary” spine surgery.
        <Citation numbers={[1]} id="cite-epstein-a" />
      </p>
      <p>
        69 (44.5%) of the 155 second opinion patients seen over a 14-month period were told by outside spine
        surgeons that they needed surgery; the second opinion surgeon found those operations unnecessary.
        <Citation numbers={[1]} id="cite-epstein-b" />
      </p>
      <p>
        Of 183 second opinions seen over 20 months, previous recommendations were “unnecessary” (60.7%) or the
        “wrong” surgery (33.3%).
        <Citation numbers={[1]} id="cite-epstein-c" /> A few history questions had real diagnostic value.
        <Citation numbers={[2]} id="cite-verwoerd" />
      </p>
      <ReferenceList {...args} />
    </article>
  ),
  args: { references: backlinkedReferences },
};

const stateReference: ReferenceData = { ...seedReference(3), number: 1, backlinks: ['cite-state-a', 'cite-state-b'] };

/**
 * The states of an entry's links (DOI, PubMed, backlinks) in both themes: hover thickens the
 * underline, keyboard focus adds the 3px ring, visited links turn purple.
 */
export const States: Story = {
  name: 'States',
  parameters: { pseudo: pseudoStates('a') },
  render: () => (
    <StateGrid>
      {(state, theme) => (
        <ReferenceList
          id={`references-${state}-${theme}`}
          heading={`Links ${state === 'default' ? 'at rest' : state}, ${theme} theme`}
          headingLevel={3}
          referenceIdPrefix={`ref-${state}-${theme}-`}
          references={[stateReference]}
        />
      )}
    </StateGrid>
  ),
};
