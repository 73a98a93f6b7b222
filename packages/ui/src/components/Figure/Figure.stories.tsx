import type { Meta, StoryObj } from '@storybook/react-vite';
import { BothThemes } from '../../docs/BothThemes';
import { pseudoStates, StateGrid } from '../../docs/states';
import { Figure } from './Figure';
// Generated copies that say how wide they are: the Responsive story shows which one the browser took.
// Files, not data: URLs (`?no-inline` keeps Vite from inlining them): Chromium treats every data:
// candidate as already loaded and shows the widest, whatever the screen.
import copy480 from './story-images/copy-480.svg?no-inline';
import copy960 from './story-images/copy-960.svg?no-inline';
import copy1440 from './story-images/copy-1440.svg?no-inline';

// A generated test image (no real photograph or illustration is invented for the stories).
const testImage = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360"><rect width="640" height="360" fill="#8a8a8a"/><rect x="40" y="40" width="560" height="280" fill="none" stroke="#fff" stroke-width="8"/></svg>',
)}`;
const cc0 = 'https://creativecommons.org/publicdomain/zero/1.0/';

const meta = {
  title: 'Components/Figure',
  component: Figure,
  tags: ['status:beta', 'figure', 'image', 'picture', 'caption', 'illustration', 'credit'],
  args: {
    src: testImage,
    alt: 'A grey rectangle with a white frame (a generated test image)',
    width: 640,
    height: 360,
    credit: 'Generated for this story',
    licence: 'CC0 1.0',
    source: cc0,
    children: 'A generated test image: a grey rectangle with a white frame.',
  },
  argTypes: {
    children: { control: 'text' },
    className: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: `
An image with its caption, and the credit, licence and source link its licence asks for. The
width and height keep the image's space while it loads, so the text does not jump.
        `,
      },
    },
  },
} satisfies Meta<typeof Figure>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Caption, credit, licence and source. */
export const Default: Story = { name: 'Figure' };

/** A caption only: an image the site made itself needs no credit. */
export const CaptionOnly: Story = {
  name: 'Caption only',
  args: { credit: undefined, licence: undefined, source: undefined },
};

/** A decorative image: empty alt text and no caption; screen readers skip it. */
export const Decorative: Story = {
  name: 'Decorative',
  args: { alt: '', credit: undefined, licence: undefined, source: undefined, children: undefined },
};

/**
 * Resized copies in `srcSet` and the drawn width in `sizes`: the browser takes the smallest copy
 * that is sharp enough (here each copy says its width). `width`/`height` stay the original's.
 */
export const Responsive: Story = {
  name: 'Responsive (srcSet and sizes)',
  args: {
    src: copy1440,
    srcSet: `${copy480} 480w, ${copy960} 960w, ${copy1440} 1440w`,
    sizes: '(max-width: 767px) 100vw, 40rem',
    width: 1440,
    height: 810,
    alt: 'A grey-blue rectangle labelled with the width of the copy shown (a generated test image)',
    credit: undefined,
    licence: undefined,
    source: undefined,
    children: 'The copy the browser chose for this screen.',
  },
};

/** The source link in every state, in both themes. */
export const States: Story = {
  name: 'States',
  parameters: { pseudo: pseudoStates('a') },
  render: (args) => (
    <StateGrid>
      {(state, theme) => (
        <Figure {...args}>
          Source link {state === 'default' ? 'at rest' : state}, {theme} theme.
        </Figure>
      )}
    </StateGrid>
  ),
};

/** Light and dark side by side. */
export const InBothThemes: Story = {
  name: 'Both themes',
  render: (args) => <BothThemes>{() => <Figure {...args} />}</BothThemes>,
};
