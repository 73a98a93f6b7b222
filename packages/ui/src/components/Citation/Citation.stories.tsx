import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReferenceList } from '../ReferenceList/ReferenceList';
import { seedReference } from '../ReferenceList/seedReferences';
import { formatVancouver } from '../ReferenceList/vancouver';
import { Citation } from './Citation';

const meta = {
  title: 'Components/Citation',
  component: Citation,
  tags: ['autodocs'],
  args: { numbers: [1], id: 'cite-1' },
  argTypes: {
    numbers: {
      control: 'object',
      description: 'Cited reference numbers. Sorted and de-duplicated; runs of three or more become a range.',
    },
    referenceIdPrefix: { control: 'text' },
    preview: { control: 'text' },
    id: { control: 'text', description: 'The marker’s own id: the reference list links back to it.' },
  },
  // A citation only makes sense after a claim, so every story shows it at the end of a sentence.
  render: (args) => (
    <p>
      Repeated surgery is a viable option for patients who have clinical manifestations of recurrent disc
      herniation.
      <Citation {...args} />
    </p>
  ),
  parameters: {
    docs: {
      description: {
        component: `
A superscript citation marker in Vancouver style: after the claim it supports, one link per
reference to its entry in the **ReferenceList** (\`#ref-N\`). Screen readers hear
"Reference 3" or "References 3–5", never a bare digit. Numbers are sorted; \`[1, 2]\` shows
two links "1,2" and a run of three or more (\`[3, 4, 5]\`) one link "3–5".

**Use it** for every claim a study backs, right after the sentence's punctuation, with an \`id\`
(e.g. \`cite-3\`, \`cite-3-b\`) so the reference list can link back.

**Add a \`preview\`** (the reference in short form, plain text) when readers benefit from seeing
the source without leaving the paragraph. It is an HTML interest invoker with a hint popover:
it opens on hover, keyboard focus or long-press and closes with Escape, needs no JavaScript, and
in browsers without support the marker stays a plain link to the reference.

**Do not use it** for footnotes that are not references, for links to other pages (use a normal
link), or for numbers that are part of the text (doses, percentages). Keep preview content
free of links and buttons: a tooltip cannot be entered with the keyboard.
        `,
      },
    },
  },
} satisfies Meta<typeof Citation>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One reference. */
export const Single: Story = {};

/** Two references: two links, separated by a comma. */
export const Group: Story = { args: { numbers: [1, 2], id: 'cite-1-2' } };

/** Three or more consecutive references collapse into one range link, named "References 3–5". */
export const Range: Story = { args: { numbers: [3, 4, 5], id: 'cite-3-5' } };

/** Ranges and single references together; input order does not matter. */
/** A pinpoint in the source (Pandoc's `[@key, p. 12]`): "3, p. 12". */
export const WithLocator: Story = { args: { numbers: [3], locators: ['p. 12'], id: 'cite-locator' } };

export const GroupWithRange: Story = { args: { numbers: [8, 3, 1, 4, 5], id: 'cite-mixed' } };

/** Two-digit numbers use tabular figures so 12, 30 and 10–12 sit evenly in the line. */
export const TwoDigitNumbers: Story = {
  render: () => (
    <>
      <p>
        A long review cites its twelfth source here.
        <Citation numbers={[12]} id="cite-12" /> And its thirtieth here.
        <Citation numbers={[30]} id="cite-30" />
      </p>
      <p>
        A claim backed by a run of sources.
        <Citation numbers={[10, 11, 12]} id="cite-10-12" /> One backed by two distant ones.
        <Citation numbers={[9, 30]} id="cite-9-30" /> And one at the crossing from one to two digits.
        <Citation numbers={[9, 10]} id="cite-9-10" />
      </p>
    </>
  ),
};

/**
 * With a preview of the reference: hover the marker, focus it with Tab, or long-press it on a
 * touch screen; Escape closes it. Screen readers get the preview as the link's description.
 */
export const WithPreview: Story = {
  args: { numbers: [3], id: 'cite-3', preview: formatVancouver(seedReference(3)) },
  render: (args) => (
    <p>
      Of 183 second opinions seen over 20 months, the second opinion surgeon documented that previous spine
      surgeons recommended were “unnecessary” (60.7%) or the “wrong” surgery (33.3%).
      <Citation {...args} />
    </p>
  ),
};

const contextReferences = [1, 2, 3, 6].map((number) => ({
  ...seedReference(number),
  backlinks: [`cite-${number}`],
}));

const preview = (number: number) => formatVancouver(seedReference(number));

/** Paragraphs of the seed article with their markers, previews and the matching references. */
export const InContext: Story = {
  render: () => (
    <article>
      <p>
        “Repeated surgery is a viable option for patients who have clinical manifestations of recurrent disc
        herniation. Supplementing repeated discectomies (surgeries to remove disc material) and decompression
        with (spinal) fusion provide superior clinical outcomes, especially in patients with clinical and
        radiological signs (an MRI) of lumbar segment instability.”
        <Citation numbers={[1]} id="cite-1" preview={preview(1)} />
      </p>
      <p>
        Many studies, including one in the journal Spine, suggest that repeated surgery should be avoided in
        these patients, and pain medications as well, as there is little or no evidence that these two
        “solutions” will offer the patient comfort.
        <Citation numbers={[2]} id="cite-2" preview={preview(2)} />
      </p>
      <p>
        Of 183 second opinions seen over 20 months, the second opinion surgeon documented that previous spine
        surgeons recommended were “unnecessary” (60.7%) or the “wrong” surgery (33.3%).
        <Citation numbers={[3]} id="cite-3" preview={preview(3)} />
      </p>
      <p>
        The potential use of stem cells for treating intervertebral disc degeneration has been promising,
        with studies showing proof of disc matrix reconstitution, increased cell viability and tissue
        regeneration in several experimental settings.
        <Citation numbers={[6]} id="cite-6" preview={preview(6)} /> In simple terms – repair.
      </p>
      <ReferenceList references={contextReferences} />
    </article>
  ),
};
