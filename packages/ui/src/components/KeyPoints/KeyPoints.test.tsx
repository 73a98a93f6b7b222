import { render, screen, within } from '@testing-library/react';
import { axeViolations } from '@cited/test-utils/axe';
import { createRef } from 'react';
import { KeyPoints } from './KeyPoints';

const points = (
  <ul>
    <li>None of these three studies had a comparison group.</li>
    <li>They cannot say which treatment is right for you.</li>
  </ul>
);

describe('KeyPoints', () => {
  it('is a region named "Key points" by its level-2 heading by default', () => {
    render(<KeyPoints>{points}</KeyPoints>);
    const region = screen.getByRole('region', { name: 'Key points' });
    expect(within(region).getByRole('heading', { level: 2, name: 'Key points' })).toBeInTheDocument();
    expect(within(region).getAllByRole('listitem')).toHaveLength(2);
  });

  it('takes its own heading and level', () => {
    render(
      <KeyPoints heading="What this article says" headingLevel={3}>
        {points}
      </KeyPoints>,
    );
    expect(screen.getByRole('region', { name: 'What this article says' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('What this article says');
  });

  it('passes section props through and forwards its ref', () => {
    const ref = createRef<HTMLElement>();
    render(
      <KeyPoints ref={ref} id="key-points" data-testid="box">
        {points}
      </KeyPoints>,
    );
    expect(screen.getByTestId('box')).toHaveAttribute('id', 'key-points');
    expect(ref.current?.tagName).toBe('SECTION');
  });

  it('has no axe violations', async () => {
    const { container } = render(<KeyPoints>{points}</KeyPoints>);
    expect(await axeViolations(container)).toEqual([]);
  });
});
