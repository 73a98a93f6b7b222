import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef, type ReactNode } from 'react';
import { pseudoStates, StateGrid } from '../../docs/states';
import { ReferenceList } from '../ReferenceList/ReferenceList';
import { seedReference } from '../ReferenceList/seedReferences';
import { formatVancouver } from '../ReferenceList/vancouver';
import { Citation } from './Citation';

const meta = {
  title: 'Components/Citation',
  component: Citation,
  // Status, then the words designers search with (the sidebar's tag filter lists them).
  tags: ['status:stable', 'citation', 'footnote', 'reference marker', 'superscript', 'evidence', 'source'],
  args: { numbers: [1], id: 'cite-1' },
  argTypes: {
    numbers: {
      control: 'object',
      description: 'Cited reference numbers. Sorted and de-duplicated; runs of three or more become a range.',
    },
    referenceIdPrefix: { control: 'text' },
    preview: { control: 'text' },
    // Set for the docs pages' props table; the component's other <sup> attributes pass through.
    className: { table: { disable: true } },
    id: { control: 'text', description: 'The marker’s own id: the reference list links back to it.' },
  },
  // A citation only makes sense after a claim, so every story shows it at the end of a sentence.
  render: (args) => (
    <p>
      Repeat surgery is one option when a disc herniation comes back.
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
export const Single: Story = { name: 'Single reference' };

/** Two references: two links, separated by a comma. */
export const Group: Story = { name: 'Two references', args: { numbers: [1, 2], id: 'cite-1-2' } };

/** Three or more consecutive references collapse into one range link, named "References 3–5". */
export const Range: Story = { name: 'Range', args: { numbers: [3, 4, 5], id: 'cite-3-5' } };

/** A pinpoint in the source (Pandoc's `[@key, p. 12]`): "3, p. 12". */
export const WithLocator: Story = { name: 'With a locator', args: { numbers: [3], locators: ['p. 12'], id: 'cite-locator' } };

/** Ranges and single references together; input order does not matter. */
export const GroupWithRange: Story = { name: 'Group with a range', args: { numbers: [8, 3, 1, 4, 5], id: 'cite-mixed' } };

/** Two-digit numbers use tabular figures so 12, 30 and 10–12 sit evenly in the line. */
export const TwoDigitNumbers: Story = {
  name: 'Two-digit numbers',
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
  name: 'With a preview',
  args: { numbers: [3], id: 'cite-3', preview: formatVancouver(seedReference(3)) },
  render: (args) => (
    <p>
      In one surgeon’s review of 183 second opinions over 20 months, 60.7% of the operations other surgeons had
      recommended were judged unnecessary.
      <Citation {...args} />
    </p>
  ),
};

const contextReferences = [1, 2, 3, 6].map((number) => ({
  ...seedReference(number),
  backlinks: [`cite-${number}`],
}));

const preview = (number: number) => formatVancouver(seedReference(number));

/**
 * Model evidence writing: each claim says who found what, how sure it is, and ends with its
 * marker; the previews and the reference list match the markers.
 */
export const InContext: Story = {
  name: 'In context',
  render: () => (
    <article>
      <p>
        Repeat surgery is one option when a disc herniation comes back, and adding spinal fusion may help people whose
        spine is unstable at that level on imaging.
        <Citation numbers={[1]} id="cite-1" preview={preview(1)} />
      </p>
      <p>
        Other authors urge caution: for failed back surgery syndrome there is little evidence that more surgery or
        long-term pain medication makes people more comfortable.
        <Citation numbers={[2]} id="cite-2" preview={preview(2)} />
      </p>
      <p>
        In one surgeon’s review of 183 second opinions over 20 months, 60.7% of the operations other surgeons had
        recommended were judged unnecessary and 33.3% the wrong operation. This is one reviewer’s judgement, not a
        trial.
        <Citation numbers={[3]} id="cite-3" preview={preview(3)} />
      </p>
      <p>
        Laboratory and animal studies of stem cells for worn discs report signs of disc tissue repair; they do not yet
        show that patients benefit.
        <Citation numbers={[6]} id="cite-6" preview={preview(6)} />
      </p>
      <ReferenceList references={contextReferences} />
    </article>
  ),
};

/** Opens the preview of the first marker inside it once rendered, as hovering it would. */
function OpenPreview({ children }: { children: ReactNode }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const link = container.current?.querySelector('a');
    const card = container.current?.querySelector<HTMLElement>('[popover]');
    // jsdom has no popovers; browsers without them show the plain link, as readers would see.
    if (!link || !card || typeof card.showPopover !== 'function') return;
    // `source` makes the link the card's anchor, as `interestfor` does on hover.
    (card.showPopover as (options?: { source?: HTMLElement }) => void)({ source: link });
    return () => {
      if (card.matches(':popover-open')) card.hidePopover();
    };
  }, []);
  return <div ref={container}>{children}</div>;
}

/**
 * The preview card open, as a reader sees it on hover, keyboard focus or long-press: the
 * reference in short form, under the marker, never covering the sentence it supports.
 */
export const PreviewOpen: Story = {
  name: 'Preview open',
  args: { numbers: [3], id: 'cite-3-open', preview: formatVancouver(seedReference(3)) },
  render: (args) => (
    // Room below the paragraph for the card, which opens under the marker.
    <OpenPreview>
      <p style={{ marginBlockEnd: '12rem' }}>
        In one surgeon’s review of 183 second opinions, 60.7% of recommended operations were judged unnecessary.
        <Citation {...args} />
      </p>
    </OpenPreview>
  ),
};

/**
 * Every state of the marker's link in both themes: hover thickens the underline and darkens the
 * colour, keyboard focus adds the 3px ring, a visited reference turns purple.
 */
export const States: Story = {
  name: 'States',
  parameters: { pseudo: pseudoStates('a') },
  render: () => (
    <StateGrid>
      {(state, theme) => (
        <p style={{ margin: 0 }}>
          Adding fusion may help when the spine is unstable.
          <Citation numbers={[1]} id={`cite-state-${state}-${theme}`} />
        </p>
      )}
    </StateGrid>
  ),
};

/** Right to left (the toolbar's Direction): the marker sits after the words it supports, on their left. */
export const InContextRightToLeft: Story = { ...InContext, name: 'In context, right to left', globals: { direction: 'rtl' } };
