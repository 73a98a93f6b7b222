import type { Meta, StoryObj } from '@storybook/react-vite';
import { pseudoStates, StateGrid } from '../../docs/states';
import { Citation } from '../Citation';
import { CTA } from '../CTA';
import { Pullquote } from '../Pullquote';
import { StudyCallout } from '../StudyCallout';
import { Prose, proseSizes } from './Prose';
import { ArticleTitle } from '../../docs/ArticleTitle';
import { StudyFiguresTable } from '../../docs/StudyFiguresTable';

const meta = {
  title: 'Components/Prose',
  component: Prose,
  tags: ['status:stable', 'typography', 'article', 'markdown', 'body text', 'headings', 'table', 'blockquote', 'lists', 'links'],
  args: { size: 'standard' },
  argTypes: {
    size: {
      control: 'inline-radio',
      options: proseSizes,
      // react-docgen cannot read `(typeof proseSizes)[number]`: spell the union out from the array.
      table: { type: { summary: proseSizes.map((value) => JSON.stringify(value)).join(' | ') } },
    },
    children: {
      control: false,
      description: 'The article body: the HTML that markdown produces (headings, paragraphs, lists, tables, quotations).',
      // Inherited from the div's props, which react-docgen does not spell out ("-").
      table: { type: { summary: 'ReactNode' } },
    },
    className: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: `
Article typography for rendered markdown, so the blog never restyles headings, paragraphs, lists,
links, quotations, tables, rules or code by hand. Serif body at 18px and line height 1.65, sans
headings, a reading measure of about 66 characters, links always underlined with distinct visited,
hover and focus states, and \`scroll-margin-top\` on headings and anchors so jumps are not hidden
under a sticky header.

Every rule has the specificity of one class (\`.prose :where(h2)\`), so a CSS reset loaded first
cannot undo it, and the design system's components placed in the flow keep their own look.

**Sizes:** \`standard\` for an article; \`compact\` keeps the 18px body but tightens the rhythm and
steps the headings down, for summaries and sidebars.

**Use it** once around an article's body (the markdown output). It is a plain \`<div>\`: put it
inside the page's \`<article>\` or \`<main>\`.

**Do not use it** around navigation, forms or page chrome, or to style a single paragraph; and
do not nest one Prose inside another.
        `,
      },
    },
  },
} satisfies Meta<typeof Prose>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Section headings, paragraphs and a citation: model evidence writing (who, how many, how sure). */
export const Default: Story = {
  name: 'Standard',
  render: (args) => (
    <Prose {...args}>
      <h2>How much does an MRI add?</h2>
      <p>
        An MRI shows the discs and nerves in detail, but many people without back pain also have disc changes on a
        scan, so what it shows is not always the cause of the pain.
      </p>
      <p>
        A careful history and physical examination remain the first step, and guidelines advise imaging only when
        its result would change the treatment.
      </p>
      <h3>Can questions predict what the scan shows?</h3>
      <p>
        A Dutch study of 395 adults with severe sciatica for 6 to 12 weeks found that a few simple history questions
        had significant value for predicting nerve root compression on MRI. It did not test whether asking them
        changes treatment or outcomes.
        <Citation numbers={[4]} id="cite-4" />
      </p>
    </Prose>
  ),
};

/** `compact`: same body size, tighter rhythm, smaller headings. */
export const Compact: Story = {
  ...Default,
  name: 'Compact',
  args: { size: 'compact' },
};

/** Every element markdown can produce, to check them together in both themes. */
export const AllElements: Story = {
  name: 'All elements',
  render: (args) => (
    <Prose {...args}>
      <h2>Heading level 2: treatment options</h2>
      <p>
        A paragraph with <strong>strong emphasis</strong>, <em>emphasis</em>, a <a href="#options">link</a>, a{' '}
        <a href="https://www.nhs.uk/conditions/back-pain/">link to another site</a>, an abbreviation{' '}
        <abbr title="Platelet Rich Plasma">PRP</abbr>, inline <code>code</code> and a superscript marker.
        <Citation numbers={[1, 2]} id="cite-1-2" />
      </p>
      <h3>Heading level 3: regenerative medicine</h3>
      <ul>
        <li>Stem cell therapy</li>
        <li>
          Prolotherapy, either:
          <ul>
            <li>dextrose prolotherapy, or</li>
            <li>phenol-glycerol prolotherapy</li>
          </ul>
        </li>
        <li>Platelet Rich Plasma (PRP) therapy</li>
      </ul>
      <h4>Heading level 4: what to ask your doctor</h4>
      <ol>
        <li>Is surgery necessary, or could it be avoided?</li>
        <li>
          Is the recommended surgery the right one?
          <ol>
            <li>Is it more extensive than the problem needs?</li>
            <li>What happens if I wait?</li>
          </ol>
        </li>
        <li>What are the non-surgical options?</li>
      </ol>
      <blockquote>
        <p>
          A plain quotation in the text, not a pull quote: “A few history items (simple questions) had significant
          diagnostic value.”
        </p>
      </blockquote>
      <hr />
      <p>
        After a horizontal rule. Sub- and superscripts keep the line spacing even: H<sub>2</sub>O and 10
        <sup>6</sup> cells per millilitre sit in the line without pushing it apart, as the next lines of this
        paragraph show when it wraps onto a second and a third line at narrower widths.
      </p>
    </Prose>
  ),
};

/**
 * A table of the study figures in the seed article, in a scroll region like every table: its cells
 * wrap to fit a phone, and only where its words cannot fit (at 200 % text, see Foundations/200 %
 * text) do its columns scroll, inside the region, never the page.
 */
export const Table: Story = {
  name: 'Table',
  render: (args) => (
    <Prose {...args}>
      <h2>The studies in this article</h2>
      <StudyFiguresTable captionId="study-figures-caption" />
    </Prose>
  ),
};

/**
 * A table too wide for a phone, in a scroll region: `role="region"`, named by the caption, and
 * `tabindex="0"` so keyboard users can scroll it. The table keeps its table semantics.
 */
export const WideTableInScrollRegion: Story = {
  name: 'Wide table in a scroll region',
  render: (args) => (
    <Prose {...args}>
      {/* A scrollable region must be focusable, or keyboard users cannot scroll it (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div role="region" aria-labelledby="study-designs-caption" tabIndex={0}>
        <table>
          <caption id="study-designs-caption">How the studies in this article were done</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Journal</th>
              <th scope="col">Year</th>
              <th scope="col">Design</th>
              <th scope="col">People</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">3</th>
              <td>Surgical Neurology International</td>
              <td>2013</td>
              <td>Review of second opinions</td>
              <td>183</td>
            </tr>
            <tr>
              <th scope="row">4</th>
              <td>The Spine Journal</td>
              <td>2013</td>
              <td>Diagnostic accuracy study</td>
              <td>395</td>
            </tr>
            <tr>
              <th scope="row">7</th>
              <td>International Orthopaedics</td>
              <td>2017</td>
              <td>Injection of bone marrow concentrate, no comparison group stated</td>
              <td>26</td>
            </tr>
            <tr>
              <th scope="row">9</th>
              <td>Pain Physician</td>
              <td>2005</td>
              <td>Randomized, single-blinded cross-over study</td>
              <td>Not stated</td>
            </tr>
          </tbody>
        </table>
      </div>
    </Prose>
  ),
};

/** Text that could overflow a 320px phone: a long DOI and a long compound word wrap inside the measure. */
export const LongWords: Story = {
  name: 'Long words',
  render: (args) => (
    <Prose {...args}>
      <p>
        Epstein NE. Are recommended spine operations either unnecessary or too complex? Evidence from second opinions.
        Surg Neurol Int. 2013;4(Suppl 5):S353-8. doi:{' '}
        <a href="https://doi.org/10.4103/2152-7806.120774">https://doi.org/10.4103/2152-7806.120774</a>
      </p>
      <p>Pseudopseudohypoparathyroidism and intervertebral-disc-regeneration-by-mesenchymal-stem-cells both wrap.</p>
    </Prose>
  ),
};

/**
 * A footnote (markdown `[^1]`, a note rather than a source) next to a citation: the footnote marker
 * is in square brackets and italic, so the two differ by shape, not colour alone (WCAG 1.4.1).
 */
export const FootnotesAndCitations: Story = {
  render: (args) => (
    <Prose {...args}>
      <p>
        Repeated surgery is a viable option for some patients.
        <Citation id="cite-fn-story" numbers={[1]} /> Success rates
        fall with each operation.
        <sup>
          <a href="#fn-1" id="fnref-1" data-footnote-ref="" aria-describedby="footnote-label">
            1
          </a>
        </sup>
      </p>
      <section data-footnotes="" className="footnotes">
        <h2 id="footnote-label">Footnotes</h2>
        <ol>
          <li id="fn-1">
            <p>
              “Success” here means the patient reported less pain a year later.{' '}
              <a href="#fnref-1" data-footnote-backref="" aria-label="Back to reference 1">
                ↩
              </a>
            </p>
          </li>
        </ol>
      </section>
    </Prose>
  ),
};

/**
 * A stretch of the seed article as it will be published: headings, paragraphs with citations, a
 * Pullquote, StudyCallouts and the closing CTA, all in one Prose.
 */
export const InContext: Story = {
  name: 'In context',
  render: (args, { viewMode }) => (
    <Prose {...args}>
      <ArticleTitle viewMode={viewMode}>Treatment options for Failed Back Surgery Syndrome</ArticleTitle>
      <p>
        Some people have as much pain after spine surgery as before it, or more. Doctors call this failed back surgery
        syndrome. This article sets out what studies say about the options, and how sure they are.
      </p>
      <h2>Is another operation the answer?</h2>
      <p>
        Surgeons disagree. A 2014 case series in the Journal of Medicine and Life, on people whose disc herniation came
        back after surgery, concluded:
      </p>
      <Pullquote attribution="Journal of Medicine and Life, 2014" citation={<Citation numbers={[1]} id="cite-1" />}>
        “Repeated surgery is a viable option for patients who have clinical manifestations of recurrent disc
        herniation … Supplementing repeated discectomies (surgeries to remove disc material) and decompression with
        (spinal) fusion provide superior clinical outcomes, especially in patients with clinical and radiological
        signs (an MRI) of lumbar segment instability.”
      </Pullquote>
      <p>
        Other authors are more cautious: for failed back surgery syndrome they find little evidence that more surgery
        or long-term pain medication makes people more comfortable.
        <Citation numbers={[2]} id="cite-2" />
      </p>
      <p>
        Second opinions can change the plan. In one surgeon’s review in Surgical Neurology International, 69 of 155
        people seen for a second opinion had been told they needed surgery that the reviewing surgeon judged
        unnecessary.
      </p>
      <StudyCallout
        title="Told they needed surgery"
        figure="44.5%"
        sampleSize={155}
        design="Review of second opinions"
        journal="Surgical Neurology International"
      >
        of 155 second-opinion patients (69 people), seen over 14 months, had been told by other spine surgeons that
        they needed an operation. The second-opinion surgeon found those operations unnecessary.
      </StudyCallout>
      <h2>Injections after other treatments failed</h2>
      <p>
        In NHS back pain clinics in the United Kingdom, researchers followed people with long-standing pain that
        manipulation and physiotherapy had not helped, after a course of prolotherapy injections.
      </p>
      <StudyCallout
        tone="caution"
        title="Prolotherapy after other treatments failed"
        figure="91%"
        design="Before-and-after study in NHS clinics"
        citation={<Citation numbers={[8]} id="cite-8" />}
      >
        of those who replied were better, or no worse, 12 months after three prolotherapy injections over 3 to 5
        weeks. Only people who answered the follow-up are counted, and there was no comparison group.
      </StudyCallout>
      <p>
        Both studies were small and had no comparison group, so they cannot show that the treatment caused the
        improvement. They are reasons to ask questions, not answers.
      </p>
      <CTA heading="Questions about this article?" action={{ href: '/contact', label: 'Contact the editors' }}>
        Our editors check every claim against its source. Tell us if something is unclear or a source is missing.
      </CTA>
    </Prose>
  ),
};

/** Links in article text in every state, in both themes. */
export const LinkStates: Story = {
  name: 'Link states',
  parameters: { pseudo: pseudoStates('a') },
  render: (args) => (
    <StateGrid>
      {(state, theme) => (
        <Prose {...args}>
          <p>
            See the <a href={`#guideline-${state}-${theme}`}>NICE guideline on low back pain</a> for what to expect.
          </p>
        </Prose>
      )}
    </StateGrid>
  ),
};
