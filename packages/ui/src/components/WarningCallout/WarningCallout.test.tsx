import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { axeRunOptions } from '../../../../../.storybook/a11y';
import { WarningCallout } from './WarningCallout';

const body = <p>None of these three studies had a comparison group.</p>;

describe('WarningCallout', () => {
  it('has the level-2 heading "Important" by default, without a repeated prefix', () => {
    render(<WarningCallout>{body}</WarningCallout>);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Important');
    expect(screen.getByText('None of these three studies had a comparison group.')).toBeInTheDocument();
  });

  it('reads "Important: " before a heading of its own', () => {
    render(
      <WarningCallout heading="Small studies" headingLevel={3}>
        {body}
      </WarningCallout>,
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Important: Small studies' })).toBeInTheDocument();
  });

  it('has no axe violations', async () => {
    const { container } = render(<WarningCallout heading="Small studies">{body}</WarningCallout>);
    const results = await axe.run(container, { ...axeRunOptions, rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});
