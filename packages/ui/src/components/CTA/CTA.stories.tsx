import type { Meta, StoryObj } from '@storybook/react-vite';
import { pseudoStates, StateGrid } from '../../docs/states';
import { Prose } from '../Prose';
import { CTA, ctaHeadingLevels, ctaTones } from './CTA';

const meta = {
  title: 'Components/CTA',
  component: CTA,
  tags: ['status:beta', 'call to action', 'cta', 'button', 'next step', 'contact', 'link'],
  args: {
    heading: 'Questions about this article?',
    children:
      'Our editors check every claim against its source. If something is unclear or you think a source is missing, tell us and we will look at it.',
    action: { href: '/contact', label: 'Contact the editors' },
    tone: 'accent',
    headingLevel: 2,
  },
  argTypes: {
    tone: {
      control: 'inline-radio',
      options: ctaTones,
      // react-docgen cannot read `(typeof ctaTones)[number]`: spell the union out from the array.
      table: { type: { summary: ctaTones.map((value) => JSON.stringify(value)).join(' | ') } },
    },
    headingLevel: {
      control: 'inline-radio',
      options: ctaHeadingLevels,
      // react-docgen cannot read `(typeof ctaHeadingLevels)[number]`: spell the union out from the array.
      table: { type: { summary: ctaHeadingLevels.map((value) => JSON.stringify(value)).join(' | ') } },
    },
    heading: { control: 'text' },
    children: { control: 'text' },
    action: { control: 'object' },
    secondaryAction: { control: 'object' },
    className: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: `
The call to action that ends an article: what the reader can do next. A \`<section>\` named by
its heading, a sentence or two of body text, and a **real link** styled as a button (a page, a
\`tel:\` number or a \`mailto:\` address), so it works without JavaScript, opens the phone's
dialler, and can be opened in a new tab. An optional second action is a plain text link.
Both are at least 44px tall, and focus shows a thick ring.

**Tones:** \`accent\` (default) for the one call to action at the end of an article; \`quiet\`
where it must not compete with the content (a sidebar, a second call on the page).

**Use it** once per article, after the last section and before the references. Write the action
as what happens ("Call 555-0100", "Book an appointment"), not "Click here".

**Do not use it** for in-text links (use a normal link), for forms or buttons that run code (this
is a link), or more than once in an article: a reader unsure what to do next needs one clear choice.
        `,
      },
    },
  },
} satisfies Meta<typeof CTA>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The call to action closing an article: one clear next step. */
export const Default: Story = { name: 'Accent' };

/** `quiet`: a sunken panel with an outlined action, for a sidebar or a second call on the page. */
export const Quiet: Story = {
  name: 'Quiet',
  args: { tone: 'quiet' },
};

/** A phone call as the second action (`tel:`). The number is a fictional 555 number. */
export const WithSecondaryAction: Story = {
  name: 'With a second action',
  args: {
    secondaryAction: { href: 'tel:+1-555-0100', label: 'Or call 555-0100' },
  },
};

/** A phone number as the main action: on a phone it opens the dialler. */
export const PhoneAction: Story = {
  name: 'Phone number',
  args: {
    heading: 'Talk to us',
    children: 'A nurse can talk through what this article means for you. Calls are free and confidential.',
    action: { href: 'tel:+1-555-0100', label: 'Call 555-0100' },
    secondaryAction: { href: 'mailto:info@example.org', label: 'Email info@example.org' },
  },
};

/** An email address as the main action, in the quiet tone. */
export const EmailActionQuiet: Story = {
  name: 'Email address, quiet',
  args: {
    tone: 'quiet',
    heading: 'Send us your questions',
    children: undefined,
    action: { href: 'mailto:info@example.org', label: 'Email info@example.org' },
  },
};

/** Heading only, no body text. */
export const WithoutBody: Story = {
  name: 'Without body text',
  args: { children: undefined },
};

/** Long heading, body and label: the button text wraps and stays centred; at 320px it spans the card. */
export const LongText: Story = {
  name: 'Long text',
  args: {
    heading: 'Want to know whether the treatments in this article could apply to you before you decide on surgery?',
    children:
      'A second opinion from a doctor who did not propose the operation can help you weigh its benefits and risks. Bring your scan reports and the list of treatments you have already tried.',
    action: {
      href: 'https://example.org/second-opinion/how-to-ask-for-one',
      label: 'Find out how to ask for a second opinion before spine surgery',
    },
    secondaryAction: { href: '/questions-to-ask-your-surgeon', label: 'Read the questions to ask your surgeon first' },
  },
};

/** At the end of an article, after its last paragraph. */
export const InContext: Story = {
  name: 'In context',
  render: (args) => (
    <Prose>
      <h2>What this means for you</h2>
      <p>
        The studies above were small, and most of the people in them had already tried other treatments. They can help
        you ask better questions; they cannot tell you which treatment is right for you.
      </p>
      <CTA {...args} />
    </Prose>
  ),
};

/** The actions in every state, in both themes: the button and the text link. */
export const States: Story = {
  name: 'States',
  parameters: { pseudo: pseudoStates('a') },
  render: (args) => (
    <StateGrid>
      {(state, theme) => (
        <CTA
          {...args}
          heading={`Actions ${state === 'default' ? 'at rest' : state}, ${theme} theme`}
          headingLevel={3}
          secondaryAction={{ href: '/questions-to-ask-your-surgeon', label: 'Questions to ask' }}
        >
          {undefined}
        </CTA>
      )}
    </StateGrid>
  ),
};
