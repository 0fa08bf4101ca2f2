/**
 * Issue 11: legal facts that are right today and stay right. Destinations (countries and
 * international organisations), the dated reference data set applied by the upgrade and loadable
 * offline, DPF-certified recipients, through the API, the import preview and the XLSX/PDF exports.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/testing.js';
import { HistoryStore } from '../../db/history-store.js';
import { openRegisterFile } from '../../db/open.js';
import { defaultMigrationsFolder } from '../../db/paths.js';
import { Register } from '../register.js';
import { openTempRegister, tempDir, type TempRegister } from '../testing/temp-register.js';
import { bundledDataset } from './dataset.js';

const opened: TempRegister[] = [];
const dirs: string[] = [];
const temp = (demo = false) => {
  const t = openTempRegister({ demo });
  opened.push(t);
  return t;
};
afterEach(() => {
  for (const t of opened.splice(0)) t.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** One activity sending data to Brazil, Réunion, the European Patent Organisation and a DPF-certified US recipient. */
async function registerWithDestinations(t: TempRegister) {
  const org = await t.call('organisations/create', { organisation: { name: 'Mairie de Saint-Denis' } });
  await t.call('recipients/create', { recipient: { name: 'CloudCRM Inc.', type: 'processor', countries: ['US'], dpfCertified: true, dpfVerifiedAt: '2026-11-02' } });
  await t.call('recipients/create', { recipient: { name: 'Plain US Corp', type: 'processor', countries: ['US'] } });
  const a = await t.call('activities/create', {
    organisationId: org.id,
    activity: {
      ref: 'T-100',
      name: 'Dépôt de brevets',
      purpose: 'Déposer et suivre les brevets',
      legalBases: [{ code: 'contract' }],
      retention: [{ text: '10 ans' }],
      securityMeasures: [{ type: 'access_control' }],
      recipients: [{ name: 'CloudCRM Inc.' }],
      transfers: [
        { recipient: 'Cabinet Rio', country: 'BR' },
        { recipient: 'Antenne de La Réunion', country: 're' },
        { recipient: 'Office européen des brevets', country: 'IO-EPO' },
        { recipient: 'CloudCRM Inc.', country: 'US', safeguard: 'adequacy' },
      ],
    },
  });
  return { org, a };
}

describe('destinations: countries and international organisations', () => {
  it('ships the data set of 2026-11-28 with the corrected facts', async () => {
    const t = temp();
    const dataset = await t.call('reference/dataset', {});
    expect(dataset).toMatchObject({ asOf: '2026-11-28', sources: expect.arrayContaining([expect.objectContaining({ title: expect.stringContaining('2026/179') })]) });
    const countries = new Map((await t.call('reference/countries', {})).map((c) => [c.code, c]));
    expect(countries.get('BR')).toMatchObject({ adequacy: 'adequate', adequacyDecisionDate: '2026-01-26', adequacyScopeEn: expect.stringContaining('2026/179') });
    for (const code of ['RE', 'GP', 'MQ', 'GF', 'YT', 'MF', 'AX']) expect(countries.get(code)).toMatchObject({ eea: true, adequacy: 'eea' });
    for (const code of ['NC', 'PF', 'PM', 'WF', 'BL', 'TF']) expect(countries.get(code)).toMatchObject({ eea: false });
    expect(countries.get('JP')!.adequacyScopeEn).toContain('APPI');
    expect(countries.get('KR')!.adequacyScopeEn).toContain('PIPA');
    expect(countries.get('IL')!.adequacyScopeEn).not.toBe('');
    expect(countries.get('US')!.adequacyScopeEn).toMatch(/T-553\/23.*Latombe.*C-703\/25 P/);
    const orgs = await t.call('reference/organisations', {});
    expect(orgs.find((o) => o.code === 'IO-EPO')).toMatchObject({ acronymFr: 'OEB', adequacy: 'adequate', adequacyDecisionDate: '2025-07-15', kind: 'organisation' });
    expect(orgs.length).toBeGreaterThanOrEqual(20);
    const destinations = await t.call('reference/destinations', {});
    expect(destinations.some((d) => d.code === 'IO-UN')).toBe(true);
    expect(destinations.some((d) => d.code === 'FR')).toBe(true);
  });

  it('gives Brazil, Réunion, the European Patent Organisation and a DPF-certified US recipient the right status, without false warnings (API)', async () => {
    const t = temp();
    const { a } = await registerWithDestinations(t);
    expect(a.transfers.map((x) => x.country)).toEqual(['BR', 'RE', 'IO-EPO', 'US']);
    expect(await t.call('activities/checks', { id: a.id })).toEqual([]);
    const [summary] = await t.call('activities/list', { refs: ['T-100'] });
    expect(summary.nonEeaTransfer).toBe(true);
    expect(summary.transferCountries).toEqual(['BR', 'RE', 'IO-EPO', 'US']);

    // Réunion alone is no transfer at all.
    const local = await t.call('activities/create', {
      organisationId: a.organisationId,
      activity: {
        name: 'Antenne',
        purpose: 'x',
        legalBases: [{ code: 'contract' }],
        retention: [{ text: '1 an' }],
        securityMeasures: [{ type: 'backup' }],
        transfers: [{ recipient: 'Antenne', country: 'RE' }],
      },
    });
    expect((await t.call('activities/list', { refs: [local.ref] }))[0].nonEeaTransfer).toBe(false);
    expect(await t.call('activities/checks', { id: local.id })).toEqual([]);

    // A US recipient that is not certified, and an SCC transfer without a transfer impact assessment, are flagged.
    const other = await t.call('activities/create', {
      organisationId: a.organisationId,
      activity: {
        name: 'Autre',
        purpose: 'x',
        legalBases: [{ code: 'contract' }],
        retention: [{ text: '1 an' }],
        securityMeasures: [{ type: 'backup' }],
        transfers: [
          { recipient: 'Plain US Corp', country: 'US', safeguard: 'adequacy' },
          { recipient: 'Plain US Corp', country: 'US' },
          { recipient: 'Infosys', country: 'IN', safeguard: 'scc' },
          { recipient: 'Infosys', country: 'IN', safeguard: 'scc', tiaRef: 'TIA-2026-04' },
          { recipient: 'ONU Genève', country: 'IO-UN' },
          { recipient: 'Autorité', country: 'MA', safeguard: 'administrative_arrangement' },
          { recipient: 'Autorité', country: 'MA', safeguard: 'sa_scc', tiaRef: 'TIA-7' },
        ],
      },
    });
    expect((await t.call('activities/checks', { id: other.id })).map((c) => [c.code, c.path])).toEqual([
      ['dpf_recipient_not_certified', 'transfers[0].safeguard'],
      ['transfer_without_safeguard', 'transfers[1].safeguard'],
      ['transfer_without_tia', 'transfers[2].tiaRef'],
      ['transfer_without_safeguard', 'transfers[4].safeguard'],
    ]);
    const unknown = await t.result('activities/create', {
      organisationId: a.organisationId,
      activity: { name: 'X', purpose: 'x', transfers: [{ recipient: 'X', country: 'IO-NOPE' }] },
    });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.details?.[0]).toMatchObject({ path: 'transfers[0].country', message: expect.stringContaining('international organisation') });
    // The DPF verification date is kept on the recipient.
    expect((await t.call('recipients/list', {})).find((r) => r.name === 'CloudCRM Inc.')).toMatchObject({ dpfCertified: true, dpfVerifiedAt: '2026-11-02' });
  });

  it('recognises organisations and the corrected countries in the import preview, without false warnings', async () => {
    const t = temp();
    const org = await t.call('organisations/create', { organisation: { name: 'Mairie' } });
    await t.call('recipients/create', { recipient: { name: 'CloudCRM Inc.', type: 'processor', countries: ['US'], dpfCertified: true } });
    const file = path.join(t.dir, 'transferts.csv');
    const rows = [
      ['Nom du traitement', 'Finalité', 'Destinataire du transfert', 'Pays de transfert', 'Garanties'],
      ['Brevets OEB', 'Brevets', 'Office', 'OEB', ''],
      ['Brevets nom', 'Brevets', 'Office', 'Office européen des brevets', ''],
      ['Brevets anglais', 'Brevets', 'Office', 'European Patent Office', ''],
      ['Nations unies', 'Programme', 'Agence', 'ONU', 'Clauses contractuelles types'],
      ['Filiale Brésil', 'RH', 'Filiale', 'Brésil', ''],
      ['Antenne Réunion', 'RH', 'Antenne', 'La Réunion', ''],
      ['CRM', 'Clients', 'CloudCRM Inc.', 'États-Unis', ''],
      ['Archives', 'Archives', 'Ministère', 'Maroc', 'Arrangement administratif (art. 46(3)(b))'],
    ];
    fs.writeFileSync(file, `\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`);
    const p = await t.call('import/open', { file, organisationId: org.id });
    const byName = new Map(p.rows.map((r) => [r.name, r]));
    const transfers = (name: string) => byName.get(name)!.activity!.transfers.map((x) => [x.country, x.safeguard]);
    expect(transfers('Brevets OEB')).toEqual([['IO-EPO', 'adequacy']]);
    expect(transfers('Brevets nom')).toEqual([['IO-EPO', 'adequacy']]);
    expect(transfers('Brevets anglais')).toEqual([['IO-EPO', 'adequacy']]);
    expect(transfers('Nations unies')).toEqual([['IO-UN', 'scc']]);
    expect(transfers('Filiale Brésil')).toEqual([['BR', 'adequacy']]);
    expect(transfers('Antenne Réunion')).toEqual([]);
    expect(transfers('CRM')).toEqual([['US', 'adequacy']]);
    expect(transfers('Archives')).toEqual([['MA', 'administrative_arrangement']]);
    for (const name of ['Brevets OEB', 'Brevets nom', 'Brevets anglais', 'Filiale Brésil', 'Antenne Réunion', 'CRM']) {
      expect(byName.get(name)!.warnings.filter((w) => w.field.startsWith('transfer'))).toEqual([]);
    }
  });

  it('prints the right status in the XLSX and PDF exports, with the data set date, and no false alert', async () => {
    const t = temp();
    await registerWithDestinations(t);
    const xlsx = path.join(t.dir, 'registre.xlsx');
    // The internal audience prints the alerts column (points to review).
    await t.call('export/file', { format: 'xlsx', lang: 'fr', out: xlsx, scope: {}, audience: 'internal' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.worksheets.find((w) => /transfert/i.test(w.name))!;
    const cellText = (v: unknown) =>
      v == null ? '' : typeof v === 'object' && 'richText' in v ? (v as ExcelJS.CellRichTextValue).richText.map((x) => x.text).join('') : String(v);
    const values = (r: number) => Array.from({ length: sheet.columnCount }, (_, k) => cellText(sheet.getRow(r).getCell(k + 1).value));
    const header = values(1);
    const col = (name: string) => header.indexOf(name);
    const data = Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2));
    const byCode = new Map(data.map((r) => [r[col('Code pays')], r]));
    expect(col('Code pays')).toBeGreaterThan(-1);
    const status = header.findIndex((h) => /situation/i.test(h));
    const alert = header.findIndex((h) => /point d/i.test(h));
    expect(byCode.get('BR')![status]).toBe('Pays adéquat');
    expect(byCode.get('IO-EPO')![status]).toBe('Organisation adéquate');
    expect(byCode.get('IO-EPO')![col('Pays')]).toBe('Organisation européenne des brevets (Office européen des brevets)');
    expect(byCode.get('RE')![status]).not.toBe('Non adéquat');
    expect(byCode.get('US')![status]).toBe('Adéquation partielle');
    for (const code of ['BR', 'RE', 'IO-EPO', 'US']) expect(byCode.get(code)![alert]).toBe('');
    expect(data[0].join(' ')).toContain('Données de référence au 28/11/2026');
    const recipients = JSON.stringify(wb.getWorksheet('Destinataires')!.getSheetValues());
    expect(recipients).toContain('Oui — Certification DPF vérifiée le : 02/11/2026');
    const names = data.map((r) => r.join(' ')).join(' ');
    expect(names).toContain('Organisation européenne des brevets');

    const pdf = path.join(t.dir, 'registre.pdf');
    await t.call('export/file', { format: 'pdf', lang: 'en', out: pdf, scope: {}, audience: 'internal' });
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('European Patent Organisation');
    expect(text).toContain('Adequate organisation');
    expect(text).toContain('Reference data as of');
    expect(text).not.toMatch(/Réunion[^⚠]{0,80}Not adequate/);
    expect(text).not.toMatch(/partial adequacy decision|No safeguard/i);
  }, 120_000);
});

describe('the reference data set', () => {
  /** A register as the previous Art30 left it (migrations 0000 and 0001), with a DPO's own edit of Japan and India. */
  function oldRegister(): string {
    const dir = tempDir();
    dirs.push(dir);
    const migrations = path.join(dir, 'migrations');
    fs.mkdirSync(path.join(migrations, 'meta'), { recursive: true });
    const source = defaultMigrationsFolder();
    const journal = JSON.parse(fs.readFileSync(path.join(source, 'meta', '_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, 2);
    fs.writeFileSync(path.join(migrations, 'meta', '_journal.json'), JSON.stringify(journal));
    for (const e of journal.entries) fs.copyFileSync(path.join(source, `${e.tag}.sql`), path.join(migrations, `${e.tag}.sql`));
    const file = path.join(dir, 'ancien.art30');
    const db = openRegisterFile(file, { migrationsFolder: migrations });
    const s = db.sqlite;
    s.prepare("INSERT INTO organisations (name) VALUES ('Ancienne mairie')").run();
    s.prepare(
      "INSERT INTO activities (organisation_id, ref, name, role, status, purpose, dpia_json, automated_decision_json, non_eea_transfer, transfer_countries) VALUES (1, 'T-001', 'Filiales', 'controller', 'active', 'x', ?, ?, 1, 'BR RE JP')",
    ).run(JSON.stringify({ criteria: [], art35Cases: [], override: null, status: 'not_assessed', date: '', link: '' }), JSON.stringify({ exists: false, description: '' }));
    const transfer = s.prepare('INSERT INTO activity_transfers (activity_id, position, recipient, country, safeguard) VALUES (1, ?, ?, ?, NULL)');
    transfer.run(0, 'Filiale Brésil', 'BR');
    transfer.run(1, 'Antenne Réunion', 'RE');
    transfer.run(2, 'Filiale Japon', 'JP');
    // The DPO's own edits, as the previous version recorded them (table and history).
    s.prepare("UPDATE countries SET adequacy_scope_fr = 'Note du DPO', adequacy_scope_en = 'DPO note' WHERE code = 'JP'").run();
    s.prepare("UPDATE countries SET adequacy = 'pending' WHERE code = 'IN'").run();
    const history = new HistoryStore(s, () => 1);
    for (const code of ['JP', 'IN']) {
      history.append({
        at: '2026-06-01T10:00:00.000Z',
        entityType: 'country',
        entityId: null,
        entityLabel: code,
        organisationId: null,
        action: 'update',
        changes: [{ path: 'adequacy', before: 'x', after: 'y' }],
        source: 'ui',
        sourceFile: '',
        sourceSha256: '',
        batchId: null,
      });
    }
    s.close();
    return file;
  }

  it('migrates a register created before this change with the corrections, keeping the DPO’s own edits', async () => {
    const file = oldRegister();
    const reg = Register.open(file);
    try {
      expect(fs.readdirSync(path.dirname(file)).some((f) => f.startsWith('ancien.art30.v2-') && f.endsWith('.bak'))).toBe(true);
      const c = (code: string) => reg.reference.country(code)!;
      expect(c('BR')).toMatchObject({ adequacy: 'adequate', adequacyDecisionDate: '2026-01-26', dpoEdited: false });
      expect(c('RE')).toMatchObject({ eea: true });
      expect(c('AX')).toMatchObject({ eea: true });
      expect(c('US').adequacyScopeEn).toContain('C-703/25 P');
      // The DPO's edits are kept: Japan's note, India's status.
      expect(c('JP')).toMatchObject({ adequacyScopeFr: 'Note du DPO', dpoEdited: true });
      expect(c('IN')).toMatchObject({ adequacy: 'pending', dpoEdited: true });
      expect(reg.reference.destination('IO-EPO')).toMatchObject({ adequacy: 'adequate' });
      const dataset = reg.reference.currentDataset()!;
      expect(dataset.asOf).toBe('2026-11-28');
      const report = dataset.report as { activities: { ref: string; before: string[]; after: string[] }[]; keptDpoEdits: { code: string }[] };
      expect(report.keptDpoEdits.map((k) => k.code)).toEqual(expect.arrayContaining(['JP']));
      expect(report.activities).toEqual([expect.objectContaining({ ref: 'T-001', before: expect.arrayContaining(['transfer_without_safeguard']) })]);
      const a = reg.activities.loadMany({})[0];
      expect(a.transfers.map((x) => x.tiaRef)).toEqual(['', '', '']);
      // The corrections are in the history, and the hash chain still holds.
      expect(reg.history.list({ entityType: 'country' }).some((e) => e.entityLabel === 'BR' && e.source === 'system')).toBe(true);
    } finally {
      reg.close();
    }
    const verify = await runCli('verify-history', '--db', file);
    expect(verify.code).toBe(0);
  });

  function datasetFile(dir: string, change: (d: ReturnType<typeof bundledDataset>) => unknown, name = 'reference-2027.json'): string {
    const d = structuredClone(bundledDataset()) as ReturnType<typeof bundledDataset>;
    const out = change(d) ?? d;
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof out === 'string' ? out : JSON.stringify(out));
    return file;
  }

  function snapshot(t: TempRegister) {
    return JSON.stringify([
      t.reg.sqlite.prepare('SELECT * FROM countries ORDER BY code').all(),
      t.reg.sqlite.prepare('SELECT * FROM international_organisations ORDER BY code').all(),
      t.reg.sqlite.prepare('SELECT * FROM vocabulary ORDER BY kind, code').all(),
      t.reg.sqlite.prepare('SELECT count(*) FROM history').get(),
      t.reg.sqlite.prepare('SELECT * FROM reference_datasets').all(),
      t.reg.sqlite.prepare('SELECT non_eea_transfer FROM activities ORDER BY id').all(),
    ]);
  }

  it('loads a newer reference file offline: a status changes and the affected activities are listed', async () => {
    const t = temp(true);
    const india = await t.call('activities/create', {
      organisationId: 1,
      activity: {
        ref: 'T-200',
        name: 'Support Inde',
        purpose: 'x',
        legalBases: [{ code: 'contract' }],
        retention: [{ text: '1 an' }],
        securityMeasures: [{ type: 'backup' }],
        transfers: [{ recipient: 'Infosys', country: 'IN' }],
      },
    });
    expect((await t.call('activities/checks', { id: india.id })).map((c) => c.code)).toEqual(['transfer_without_safeguard']);
    const file = datasetFile(t.dir, (d) => {
      d.asOf = '2027-03-01';
      Object.assign(
        d.countries.find((c) => c.code === 'IN')!,
        { adequacy: 'adequate', adequacyDecisionDate: '2027-02-15', adequacyScopeFr: 'Décision test', adequacyScopeEn: 'Test decision' },
      );
    });
    t.reg.close();
    const r = await runCli('reference', 'update', file, '--db', t.file, '--lang', 'fr');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Données de référence mises à jour au 2027-03-01 (auparavant 2026-11-28)');
    expect(r.out).toContain('T-200 Support Inde [IN] points à revoir : 1 → 0');
    expect(r.out).toContain('IN Inde: statut d’adéquation "none" → "adequate"');
    const json = await runCli('reference', 'show', '--db', t.file, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ asOf: '2027-03-01', report: { activities: expect.arrayContaining([expect.objectContaining({ ref: 'T-200', after: [] })]) } });
    const reg = Register.open(t.file);
    try {
      expect(reg.reference.country('IN')).toMatchObject({ adequacy: 'adequate', dpoEdited: false });
    } finally {
      reg.close();
    }
  });

  it('loads a newer data set from the app (reference/updateData), keeping what the DPO edited', async () => {
    const t = temp();
    await t.call('reference/updateCountry', { ...(await t.call('reference/countries', {})).find((c) => c.code === 'CN')!, adequacyScopeFr: 'Note du DPO' });
    const text = fs.readFileSync(
      datasetFile(t.dir, (d) => {
        d.asOf = '2027-01-10';
        d.countries.find((c) => c.code === 'CN')!.adequacy = 'pending';
        d.organisations.find((o) => o.code === 'IO-UN')!.adequacy = 'pending';
      }),
      'utf8',
    );
    const report = await t.call('reference/updateData', { text, fileName: 'ref.json' });
    expect(report.changed.map((c) => c.code)).toEqual(['IO-UN']);
    expect(report.keptDpoEdits.map((c) => c.code)).toEqual(['CN']);
    expect((await t.call('reference/countries', {})).find((c) => c.code === 'CN')).toMatchObject({ adequacy: 'none', adequacyScopeFr: 'Note du DPO' });
  });

  it('refuses a damaged, older or unknown-format reference file with a clear message, changing nothing', async () => {
    const t = temp(true);
    const before = snapshot(t);
    const cases: [string, string, RegExp][] = [
      ['damaged', datasetFile(t.dir, (d) => JSON.stringify(d).slice(0, 5000), 'damaged.json'), /damaged\.json est endommagé/],
      ['binary', datasetFile(t.dir, () => '\u0000\u0001PK\u0003\u0004', 'image.json'), /image\.json est endommagé/],
      [
        'older',
        datasetFile(
          t.dir,
          (d) => {
            d.asOf = '2025-01-01';
          },
          'old.json',
        ),
        /old\.json est daté du 2025-01-01, antérieur aux données de référence en usage \(2026-11-28\)/,
      ],
      ['same', datasetFile(t.dir, () => undefined, 'same.json'), /déjà en usage/],
      ['unknown format', datasetFile(t.dir, () => ({ format: 'art30-register', version: 2 }), 'register.json'), /n’est pas un fichier de données de référence Art30/],
      ['unknown version', datasetFile(t.dir, (d) => ({ ...d, formatVersion: 7 }), 'v7.json'), /version de format inconnue \(7\)/],
      [
        'invalid entry',
        datasetFile(
          t.dir,
          (d) => {
            d.asOf = '2027-05-05';
            (d.countries[3] as { adequacy: string }).adequacy = 'maybe';
          },
          'bad.json',
        ),
        /bad\.json n’est pas un fichier de données de référence valide : countries\[3\]\.adequacy/,
      ],
    ];
    t.reg.close();
    for (const [what, file, message] of cases) {
      const r = await runCli('reference', 'update', file, '--db', t.file, '--lang', 'fr');
      expect(r.code, what).toBe(2);
      expect(r.err, what).toMatch(message);
      expect(r.err, what).toContain('Rien n’a été modifié');
    }
    const en = await runCli('reference', 'update', cases[2][1], '--db', t.file, '--lang', 'en');
    expect(en.err).toContain('older than the reference data in use');
    const reg = Register.open(t.file);
    try {
      t.reg = reg;
      expect(snapshot(t)).toBe(before);
    } finally {
      reg.close();
    }
    // Through the API as well: a refused data set is a bad_input error naming the file.
    const t2 = temp();
    const failed = await t2.result('reference/updateData', { text: '{"format":"art30-reference","formatVersion":1', fileName: 'x.json' });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error).toMatchObject({ code: 'bad_input', message: expect.stringContaining('x.json is damaged') });
  });
});

describe('DPIA decisions, new safeguards and final fates', () => {
  it('uses the CNIL lists as screening inputs and keeps the DPO’s advice and the Art. 36 consultation, in the exports too', async () => {
    const t = temp();
    const org = await t.call('organisations/create', { organisation: { name: 'Hôpital' } });
    const base = {
      purpose: 'x',
      legalBases: [{ code: 'legal_obligation' as const }],
      retention: [{ text: '5 ans', finalFate: 'deposit' as const }],
      securityMeasures: [{ type: 'backup' as const }],
    };
    const listed = await t.call('activities/create', {
      organisationId: org.id,
      activity: {
        ...base,
        ref: 'T-1',
        name: 'Dossier patient',
        dpia: {
          cnilRequired: ['health_establishments'],
          dpoAdvice: 'Avis favorable sous réserve du chiffrement',
          dpoAdviceDate: '2026-10-01',
          priorConsultation: 'submitted',
          priorConsultationDate: '2026-10-15',
          priorConsultationRef: 'CNIL-2026-123',
        },
      },
    });
    expect(listed.dpia).toMatchObject({ suggested: true, required: true, priorConsultation: 'submitted' });
    const exempted = await t.call('activities/create', {
      organisationId: org.id,
      activity: { ...base, ref: 'T-2', name: 'Fournisseurs', dpia: { criteria: ['large_scale', 'matching_datasets'], cnilExempted: ['supplier_relations'] } },
    });
    expect(exempted.dpia).toMatchObject({ suggested: false, required: false });
    const plain = await t.call('activities/create', {
      organisationId: org.id,
      activity: { ...base, ref: 'T-3', name: 'Profilage', dpia: { criteria: ['large_scale', 'matching_datasets'], priorConsultation: 'to_do' } },
    });
    expect(plain.dpia.suggested).toBe(true);
    expect((await t.call('activities/checks', { id: plain.id })).map((c) => c.code)).toContain('prior_consultation_pending');
    await expect(t.call('activities/create', { organisationId: org.id, activity: { ...base, name: 'X', dpia: { cnilRequired: ['nope'] } } })).rejects.toThrow(
      /dpia\.cnilRequired\[0\] “nope” is not one of the accepted values/,
    );

    const xlsx = path.join(t.dir, 'r.xlsx');
    await t.call('export/file', { format: 'xlsx', lang: 'fr', out: xlsx, scope: {} });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const detail = wb.getWorksheet('Détail des traitements')!;
    const all = JSON.stringify(detail.getSheetValues());
    expect(all).toContain('Liste CNIL : traitements pour lesquels une AIPD est requise (délibération 2018-327)');
    expect(all).toContain('CNIL, délibération n° 2018-327 du 11 octobre 2018');
    expect(all).toContain('Avis favorable sous réserve du chiffrement');
    expect(all).toContain('Déposée — 15/10/2026 — CNIL-2026-123');
    expect(JSON.stringify(wb.getWorksheet('Données et conservation')!.getSheetValues())).toContain('Versement aux archives publiques');
    const pdf = path.join(t.dir, 'r.pdf');
    await t.call('export/file', { format: 'pdf', lang: 'en', out: pdf, scope: { refs: ['T-1'] } });
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('DPO’s advice (Art. 35(2))');
    expect(text).toContain('Prior consultation of the supervisory authority (Art. 36)');
    expect(text).toContain('Deposit in the public archives');
  }, 120_000);

  it('reads the new safeguards, the TIA reference and the public-body final fates from a spreadsheet', async () => {
    const t = temp();
    const org = await t.call('organisations/create', { organisation: { name: 'Département' } });
    const file = path.join(t.dir, 'archives.csv');
    const rows = [
      ['Nom du traitement', 'Finalité', 'Pays de transfert', 'Garanties', 'TIA', 'Durée de conservation'],
      ['Coopération', 'x', 'Maroc', 'Clauses types adoptées par une autorité de contrôle', 'TIA-2026-09', '10 ans puis versement aux archives départementales'],
      ['Échanges', 'x', 'Tunisie', 'Arrangement administratif', '', '5 ans puis tri'],
      ['Paie', 'x', '', '', '', '5 ans à compter du versement de la paie'],
    ];
    fs.writeFileSync(file, `${rows.map((r) => r.join(';')).join('\n')}\n`);
    const p = await t.call('import/open', { file, organisationId: org.id });
    const get = (name: string) => p.rows.find((r) => r.name === name)!.activity!;
    expect(get('Coopération').transfers).toEqual([expect.objectContaining({ country: 'MA', safeguard: 'sa_scc', tiaRef: 'TIA-2026-09' })]);
    expect(get('Échanges').transfers).toEqual([expect.objectContaining({ country: 'TN', safeguard: 'administrative_arrangement', tiaRef: '' })]);
    expect(get('Coopération').retention[0].finalFate).toBe('deposit');
    expect(get('Échanges').retention[0].finalFate).toBe('sort');
    expect(get('Paie').retention[0].finalFate).toBeNull();
    // The template's dropdowns list the new safeguards and the international organisations.
    const template = path.join(t.dir, 'modele.xlsx');
    await runCli('template', '--out', template, '--db', t.file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const lists = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    expect(lists).toContain('Arrangement administratif entre autorités ou organismes publics');
    expect(lists).toContain('Clauses types de protection adoptées par une autorité de contrôle');
    expect(lists).toContain('Organisation européenne des brevets');
  });
});

describe('the JSON register document, version 2', () => {
  it('writes version 2 with the organisations the transfers go to, and still imports version 1', async () => {
    const t = temp();
    await registerWithDestinations(t);
    const doc = await t.call('register/document', {});
    expect(doc).toMatchObject({
      // Versions 3 (issue 23: contracts and documents) and 4 (issue 25: a legal basis per purpose, sign-off, action plan) keep version 2's members.
      version: 4,
      referenceData: { asOf: '2026-11-28' },
      internationalOrganisations: [expect.objectContaining({ code: 'IO-EPO', adequacy: 'adequate' })],
    });
    const file = path.join(t.dir, 'v2.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const target = temp();
    expect((await target.call('register/importJson', { file })).activities.created).toBe(1);
    expect((await target.call('register/document', {})).activities[0].transfers.map((x) => x.country)).toEqual(['BR', 'RE', 'IO-EPO', 'US']);

    // A version 1 document (no organisations, no new fields) still imports.
    const v1 = {
      format: 'art30-register',
      version: 1,
      organisations: [{ key: 'org-1', name: 'Ancienne' }],
      recipients: [],
      activities: [
        {
          organisation: 'org-1',
          ref: 'A-1',
          name: 'Ancien',
          purpose: 'x',
          transfers: [{ recipient: 'R', country: 'BR' }],
          dpia: { criteria: [], art35Cases: [], override: null, status: 'not_assessed', date: '', link: '', suggested: false, required: false },
        },
      ],
    };
    const v1file = path.join(t.dir, 'v1.json');
    fs.writeFileSync(v1file, JSON.stringify(v1));
    const third = temp();
    expect((await third.call('register/importJson', { file: v1file })).activities.created).toBe(1);
    const imported = (await third.call('register/document', {})).activities[0];
    expect(imported.transfers[0]).toMatchObject({ country: 'BR', tiaRef: '' });
    expect(imported.dpia).toMatchObject({ cnilRequired: [], priorConsultation: 'not_needed' });
    fs.writeFileSync(v1file, JSON.stringify({ ...v1, version: 5 }));
    await expect(third.call('register/importJson', { file: v1file })).rejects.toThrow(/newer Art30/);
  });
});
