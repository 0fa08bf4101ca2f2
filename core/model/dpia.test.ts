import { describe, expect, it } from 'vitest';
import { EMPTY_DPIA } from './dpia.js';
import { activityFieldsSchema, dpiaSchema } from './schemas.js';

describe('an empty DPIA section', () => {
  it('is what the schema gives when the section is absent, a new object each time', () => {
    expect(dpiaSchema.parse(undefined)).toEqual(EMPTY_DPIA);
    const a = activityFieldsSchema.parse({ name: 'x', purpose: 'y' });
    const b = activityFieldsSchema.parse({ name: 'x', purpose: 'y' });
    expect(a.dpia).toEqual(EMPTY_DPIA);
    expect(a.dpia).not.toBe(b.dpia);
    expect(a.dpia.criteria).not.toBe(b.dpia.criteria);
  });
});
