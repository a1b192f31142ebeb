import { describe, expect, it } from 'vitest';
import { describeWas, jobChanges } from '../../../components/panel/jobChange';

describe('job change detection', () => {
  const saved = { headline: 'Engineer at Initech', company: 'Initech' };

  it('reports a new headline and company with what was saved', () => {
    expect(jobChanges(saved, { headline: 'Staff Engineer at Globex', company: 'Globex' })).toEqual([
      { field: 'headline', was: 'Engineer at Initech', now: 'Staff Engineer at Globex' },
      { field: 'company', was: 'Initech', now: 'Globex' },
    ]);
    expect(describeWas(saved)).toBe('Engineer at Initech · Initech');
  });

  it('ignores differences in white space and letter case', () => {
    expect(jobChanges(saved, { headline: '  engineer   at INITECH ', company: 'initech' })).toEqual([]);
  });

  it('never treats a field the page could not read as a change', () => {
    expect(jobChanges(saved, { headline: null, company: null })).toEqual([]);
    expect(jobChanges(saved, null)).toEqual([]);
  });

  it('reports a field the contact had no value for', () => {
    expect(jobChanges({ headline: null, company: null }, { headline: 'Designer', company: null })).toEqual([
      { field: 'headline', was: null, now: 'Designer' },
    ]);
    expect(describeWas({ headline: null, company: null })).toBe('nothing recorded');
  });
});
