import type { Meta, StoryObj } from '@storybook/react-vite';
import { Citation } from '../Citation';
import { Prose } from '../Prose';
import { Pullquote, pullquoteSizes } from './Pullquote';

const bodiuQuote =
  '“Repeated surgery is a viable option for patients who have clinical manifestations of recurrent disc herniation … Supplementing repeated discectomies (surgeries to remove disc material) and decompression with (spinal) fusion provide superior clinical outcomes, especially in patients with clinical and radiological signs (an MRI) of lumbar segment instability.”';

// The source's words; only the missing space after the ellipsis ("institution…Due") is added.
const southamptonQuote =
  '“we found in our study that there is wide variation in diagnosing lumbar disc disease between the Orthopaedic Surgeons and the Radiologists at our institution… Due to this amount of inaccuracy, it is risky to comment on degenerate disc disease on a plain radiograph alone. Therefore MRI scan should only be used to comment on the disc diseases of the low back, as plain radiographs are unreliable.”';

const painPhysicianQuote =
  '“Injection therapy of painful enthesopathies (soft tissue attachments to the bone, ie ligaments and tendons) can provide significant relief of axial pain and tenderness combined with functional improvement, even in “failed back syndrome” patients. Phenol-glycerol prolotherapy provides better and longer lasting relief than injection with anesthetics alone. Prolotherapy provides over six months of relief for some patients but generally provides relief for only a few months. However, most patients described good to excellent relief, felt that the injections had been beneficial, and requested additional injections for recurrent or residual focal pain.”';

const meta = {
  title: 'Components/Pullquote',
  component: Pullquote,
  tags: ['status:stable', 'quote', 'quotation', 'blockquote', 'pull quote', 'excerpt', 'testimony'],
  args: {
    children: bodiuQuote,
    attribution: 'Journal of Medicine and Life, 2014',
    citation: <Citation numbers={[1]} id="cite-1" />,
    size: 'standard',
  },
  argTypes: {
    size: {
      control: 'inline-radio',
      options: pullquoteSizes,
      // react-docgen cannot read `(typeof pullquoteSizes)[number]`: spell the union out from the array.
      table: { type: { summary: pullquoteSizes.map((value) => JSON.stringify(value)).join(' | ') } },
    },
    children: { control: 'text' },
    attribution: { control: 'text' },
    citation: { control: false },
    cite: { control: 'text' },
    className: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: `
A passage quoted word for word from a study or another source, with who said it. It renders a
\`<figure>\` named by its \`<figcaption>\` around a \`<blockquote>\`, so screen readers announce
a quotation and its source, and the citation marker sits in the caption after the attribution.

Typographic quote marks are added by the component. If the text already opens and closes with
quote marks (\`“…”\` or \`"…"\`, as copied from an article), they are replaced, never doubled; quotes
inside the passage (“failed back syndrome”) are kept.

**Use it** for the words of a study or an expert that the article discusses, especially long ones
(they wrap at any width), and the \`large\` size for one short, punchy line of the article itself.

**Do not use it** to restate your own paragraph for emphasis in the middle of a sentence, for
paraphrases (they are not quotations: write them as text with a Citation), or for a study's
numbers (use StudyCallout). Quote exactly, including the source's wording and ellipses.
        `,
      },
    },
  },
} satisfies Meta<typeof Pullquote>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A study's conclusion, quoted with its journal and reference number. */
export const Default: Story = { name: 'Study conclusion' };

/** A long quotation with an ellipsis: the Southampton radiology study. It wraps cleanly at 320px. */
export const LongQuote: Story = {
  name: 'Long quotation',
  args: {
    children: southamptonQuote,
    attribution: 'Orthopaedic surgeons and radiologists, Southampton General Hospital',
    citation: <Citation numbers={[5]} id="cite-5" />,
  },
};

/**
 * The longest quotation in the seed article, with a quotation inside it (“failed back syndrome”),
 * which keeps its own marks while the outer ones are replaced.
 */
export const LongQuoteWithInnerQuotation: Story = {
  name: 'Long quotation with an inner quotation',
  args: {
    children: painPhysicianQuote,
    attribution: 'Pain Physician, 2005',
    citation: <Citation numbers={[9]} id="cite-9" />,
  },
};

/** The quotation as paragraphs: the first opens with a mark, the last closes with one. */
export const Paragraphs: Story = {
  name: 'Paragraphs',
  args: {
    attribution: 'Pain Physician, 2005',
    citation: <Citation numbers={[9]} id="cite-9" />,
    children: (
      <>
        <p>
          Phenol-glycerol prolotherapy provides better and longer lasting relief than injection with anesthetics
          alone. Prolotherapy provides over six months of relief for some patients but generally provides relief for
          only a few months.
        </p>
        <p>
          However, most patients described good to excellent relief, felt that the injections had been beneficial,
          and requested additional injections for recurrent or residual focal pain.
        </p>
      </>
    ),
  },
};

/** `large`: one short line from the article, set big. No attribution: the article is the source. */
export const Large: Story = {
  name: 'Large',
  args: {
    size: 'large',
    children: 'More surgery is not always the next step.',
    attribution: undefined,
    citation: undefined,
  },
};

/** `large` with an attribution and a citation, for a short quotation from a study. */
export const LargeWithAttribution: Story = {
  name: 'Large with attribution',
  args: {
    size: 'large',
    children: '“…plain radiographs are unreliable.”',
    attribution: 'Southampton General Hospital study',
    citation: <Citation numbers={[5]} id="cite-5-large" />,
  },
};

/** Text copied with straight quotes: they become typographic marks, not doubled ones. */
export const StraightQuotesInSource: Story = {
  name: 'Straight quotes in the source',
  args: {
    children: '"A few history items (simple questions) had significant diagnostic value."',
    attribution: 'The Spine Journal, 2013',
    citation: <Citation numbers={[4]} id="cite-4" />,
  },
};

/** No caption at all: the figure has no name, and the quotation stands alone. */
export const WithoutAttribution: Story = {
  name: 'Without attribution',
  args: { attribution: undefined, citation: undefined },
};

/** A source URL in the blockquote's `cite` attribute (not shown; for tools and search engines). */
export const WithSourceUrl: Story = {
  name: 'With a source URL',
  args: {
    children: southamptonQuote,
    attribution: 'Journal of Orthopaedic Surgery and Research, 2008',
    citation: <Citation numbers={[5]} id="cite-5-url" />,
    cite: 'https://josr-online.biomedcentral.com/',
  },
};

/** In the flow of the seed article, between the paragraphs that introduce and discuss it. */
export const InContext: Story = {
  name: 'In context',
  render: (args) => (
    <Prose>
      <h2>Is another operation the answer?</h2>
      <p>
        Surgeons disagree. A 2014 case series in the Journal of Medicine and Life, on people whose disc herniation came
        back after surgery, concluded:
      </p>
      <Pullquote {...args} />
      <p>
        Other authors are more cautious: for failed back surgery syndrome they find little evidence that more surgery
        or long-term pain medication makes people more comfortable.
        <Citation numbers={[2]} id="cite-2" />
      </p>
    </Prose>
  ),
};
