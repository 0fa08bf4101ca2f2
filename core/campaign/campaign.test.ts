/**
 * Review campaigns end to end on a real register file: a campaign of three departments written to a
 * folder, one answer re-saved by LibreOffice (XLSX and ODS), one answered while the register changed
 * (conflict kept), one never returned (late, reminder draft), the review dates and history after
 * collecting, and every refusal (nothing written).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempRegister, tempDir, type TempRegister } from '../testing/temp-register.js';

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();

/** Re-saves a workbook with LibreOffice, as a department would (to xlsx or ods). */
function resave(file: string, to: 'xlsx' | 'ods'): string {
  const out = tempDir('art30-lo-out-');
  const profile = tempDir('art30-lo-profile-');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', out, file], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  fs.rmSync(profile, { recursive: true, force: true });
  return path.join(out, `${path.basename(file, path.extname(file))}.${to}`);
}

/** Answers a workbook as a department would, with exceljs: `rows` by reference, `added` on the new-activities sheet. */
async function answer(file: string, out: string, rows: Record<string, Record<number, string>>, added: string[][] = [], edit?: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('Vos traitements')!;
  sheet.eachRow((row, n) => {
    const cells = rows[String(row.getCell(1).value)];
    if (n > 1 && cells) for (const [c, v] of Object.entries(cells)) row.getCell(Number(c)).value = v;
  });
  const extra = wb.getWorksheet('Nouveaux traitements')!;
  added.forEach((values, i) => values.forEach((v, c) => (extra.getCell(i + 2, c + 1).value = v)));
  edit?.(wb);
  await wb.xlsx.writeFile(out);
  return out;
}

// Columns of "Vos traitements": A ref, B name, C owner, D purpose, E legal bases, F subjects, G data, H recipients, I retention, J answer, K comment.
const PURPOSE = 4;
const RECIPIENTS = 8;
const ANSWER = 10;
const COMMENT = 11;

describe('review campaigns', () => {
  let t: TempRegister;
  let out: string;
  let campaignId: number;
  const now = { value: '2026-12-01T09:00:00.000Z' };
  const file = (dept: string, ext = 'xlsx') =>
    path.join(
      out,
      fs.readdirSync(out).find((f) => f.includes(dept) && f.endsWith(`.${ext}`))!,
    );
  const historyCount = () => t.reg.sqlite.prepare('SELECT count(*) FROM history').pluck().get() as number;
  const activity = async (ref: string) => t.call('activities/getByRef', { ref, organisationId: 1 });

  beforeAll(async () => {
    t = openTempRegister({ demo: true });
    t.reg.now = () => now.value;
    out = path.join(t.dir, 'envoi');
    const c = await t.call('campaign/create', {
      organisationId: 1,
      departments: ['Ressources humaines', 'marketing', 'Commercial'],
      dueOn: '2026-12-15',
      message: 'Merci pour votre aide.',
      emails: { 'Ressources humaines': 'drh@atelier-lumiere.example' },
    });
    campaignId = c.id;
    await t.call('campaign/write', { id: c.id, dir: out });
  });
  afterAll(() => t.cleanup());

  it('writes one workbook and one e-mail draft per department', async () => {
    const c = await t.call('campaign/get', { id: campaignId });
    expect(c.departments.map((d) => [d.name, d.activities.length, d.state])).toEqual([
      ['Commercial', 2, 'sent'],
      ['Marketing', 1, 'sent'],
      ['Ressources humaines', 3, 'sent'],
    ]);
    expect(fs.readdirSync(out).sort()).toEqual([
      'revue-registre-c-001-commercial.eml',
      'revue-registre-c-001-commercial.xlsx',
      'revue-registre-c-001-marketing.eml',
      'revue-registre-c-001-marketing.xlsx',
      'revue-registre-c-001-ressources-humaines.eml',
      'revue-registre-c-001-ressources-humaines.xlsx',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file('ressources-humaines'));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Mode d’emploi', 'visible'],
      ['Vos traitements', 'visible'],
      ['Nouveaux traitements', 'visible'],
      ['Listes', 'hidden'],
      ['Art30', 'hidden'],
    ]);
    const sheet = wb.getWorksheet('Vos traitements')!;
    expect(sheet.getRow(1).values).toContain('Votre réponse');
    expect(sheet.getCell(2, ANSWER).dataValidation.type).toBe('list');
    expect(sheet.getCell(2, 1).value).toBe('T-001');
    expect(wb.getWorksheet('Mode d’emploi')!.getCell('A1').value).toBe('Revue du registre des traitements — Ressources humaines (Atelier Lumière SAS)');
  });

  it('writes e-mail drafts a mail library reads back, the workbook attached', async () => {
    const email = await PostalMime.parse(fs.readFileSync(file('ressources-humaines', 'eml')));
    expect(email.subject).toBe('Revue de vos traitements de données — réponse avant le 15/12/2026');
    expect(email.to?.[0]?.address).toBe('drh@atelier-lumiere.example');
    expect(email.headers.find((h) => h.key === 'x-unsent')?.value).toBe('1');
    expect(email.text).toContain('Ressources humaines : 3 traitements à vérifier');
    expect(email.text).toContain('Merci pour votre aide.');
    expect(email.attachments).toHaveLength(1);
    expect(email.attachments[0].filename).toBe('revue-registre-c-001-ressources-humaines.xlsx');
    expect(email.attachments[0].mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(email.attachments[0].content as ArrayBuffer).equals(fs.readFileSync(file('ressources-humaines')))).toBe(true);
  });

  it.skipIf(!hasSoffice)(
    'collects an answer re-saved by LibreOffice (XLSX and ODS): reviews, changes, retirement, new drafts',
    async () => {
      const answered = await answer(
        file('ressources-humaines'),
        path.join(t.dir, 'rh-answer.xlsx'),
        {
          'T-001': { [ANSWER]: 'Toujours exact' },
          'T-002': { [ANSWER]: 'Modifié', [RECIPIENTS]: 'Service des ressources humaines\nJobBoard Pro', [COMMENT]: 'Nouveau site d’offres' },
          'T-003': { [ANSWER]: 'N’est plus réalisé', [COMMENT]: 'Arrêté en juin' },
        },
        [['Badges d’accès', 'Directrice des ressources humaines', 'Contrôle des accès aux locaux', 'Intérêt légitime', 'Salariés', 'Identité']],
      );
      const t2 = await activity('T-002');
      const before = { recipients: t2.recipients.map((r) => r.name), history: historyCount() };
      const xlsx = resave(answered, 'xlsx');
      const ods = resave(answered, 'ods');

      for (const f of [xlsx, ods]) {
        const p = await t.call('campaign/readFile', { file: f, campaignId });
        if (p.kind !== 'campaign') throw new Error('not recognised');
        expect(p.department.name).toBe('Ressources humaines');
        expect(p.activities.map((a) => [a.ref, a.answer])).toEqual([
          ['T-001', 'accurate'],
          ['T-002', 'changed'],
          ['T-003', 'retired'],
        ]);
        const rec = p.activities[1].fields.find((x) => x.field === 'recipients')!;
        expect(rec).toMatchObject({ changed: true, conflict: false });
        expect(p.newActivities.map((n) => n.cells.name)).toEqual(['Badges d’accès']);
      }
      expect(historyCount()).toBe(before.history);

      const r = await t.call('campaign/collectFile', { file: xlsx, campaignId });
      expect(r).toMatchObject({ reviewed: ['T-001', 'T-002'], changed: ['T-002'], retired: ['T-003'], keptConflicts: [] });
      expect(r.created).toHaveLength(1);

      const a1 = await activity('T-001');
      expect([a1.lastReviewedAt, a1.lastReviewedBy, a1.nextReviewAt]).toEqual(['2026-12-01', 'Ressources humaines (campagne C-001)', '']);
      const a2 = await activity('T-002');
      // The recipient the department removed goes, the one it added comes; the kept one keeps its details.
      expect(before.recipients).toEqual(['Service des ressources humaines', 'TalentBridge Ltd']);
      expect(a2.recipients.map((x) => x.name)).toEqual(['Service des ressources humaines', 'JobBoard Pro']);
      expect(a2.recipients[0]).toMatchObject({ role: 'Sélection des candidats', type: 'internal' });
      // Everything the department did not touch stays as it was (legal bases with their justifications).
      expect(a2.legalBases).toEqual(t2.legalBases);
      expect((await activity('T-003')).status).toBe('retired');
      const draft = await activity(r.created[0]);
      expect(draft).toMatchObject({ status: 'draft', department: 'Ressources humaines', name: 'Badges d’accès', purpose: 'Contrôle des accès aux locaux' });
      expect(draft.legalBases.map((b) => b.code)).toEqual(['legitimate_interests']);

      // In the history: each activity's change with the file's name, and the collection.
      const h = await t.call('history/list', { entityType: 'activity', entityId: a1.id, limit: 1 });
      expect(h[0]).toMatchObject({ action: 'update', sourceFile: path.basename(xlsx) });
      expect(h[0].changes.map((c) => c.path)).toEqual(expect.arrayContaining(['lastReviewedAt', 'lastReviewedBy']));
      // The department's answer submits its activities to the DPO, the new draft too (issue 25).
      expect(h[0].changes).toContainEqual({ path: 'signoff.state', before: 'draft', after: 'submitted' });
      for (const id of [a1.id, a2.id, draft.id]) expect((await t.call('signoff/get', { activityId: id })).state).toBe('submitted');
      const ch = await t.call('history/list', { entityType: 'campaign', entityId: campaignId });
      expect(ch.map((e) => e.action)).toEqual(['import', 'export', 'create']);

      // The same answer again (here as ODS) is refused: nothing written.
      const n = historyCount();
      const again = await t.result('campaign/collectFile', { file: ods });
      expect(again.ok).toBe(false);
      if (!again.ok) expect(again.error.message).toMatch(/already collected on 2026-12-01/);
      expect(historyCount()).toBe(n);
      const c = await t.call('campaign/get', { id: campaignId });
      expect(c.departments.find((d) => d.name === 'Ressources humaines')).toMatchObject({ state: 'returned', returnedFile: path.basename(xlsx) });
    },
    240_000,
  );

  it('shows a change made in the register since the sending as a conflict, and keeps the register’s value', async () => {
    const a = (await t.call('activities/list', { organisationId: 1 })).find((x) => x.department === 'Marketing' && x.status !== 'retired')!;
    const full = await t.call('activities/get', { id: a.id });
    const { id: _id, organisationId: _o, version, createdAt: _c, updatedAt: _u, ...fields } = full as typeof full & Record<string, unknown>;
    await t.call('activities/update', { id: a.id, version, activity: { ...fields, purpose: 'Finalité revue par le DPO' } as never });
    const answered = await answer(file('marketing'), path.join(t.dir, 'marketing.xlsx'), {
      [a.ref]: { [ANSWER]: 'Modifié', [PURPOSE]: 'Finalité vue par le service', [COMMENT]: 'ok' },
    });
    const p = await t.call('campaign/readFile', { file: answered, campaignId });
    if (p.kind !== 'campaign') throw new Error('not recognised');
    const row = p.activities.find((x) => x.ref === a.ref)!;
    expect(row.registerChanged).toBe(true);
    expect(row.fields.find((f) => f.field === 'purpose')).toMatchObject({
      sent: full.purpose,
      answer: 'Finalité vue par le service',
      current: 'Finalité revue par le DPO',
      changed: true,
      conflict: true,
    });
    const r = await t.call('campaign/collectFile', { file: answered });
    expect(r.keptConflicts).toEqual([`${a.ref}: purpose`]);
    expect((await t.call('activities/get', { id: a.id })).purpose).toBe('Finalité revue par le DPO');
  });

  it('lists the department that never answered as late, with a reminder draft', async () => {
    now.value = '2026-12-20T09:00:00.000Z';
    const c = await t.call('campaign/get', { id: campaignId });
    expect(c.departments.map((d) => [d.name, d.state])).toEqual([
      ['Commercial', 'late'],
      ['Marketing', 'returned'],
      ['Ressources humaines', 'returned'],
    ]);
    expect(c.counts).toEqual({ departments: 3, returned: 2, late: 1, sent: 0 });
    const overview = await t.call('overview/get', { organisationId: 1 });
    const section = overview.sections.find((s) => s.key === 'campaign')!;
    expect(section.items.map((i) => [i.key, i.count])).toEqual([
      ['returned', 2],
      ['waiting', 0],
      ['late', 1],
    ]);
    const dir = path.join(t.dir, 'relances');
    const w = await t.call('campaign/write', { id: campaignId, dir, reminders: true });
    expect(w.files).toEqual(['revue-registre-c-001-commercial-relance.eml']);
    const email = await PostalMime.parse(fs.readFileSync(path.join(dir, w.files[0])));
    expect(email.subject).toBe('Relance : revue de vos traitements de données (attendue le 15/12/2026)');
    expect(email.attachments[0].filename).toBe('revue-registre-c-001-commercial.xlsx');
    expect((await t.call('campaign/get', { id: campaignId })).departments[0].remindedAt).toBe(now.value);
  });

  it('refuses a file of another campaign, organisation or register, and an edited stamp; nothing written', async () => {
    const commercial = file('commercial');
    const n = historyCount();
    const refused = async (input: Parameters<TempRegister['result']>[1], pattern: RegExp, other = t) => {
      const r = await other.result('campaign/collectFile', input as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(pattern);
    };
    const second = await t.call('campaign/create', { organisationId: 1, departments: ['Communication'], dueOn: '2027-01-31' });
    await refused({ file: commercial, campaignId: second.id }, /answer to campaign C-001, not to C-002/);
    await refused({ file: commercial, organisationId: 2 }, /is an answer for Atelier Lumière SAS, not for Fondation Atelier Lumière/);

    const edited = await answer(commercial, path.join(t.dir, 'edited.xlsx'), {}, [], (wb) => {
      const stamp = wb.getWorksheet('Art30')!;
      stamp.eachRow((row) => {
        if (row.getCell(1).value === 'activity') row.getCell(4).value = '99';
      });
    });
    await refused({ file: edited }, /stamp of “edited.xlsx” was edited/);
    // Another department's identity written into the stamp: the seal no longer matches.
    const rhToken = t.reg.sqlite.prepare("SELECT token FROM campaign_departments WHERE name = 'Ressources humaines'").pluck().get() as string;
    const forged = await answer(commercial, path.join(t.dir, 'forged.xlsx'), {}, [], (wb) => {
      wb.getWorksheet('Art30')!.eachRow((row) => {
        if (row.getCell(1).value === 'organisation') row.getCell(2).value = 'Autre organisme';
      });
    });
    await refused({ file: forged }, /stamp of “forged.xlsx” was edited/);
    const swapped = await answer(commercial, path.join(t.dir, 'swapped.xlsx'), {}, [], (wb) => {
      wb.getWorksheet('Art30')!.eachRow((row) => {
        if (row.getCell(1).value === 'department') row.getCell(2).value = rhToken;
      });
    });
    await refused({ file: swapped }, /stamp of “swapped.xlsx” was edited/);
    const other = openTempRegister({ demo: true });
    try {
      await refused({ file: commercial }, /belongs to a campaign of another register/, other);
    } finally {
      other.cleanup();
    }
    expect(historyCount()).toBe(n + 1); // only the second campaign's creation
    expect((await t.call('campaign/get', { id: campaignId })).departments[0].state).toBe('late');
  });

  it('sends to persons in charge, in the language chosen, and reads their answer in that language', async () => {
    const c = await t.call('campaign/create', { organisationId: 1, groupBy: 'owner', departments: ['Responsable marketing'], dueOn: '2027-02-01', lang: 'en' });
    expect(c.departments.map((d) => [d.name, d.lang, d.activities.length])).toEqual([['Responsable marketing', 'en', 1]]);
    const dir = path.join(t.dir, 'owners');
    const w = await t.call('campaign/write', { id: c.id, dir });
    expect(w.files).toEqual(['register-review-c-003-responsable-marketing.xlsx', 'register-review-c-003-responsable-marketing.eml']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, w.files[0]));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Instructions', 'Your activities', 'New activities', 'Lists', 'Art30']);
    const sheet = wb.getWorksheet('Your activities')!;
    const ref = String(sheet.getCell(2, 1).value);
    sheet.getCell(2, ANSWER).value = 'Still accurate';
    wb.getWorksheet('New activities')!.getRow(2).values = ['Salon professionnel', '', 'Inscriptions au salon'];
    const answered = path.join(t.dir, 'owner-answer.xlsx');
    await wb.xlsx.writeFile(answered);
    const r = await t.call('campaign/collectFile', { file: answered, campaignId: c.id });
    expect(r.reviewed).toEqual([ref]);
    expect((await activity(ref)).lastReviewedBy).toBe('Responsable marketing (campaign C-003)');
    // A new activity of a person in charge is theirs.
    expect(await activity(r.created[0])).toMatchObject({ status: 'draft', owner: 'Responsable marketing', department: '', name: 'Salon professionnel' });
  });

  it('imports a department file that lost its stamp as any department file', async () => {
    const lost = await answer(file('commercial'), path.join(t.dir, 'sans-tampon.xlsx'), {}, [], (wb) => wb.removeWorksheet(wb.getWorksheet('Art30')!.id));
    const p = await t.call('campaign/readFile', { file: lost });
    expect(p).toEqual({ kind: 'unstamped', fileName: 'sans-tampon.xlsx' });
    // The department-file import reads it (a black box here: import/open previews its rows).
    const preview = await t.call('import/open', { file: lost, organisationId: 1 });
    expect(JSON.stringify(preview)).toContain('Commercial');
  });
});
