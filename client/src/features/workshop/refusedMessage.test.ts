import { describe, expect, it } from 'vitest';
import { da } from '../../i18n/da.ts';
import { en } from '../../i18n/en.ts';
import { explainRefusal } from './refusedMessage.ts';

describe('explainRefusal (W2, W9)', () => {
  it('names a refused comment write as comments, with the comment form as the way to write one', () => {
    expect(explainRefusal({ reason: 'workshopIsServerOnly', sections: ['comments'] }, da)).toEqual({
      reason: da.workshop.refused.reasons.commentsAreServerOnly,
      sectionNames: 'Kommentarer',
    });
    expect(explainRefusal({ reason: 'workshopIsServerOnly', sections: ['comments'] }, en).sectionNames).toBe(
      'Comments',
    );
  });

  it('keeps the workshop reason when the workshop record was touched, and names sections by title', () => {
    const both = explainRefusal({ reason: 'workshopIsServerOnly', sections: ['comments', 'workshop'] }, da);
    expect(both.reason).toBe(da.workshop.refused.reasons.workshopIsServerOnly);
    expect(both.sectionNames).toBe(`Kommentarer, ${da.workshop.bar.label}`);
    const locked = explainRefusal({ reason: 'sectionLocked', sections: ['facts', 'outcomes'] }, en);
    expect(locked).toEqual({
      reason: en.workshop.refused.reasons.sectionLocked,
      sectionNames: `${en.sections.facts.title}, ${en.sections.outcomes.title}`,
    });
  });

  it('reads an unknown reason as the general refusal', () => {
    expect(explainRefusal({ reason: 'somethingNew', sections: [] }, da)).toEqual({
      reason: da.workshop.refused.reasons.other,
      sectionNames: '',
    });
  });
});
