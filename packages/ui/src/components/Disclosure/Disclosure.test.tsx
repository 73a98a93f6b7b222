import { render, screen, within } from '@testing-library/react';
import { axeViolations } from '@cited/test-utils/axe';
import { createRef } from 'react';
import { Disclosure } from './Disclosure';

const statement = 'The Magaziner Center for Wellness, which publishes this article, provides prolotherapy, PRP and stem cell therapy.';

describe('Disclosure', () => {
  it('is a complementary landmark named "Disclosure", the word shown above the statement', () => {
    render(
      <Disclosure>
        <p>{statement}</p>
      </Disclosure>,
    );
    const aside = screen.getByRole('complementary', { name: 'Disclosure' });
    expect(aside.firstElementChild).toHaveTextContent('Disclosure');
    expect(within(aside).getByText(statement)).toBeVisible();
  });

  it('takes its own heading', () => {
    render(<Disclosure heading="Conflicts of interest">{statement}</Disclosure>);
    expect(screen.getByRole('complementary', { name: 'Conflicts of interest' })).toHaveTextContent(statement);
  });

  it('does not add a heading to the page outline (it sits in the byline)', () => {
    render(<Disclosure>{statement}</Disclosure>);
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
  });

  it('passes aside props through and forwards its ref', () => {
    const ref = createRef<HTMLElement>();
    render(
      <Disclosure ref={ref} id="disclosure" data-testid="box">
        {statement}
      </Disclosure>,
    );
    expect(screen.getByTestId('box')).toHaveAttribute('id', 'disclosure');
    expect(ref.current?.tagName).toBe('ASIDE');
  });

  it('has no axe violations', async () => {
    const { container } = render(<Disclosure>{statement}</Disclosure>);
    expect(await axeViolations(container)).toEqual([]);
  });
});
