import { render, screen, within } from '@testing-library/react';
import { axeViolations } from '@cited/test-utils/axe';
import { declaredStyle, spokenText } from '@cited/test-utils/dom';
import { Citation } from '../Citation';
import { StudyCallout } from './StudyCallout';
import {
  certaintyStatement,
  studyCertainties,
  studyDesignDescription,
  studyDesignDescriptions,
  studyDesigns,
  type StudyCertainty,
} from './studyEvidence';

describe('certaintyStatement', () => {
  it("gives Cochrane's plain-language sentence for each GRADE level", () => {
    expect(studyCertainties.map(certaintyStatement)).toEqual([
      'We are confident in the evidence',
      'We are moderately confident in the evidence',
      'We have little confidence in the evidence',
      'We are not confident in the evidence',
    ]);
  });
});

describe('studyDesigns', () => {
  it('explains every design in one plain sentence', () => {
    expect(Object.keys(studyDesignDescriptions)).toEqual([...studyDesigns]);
    for (const design of studyDesigns) expect(studyDesignDescriptions[design]).toMatch(/^[A-Z].+\.$/);
  });

  it('finds a known design whatever its case, and nothing for others', () => {
    expect(studyDesignDescription(' Case series ')).toBe(studyDesignDescriptions['case series']);
    expect(studyDesignDescription('Review of second opinions')).toBeUndefined();
  });
});

function renderCertainty(certainty: StudyCertainty) {
  return render(
    <StudyCallout title="A specimen" figure="X%" certainty={certainty}>
      of people in a made-up example study felt better.
    </StudyCallout>,
  );
}

describe('StudyCallout certainty', () => {
  it.each([
    ['high', 'We are confident in the evidence.', 'Certainty: high (4 of 4)', 4],
    ['moderate', 'We are moderately confident in the evidence.', 'Certainty: moderate (3 of 4)', 3],
    ['low', 'We have little confidence in the evidence.', 'Certainty: low (2 of 4)', 2],
    ['very-low', 'We are not confident in the evidence.', 'Certainty: very low (1 of 4)', 1],
  ] as const)('%s: the sentence, then the scale in words with %s marks filled', (certainty, sentence, scale, filled) => {
    renderCertainty(certainty);
    const callout = screen.getByRole('complementary');
    expect(within(callout).getByText(sentence)).toBeVisible();
    const scaleText = within(callout).getByText(scale);
    // The four marks are drawn shapes, hidden from screen readers: the words say the same once.
    const marks = scaleText.parentElement!.querySelector('[aria-hidden="true"]')!;
    expect(marks.children).toHaveLength(4);
    // Filled marks are discs (a border as thick as the radius), the rest rings.
    const widths = [...marks.children].map((mark) => declaredStyle(mark, 'border-top-width'));
    expect(widths).toEqual([...Array(filled).fill('0.4375em'), ...Array(4 - filled).fill('2px')]);
    expect(spokenText(scaleText.parentElement!)).toBe(scale);
  });

  it('is read once, in order: sentence then scale, after the finding', () => {
    renderCertainty('low');
    const spoken = spokenText(screen.getByRole('complementary'));
    expect(spoken).toMatch(/felt better\.We have little confidence in the evidence\.Certainty: low \(2 of 4\)$/);
    expect(spoken.match(/Certainty/g)).toHaveLength(1);
  });

  it('shows no certainty when none is given', () => {
    render(<StudyCallout figure="1">x</StudyCallout>);
    expect(screen.queryByText(/Certainty|confiden/)).not.toBeInTheDocument();
  });
});

describe('StudyCallout detail figure', () => {
  function renderDose(figureRole?: 'detail' | 'outcome') {
    return render(
      <StudyCallout
        title="Bone marrow concentrate injected into the disc"
        figure="2 ml"
        figureRole={figureRole}
        sampleSize={26}
        citation={<Citation numbers={[7]} />}
      >
        Dose
      </StudyCallout>,
    );
  }

  it('lists the figure as a fact, "Dose: 2 ml", first among the facts', () => {
    renderDose('detail');
    const [firstTerm] = screen.getAllByRole('term');
    const [firstDefinition] = screen.getAllByRole('definition');
    expect(firstTerm).toHaveTextContent('Dose');
    expect(firstDefinition).toHaveTextContent('2 ml');
  });

  it('does not show the figure as the headline: the title stays the heading, no big number', () => {
    const { container } = renderDose('detail');
    expect(screen.getByRole('heading')).toHaveAccessibleName('Study: Bone marrow concentrate injected into the disc');
    // The only place "2 ml" appears is inside the facts list.
    const figures = within(container).getAllByText('2 ml');
    expect(figures).toHaveLength(1);
    expect(figures[0]!.closest('dl')).not.toBeNull();
    expect(figures[0]!.tagName).toBe('DD');
  });

  it('by default (outcome) shows the figure as the headline, outside the facts', () => {
    renderDose();
    const figure = screen.getByText('2 ml');
    expect(figure.closest('dl')).toBeNull();
  });

  it('explains a known design under the facts only when asked', () => {
    const { rerender } = render(
      <StudyCallout figure="X%" design="case series">
        x
      </StudyCallout>,
    );
    expect(screen.queryByText(studyDesignDescriptions['case series'])).not.toBeInTheDocument();
    rerender(
      <StudyCallout figure="X%" design="case series" explainDesign>
        x
      </StudyCallout>,
    );
    expect(screen.getByText(studyDesignDescriptions['case series'])).toBeVisible();
  });

  it('has no axe violations with certainty and a detail figure', async () => {
    const { container } = render(
      <StudyCallout title="Dose" figure="2 ml" figureRole="detail" certainty="very-low" sampleSize={26}>
        Dose
      </StudyCallout>,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
