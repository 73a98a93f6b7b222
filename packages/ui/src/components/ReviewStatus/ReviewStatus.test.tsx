import { render, screen } from '@testing-library/react';
import { axeViolations } from '@cited/test-utils/axe';
import { ReviewStatus, reviewStatusOf } from './ReviewStatus';
import { formatIsoDate, parseIsoDate, todayIsoDate } from './reviewDates';

const author = { name: 'Magaziner Center for Wellness', href: '/people/magaziner-center' };
const reviewer = { name: 'Reviewer name', credentials: 'Qualifications', href: '/people/reviewer' };

describe('reviewStatusOf', () => {
  it('is reviewed with a reviewer and a review date still ahead', () => {
    expect(reviewStatusOf({ reviewer, nextReviewDue: '2027-01-10', today: '2026-02-01' })).toBe('reviewed');
  });

  it('is reviewed on the due date itself: due means "by", not "before"', () => {
    expect(reviewStatusOf({ reviewer, nextReviewDue: '2026-01-10', today: '2026-01-10' })).toBe('reviewed');
  });

  it('is overdue the day after the due date, with or without a reviewer', () => {
    expect(reviewStatusOf({ reviewer, nextReviewDue: '2026-01-10', today: '2026-01-11' })).toBe('overdue');
    expect(reviewStatusOf({ nextReviewDue: '2026-01-10', today: '2026-01-11' })).toBe('overdue');
  });

  it('is not reviewed without a reviewer, or with a blank name', () => {
    expect(reviewStatusOf({ today: '2026-02-01' })).toBe('not-reviewed');
    expect(reviewStatusOf({ reviewer: { name: '  ' }, today: '2026-02-01' })).toBe('not-reviewed');
  });

  it('ignores a due date that is not a real YYYY-MM-DD date', () => {
    expect(reviewStatusOf({ reviewer, nextReviewDue: '2025-02-30', today: '2026-02-01' })).toBe('reviewed');
    expect(reviewStatusOf({ reviewer, nextReviewDue: 'soon', today: '2026-02-01' })).toBe('reviewed');
  });

  it("judges against today's UTC date when today is not given", () => {
    expect(reviewStatusOf({ reviewer, nextReviewDue: '2000-01-01' })).toBe('overdue');
    expect(reviewStatusOf({ reviewer, nextReviewDue: '9999-12-31' })).toBe('reviewed');
  });
});

describe('review dates', () => {
  it('formats in en-GB, UTC: the same text on the server and in any browser', () => {
    expect(formatIsoDate('2026-01-10')).toBe('10 January 2026');
    expect(formatIsoDate('2026-02-30')).toBeUndefined();
    expect(formatIsoDate('10/01/2026')).toBeUndefined();
    expect(parseIsoDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it("takes today's date in UTC", () => {
    expect(todayIsoDate(new Date('2026-01-10T23:30:00-05:00'))).toBe('2026-01-11');
  });
});

describe('ReviewStatus', () => {
  it('says who wrote and who reviewed the page, with credentials, each name a link', () => {
    render(<ReviewStatus author={author} reviewer={reviewer} today="2026-02-01" />);
    expect(screen.getByText(/^Written by/)).toHaveTextContent('Written by Magaziner Center for Wellness');
    expect(screen.getByText(/^Medically reviewed by/)).toHaveTextContent('Medically reviewed by Reviewer name, Qualifications');
    expect(screen.getByRole('link', { name: 'Magaziner Center for Wellness' })).toHaveAttribute('href', '/people/magaziner-center');
    expect(screen.getByRole('link', { name: 'Reviewer name' })).toHaveAttribute('href', '/people/reviewer');
  });

  it('shows names without href as text', () => {
    render(<ReviewStatus author={{ name: 'Magaziner Center for Wellness' }} reviewer={{ name: 'Reviewer name' }} today="2026-02-01" />);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText(/^Medically reviewed by/)).toHaveTextContent('Medically reviewed by Reviewer name');
  });

  it('prints each date in words inside a <time> carrying the ISO date', () => {
    const { container } = render(
      <ReviewStatus reviewer={reviewer} published="2025-03-03" lastReviewed="2026-01-10" nextReviewDue="2027-01-10" today="2026-02-01" />,
    );
    const times = [...container.querySelectorAll('time')].map((time) => [time.parentElement?.textContent, time.dateTime]);
    expect(times).toEqual([
      ['Published 3 March 2025', '2025-03-03'],
      ['Last reviewed 10 January 2026', '2026-01-10'],
      ['Next review due 10 January 2027', '2027-01-10'],
    ]);
  });

  it('leaves out a date that is not a real ISO date instead of printing "Invalid Date"', () => {
    const { container } = render(<ReviewStatus reviewer={reviewer} lastReviewed="10 Jan" today="2026-02-01" />);
    expect(container).not.toHaveTextContent(/Last reviewed|Invalid/);
  });

  it('says so when nobody reviewed the page', () => {
    render(<ReviewStatus author={author} today="2026-02-01" />);
    expect(screen.getByText('This article has not been medically reviewed.')).toBeVisible();
    expect(screen.queryByText(/Medically reviewed by/)).not.toBeInTheDocument();
  });

  it('has no not-reviewed notice when a reviewer is named', () => {
    render(<ReviewStatus author={author} reviewer={reviewer} today="2026-02-01" />);
    expect(screen.queryByText(/not been medically reviewed/)).not.toBeInTheDocument();
  });

  it('says the page is overdue for review, judged against the injected today', () => {
    const { rerender, container } = render(
      <ReviewStatus reviewer={reviewer} lastReviewed="2025-01-10" nextReviewDue="2026-01-10" today="2026-01-11" />,
    );
    const notice = screen.getByText(/was due for review/).closest('p');
    expect(notice).toHaveTextContent('This page was due for review on 10 January 2026. Some information may be out of date.');
    expect(notice?.querySelector('time')).toHaveAttribute('dateTime', '2026-01-10');
    // The due date is said once, in the notice.
    expect(container).not.toHaveTextContent(/Next review due/);

    rerender(<ReviewStatus reviewer={reviewer} lastReviewed="2025-01-10" nextReviewDue="2026-01-10" today="2026-01-10" />);
    expect(screen.queryByText(/was due for review/)).not.toBeInTheDocument();
    expect(container).toHaveTextContent('Next review due 10 January 2026');
  });

  it('shows both notices for a page neither reviewed nor within its review date', () => {
    render(<ReviewStatus nextReviewDue="2026-01-10" today="2026-02-01" />);
    expect(screen.getByText('This article has not been medically reviewed.')).toBeInTheDocument();
    expect(screen.getByText(/was due for review/)).toBeInTheDocument();
  });

  it('has no axe violations in any state', async () => {
    const { container } = render(
      <>
        <ReviewStatus author={author} reviewer={reviewer} lastReviewed="2026-01-10" nextReviewDue="2027-01-10" today="2026-02-01" />
        <ReviewStatus author={author} nextReviewDue="2026-01-10" today="2026-02-01" />
      </>,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
