/** The import's fast create path must write exactly what createActivity writes. */
import { describe, expect, it } from 'vitest';
import { activityFieldsSchema } from '../model/schemas.js';
import { activityFields, createActivity } from '../services/activities.js';
import { exportDocument } from '../document/export.js';
import { openTempRegister } from '../testing/temp-register.js';
import { ValidatedWriter } from './write-activity.js';

describe('ValidatedWriter', () => {
  it('gives the same activities and the same history as createActivity', () => {
    const a = openTempRegister({ demo: true });
    const b = openTempRegister({ demo: true });
    try {
      const now = '2025-01-01T00:00:00.000Z';
      a.reg.now = () => now;
      b.reg.now = () => now;
      const sources = a.reg.activities.loadMany({}).map((x) => ({ org: x.organisationId, fields: activityFields(x) }));
      const writer = new ValidatedWriter(b.reg);
      a.reg.write(() => {
        sources.forEach((s, i) => createActivity(a.reg, s.org, { ...s.fields, ref: `C-${i}`, recipients: s.fields.recipients.map((r) => ({ name: r.name, role: r.role, precision: r.precision })) }, { source: 'import' }, { createdAt: now, updatedAt: now }));
      });
      b.reg.write(() => {
        sources.forEach((s, i) => {
          const f = activityFieldsSchema.parse({ ...s.fields, ref: `C-${i}`, recipients: s.fields.recipients.map((r) => ({ name: r.name, role: r.role, precision: r.precision })) });
          writer.create(s.org, f, { source: 'import' }, now, now);
        });
      });
      const strip = (d: ReturnType<typeof exportDocument>) => JSON.parse(JSON.stringify({ ...d, exportedAt: '' }, (k, v) => (k === 'createdAt' || k === 'updatedAt' ? '' : v)));
      expect(strip(exportDocument(b.reg, {}))).toEqual(strip(exportDocument(a.reg, {})));
      const history = (reg: typeof a.reg) => reg.sqlite.prepare("SELECT entity_type, entity_id, entity_label, action, changes_json FROM history WHERE source = 'import' ORDER BY id").all();
      expect(history(b.reg)).toEqual(history(a.reg));
      expect(history(a.reg).length).toBe(sources.length);
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});
