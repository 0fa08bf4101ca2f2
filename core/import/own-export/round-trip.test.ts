/**
 * Art30's own exports come back whole: the demo register exported as XLSX (whole workbook) and CSV,
 * in French and in English, imported into an empty register, gives back every organisation, every
 * activity and every field (recipients with type, role and countries; transfers with safeguard and
 * documentation; retention per category; security measures with details; DPIA; clients).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../../testing/temp-register.js';
import { activityFields } from '../../services/activities.js';
import { listOrganisations, organisationData } from '../../services/organisations.js';
import { listRecipients, recipientData } from '../../services/recipients.js';

const open: TempRegister[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

function snapshot(t: TempRegister) {
  const orgs = listOrganisations(t.reg).sort((a, b) => a.name.localeCompare(b.name));
  return {
    organisations: orgs.map((o) => ({
      data: organisationData(o),
      activities: t.reg.activities
        .loadMany({ organisationId: o.id })
        .map((a) => {
          const f = activityFields(a) as Record<string, unknown>;
          // Recipients by name, type and countries (directory ids differ between registers).
          f.recipients = a.recipients.map((r) => ({ name: r.name, type: r.type, countries: r.countries, role: r.role, precision: r.precision }));
          return f;
        })
        .sort((x, y) => String(x.ref).localeCompare(String(y.ref))),
    })),
    recipients: listRecipients(t.reg)
      .filter((r) => r.activityCount > 0)
      .map((r) => {
        const { contact: _c, notes: _n, ...d } = recipientData(r);
        return d;
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

describe('the round trip of Art30’s own exports into an empty register', () => {
  it('json: the register document sent by the window (import/documentBytes) gives back the same register', async () => {
    const src = openTempRegister({ demo: true });
    open.push(src);
    const out = path.join(src.dir, 'registre.json');
    await src.call('export/file', { format: 'json', lang: 'fr', out, scope: {} });
    const dst = openTempRegister();
    open.push(dst);
    const r = await dst.call('import/documentBytes', { fileName: 'registre.json', base64: fs.readFileSync(out).toString('base64') });
    expect(r.activities.created).toBe(src.reg.activities.loadMany({}).length);
    expect(snapshot(dst)).toEqual(snapshot(src));
  });

  for (const format of ['xlsx', 'csv'] as const) {
    for (const lang of ['fr', 'en'] as const) {
      it(`${format} (${lang}): every organisation, activity and field comes back`, async () => {
        const src = openTempRegister({ demo: true });
        open.push(src);
        // An organisation without activities comes back too (from the XLSX's Registre sheet).
        if (format === 'xlsx')
          await src.call('organisations/create', {
            organisation: { name: 'Filiale sans traitement', city: 'Lyon', dpo: { name: 'Durand', email: 'dpo@filiale.example' } },
          } as never);
        const out = path.join(src.dir, `registre.${format}`);
        await src.call('export/file', { format, lang, out, scope: {} });
        const dst = openTempRegister();
        open.push(dst);
        const p = await dst.call('import/open', { file: out });
        expect(p.ownExport).toMatchObject({ lang });
        expect(p.counts.error).toBe(0);
        expect(p.rows.flatMap((r) => r.warnings)).toEqual([]);
        expect(p.newOrganisations.length).toBe(listOrganisations(src.reg).length);
        const s = await dst.call('import/commit', { sessionId: p.sessionId });
        expect(s.created).toBe(src.reg.activities.loadMany({}).length);
        const want = snapshot(src);
        const got = snapshot(dst);
        if (format === 'csv') {
          // The CSV names organisations and has no identity blocks nor directory contract details.
          want.organisations.forEach((o) => (o.data = { ...got.organisations.find((g) => g.data.name === o.data.name)!.data }));
          want.recipients.forEach((r) => Object.assign(r, { contractRef: '', contractDate: '', dpfCertified: false }));
        }
        expect(got.organisations.length).toBe(want.organisations.length);
        want.organisations.forEach((o, i) => {
          expect(got.organisations[i].data, o.data.name).toEqual(o.data);
          expect(got.organisations[i].activities.length).toBe(o.activities.length);
          o.activities.forEach((a, k) => {
            for (const field of Object.keys(a)) expect(got.organisations[i].activities[k][field], `${String(a.ref)}.${field}`).toEqual(a[field]);
          });
        });
        expect(got.recipients).toEqual(want.recipients);
        // Importing the same file again changes nothing.
        const again = await dst.call('import/open', { file: out });
        expect(
          again.counts.update,
          JSON.stringify(
            again.rows
              .filter((r) => r.status === 'update')
              .map((r) => r.changes)
              .slice(0, 2),
          ),
        ).toBe(0);
        expect(fs.existsSync(out)).toBe(true);
      });
    }
  }
});
