import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { axeRunOptions } from '../../../../../.storybook/a11y';
import { InsetText } from './InsetText';

describe('InsetText', () => {
  it('is read with an "Information: " prefix before its text', () => {
    const { container } = render(
      <InsetText>
        <p>The study had no comparison group.</p>
      </InsetText>,
    );
    expect(container.firstElementChild?.textContent).toBe('Information: The study had no comparison group.');
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('takes its own prefix, or none', () => {
    const { container, rerender } = render(<InsetText hiddenPrefix="Note:">Text</InsetText>);
    expect(container.firstElementChild?.textContent).toBe('Note: Text');
    rerender(<InsetText hiddenPrefix="">Text</InsetText>);
    expect(container.firstElementChild?.textContent).toBe('Text');
  });

  it('has no axe violations', async () => {
    const { container } = render(
      <InsetText>
        <p>
          The article cites <a href="#ref-3">reference 3</a> two paragraphs later.
        </p>
      </InsetText>,
    );
    const results = await axe.run(container, { ...axeRunOptions, rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});
