import type { Meta, StoryObj } from '@storybook/react-vite';
import { BothThemes } from '../../docs/BothThemes';
import { pseudoStates, StateGrid } from '../../docs/states';
import { Prose } from '../Prose';
import { KeyPoints, keyPointsHeadingLevels } from './KeyPoints';
import { ArticleTitle } from '../../docs/ArticleTitle';

// The points restate the seed article's own figures (references 3, 7 and 8), nothing more.
const seedPoints = (
  <ul>
    <li>
      In 183 second opinions, one spine surgeon judged 60.7% of the operations other surgeons had recommended
      “unnecessary” and 33.3% the “wrong” surgery.
    </li>
    <li>
      In a study of 26 people given injections of their own bone marrow concentrate, there were no adverse events from
      taking the marrow or injecting it.
    </li>
    <li>In a UK clinic study, 91% of people who replied were better or no worse 12 months after prolotherapy.</li>
    <li>None of these three studies had a comparison group, so they cannot say which treatment is right for you.</li>
  </ul>
);

const meta = {
  title: 'Components/KeyPoints',
  component: KeyPoints,
  tags: ['status:beta', 'key points', 'summary', 'at a glance', 'tl;dr', 'key messages'],
  args: {
    children: seedPoints,
    // heading and headingLevel are left at their defaults, "Key points" and 2.
  },
  argTypes: {
    headingLevel: {
      control: 'inline-radio',
      options: keyPointsHeadingLevels,
      // react-docgen cannot read `(typeof keyPointsHeadingLevels)[number]`: spell the union out from the array.
      table: { type: { summary: keyPointsHeadingLevels.map((value) => JSON.stringify(value)).join(' | ') } },
    },
    heading: { control: 'text' },
    children: { control: false },
    className: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: `
The article in three to five sentences, before its table of contents: a \`<section>\` named by
its heading ("Key points" by default), so it is in a screen reader's list of landmarks and of
headings. A sunken panel with a thick rule on its leading edge, which prints as a boxed summary.

**Use it** once, at the top of an article, for what a reader must take away, including how sure
the evidence is. **Do not use it** for a table of contents, a teaser, or points the article does
not make.
        `,
      },
    },
  },
} satisfies Meta<typeof KeyPoints>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The seed article's key points, under the default heading "Key points". */
export const Default: Story = { name: 'Key points' };

/** A heading of your own, at level 3. */
export const CustomHeading: Story = {
  name: 'Own heading, level 3',
  args: { heading: 'What this article says', headingLevel: 3 },
};

/** A single paragraph instead of a list. */
export const Paragraph: Story = {
  name: 'One paragraph',
  args: {
    children: (
      <p>
        In the studies this article describes, some people whose back surgery had failed felt better after prolotherapy
        injections; most of these studies had no comparison group.
      </p>
    ),
  },
};

/** Long points: they wrap at 320px and 200% text. */
export const LongText: Story = {
  name: 'Long text',
  args: {
    heading: 'Key points from this article about treatment options for failed back surgery syndrome',
    children: (
      <ul>
        <li>
          Increasingly, patients, spine surgeons, hospitals and insurance carriers should be asking not only whether an
          operation is unnecessary, but also whether it is wrong (for example, overly extensive) or right.
        </li>
        <li>
          Supercalifragilistic-length words and addresses such as https://doi.org/10.4103/2152-7806.120774 wrap instead
          of widening the page.
        </li>
      </ul>
    ),
  },
};

/** Before the table of contents, after the title and byline. */
export const InContext: Story = {
  name: 'In context',
  render: (args, { viewMode }) => (
    <Prose>
      <ArticleTitle viewMode={viewMode}>Treatment options for Failed Back Surgery Syndrome</ArticleTitle>
      <KeyPoints {...args} />
      <nav aria-label="Contents">
        <h2>Contents</h2>
        <ol>
          <li>
            <a href="#more-surgery">Do patients with failed back surgery syndrome want more back surgery?</a>
          </li>
          <li>
            <a href="#mri">Unnecessary surgery because of MRI?</a>
          </li>
        </ol>
      </nav>
    </Prose>
  ),
};

/** A link in the points in every state, in both themes. */
export const States: Story = {
  name: 'States',
  parameters: { pseudo: pseudoStates('a') },
  render: () => (
    <StateGrid>
      {(state, theme) => (
        <KeyPoints heading={`Link ${state === 'default' ? 'at rest' : state}, ${theme} theme`} headingLevel={3}>
          <ul>
            <li>
              These studies were small: <a href="#limits">read what they cannot tell you</a>.
            </li>
          </ul>
        </KeyPoints>
      )}
    </StateGrid>
  ),
};

/** Light and dark side by side. */
export const InBothThemes: Story = {
  name: 'Both themes',
  render: (args) => <BothThemes>{(theme) => <KeyPoints {...args} heading={`Key points (${theme} theme)`} headingLevel={3} />}</BothThemes>,
};
