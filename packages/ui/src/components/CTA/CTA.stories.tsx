import type { Meta, StoryObj } from '@storybook/react-vite';
import { Prose } from '../Prose';
import { CTA, ctaHeadingLevels, ctaTones } from './CTA';

const meta = {
  title: 'Components/CTA',
  component: CTA,
  tags: ['autodocs'],
  args: {
    heading: 'Questions about this article?',
    children:
      'Do you have questions about this article, or want to see if you are a candidate for treatment? Contact the Magaziner Center for Wellness.',
    action: { href: '/contact', label: 'Contact the Magaziner Center for Wellness' },
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

/** The seed article's closing line, as the call to action. */
export const Default: Story = {};

/** `quiet`: a sunken panel with an outlined action, for a sidebar or a second call on the page. */
export const Quiet: Story = {
  args: { tone: 'quiet' },
};

/** A phone call as the second action (`tel:`). The number is a fictional 555 number. */
export const WithSecondaryAction: Story = {
  args: {
    secondaryAction: { href: 'tel:+1-555-0100', label: 'Or call 555-0100' },
  },
};

/** A phone number as the main action: on a phone it opens the dialler. */
export const PhoneAction: Story = {
  args: {
    heading: 'Talk to us',
    children: 'Our team can tell you whether a non-surgical treatment could be an option for you.',
    action: { href: 'tel:+1-555-0100', label: 'Call 555-0100' },
    secondaryAction: { href: 'mailto:info@example.org', label: 'Email info@example.org' },
  },
};

/** An email address as the main action, in the quiet tone. */
export const EmailActionQuiet: Story = {
  args: {
    tone: 'quiet',
    heading: 'Send us your questions',
    children: undefined,
    action: { href: 'mailto:info@example.org', label: 'Email info@example.org' },
  },
};

/** Heading only, no body text. */
export const WithoutBody: Story = {
  args: { children: undefined },
};

/** Long heading, body and label: the button text wraps and stays centred; at 320px it spans the card. */
export const LongText: Story = {
  args: {
    heading:
      'Do you have questions about this article or want to see if you are a candidate for non-surgical treatment?',
    children:
      'Before you consider the surgical option based on an MRI, a consultation with a doctor trained in non-surgical treatment of ligament and tendon injuries, such as Prolotherapy and PRP (Platelet Rich Plasma) Therapy, may be an option to surgery.',
    action: {
      href: 'https://example.org/appointments/new-patient-consultation',
      label: 'Request a consultation with a doctor trained in non-surgical treatment',
    },
    secondaryAction: { href: '/treatments/prolotherapy', label: 'Read about prolotherapy and PRP first' },
  },
};

/** At the end of the seed article, after its last paragraph. */
export const InContext: Story = {
  render: (args) => (
    <Prose>
      <h2>Patients who had already failed other treatments were helped by prolotherapy</h2>
      <p>
        One of the most important things to note is that the patients in these two studies were patients who had
        already failed two conservative treatments or already had a surgery.
      </p>
      <CTA {...args} />
    </Prose>
  ),
};
