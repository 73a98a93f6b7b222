import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { axeRunOptions } from '../../../../../.storybook/a11y';
import { Figure } from './Figure';

const props = { src: '/images/spine.png?v=abc', alt: 'A drawing of a lumbar spine', width: 6, height: 4 };

describe('Figure', () => {
  it('is a figure with its caption, and the image sized and loaded lazily', () => {
    render(
      <Figure {...props} credit="Generated for this test" licence="CC0 1.0" source="https://example.org/spine">
        The five lumbar vertebrae.
      </Figure>,
    );
    const figure = screen.getByRole('figure');
    const image = screen.getByRole('img', { name: 'A drawing of a lumbar spine' });
    expect(figure).toContainElement(image);
    expect(image).toHaveAttribute('width', '6');
    expect(image).toHaveAttribute('height', '4');
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(figure.querySelector('figcaption')?.textContent).toBe('The five lumbar vertebrae. Generated for this test, CC0 1.0, Source');
    expect(screen.getByRole('link', { name: 'Source' })).toHaveAttribute('href', 'https://example.org/spine');
  });

  it('leaves out the caption when there is nothing to say, and a decorative image is hidden from screen readers', () => {
    const { container } = render(<Figure {...props} alt="" />);
    expect(container.querySelector('figcaption')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('passes resized copies and the drawn width to the image, keeping the original size; sizes only with copies', () => {
    const srcSet = '/images/spine.png?v=abc&w=480 480w, /images/spine.png?v=abc 1000w';
    const { rerender } = render(<Figure {...props} width={1000} height={400} srcSet={srcSet} sizes="(max-width: 767px) 100vw, 40rem" />);
    const image = screen.getByRole('img');
    expect(image).toHaveAttribute('srcset', srcSet);
    expect(image).toHaveAttribute('sizes', '(max-width: 767px) 100vw, 40rem');
    expect([image.getAttribute('width'), image.getAttribute('height')]).toEqual(['1000', '400']);
    rerender(<Figure {...props} sizes="100vw" />);
    expect(screen.getByRole('img')).not.toHaveAttribute('sizes');
    expect(screen.getByRole('img')).not.toHaveAttribute('srcset');
  });

  it('has no axe violations', async () => {
    const { container } = render(
      <Figure {...props} credit="Generated for this test" licence="CC0 1.0" source="https://example.org/spine">
        The five lumbar vertebrae.
      </Figure>,
    );
    const results = await axe.run(container, { ...axeRunOptions, rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});
