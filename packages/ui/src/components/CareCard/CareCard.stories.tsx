import type { Meta, StoryObj } from '@storybook/react-vite';
import { BothThemes } from '../../docs/BothThemes';
import { pseudoStates, StateGrid } from '../../docs/states';
import { Prose } from '../Prose';
import { CareCard, careCardHeadingLevels, careCardLevels } from './CareCard';

/*
 * The advice in these stories is NHS.UK's, from its back pain page (www.nhs.uk/conditions/back-pain/,
 * Open Government Licence), with its UK numbers 111 and 999. Examples only: an article uses the
 * advice of its own reviewers, and the blog passes the site's own emergency number.
 */

const seeGpList = (
  <ul>
    <li>the pain does not improve after treating it at home for a few weeks</li>
    <li>the pain is stopping you doing your day-to-day activities</li>
    <li>the pain is severe or getting worse over time</li>
    <li>you’re worried about the pain or you’re struggling to cope</li>
  </ul>
);

const urgentList = (
  <ul>
    <li>a high temperature</li>
    <li>you’ve lost weight without trying to</li>
    <li>there’s a lump or swelling in your back or your back has changed shape</li>
    <li>the pain does not improve after resting or is worse at night</li>
    <li>the pain is made worse when sneezing, coughing or pooing</li>
    <li>the pain is coming from the top of your back (between your shoulders), rather than your lower back</li>
  </ul>
);

const emergencyList = (
  <ul>
    <li>pain, tingling, weakness or numbness in both legs</li>
    <li>numbness or tingling around your genitals or buttocks</li>
    <li>difficulty peeing</li>
    <li>loss of bladder or bowel control (peeing or pooing yourself)</li>
    <li>chest pain</li>
    <li>it started after a serious accident, such as a car accident</li>
  </ul>
);

const meta = {
  title: 'Components/CareCard',
  component: CareCard,
  tags: ['status:beta', 'care card', 'when to get help', 'urgent', 'emergency', 'red flags', 'warning', 'NHS'],
  args: {
    level: 'non-urgent',
    heading: 'See a GP if:',
    children: seeGpList,
    // headingLevel is left at its default, 2, so the control shows what the props table says.
  },
  argTypes: {
    level: {
      control: 'inline-radio',
      options: careCardLevels,
      // react-docgen cannot read `(typeof careCardLevels)[number]`: spell the union out from the array.
      table: { type: { summary: careCardLevels.map((value) => JSON.stringify(value)).join(' | ') } },
    },
    headingLevel: {
      control: 'inline-radio',
      options: careCardHeadingLevels,
      // react-docgen cannot read `(typeof careCardHeadingLevels)[number]`: spell the union out from the array.
      table: { type: { summary: careCardHeadingLevels.map((value) => JSON.stringify(value)).join(' | ') } },
    },
    heading: { control: 'text' },
    emergencyNumber: { control: 'text' },
    children: { control: false },
    className: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: `
When and how to get care, in three levels of urgency (the NHS.UK care card): \`non-urgent\`
(blue band), \`urgent\` (red band, thicker outline, a "!" mark) and \`emergency\` (red band, dark
body, white text). A \`<section>\` named by its heading; the heading starts with words hidden on
screen that a screen reader reads first: "Non-urgent advice:", "Urgent advice:" or
"Immediate action required:". An emergency card given \`emergencyNumber\` ends with a
"Call 999" telephone link; without it, no number is shown.

**Use it** for what the reader should do if symptoms appear, written as an action in the heading
("Ask for an urgent GP appointment if:") and a short list of symptoms in the body.

**Do not use it** for general information (use the text), for study results (StudyCallout), or
for the article's summary (KeyPoints). Never put a number in \`emergencyNumber\` that is not the
reader's local emergency number.
        `,
      },
    },
  },
} satisfies Meta<typeof CareCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Non-urgent: see a GP when you can. */
export const Default: Story = { name: 'Non-urgent' };

/** Urgent: get help today. */
export const Urgent: Story = {
  name: 'Urgent',
  args: {
    level: 'urgent',
    heading: 'Ask for an urgent GP appointment or call 111 if:',
    children: (
      <>
        <p>You have back pain and:</p>
        {urgentList}
      </>
    ),
  },
};

/** Emergency, without `emergencyNumber`: the heading says what to do; no number is shown. */
export const Emergency: Story = {
  name: 'Emergency',
  args: {
    level: 'emergency',
    heading: 'Call 999 or go to A&E if:',
    children: (
      <>
        <p>You have back pain and:</p>
        {emergencyList}
      </>
    ),
  },
};

/** Emergency with `emergencyNumber="999"`: ends with a "Call 999" link that a phone dials. */
export const EmergencyWithNumber: Story = {
  name: 'Emergency with a number to call',
  args: {
    ...Emergency.args,
    heading: 'Get help now if you have back pain and:',
    children: emergencyList,
    emergencyNumber: '999',
  },
};

/** A long heading, a paragraph, a list and a link: everything wraps at 320px and 200% text. */
export const LongContent: Story = {
  name: 'Long content',
  args: {
    level: 'urgent',
    heading: 'Ask for an urgent GP appointment or call 111 if you have back pain and any of these symptoms:',
    children: (
      <>
        {urgentList}
        <p>
          You can call 111 or <a href="https://111.nhs.uk/">get help from 111 online</a>.
        </p>
      </>
    ),
  },
};

/** Under a section heading: `headingLevel={3}`. */
export const HeadingLevelThree: Story = {
  name: 'Under a section heading',
  args: { headingLevel: 3 },
  render: (args) => (
    <Prose>
      <h2>When to get help</h2>
      <CareCard {...args} />
    </Prose>
  ),
};

/** The three levels in both themes, whatever the toolbar says. */
export const AllLevels: Story = {
  name: 'All levels, both themes',
  render: () => (
    <BothThemes>
      {(theme) => (
        <>
          <CareCard level="non-urgent" heading={`See a GP if (${theme} theme):`} headingLevel={3}>
            {seeGpList}
          </CareCard>
          <CareCard level="urgent" heading={`Ask for an urgent GP appointment or call 111 if (${theme} theme):`} headingLevel={3}>
            <p>You have back pain and a high temperature.</p>
          </CareCard>
          <CareCard level="emergency" heading={`Call 999 or go to A&E if (${theme} theme):`} headingLevel={3} emergencyNumber="999">
            <p>You have back pain and numbness or tingling around your genitals or buttocks.</p>
          </CareCard>
        </>
      )}
    </BothThemes>
  ),
};

/** In the flow of an article, after the paragraph on when back pain needs a doctor. */
export const InContext: Story = {
  name: 'In context',
  render: () => (
    <Prose>
      <h2>When to get help</h2>
      <p>Most back pain gets better on its own. Some symptoms need a doctor soon, and a few need help straight away.</p>
      <CareCard level="urgent" heading="Ask for an urgent GP appointment or call 111 if:" headingLevel={3}>
        <p>You have back pain and:</p>
        {urgentList}
      </CareCard>
      <CareCard level="emergency" heading="Get help now if you have back pain and:" headingLevel={3} emergencyNumber="999">
        {emergencyList}
      </CareCard>
    </Prose>
  ),
};

/** Links in the advice and the call link in every state, on each level and in both themes. */
export const States: Story = {
  name: 'States',
  parameters: { pseudo: pseudoStates('a') },
  render: () => (
    <StateGrid>
      {(state, theme) => (
        <>
          <CareCard level="urgent" heading={`Link ${state === 'default' ? 'at rest' : state}, ${theme} theme`} headingLevel={3}>
            <p>
              You can call 111 or <a href="https://111.nhs.uk/">get help from 111 online</a>.
            </p>
          </CareCard>
          <CareCard
            level="emergency"
            heading={`Call link ${state === 'default' ? 'at rest' : state}, ${theme} theme`}
            headingLevel={3}
            emergencyNumber="999"
          >
            <p>
              Or read <a href="/back-pain/when-to-get-help">when to get help</a>.
            </p>
          </CareCard>
        </>
      )}
    </StateGrid>
  ),
};

