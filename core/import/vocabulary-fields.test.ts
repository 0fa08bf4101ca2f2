/**
 * Every field's words in every language of the import's vocabulary: the headers a department writes for a
 * reference, a status, a role, sub-purposes, the "sensitive data?" question, an update date, the processor
 * register's columns of Art. 30(2) and the finer columns (Art. 9(2) condition, transfer importer, TIA, DPIA
 * link…), written by hand here in each language (not read from the vocabulary), each giving its field.
 * Then a short register per language with a reference, a status and a sub-purposes column, imported into a
 * temporary register.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempRegister, tempDir, type TempRegister } from '../testing/temp-register.js';
import { matchHeader } from './assign/mapping.js';
import type { ImportPreview } from './preview/preview.js';

/** language → field → headers a department writes for it. */
const HEADERS: Record<string, Record<string, string[]>> = {
  es: {
    ref: ['Nº', 'Referencia', 'Identificador'],
    status: ['Estado', 'Situación'],
    role: ['Rol', 'En calidad de'],
    subPurposes: ['Subfinalidades', 'Finalidades secundarias'],
    hasSpecialData: ['¿Datos sensibles?', '¿Categorías especiales?', 'Datos sensibles (sí/no)'],
    updatedAt: ['Última actualización', 'Fecha de actualización'],
    clients: ['Responsable del tratamiento por cuenta del cual actúa el encargado', 'Cliente'],
    systems: ['Sistemas de información', 'Aplicación'],
    rights: ['Derechos de los interesados'],
    breaches: ['Brechas de seguridad'],
    transferRecipients: ['Importador de datos'],
    art9Conditions: ['Excepción del artículo 9'],
    legalBasisJustification: ['Interés legítimo perseguido', 'Norma habilitante'],
    transferTia: ['Evaluación de impacto de la transferencia'],
    dpiaLink: ['Enlace a la EIPD'],
    securityNotes: ['Observaciones de seguridad'],
    automatedDecision: ['Decisiones automatizadas', 'Elaboración de perfiles'],
    consentRecords: ['Prueba del consentimiento'],
    recipientType: ['Tipo de destinatario'],
  },
  it: {
    ref: ['Riferimento', 'N.', 'Codice trattamento'],
    status: ['Stato'],
    role: ['Ruolo', 'In qualità di'],
    subPurposes: ['Finalità secondarie', 'Sotto-finalità'],
    hasSpecialData: ['Dati particolari?'],
    updatedAt: ['Ultimo aggiornamento', 'Data di aggiornamento'],
    clients: ['Titolare del trattamento per conto del quale agisce il responsabile', 'Cliente'],
    systems: ['Applicativi', 'Banche dati'],
    rights: ['Diritti degli interessati'],
    breaches: ['Violazioni di dati personali'],
    transferRecipients: ['Importatore dei dati'],
    art9Conditions: ['Condizione art. 9'],
    legalBasisJustification: ['Interesse legittimo perseguito', 'Riferimento normativo'],
    transferTia: ['Valutazione d’impatto del trasferimento'],
    dpiaLink: ['Link alla DPIA'],
    securityNotes: ['Note sulla sicurezza'],
    automatedDecision: ['Processo decisionale automatizzato', 'Profilazione'],
    consentRecords: ['Prova del consenso'],
    recipientType: ['Tipo di destinatario'],
  },
  de: {
    ref: ['Lfd. Nr.', 'Kennung', 'VVT-Nr.'],
    status: ['Status', 'Bearbeitungsstand'],
    subPurposes: ['Weitere Zwecke'],
    updatedAt: ['Letzte Änderung', 'Zuletzt geändert'],
    clients: ['Verantwortlicher, in dessen Auftrag der Auftragsverarbeiter tätig ist', 'Auftraggeber'],
    systems: ['IT-Systeme', 'Eingesetzte Software'],
    rights: ['Betroffenenrechte'],
    breaches: ['Datenpannen'],
    transferRecipients: ['Datenimporteur'],
    art9Conditions: ['Ausnahme nach Art. 9 Abs. 2'],
    legalBasisJustification: ['Berechtigtes Interesse'],
    transferTia: ['Transfer Impact Assessment'],
    dpiaLink: ['Link zur DSFA'],
    automatedDecision: ['Automatisierte Entscheidungsfindung'],
    consentRecords: ['Einwilligungsnachweis'],
  },
  nl: {
    ref: ['Kenmerk', 'Volgnummer'],
    status: ['Status'],
    role: ['Hoedanigheid'],
    updatedAt: ['Laatst gewijzigd'],
    clientProcessing: ['Categorieën van verwerkingen die voor rekening van iedere verwerkingsverantwoordelijke zijn uitgevoerd'],
    rights: ['Rechten van betrokkenen'],
    breaches: ['Datalekken'],
    transferRecipients: ['Gegevensimporteur'],
    legalBasisJustification: ['Gerechtvaardigd belang'],
    dpiaLink: ['Link naar DPIA'],
    automatedDecision: ['Geautomatiseerde besluitvorming'],
    consentRecords: ['Bewijs van toestemming'],
  },
  pt: {
    ref: ['N.º', 'Referência'],
    status: ['Estado'],
    role: ['Na qualidade de'],
    hasSpecialData: ['Dados sensíveis?'],
    updatedAt: ['Última atualização'],
    transferRecipients: ['Importador de dados'],
    legalBasisJustification: ['Interesse legítimo prosseguido'],
  },
  pl: {
    ref: ['Lp.', 'Identyfikator'],
    status: ['Status'],
    role: ['Rola'],
    subPurposes: ['Cele szczegółowe'],
    hasSpecialData: ['Dane wrażliwe?'],
    updatedAt: ['Data aktualizacji', 'Ostatnia aktualizacja'],
    transferRecipients: ['Importer danych'],
    legalBasisJustification: ['Prawnie uzasadniony interes'],
    automatedDecision: ['Profilowanie'],
    consentRecords: ['Rejestr zgód'],
    recipientType: ['Rodzaj odbiorcy'],
  },
  sv: { ref: ['Löpnummer'], role: ['Roll'], subPurposes: ['Delsyften'], hasSpecialData: ['Känsliga personuppgifter?'], updatedAt: ['Senast ändrad'] },
  da: { ref: ['Løbenummer'], role: ['Rolle'], subPurposes: ['Delformål'], hasSpecialData: ['Følsomme oplysninger?'], updatedAt: ['Senest opdateret'] },
  nb: { ref: ['Løpenummer'], role: ['Rolle'], subPurposes: ['Delformål'], hasSpecialData: ['Sensitive opplysninger?'], updatedAt: ['Sist endret'] },
  cs: { ref: ['Pořadové číslo'], status: ['Stav'], role: ['Postavení'], subPurposes: ['Dílčí účely'], updatedAt: ['Poslední aktualizace'] },
  sk: { ref: ['Poradové číslo'], status: ['Stav'], role: ['Postavenie'], subPurposes: ['Čiastkové účely'], updatedAt: ['Posledná aktualizácia'] },
  fi: { ref: ['Tunnus'], status: ['Tila'], role: ['Rooli'], subPurposes: ['Alatarkoitukset'], updatedAt: ['Viimeksi päivitetty'] },
  et: { ref: ['Tunnus'], status: ['Staatus'], role: ['Roll'], updatedAt: ['Viimati muudetud'] },
  lv: { ref: ['Identifikators'], status: ['Statuss'], role: ['Loma'], updatedAt: ['Pēdējās izmaiņas'] },
  lt: { ref: ['Eil. Nr.'], status: ['Būsena'], role: ['Vaidmuo'], updatedAt: ['Paskutinis atnaujinimas'] },
  ro: { ref: ['Nr. crt.'], status: ['Stare'], role: ['Calitatea'], subPurposes: ['Scopuri secundare'], updatedAt: ['Ultima actualizare'] },
  hu: { ref: ['Sorszám'], status: ['Állapot'], role: ['Szerep'], subPurposes: ['Részcélok'], updatedAt: ['Utolsó módosítás'] },
  hr: { ref: ['Redni broj'], status: ['Stanje'], role: ['Uloga'], updatedAt: ['Zadnja izmjena'] },
  sl: { ref: ['Zaporedna številka'], status: ['Stanje'], role: ['Vloga'], updatedAt: ['Zadnja sprememba'] },
  bg: { ref: ['№ по ред'], status: ['Статус'], role: ['Роля'], subPurposes: ['Подцели'], updatedAt: ['Последна промяна'] },
  el: { ref: ['Α/Α'], status: ['Κατάσταση'], role: ['Ρόλος'], subPurposes: ['Επιμέρους σκοποί'], updatedAt: ['Τελευταία ενημέρωση'] },
  ca: { ref: ['Referència'], status: ['Estat'], role: ['En qualitat de'], subPurposes: ['Finalitats secundàries'], updatedAt: ['Darrera actualització'] },
};

describe('every field’s headers in every language', () => {
  const cases = Object.entries(HEADERS).flatMap(([lang, fields]) => Object.entries(fields).flatMap(([field, headers]) => headers.map((h) => [lang, h, field])));
  it.each(cases)('%s: "%s" is %s', (_lang, header, field) => {
    expect(matchHeader(header).field).toBe(field);
  });

  // The words added for one field do not take the headers of another.
  it.each([
    ['Datos sensibles', 'specialCategories'],
    ['Dati particolari', 'specialCategories'],
    ['Dati sensibili', 'specialCategories'],
    ['Dane wrażliwe', 'specialCategories'],
    ['Känsliga personuppgifter', 'specialCategories'],
    ['Categorías especiales', 'specialCategories'],
    ['Base jurídica', 'legalBases'],
    ['Rechtsgrundlage', 'legalBases'],
    ['Encargados del tratamiento', 'processors'],
    ['Responsabili esterni', 'processors'],
    ['Comm.', 'description'],
    ['Destinatarios', 'recipients'],
    ['Fecha de revisión', 'lastReviewedAt'],
  ])('"%s" stays %s', (header, field) => {
    expect(matchHeader(header).field).toBe(field);
  });
});

/** A short register per language: a reference, the activity, its purpose, a status and sub-purposes. */
const REGISTERS: { lang: string; headers: string[]; rows: string[][]; subPurposes: string[][] }[] = [
  {
    lang: 'es',
    headers: ['Nº', 'Actividad de tratamiento', 'Finalidad', 'Estado', 'Subfinalidades'],
    rows: [
      ['RAT-01', 'Gestión de nóminas', 'Pago de los salarios a los empleados', 'active', 'Cálculo de retenciones; Envío de nóminas'],
      ['RAT-02', 'Videovigilancia', 'Seguridad de las instalaciones', 'draft', 'Control de accesos'],
    ],
    subPurposes: [['Cálculo de retenciones', 'Envío de nóminas'], ['Control de accesos']],
  },
  {
    lang: 'it',
    headers: ['Riferimento', 'Attività di trattamento', 'Finalità', 'Stato', 'Finalità secondarie'],
    rows: [
      ['T-01', 'Gestione del personale', 'Amministrazione dei dipendenti', 'active', 'Elaborazione buste paga; Formazione'],
      ['T-02', 'Newsletter', 'Invio di comunicazioni commerciali', 'draft', 'Statistiche di apertura'],
    ],
    subPurposes: [['Elaborazione buste paga', 'Formazione'], ['Statistiche di apertura']],
  },
  {
    lang: 'de',
    headers: ['Lfd. Nr.', 'Verarbeitungstätigkeit', 'Zweck der Verarbeitung', 'Bearbeitungsstand', 'Weitere Zwecke'],
    rows: [
      ['VVT-01', 'Lohnabrechnung', 'Auszahlung der Gehälter', 'active', 'Meldungen an Sozialversicherung; Lohnsteuer'],
      ['VVT-02', 'Bewerbermanagement', 'Auswahl von Bewerbern', 'draft', 'Talentpool'],
    ],
    subPurposes: [['Meldungen an Sozialversicherung', 'Lohnsteuer'], ['Talentpool']],
  },
  {
    lang: 'nl',
    headers: ['Kenmerk', 'Verwerkingsactiviteit', 'Doel van de verwerking', 'Status', 'Nevendoelen'],
    rows: [
      ['V-01', 'Salarisadministratie', 'Uitbetaling van salarissen', 'active', 'Loonaangifte; Pensioen'],
      ['V-02', 'Cameratoezicht', 'Beveiliging van het pand', 'draft', 'Toegangscontrole'],
    ],
    subPurposes: [['Loonaangifte', 'Pensioen'], ['Toegangscontrole']],
  },
  {
    lang: 'pt',
    headers: ['N.º', 'Atividade de tratamento', 'Finalidade', 'Estado', 'Finalidades secundárias'],
    rows: [
      ['RT-01', 'Processamento salarial', 'Pagamento dos salários', 'active', 'Declarações fiscais; Segurança social'],
      ['RT-02', 'Videovigilância', 'Segurança das instalações', 'draft', 'Controlo de acessos'],
    ],
    subPurposes: [['Declarações fiscais', 'Segurança social'], ['Controlo de acessos']],
  },
  {
    lang: 'pl',
    headers: ['Identyfikator', 'Czynność przetwarzania', 'Cel przetwarzania', 'Status', 'Cele szczegółowe'],
    rows: [
      ['RCP/01', 'Kadry i płace', 'Wypłata wynagrodzeń pracownikom', 'active', 'Rozliczenia z ZUS; Rozliczenia podatkowe'],
      ['RCP/02', 'Monitoring wizyjny', 'Bezpieczeństwo budynku', 'draft', 'Kontrola dostępu'],
    ],
    subPurposes: [['Rozliczenia z ZUS', 'Rozliczenia podatkowe'], ['Kontrola dostępu']],
  },
  {
    lang: 'ro',
    headers: ['Nr. crt.', 'Activitatea de prelucrare', 'Scopul prelucrării', 'Stare', 'Scopuri secundare'],
    rows: [
      ['RP-01', 'Salarizare', 'Plata salariilor angajaților', 'active', 'Declarații fiscale; Pontaj'],
      ['RP-02', 'Supraveghere video', 'Securitatea sediului', 'draft', 'Controlul accesului'],
    ],
    subPurposes: [['Declarații fiscale', 'Pontaj'], ['Controlul accesului']],
  },
];

let t: TempRegister;
let dir: string;

beforeAll(async () => {
  t = openTempRegister();
  dir = tempDir('art30-vocabulary-fields-');
  await t.call('organisations/create', { organisation: { name: 'Organisme' } } as never);
});
afterAll(() => {
  t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\r\n') + '\r\n';

describe('a register with a reference, a status and sub-purposes, in each language', () => {
  it.each(REGISTERS)('$lang: the three columns are read and imported', async (r) => {
    const file = path.join(dir, `register-${r.lang}.csv`);
    fs.writeFileSync(file, csv([r.headers, ...r.rows]), 'utf8');
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const sheet = p.sheets.find((s) => s.status === 'imported');
    expect(sheet, `${r.lang}: a table found`).toBeDefined();
    expect(sheet!.columns.map((c) => c.field)).toEqual(['ref', 'name', 'purpose', 'status', 'subPurposes']);
    const rows = p.rows.filter((x) => x.status === 'new');
    expect(rows.map((x) => x.name)).toEqual(r.rows.map((x) => x[1]));
    for (const [i, row] of rows.entries()) {
      const a = row.activity!;
      expect(a.ref, `${r.lang} row ${i}: reference`).toBe(r.rows[i][0]);
      expect(a.status, `${r.lang} row ${i}: status`).toBe(r.rows[i][3]);
      expect(a.subPurposes, `${r.lang} row ${i}: sub-purposes`).toEqual(r.subPurposes[i]);
    }
    await t.call('import/close', { sessionId: p.sessionId });
  });
});

describe('a role, a status and a DPIA’s status written in the register’s language', () => {
  it.each([
    {
      lang: 'es',
      headers: ['Nombre del tratamiento', 'Finalidad', 'Estado', 'Rol', 'EIPD'],
      rows: [
        ['Nóminas', 'Pagar los salarios', 'Activo', 'Encargado del tratamiento', 'No requerida'],
        ['Videovigilancia', 'Seguridad', 'Borrador', 'Corresponsable', 'Realizada'],
      ],
    },
    {
      lang: 'de',
      headers: ['Verarbeitungstätigkeit', 'Zweck', 'Status', 'Rolle', 'DSFA'],
      rows: [
        ['Lohnabrechnung', 'Gehälter zahlen', 'Aktiv', 'Auftragsverarbeiter', 'Nicht erforderlich'],
        ['Videoüberwachung', 'Sicherheit', 'Entwurf', 'Gemeinsam Verantwortliche', 'Durchgeführt'],
      ],
    },
    {
      lang: 'it',
      headers: ['Denominazione del trattamento', 'Finalità', 'Stato', 'Ruolo', 'DPIA'],
      rows: [
        ['Paghe', 'Pagare gli stipendi', 'Attivo', 'Responsabile del trattamento', 'Non richiesta'],
        ['Videosorveglianza', 'Sicurezza', 'Bozza', 'Contitolare', 'Effettuata'],
      ],
    },
  ])('$lang: read as the codes they name, without a warning', async (r) => {
    const file = path.join(dir, `values-${r.lang}.csv`);
    fs.writeFileSync(file, csv([r.headers, ...r.rows]), 'utf8');
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const rows = p.rows.filter((x) => x.status === 'new');
    expect(rows.map((x) => [x.activity!.status, x.activity!.role, x.activity!.dpia.status])).toEqual([
      ['active', 'processor', 'not_required'],
      ['draft', 'joint_controller', 'completed'],
    ]);
    expect(rows.flatMap((x) => x.warnings.map((w) => w.code)).filter((c) => /status|role|dpia/.test(c ?? ''))).toEqual([]);
    await t.call('import/close', { sessionId: p.sessionId });
  });
});
