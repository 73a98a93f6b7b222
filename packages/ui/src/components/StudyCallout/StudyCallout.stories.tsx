import type { Meta, StoryObj } from '@storybook/react-vite';
import { BothThemes } from '../../docs/BothThemes';
import { pseudoStates, StateGrid } from '../../docs/states';
import { Citation } from '../Citation';
import { Prose } from '../Prose';
import { StudyCallout, studyCalloutHeadingLevels, studyCalloutTones, studyFigureRoles } from './StudyCallout';
import { studyCertainties } from './studyEvidence';

const meta = {
  title: 'Components/StudyCallout',
  component: StudyCallout,
  tags: ['status:stable', 'study', 'evidence', 'statistic', 'key figure', 'callout', 'finding', 'caution', 'info box'],
  args: {
    title: 'Second opinions on spine surgery',
    figure: '60.7%',
    children:
      'of 183 second opinions, seen over 20 months, found that the surgery other spine surgeons had recommended was “unnecessary”. Another 33.3% found it was the “wrong” surgery, for example one more extensive than needed.',
    sampleSize: 183,
    population: 'second opinions',
    design: 'Review of second opinions',
    journal: 'Surgical Neurology International',
    year: 2013,
    citation: 'Citation 3',
    tone: 'finding',
    // headingLevel is left at its default, 3, so the control shows what the props table says
    // (except in Default, the docs page's first example, right after its h1).
  },
  argTypes: {
    tone: {
      control: 'inline-radio',
      options: studyCalloutTones,
      // react-docgen cannot read `(typeof studyCalloutTones)[number]`: spell the union out from the array.
      table: { type: { summary: studyCalloutTones.map((value) => JSON.stringify(value)).join(' | ') } },
    },
    headingLevel: {
      control: 'inline-radio',
      options: studyCalloutHeadingLevels,
      // react-docgen cannot read `(typeof studyCalloutHeadingLevels)[number]`: spell the union out from the array.
      table: { type: { summary: studyCalloutHeadingLevels.map((value) => JSON.stringify(value)).join(' | ') }, defaultValue: { summary: '3' } },
    },
    certainty: {
      control: 'inline-radio',
      options: studyCertainties,
      // react-docgen cannot read `(typeof studyCertainties)[number]`: spell the union out from the array.
      table: { type: { summary: studyCertainties.map((value) => JSON.stringify(value)).join(' | ') } },
    },
    figureRole: {
      control: 'inline-radio',
      options: studyFigureRoles,
      table: { type: { summary: studyFigureRoles.map((value) => JSON.stringify(value)).join(' | ') } },
    },
    figure: { control: 'text' },
    children: { control: 'text' },
    title: { control: 'text', table: { type: { summary: 'ReactNode' }, defaultValue: { summary: '"At a glance"' } } },
    // A ReactNode cannot be edited as JSON: the control picks one of a few Citation elements.
    citation: {
      control: 'select',
      options: ['None', 'Citation 3', 'Citations 1 and 2'],
      mapping: {
        None: undefined,
        'Citation 3': <Citation numbers={[3]} id="cite-3" />,
        'Citations 1 and 2': <Citation numbers={[1, 2]} id="cite-1-2" />,
      },
      table: { type: { summary: 'ReactNode (a Citation element)' } },
    },
    // `year` is `number | string` (e.g. "2013, updated 2020"): a text box, not the JSON editor.
    year: { control: 'text', table: { type: { summary: 'number | string' } } },
    population: { table: { defaultValue: { summary: '"patients"' } } },
    className: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: `
One study at a glance, for a patient: the key figure, what it measured in plain words, how many
people took part, what kind of study it was, and where it was published, with its citation.
It is an \`<aside>\` named by its heading; the heading starts with a visually hidden "Study:" so a
screen reader announces "Study: Second opinions on spine surgery, complementary". The sample size
shows as the researchers' shorthand with who was counted, "n = 183 second opinions" (so sighted
readers see the population too), and is read as "183 second opinions".

**Tones:** \`finding\` for a study's result, \`caution\` for a result to read with care (small,
uncontrolled, only respondents counted), \`info\` for background about a study (who took part).
Colour is not the only signal: say why in the text too.

**Use it** for a number the article relies on, once per study, next to the paragraph that
discusses it. Pick the \`headingLevel\` that fits the outline (default 3, under an article's h2).

**Do not use it** for several studies at once (use a table), for figures without a source (write
them as text, and say the source is missing), or to decorate a claim the study does not support.
Leave out a field you do not know (sample size, design, journal) rather than guess it.
        `,
      },
    },
  },
} satisfies Meta<typeof StudyCallout>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every field: 60.7% of 183 second opinions (Epstein, Surgical Neurology International, reference 3). */
/** Level 2 here: it is the first example on its docs page, straight after the page's h1 (heading order). */
export const Default: Story = { name: 'Every field', args: { headingLevel: 2 } };

/** 69 (44.5%) of 155 second-opinion patients. The seed paragraph names the journal but carries no citation. */
export const SecondOpinions: Story = {
  name: 'Second opinions',
  args: {
    title: 'Told they needed surgery',
    figure: '44.5%',
    children:
      'of 155 second-opinion patients (69 people), seen over 14 months, had been told by other spine surgeons that they needed an operation. The second-opinion surgeon found those operations unnecessary.',
    sampleSize: 155,
    population: 'patients',
    design: 'Review of second opinions',
    year: undefined,
    citation: undefined,
  },
};

/**
 * 17% of 274 patients (Nancy Epstein's research). In the seed copy this paragraph has no
 * citation marker of its own, so the callout shows none rather than guess which reference it is.
 */
export const WithoutCitation: Story = {
  name: 'Without a citation',
  args: {
    title: 'Surgery recommended without need',
    figure: '17%',
    children:
      'of 274 patients with neck or lower-back complaints, seen for a first or second opinion over one year, had been recommended spine surgery that was “unnecessary”: for pain alone, without nerve damage or a significant MRI finding.',
    sampleSize: 274,
    population: 'patients',
    design: 'Review of first and second opinions',
    journal: undefined,
    year: undefined,
    citation: undefined,
  },
};

/** `info`: background about a study. The figure is the number of people, so no separate n. */
export const Info: Story = {
  name: 'Info tone',
  args: {
    tone: 'info',
    title: 'History taking versus MRI',
    figure: '395',
    children:
      'adults with severe leg pain from sciatica (for 6 to 12 weeks) took part. A few simple questions about their history had significant value for predicting what the MRI showed.',
    sampleSize: undefined,
    design: 'Diagnostic accuracy study',
    journal: 'The Spine Journal',
    year: 2013,
    citation: <Citation numbers={[4]} id="cite-4" />,
  },
};

/**
 * `caution`: 91% of respondents were better or no worse 12 months after prolotherapy. Only
 * those who replied are counted, and the seed text gives no sample size or journal (reference 8
 * is missing from its list), so those fields are left out.
 */
export const Caution: Story = {
  name: 'Caution tone',
  args: {
    tone: 'caution',
    title: 'Prolotherapy after other treatments failed',
    figure: '91%',
    children:
      'of those who replied were better, or no worse, 12 months after three prolotherapy injections over 3 to 5 weeks. Only people who answered the follow-up are counted, and there was no comparison group.',
    sampleSize: undefined,
    design: 'Before-and-after study in NHS clinics',
    journal: undefined,
    year: undefined,
    citation: <Citation numbers={[8]} id="cite-8" />,
  },
};

/** `caution` for a safety study: 26 patients, 2 ml of their own bone marrow concentrate. */
export const SmallSafetyStudy: Story = {
  name: 'Small safety study',
  args: {
    tone: 'caution',
    title: 'Stem cell injection into the disc',
    figure: '0',
    children:
      'adverse events from the marrow draw or the injection, in 26 patients given 2 ml of their own bone marrow concentrate into a painful lumbar disc. It shows the treatment was safe and feasible in them; it does not show how well it works.',
    sampleSize: 26,
    population: 'patients',
    design: undefined,
    journal: 'International Orthopaedics',
    year: 2017,
    citation: <Citation numbers={[7]} id="cite-7" />,
  },
};

/** `info`: who took part in the Pain Physician study, 86% of them after earlier back surgery. */
export const PriorSurgery: Story = {
  name: 'Prior surgery',
  args: {
    tone: 'info',
    title: 'The difficult cases',
    figure: '86%',
    children:
      'of the patients studied had already had lower-back surgery, and all of them had been referred for a surgical opinion.',
    sampleSize: undefined,
    design: 'Randomized, single-blinded cross-over study',
    journal: 'Pain Physician',
    year: 2005,
    citation: <Citation numbers={[9]} id="cite-9" />,
  },
};

/** Only the required fields: no title ("At a glance"), no n, design, journal or citation. */
export const MinimalFields: Story = {
  name: 'Minimal fields',
  args: {
    title: undefined,
    figure: '17%',
    children: 'of patients seen over one year had been recommended surgery they did not need.',
    sampleSize: undefined,
    design: undefined,
    journal: undefined,
    year: undefined,
    citation: undefined,
  },
};

/** Long title, two figures, long text and labels (reference 3's own title): everything wraps at 320px. */
export const VeryLongText: Story = {
  name: 'Very long text',
  args: {
    title: 'Are recommended spine operations either unnecessary or too complex? Evidence from second opinions',
    figure: '60.7% / 33.3%',
    children:
      'Of 183 second opinions seen over 20 months, the second-opinion surgeon documented that the operations previous spine surgeons had recommended were “unnecessary” (60.7%) or the “wrong” surgery (33.3%), for example overly extensive. Increasingly, patients, spine surgeons, hospitals and insurance carriers should be asking not only whether an operation is unnecessary, but also whether it is wrong, or right.',
    population: 'second opinions on operations recommended by other spine surgeons',
    design: 'Review of second opinions seen over 20 months by one spine surgeon',
  },
};

/** The default heading level, 3, under an article section's h2. */
export const HeadingLevelThree: Story = {
  name: 'Under a section heading',
  render: (args) => (
    <Prose>
      <h2>Unnecessary surgery</h2>
      <StudyCallout {...args} />
    </Prose>
  ),
};

/** In the flow of the seed article, after the paragraph it sums up. */
export const InContext: Story = {
  name: 'In context',
  render: (args) => (
    <Prose>
      <h2>Doctors support use of multiple surgeries</h2>
      <p>
        Increasingly, patients, spine surgeons, hospitals, and insurance carriers should not only be questioning
        whether spinal operations are “unnecessary”, but also whether they are “wrong” (e.g., overly extensive), or
        “right” (appropriate). Of 183 second opinions seen over 20 months, the second opinion surgeon documented that
        previous spine surgeons recommended were “unnecessary” (60.7%) or the “wrong” surgery (33.3%).
        <Citation numbers={[3]} id="cite-3-text" />
      </p>
      <StudyCallout {...args} />
      <h2>What the figure does not tell you</h2>
      <p>
        The review reflects one surgeon’s judgement of operations other surgeons proposed, without a comparison group,
        so it cannot say how often such operations help. Ask your surgeon what the operation is expected to change and
        how likely that is.
      </p>
    </Prose>
  ),
};

/** The citation link inside a callout in every state, in each tone and both themes. */
export const States: Story = {
  name: 'States',
  parameters: { pseudo: pseudoStates('a') },
  render: (args) => (
    <StateGrid>
      {(state, theme) => (
        <StudyCallout
          {...args}
          tone="caution"
          title={`Citation link ${state === 'default' ? 'at rest' : state}, ${theme} theme`}
          figure="91%"
          sampleSize={undefined}
          design={undefined}
          journal={undefined}
          year={undefined}
          citation={<Citation numbers={[8]} id={`cite-8-${state}-${theme}`} />}
        >
          of those who replied were better, or no worse, after 12 months.
        </StudyCallout>
      )}
    </StateGrid>
  ),
};

/*
 * Certainty. How sure a result is, is the reviewer's judgement (GRADE); the stories below do not
 * rate the seed article's studies. The scale is shown on a made-up specimen instead.
 */

/** Each certainty level: Cochrane's sentence, then "Certainty: low (2 of 4)" with filled and empty marks. */
export const CertaintyLevels: Story = {
  name: 'Certainty levels',
  render: () => (
    <>
      {studyCertainties.map((certainty) => (
        <StudyCallout
          key={certainty}
          title={`A specimen with ${certainty.replace('-', ' ')} certainty`}
          figure="X%"
          certainty={certainty}
          tone={certainty === 'high' || certainty === 'moderate' ? 'finding' : 'caution'}
        >
          of people in a made-up example study felt better. (A specimen: not a real result.)
        </StudyCallout>
      ))}
    </>
  ),
};

/** Certainty on a callout with every other field, in both themes (specimen data). */
export const CertaintyWithFacts: Story = {
  name: 'Certainty with facts',
  render: () => (
    <BothThemes>
      {(theme) => (
        <StudyCallout
          title={`A specimen result (${theme} theme)`}
          figure="X%"
          certainty="low"
          tone="caution"
          sampleSize={40}
          design="Case series"
          explainDesign
        >
          of people in a made-up example study felt better. (A specimen: not a real result.)
        </StudyCallout>
      )}
    </BothThemes>
  ),
};

/**
 * `figureRole="detail"`: "2 ml" is the dose given, not a result, so it is listed small among the
 * facts ("Dose: 2 ml") and the title stays the headline. Reference 7: 26 patients, 2 ml of their
 * own bone marrow concentrate into the disc.
 */
export const DetailFigure: Story = {
  name: 'Detail figure',
  args: {
    tone: 'info',
    title: 'Bone marrow concentrate injected into the disc',
    figure: '2 ml',
    figureRole: 'detail',
    children: 'Dose',
    sampleSize: 26,
    population: 'patients',
    // The seed text does not say what kind of study it was, so no design is given (see SmallSafetyStudy).
    design: undefined,
    journal: 'International Orthopaedics',
    year: 2017,
    citation: <Citation numbers={[7]} id="cite-7-detail" />,
  },
};

