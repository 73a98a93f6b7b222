import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createRef } from 'react';
import { axeRunOptions } from '../../../../../.storybook/a11y';
import { Details } from './Details';

describe('Details', () => {
  it('is a native details element, closed, with the summary as its control', () => {
    const { container } = render(
      <Details summary="What is a discectomy?">
        <p>Surgery to remove disc material.</p>
      </Details>,
    );
    const details = container.querySelector('details');
    expect(details).not.toBeNull();
    expect(details).not.toHaveAttribute('open');
    expect(details?.querySelector(':scope > summary')).toHaveTextContent('What is a discectomy?');
    expect(screen.getByText('Surgery to remove disc material.')).not.toBeVisible();
  });

  it('opens from the keyboard, with no script of its own', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <Details summary="What is a discectomy?">
        <p>Surgery to remove disc material.</p>
      </Details>,
    );
    const summary = container.querySelector('summary') as HTMLElement;
    summary.focus();
    expect(summary).toHaveFocus();
    await user.click(summary);
    expect(container.querySelector('details')).toHaveAttribute('open');
  });

  it('passes details props through (open, id) and forwards its ref', () => {
    const ref = createRef<HTMLDetailsElement>();
    render(
      <Details ref={ref} summary="Why?" open id="why" variant="expander">
        <p>Because.</p>
      </Details>,
    );
    expect(ref.current?.tagName).toBe('DETAILS');
    expect(ref.current).toHaveAttribute('open');
    expect(ref.current).toHaveAttribute('id', 'why');
  });

  it('has no axe violations, in either variant', async () => {
    const { container } = render(
      <>
        <Details summary="What is a discectomy?">
          <p>Surgery to remove disc material.</p>
        </Details>
        <Details summary="What is a discectomy?" variant="expander" open>
          <p>Surgery to remove disc material.</p>
        </Details>
      </>,
    );
    const results = await axe.run(container, { ...axeRunOptions, rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});
