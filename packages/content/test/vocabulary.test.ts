// The markdown side accepts exactly what @cited/ui renders: the core entry keeps its own copies of
// the vocabularies (it must not load React components), and this test keeps them in step.
import { careCardLevels, studyCertainties as uiCertainties, studyDesigns as uiDesigns, studyFigureRoles as uiFigureRoles } from '@cited/ui';
import { describe, expect, it } from 'vitest';
import { careLevels } from '../src/plugins/care.js';
import { studyCertainties, studyDesigns, studyFigureRoles } from '../src/plugins/study.js';

describe('directive vocabularies', () => {
  it('care card levels are the ui CareCard levels', () => {
    expect([...careLevels]).toEqual([...careCardLevels]);
  });

  it('study certainty, design and figure role values are the ui StudyCallout values', () => {
    expect([...studyCertainties]).toEqual([...uiCertainties]);
    expect([...studyDesigns]).toEqual([...uiDesigns]);
    expect([...studyFigureRoles]).toEqual([...uiFigureRoles]);
  });
});
