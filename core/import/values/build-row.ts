/**
 * One spreadsheet row (its mapped cells) → activity fields, normalised, with the original text kept
 * where the register has room for it (labels, retention wording, precisions) and a warning for every
 * value that could not be read. Only fields whose columns hold a value are "present": an update never
 * erases a field because its cell was blank.
 */
import { EMPTY_DPIA } from '../../model/dpia.js';
import type { LegalBasisCode, RecipientType, SecurityMeasureType } from '../../model/codes.js';
import type { ActivityFields } from '../../model/schemas.js';
import { fold as foldKey } from '../fold.js';
import type { ImportContext } from './context.js';
import { parseDate } from '../normalise/date.js';
import { cleanText, isPlaceholder } from '../normalise/empty.js';
import { parseLegalBases } from '../normalise/legal-basis.js';
import { parseRetention } from '../normalise/retention.js';
import { parseSafeguard } from '../normalise/safeguard.js';
import { commaParts, splitItems, splitMulti } from '../normalise/split.js';
import { onlyPlaces, readItem, type AnnotationTools } from '../normalise/annotation.js';
import { headerCandidates } from '../assign/mapping.js';
import { labelledLines } from './labelled-lines.js';
import { FIELD_BY_KEY } from '../assign/fields.js';
import { parseYesNo } from '../normalise/yes-no.js';
import { isNoneStatement, specialHints, valueReaders } from '../vocabulary/index.js';
import { organisationIn, readGroupedItems, readRecipientItem } from '../normalise/composite.js';

export interface CellIssue {
  /** Register field key (see FIELDS), or '' for the row. */
  field: string;
  /** Cell name such as "C12", or '' when the issue is about the row. */
  cell: string;
  /** The text found in the cell. */
  value: string;
  /** In English, for the command line and logs; the app shows `code` translated (catalogue `import.warning.<code>`). */
  message: string;
  code?: string;
  /** Parameters of the translated message, beside `value` (the cell's text). */
  params?: Record<string, string | number>;
}

/** Where each field's text came from: cell name and text, one entry per column. */
export type RowCells = Map<string, { cell: string; text: string; formula?: boolean }[]>;

export interface BuiltRow {
  fields: Partial<ActivityFields>;
  /** Field keys of ActivityFields that the row sets. */
  present: Set<keyof ActivityFields>;
  stamps: { createdAt?: string; updatedAt?: string };
  warnings: CellIssue[];
  errors: CellIssue[];
  /** Recipients that are not in the directory yet (created on commit). */
  newRecipients: string[];
  /** The row says it holds sensitive data but none of its categories says which (derive.ts adds one to specify). */
  specialUnnamed?: boolean;
  /** Notes written among a list's items ("Achtung: …"): kept in the activity's description. */
  notes?: string[];
}

// A cell's words for a role, a status and a DPIA's status, in every language of the vocabulary (vocabulary/*.json, `values`).
let readers: { role: [RegExp, ActivityFields['role']][]; status: [RegExp, ActivityFields['status']][]; dpia: [RegExp, ActivityFields['dpia']['status']][] } | undefined;
const valuesRead = () =>
  (readers ??= {
    role: valueReaders('role', ['joint_controller', 'processor', 'controller'] as const, false),
    status: valueReaders('status', ['active', 'draft', 'retired'] as const, true),
    // "Non évaluée" is not assessed before its "non" says not required.
    dpia: valueReaders('dpiaStatus', ['not_assessed', 'not_required', 'completed', 'in_progress', 'planned'] as const, false),
  });

function buildRowDirect(cells: RowCells, ctx: ImportContext): BuiltRow {
  const out: BuiltRow = { fields: {}, present: new Set(), stamps: {}, warnings: [], errors: [], newRecipients: [] };
  const f = out.fields;
  const warn = (field: string, cell: string, value: string, message: string, code?: string, params: Record<string, string | number> = {}) =>
    out.warnings.push({ field, cell, value, message, code, params });
  const set = <K extends keyof ActivityFields>(key: K, value: ActivityFields[K]) => {
    f[key] = value;
    out.present.add(key);
  };
  /** Cleaned text of a single-value field (several columns are joined by line breaks). */
  const text = (key: string): { text: string; cell: string } | null => {
    let joined = '';
    let cell = '';
    for (const c of cells.get(key) ?? []) {
      const t = cleanText(c.text);
      if (!t) continue;
      if (joined) joined += '\n';
      else cell = c.cell;
      joined += t;
    }
    return joined ? { text: joined, cell } : null;
  };
  /** Items of a list field, each with the cell it came from. */
  // "Aucun tiers n'a accès aux données", "Sans objet — aucun transfert": an item that says there is none gives none.
  const exactIn = (kind: Parameters<ImportContext['vocab']>[0]) => (part: string) => ctx.vocab(kind).match(part)?.how === 'exact';
  const annotationTools: AnnotationTools = { country: (p) => ctx.countries.match(p), fieldsOf: headerCandidates, isKind: exactIn('recipient_type') };
  // A note among the items ("Achtung: …", "NB : …") is not one: kept once in the description, and said.
  const noted = new Set<string>();
  const note = (key: string, cell: string, t: string) => {
    if (noted.has(`${cell}\u0000${t}`)) return;
    noted.add(`${cell}\u0000${t}`);
    (out.notes ??= []).push(t);
    warn(key, cell, t, `"${t}" is a note, not a value: it was kept in the activity's description.`, 'annotation', {});
  };
  const items = (key: string, commas = true, keepWhole?: (part: string) => boolean): { text: string; cell: string; follows: boolean }[] =>
    (cells.get(key) ?? []).flatMap((c) =>
      ctx
        .memo(['split', key, c.text], () =>
          splitItems(c.text, { commas, keepWhole, lineCommas: key === 'dataCategories' || key === 'dataSubjects' })
            .filter((t) => t.text.length > 200 || !isNoneStatement(t.text))
            .map((t) => ({ ...t, note: readItem(t.text, annotationTools, false, t.follows).kind === 'note' })),
        )
        .flatMap((t) => {
          if (!t.note) return [{ text: t.text, cell: c.cell, follows: t.follows }];
          note(key, c.cell, t.text);
          return [];
        }),
    );

  for (const key of ['ref', 'name', 'department', 'owner', 'description', 'purpose', 'criminalDataBasis', 'securityNotes', 'rights', 'consentRecords', 'breaches'] as const) {
    const t = text(key);
    if (t) set(key, key === 'name' || key === 'ref' ? t.text.replace(/\s*\n\s*/g, ' ') : t.text);
  }
  const sub = items('subPurposes', false);
  if (sub.length)
    set(
      'subPurposes',
      sub.map((s) => s.text),
    );

  const role = text('role');
  if (role) {
    const k = foldKey(role.text);
    const code = valuesRead().role.find(([re]) => re.test(k))?.[1];
    if (code) set('role', code);
    else
      warn(
        'role',
        role.cell,
        role.text,
        `"${role.text}" is not a known role (controller, joint controller or processor): the activity stays a controller activity.`,
        'role_unknown',
        {},
      );
  }
  const status = text('status');
  if (status) {
    const k = foldKey(status.text);
    const code = valuesRead().status.find(([re]) => re.test(k))?.[1];
    if (code) set('status', code);
    else warn('status', status.cell, status.text, `"${status.text}" is not a known status (draft, active, retired): the activity is imported as a draft.`, 'status_unknown', {});
  }

  // Legal bases, "Intérêt légitime : prévention de la fraude" keeps the words after the colon. A cell
  // that cites Art. 6 ("Art. 6 Abs. 1 lit. b und c", "artículo 6, apartado 1, letra b)") is read whole.
  const bases: ActivityFields['legalBases'] = [];
  const cellBases = new Map<string, LegalBasisCode[]>();
  for (const c of cells.get('legalBases') ?? []) if (/(?<![0-9])6\s*[(.,\-\s]/.test(c.text)) cellBases.set(c.cell, parseLegalBases(c.text));
  for (const codes of cellBases.values()) for (const code of codes) if (!bases.some((b) => b.code === code)) bases.push({ code, justification: '', purpose: 0 });
  for (const item of items('legalBases').filter((x) => !cellBases.get(x.cell)?.length)) {
    const [head, ...rest] = item.text.split(/\s*:\s*/);
    const found = parseLegalBases(head);
    const codes = found.length ? found : parseLegalBases(item.text);
    if (!codes.length) {
      warn(
        'legalBases',
        item.cell,
        item.text,
        `"${item.text}" is not a legal basis Art30 recognises (consent, contract, legal obligation, vital interests, public task, legitimate interests): it was left out.`,
        'legal_basis_unknown',
        {},
      );
      continue;
    }
    for (const code of codes) if (!bases.some((b) => b.code === code)) bases.push({ code, justification: codes.length === 1 ? rest.join(': ') : '', purpose: 0 });
  }
  const justification = text('legalBasisJustification');
  if (justification) {
    const target = bases.find((b) => b.code === 'legitimate_interests') ?? bases[0];
    if (target) target.justification = [target.justification, justification.text].filter(Boolean).join('\n');
    else
      warn(
        'legalBasisJustification',
        justification.cell,
        justification.text,
        'a justification is given but no legal basis: name the legal basis it justifies.',
        'justification_without_basis',
        {},
      );
  }
  if (bases.length) set('legalBases', bases);

  const art9: ActivityFields['art9Conditions'] = [];
  for (const item of items('art9Conditions', true, exactIn('art9_condition'))) {
    const m = ctx.vocab('art9_condition').match(item.text);
    if (m && !art9.some((a) => a.code === m.code))
      art9.push({ code: m.code as ActivityFields['art9Conditions'][number]['code'], justification: m.how === 'exact' ? '' : item.text, purpose: 0 });
    else if (!m) warn('art9Conditions', item.cell, item.text, `"${item.text}" is not an Art. 9(2) condition Art30 recognises: it was left out.`, 'art9_unknown', {});
  }
  if (art9.length) set('art9Conditions', art9);

  const subjects = items('dataSubjects', true, exactIn('data_subject_category'));
  if (subjects.length) {
    set(
      'dataSubjects',
      subjects.map((s) => ({ code: ctx.vocab('data_subject_category').match(s.text)?.code ?? '', label: s.text, precision: '', volume: '' })),
    );
  }
  const categories: ActivityFields['dataCategories'] = [];
  const dc = ctx.vocab('data_category');
  const ds = ctx.vocab('data_subject_category');
  // A group of people the vocabulary knows by that very name ("Salariés"), or one the row already names: "Données du personnel : …" is data.
  const groupOf = (label: string) => ds.match(label)?.how === 'exact' || (f.dataSubjects ?? []).some((s) => foldKey(s.label) === foldKey(label));
  const categoryItems = items('dataCategories', true, exactIn('data_category'));
  // A list whose every line is "Label : a, b" ("- Identité : nom, prénom⏎- Contact : email, téléphone") is
  // structured: each label groups the categories after it. One such line alone is one category with its details.
  const byCell = new Map<string, string[]>();
  for (const i of categoryItems) byCell.set(i.cell, [...(byCell.get(i.cell) ?? []), i.text]);
  const structured = new Set([...byCell].filter(([, list]) => list.length >= 2 && list.every((t) => GROUP_LINE.test(t))).map(([cell]) => cell));
  for (const item of categoryItems) {
    // "Salariés : nom, prénom, RIB": the people concerned, and each category kept about them.
    const people = ctx.memo(['grouped', item.text], () => readGroupedItems(item.text, groupOf));
    const listed = !people && structured.has(item.cell) ? readGroupedItems(item.text, () => true) : undefined;
    // "Alm. personoplysninger: Navn, e-mail, telefon" on its own: a short heading, then short items; each a category, the heading its description.
    const headed = people || listed ? undefined : ctx.memo(['headed', item.text], () => readGroupedItems(item.text, (label) => label.split(/\s+/).length <= 5));
    const heading = headed && headed.items.length >= 2 && headed.items.every((x) => x.split(/\s+/).length <= 4) ? headed : undefined;
    const grouped = people ?? (listed && { ...listed, items: listed.items.filter((x) => !isNoneStatement(x)) }) ?? heading;
    for (const text of grouped ? grouped.items : [item.text]) {
      // "Absences (hors médical)", "tout sauf la santé": what is negated never makes a category.
      const positive = withoutNegated(text);
      const m = positive ? dc.match(positive) : undefined;
      categories.push({ code: m?.code ?? '', label: text, description: grouped?.group ?? '', special: m ? Boolean(dc.term(m.code)?.special) : false });
    }
    if (people && !(f.dataSubjects ?? []).some((s) => foldKey(s.label) === foldKey(people.group)))
      set('dataSubjects', [...(f.dataSubjects ?? []), { code: ds.match(people.group)?.code ?? '', label: people.group, precision: '', volume: '' }]);
  }
  for (const item of items('specialCategories', true, exactIn('data_category'))) {
    const yes = parseYesNo(item.text);
    if (yes === false) continue;
    if (!withoutNegated(item.text)) continue;
    if (yes === true) {
      if (!text('hasSpecialData')) cells.set('hasSpecialData', [{ cell: item.cell, text: item.text }]);
      continue;
    }
    const m = dc.match(item.text);
    categories.push({ code: m?.code ?? '', label: item.text, description: '', special: true });
  }
  if (categories.length) set('dataCategories', categories);
  const special = text('hasSpecialData');
  if (special) {
    const yes = parseYesNo(special.text);
    if (yes === undefined) warn('hasSpecialData', special.cell, special.text, `"${special.text}" is neither yes nor no.`, 'not_yes_no', {});
    else if (yes && !categories.some((c) => c.special) && !markHinted(categories)) {
      out.specialUnnamed = true;
      warn(
        'hasSpecialData',
        special.cell,
        special.text,
        'the row says it holds sensitive data but names no special category: add them in the activity.',
        'special_without_category',
        {},
      );
    }
  }

  const sources = items('dataSources', false);
  if (sources.length)
    set(
      'dataSources',
      sources.map((s) => s.text),
    );

  // Recipients: matched to the directory ignoring case and accents, else created on commit.
  const typeText = text('recipientType');
  let defaultType: RecipientType | undefined;
  if (typeText) {
    const m = ctx.vocab('recipient_type').match(typeText.text);
    if (m) defaultType = m.code as RecipientType;
    else
      warn('recipientType', typeText.cell, typeText.text, `"${typeText.text}" is not a known recipient type: new recipients are created as "other".`, 'recipient_type_unknown', {});
  }
  const recipients: ActivityFields['recipients'] = [];
  const seen = new Set<string>();
  /** Destinations named inside a recipient's item ("Sundara Tech (Inde) — CCT"): transfers when outside the EEA. */
  const named: { recipient: string; country: string; safeguard: ReturnType<typeof parseSafeguard>; cell: string; text: string }[] = [];
  /** "Sundara Tech (Indien) — SCC": the recipient, its country and the safeguard of the transfer there. */
  const compositeOf = (t: string) =>
    ctx.memo(['composite', t], () =>
      readRecipientItem(
        t,
        (p) => onlyPlaces(p, (x) => ctx.countries.match(x)),
        (p) => (exactIn('recipient_type')(p) ? ctx.vocab('recipient_type').match(p)?.code : undefined),
      ),
    );
  const composite = (item: { text: string; cell: string }, type: RecipientType): boolean => {
    if (ctx.vocab('recipient_type').match(item.text)?.how === 'exact') return false;
    const c = compositeOf(item.text);
    if (!c) return false;
    const known = ctx.recipients.get(foldKey(c.name));
    if (known) recipients.push({ recipientId: known.id, name: known.name, role: '', precision: '' });
    else {
      const kind = (c.type as RecipientType | undefined) ?? (type === 'other' ? (defaultType ?? 'other') : type);
      recipients.push({ name: c.name, type: kind, ...(c.countries ? { countries: c.countries } : {}), role: '', precision: '' });
      out.newRecipients.push(c.name);
    }
    for (const country of c.countries ?? []) named.push({ recipient: c.name, country, safeguard: c.safeguard, cell: item.cell, text: item.text });
    return true;
  };
  /** Safeguards a line gives the recipient before it ("Rechtsgrundlage: EU-US Data Privacy Framework"), by recipient. */
  const qualifiedSafeguards = new Map<string, NonNullable<ReturnType<typeof parseSafeguard>>>();
  let lastCell = '';
  /** The recipients the row names whose item names no country (those are linked through it). */
  const linkable: { text: string }[] = [];
  /** Countries a description names: its parts that are only places ("USA", "Dubai/Türkei"), else the countries its words name. */
  const placesIn = (detail: string): string[] =>
    ctx.memo(['placesIn', detail], () => {
      const parts = detail.split(/\s+[—–-]\s+|\s*[()[\],;]\s*/).filter(Boolean);
      const codes = parts.flatMap((p) => onlyPlaces(p, (t) => ctx.countries.match(t)) ?? []);
      return [...new Set(codes.length ? codes : ctx.countries.findIn(detail))];
    });
  const readRecipients = (field: 'recipients' | 'processors', keepWhole: (p: string) => boolean, type: RecipientType | 'other') => {
    for (const raw of items(field, true, keepWhole)) {
      // A line qualifying the recipient before it (where it is, its safeguard, another fact), or naming its kind.
      const reading = ctx.memo(['item', raw.follows ? '1' : '', raw.text], () => readItem(raw.text, annotationTools, true, raw.follows));
      const last = recipients.at(-1);
      if (reading.kind !== 'item' && reading.kind !== 'note' && last && lastCell === raw.cell) {
        if (reading.kind === 'place') {
          for (const country of reading.countries) {
            if (!last.recipientId) last.countries = [...new Set([...(last.countries ?? []), country])];
            if (!named.some((n) => n.recipient === last.name && n.country === country))
              named.push({ recipient: last.name, country, safeguard: qualifiedSafeguards.get(last.name), cell: raw.cell, text: raw.text });
          }
        } else if (reading.kind === 'safeguard') {
          qualifiedSafeguards.set(last.name, reading.safeguard);
          for (const n of named) if (n.recipient === last.name && !n.safeguard) n.safeguard = reading.safeguard;
        }
        last.precision = [last.precision, raw.text].filter(Boolean).join('; ');
        continue;
      }
      // "Social Media Plattformen: TikTok (China/Singapur), Instagram/Facebook (USA - Meta), Pinterest (USA)": a kind
      // of recipient, then several of them.
      const several = reading.kind === 'item' && reading.label ? commaParts(reading.name) : [];
      if (reading.kind === 'item' && several.length >= 2) for (const name of several) add(raw, { ...reading, name }, type);
      else add(raw, reading, type);
    }
  };
  /** One recipient of a list (`reading`: what its item says), unless the list named it already. */
  const add = (raw: { text: string; cell: string; follows: boolean }, reading: ReturnType<typeof readItem>, type: RecipientType | 'other') => {
    let item = reading.kind === 'item' && reading.name !== raw.text ? { ...raw, text: reading.name } : raw;
    let precision = reading.kind === 'item' ? [reading.label, reading.detail].filter(Boolean).join(' — ') : '';
    // "Data videresendes og behandles af Flexybox.com": a sentence naming one organisation, the recipient; the sentence says how.
    const inSentence =
      reading.kind === 'item' && !reading.label && !ctx.recipients.has(foldKey(item.text)) ? ctx.memo(['organisationIn', item.text], () => organisationIn(item.text)) : undefined;
    if (inSentence) {
      precision = [item.text, precision].filter(Boolean).join(' — ');
      item = { ...item, text: inSentence };
    }
    const key = foldKey(item.text);
    if (!key || seen.has(key)) return;
    seen.add(key);
    lastCell = raw.cell;
    // "Hosting-Provider: …", "IT-Dienstleister: …": a label reading as the processors' header makes the item one.
    const kindOf: RecipientType | 'other' =
      type === 'other' && reading.kind === 'item' && reading.label && headerCandidates(reading.label)[0]?.field === 'processors' ? 'processor' : type;
    const known = ctx.recipients.get(key);
    const c = known ? undefined : compositeOf(item.text);
    if (!c?.country) linkable.push({ text: c ? c.name : item.text });
    // "Google Gemini AI: {https://ai.google.dev} - USA": the places the description after the address names.
    const where = reading.kind === 'item' && reading.detail ? placesIn(reading.detail) : [];
    for (const country of where) named.push({ recipient: known?.name ?? item.text, country, safeguard: undefined, cell: item.cell, text: raw.text });
    if (known) recipients.push({ recipientId: known.id, name: known.name, role: '', precision });
    else if (where.length && !c) {
      recipients.push({ name: item.text, type: kindOf === 'other' ? (defaultType ?? 'other') : kindOf, countries: where, role: '', precision });
      out.newRecipients.push(item.text);
    } else if (!composite(item, kindOf)) {
      const asType = kindOf === 'other' ? ctx.vocab('recipient_type').match(item.text) : undefined;
      const kind = kindOf === 'other' ? (asType?.how === 'exact' ? asType.code : defaultType) : kindOf;
      recipients.push({ name: item.text, type: (kind as RecipientType | undefined) ?? 'other', role: '', precision });
      out.newRecipients.push(item.text);
    } else if (precision) recipients.at(-1)!.precision = precision;
  };
  readRecipients('recipients', (p) => ctx.recipients.has(foldKey(p)) || exactIn('recipient_type')(p), 'other');
  // Processors and sub-processors (a tools/vendors column whose entries are organisations).
  readRecipients('processors', (p) => ctx.recipients.has(foldKey(p)), 'processor');
  if (recipients.length) set('recipients', recipients);

  // Transfers: one per destination outside the EEA, with its safeguard.
  let saidNo: { text: string; cell: string } | undefined;
  const rowSafeguards: NonNullable<ReturnType<typeof parseSafeguard>>[] = [];
  /**
   * The one safeguard the row gives without naming its destination, for a transfer that has none: never an
   * adequacy decision (the Data Privacy Framework…) for a country the Commission found no adequacy for.
   */
  const rowSafeguardFor = (country: { adequacy: string }) => {
    const sg = rowSafeguards.length === 1 ? rowSafeguards[0].safeguard : null;
    return sg === 'adequacy' && country.adequacy === 'none' ? null : sg;
  };
  let countryItems = items('transferCountries');
  // Without a column of countries, the safeguards' cells may name them ("USA (SCCs)", "Inde — CCT"): each
  // names its destination; a safeguard that names none says a transfer exists without saying where.
  if (!countryItems.length && !f.transfers)
    for (const item of items('transferSafeguard')) {
      if (parseYesNo(item.text) === false) continue;
      // Its parts ("US (DPF)", "Inde — CCT", "USA/UK") each read as places, else the countries its prose names.
      const found = placesIn(item.text);
      if (found.length) countryItems = [...countryItems, ...found.map((code) => ({ text: ctx.countries.get(code)!.nameEn, cell: item.cell, follows: false }))];
      else if (parseSafeguard(item.text) && !named.some((n) => !ctx.countries.get(n.country)?.eea))
        warn(
          'transferSafeguard',
          item.cell,
          item.text,
          `"${item.text}" gives a transfer safeguard but no destination: add the country in the activity.`,
          'transfer_without_country',
          {},
        );
    }
  if (countryItems.length) {
    const safeguardText = text('transferSafeguard');
    let safeguard: ReturnType<typeof parseSafeguard>;
    if (safeguardText) {
      safeguard = parseSafeguard(safeguardText.text);
      if (!safeguard)
        warn(
          'transferSafeguard',
          safeguardText.cell,
          safeguardText.text,
          `"${safeguardText.text}" is not a transfer safeguard Art30 recognises (adequacy, standard contractual clauses, BCR, code of conduct, certification, Art. 49 derogation).`,
          'safeguard_unknown',
          {},
        );
      else if (safeguard.safeguard === 'privacy_shield_legacy')
        warn(
          'transferSafeguard',
          safeguardText.cell,
          safeguardText.text,
          'the Privacy Shield was invalidated on 16 July 2020 (CJEU C-311/18, Schrems II): kept as a legacy value, the transfer needs a valid safeguard.',
          'privacy_shield',
          {},
        );
      else if (safeguard.safeguard === 'derogation' && !safeguard.derogation) {
        warn(
          'transferSafeguard',
          safeguardText.cell,
          safeguardText.text,
          'an Art. 49 derogation is named without saying which one (consent, contract, legal claims…): the safeguard was left empty.',
          'derogation_unnamed',
          {},
        );
        safeguard = undefined;
      }
    }
    // Each destination's own safeguard where the file pairs them: the safeguard on the same row of a transfers sheet
    // ("Prenosy!C4" beside "Prenosy!D4"), else the same place in a parallel list ("United Kingdom|India" beside
    // "Adequacy decision|SCCs"); otherwise the column's one safeguard serves every destination.
    const pairedSafeguards = items('transferSafeguard', false);
    const safeguardCells = new Set(pairedSafeguards.map((x) => x.cell));
    const safeguardOf = (i: number): ReturnType<typeof parseSafeguard> => {
      const item = countryItems[i];
      const row = sheetRow(item.cell);
      if (row) {
        const beside = pairedSafeguards.filter((x) => sheetRow(x.cell) === row);
        if (beside.length === 1) return parseSafeguard(beside[0].text) ?? safeguard;
      }
      const inCell = countryItems.filter((x) => x.cell === item.cell);
      if (inCell.length > 1 && safeguardCells.size === 1 && pairedSafeguards.length === inCell.length)
        return parseSafeguard(pairedSafeguards[inCell.indexOf(item)].text) ?? safeguard;
      return safeguard;
    };
    const documentation = text('transferDocumentation')?.text ?? '';
    const tiaRef = text('transferTia')?.text ?? '';
    const importers = items('transferRecipients').map((i) => i.text);
    // The recipients the row names, by name (those whose item names a country are linked through it).
    const recipientCells = linkable;
    /** The recipient the row links a destination to: never a guess. */
    const linkFor = (code: string, i: number): string => {
      if (importers.length && importers.length === countryItems.length) return importers[i];
      if (importers.length === 1) return importers[0];
      const namedHere = named.filter((n) => n.country === code);
      if (namedHere.length === 1) return namedHere[0].recipient;
      const candidates = (importers.length ? importers : recipientCells.map((r) => r.text)).filter((name) => {
        const known = ctx.recipients.get(foldKey(name));
        return mentionsCountry(name, code, ctx) || Boolean(known?.countries?.includes(code));
      });
      if (candidates.length) return candidates.length === 1 ? candidates[0] : '';
      // The row's only recipient, unless what is known of it says otherwise (internal, or elsewhere).
      const only = importers.length ? importers : recipientCells.map((r) => r.text);
      if (only.length !== 1) return '';
      const known = ctx.recipients.get(foldKey(only[0]));
      const internal = known?.type === 'internal' || (!known && defaultType === 'internal');
      const elsewhere = Boolean(known?.countries?.length) && !known!.countries!.includes(code);
      return internal || elsewhere ? '' : only[0];
    };
    const transfers: ActivityFields['transfers'] = [];
    // "Standardvertragsklauseln (für Buffer)", "Rechtsgrundlage: EU-US Data Privacy Framework": a safeguard among the
    // destinations, naming none; it goes to the transfers of the recipient it names, else to the row's without one.
    const safeguardItems = new Set<(typeof countryItems)[number]>();
    for (const item of countryItems) {
      if (item.text.length > 120 || ctx.countries.match(item.text)) continue;
      if (ctx.memo(['countriesIn', item.text], () => ctx.countries.findIn(item.text)).length === 1 && parseYesNo(item.text) === undefined) continue;
      const sgItem = ctx.memo(['safeguardIn', item.text], () => parseSafeguard(item.text));
      if (!sgItem || sgItem.safeguard === 'derogation') continue;
      safeguardItems.add(item);
      const folded = ` ${foldKey(item.text)} `;
      const who = recipients.find((r) => foldKey(r.name).length > 2 && folded.includes(` ${foldKey(r.name)} `));
      if (who) qualifiedSafeguards.set(who.name, sgItem);
      else rowSafeguards.push(sgItem);
    }
    countryItems.forEach((item, i) => {
      // "NU", "Ne", "NE": a bare two-letter answer of a language's yes/no words is that answer, not the country whose
      // ISO code it spells (Niue, Niger).
      const place = /^\s*\p{L}{2}\s*$/u.test(item.text) && parseYesNo(item.text) !== undefined ? undefined : ctx.countries.match(item.text);
      // "NEIN (empfohlen: nur EU-Server nutzen)": no transfer, said (and checked against the recipients below);
      // "JA - USA (siehe Empfänger oben)": a yes that names its destination gives it.
      const yesNo = place ? undefined : parseYesNo(item.text);
      if (yesNo === false) saidNo ??= item;
      if (yesNo === false || (yesNo === true && placesIn(item.text).length !== 1)) return;
      // A country named in a sentence ("vers la Suisse (pays adéquat)"), when the sentence names one.
      const inProse = place ? [] : yesNo ? placesIn(item.text) : ctx.memo(['countriesIn', item.text], () => ctx.countries.findIn(item.text));
      const code = place ?? (inProse.length === 1 ? inProse[0] : undefined);
      if (safeguardItems.has(item)) return;
      if (!code) {
        warn(
          'transferCountries',
          item.cell,
          item.text,
          `"${item.text}" is not a country Art30 recognises: write its name in French or English, or its ISO code (US, IN…).`,
          'country_unknown',
          {},
        );
        return;
      }
      const country = ctx.countries.get(code)!;
      if (country.eea) return;
      // The safeguard the column gives, else the one the item names ("l'Algérie (clauses contractuelles types)").
      // ("USA – standard contractual clauses": the country and, after it, the safeguard; a bare name says none.)
      const columnSafeguard = safeguardOf(i);
      const own = columnSafeguard
        ? undefined
        : item.text.length > 3 && (!ctx.countries.match(item.text) || /\s[-–—:|]\s|[(),;:]/.test(item.text))
          ? ctx.memo(['safeguardIn', item.text], () => parseSafeguard(item.text))
          : undefined;
      const recipient = linkFor(code, i);
      let sg = columnSafeguard?.safeguard ?? (own && own.safeguard !== 'derogation' ? own.safeguard : null);
      sg ??= (recipient ? qualifiedSafeguards.get(recipient)?.safeguard : undefined) ?? rowSafeguardFor(country);
      if (!sg && country.adequacy === 'adequate') sg = 'adequacy';
      // The US adequacy decision covers recipients certified under the Data Privacy Framework (directory).
      const importer = importers[i] ?? importers[0] ?? recipients[0]?.name;
      if (!sg && country.adequacy === 'partial' && country.code === 'US' && importer && ctx.recipients.get(foldKey(importer))?.dpfCertified) sg = 'adequacy';
      if (!sg) {
        const why =
          country.adequacy === 'partial' ? ` (the adequacy decision for ${country.nameEn} covers only part of it: ${country.adequacyScopeEn || 'see the country table'})` : '';
        warn(
          'transferCountries',
          item.cell,
          item.text,
          `transfer to ${country.nameFr} without a safeguard${why}: say which one (standard contractual clauses, BCR, derogation…).`,
          country.adequacy === 'partial' ? 'transfer_partial_adequacy' : 'transfer_without_safeguard',
          { nameFr: country.nameFr, nameEn: country.nameEn, scopeFr: country.adequacyScopeFr || '', scopeEn: country.adequacyScopeEn || '' },
        );
      }
      if (!recipient) {
        warn(
          'transferCountries',
          item.cell,
          item.text,
          `the transfer to ${country.nameEn} is not linked to a recipient: the row does not say which recipient receives the data there (add a "Transfer recipient" column, or link it in the activity).`,
          'transfer_not_linked',
          { nameFr: country.nameFr, nameEn: country.nameEn },
        );
      }
      if (!transfers.some((t) => t.country === code && t.recipient === recipient)) {
        transfers.push({ recipient, country: code, safeguard: sg, derogation: sg === 'derogation' ? (columnSafeguard?.derogation ?? null) : null, documentation, tiaRef });
      }
    });
    set('transfers', transfers);
  }
  // Destinations the recipients' items name, outside the EEA, not already given by a transfer column.
  const outside = named.find((n) => !ctx.countries.get(n.country)?.eea);
  if (saidNo && outside) {
    const country = ctx.countries.get(outside.country)!;
    warn(
      'transferCountries',
      saidNo.cell,
      saidNo.text,
      `the row says there is no transfer outside the EEA ("${saidNo.text}"), yet it names a recipient outside the EEA (${country.nameEn}): the transfer was kept, check it.`,
      'transfer_contradiction',
      { nameFr: country.nameFr, nameEn: country.nameEn },
    );
  }
  const namedTransfers = named.filter((n) => !ctx.countries.get(n.country)?.eea && !(f.transfers ?? []).some((t) => t.country === n.country));
  if (namedTransfers.length) {
    const transfers = [...(f.transfers ?? [])];
    for (const n of namedTransfers) {
      const country = ctx.countries.get(n.country)!;
      const sg = n.safeguard?.safeguard ?? qualifiedSafeguards.get(n.recipient)?.safeguard ?? rowSafeguardFor(country) ?? (country.adequacy === 'adequate' ? 'adequacy' : null);
      if (!sg)
        warn('recipients', n.cell, n.text, `transfer to ${country.nameFr} without a safeguard: say which one.`, 'transfer_without_safeguard', {
          nameFr: country.nameFr,
          nameEn: country.nameEn,
          scopeFr: '',
          scopeEn: '',
        });
      transfers.push({
        recipient: n.recipient,
        country: n.country,
        safeguard: sg,
        derogation: sg === 'derogation' ? (n.safeguard?.derogation ?? null) : null,
        documentation: '',
        tiaRef: '',
      });
    }
    set('transfers', transfers);
  }

  const retention: ActivityFields['retention'] = [];
  // "Candidats : 2 ans" applies to one data category.
  const labelledPeriod = (t: string) => {
    const m = /^([^:]{2,80}?)\s*:\s*(.+)$/.exec(t);
    return m && !/\d/.test(m[1]) ? { category: m[1], period: m[2] } : null;
  };
  // A cell is several periods only when each part stands on its own (a label, or a duration read);
  // "Photo kept until replaced; other accesses not stored" is one wording.
  const period = (t: string) => ctx.memo(['retention', t], () => parseRetention(t)).duration;
  // "Formation + 5 ans (certificats : 20 ans)", "30 jours (sauf N° FABER : 5 ans)": the period of one category
  // in brackets, beside the activity's, is a line of its own; so is each part of "14 mois (GA4), 90 jours
  // (Sentry)" when every part reads a duration by itself.
  const periodsOf = (t: string): string[] => {
    const own: string[] = [];
    const main = t
      .replace(/\(([^()]{3,120})\)/g, (whole, inner: string) => {
        const m = labelledPeriod(inner.trim());
        if (!m || !period(m.period)) return whole;
        const lead = NEGATION.exec(m.category);
        own.push(`${(lead?.index === 0 ? m.category.slice(lead[0].length) : m.category).trim()} : ${m.period.trim()}`);
        return ' ';
      })
      .replace(/\s+/g, ' ')
      .trim();
    const pieces = main.split(/,\s*(?![^()]*\))/).map((x) => x.trim());
    return [...(pieces.length > 1 && pieces.every((x) => period(x)) ? pieces : main ? [main] : []), ...own];
  };
  const retentionItems = (cells.get('retention') ?? []).flatMap((c) => {
    const parts = ctx.memo(['split', 'retention', c.text], () => splitMulti(c.text, { commas: false }));
    const alone = parts.length < 2 || parts.every((p) => labelledPeriod(p) || period(p));
    const whole = cleanText(c.text);
    return (alone ? parts : whole ? [whole] : []).flatMap((t) => ctx.memo(['periods', t], () => periodsOf(t))).map((t) => ({ text: t, cell: c.cell }));
  });
  for (const item of retentionItems) {
    const m = labelledPeriod(item.text);
    const category = m?.category ?? '';
    const r = ctx.memo(['retention', m ? m.period : item.text], () => parseRetention(m ? m.period : item.text));
    if (!r.understood)
      warn(
        'retention',
        item.cell,
        item.text,
        `the retention period "${item.text}" could not be read as a duration (such as "3 ans" or "10 years after contract end"): kept as text.`,
        'retention_not_understood',
        {},
      );
    retention.push({
      dataCategory: category,
      text: item.text,
      duration: r.duration,
      trigger: r.trigger,
      activePeriod: r.activePeriod,
      archivePeriod: r.archivePeriod,
      finalFate: r.finalFate,
    });
  }
  if (retention.length) set('retention', retention);

  const measures: ActivityFields['securityMeasures'] = [];
  const sm = ctx.vocab('security_measure_type');
  for (const item of items('securityMeasures', false)) {
    const m = sm.match(item.text);
    measures.push({ type: (m?.code ?? 'other') as SecurityMeasureType, precision: m?.how === 'exact' ? '' : item.text });
  }
  if (measures.length) set('securityMeasures', measures);

  // The processor register: the client controllers and the processing done on their behalf.
  const clients = items('clients', false);
  if (clients.length) {
    const processing = items('clientProcessing', false).map((p) => p.text);
    set(
      'clients',
      clients.map((c) => ({
        name: c.text,
        firstName: '',
        company: c.text,
        address: '',
        postalCode: '',
        city: '',
        country: '',
        phone: '',
        email: '',
        representative: '',
        dpo: '',
        processingCategories: processing,
      })),
    );
    set('role', 'processor');
  } else if (items('clientProcessing', false).length) set('role', 'processor');
  const joint = items('jointControllers', false);
  if (joint.length)
    set(
      'jointControllers',
      joint.map((j) => ({ name: j.text, firstName: '', company: '', address: '', postalCode: '', city: '', country: '', phone: '', email: '', responsibilities: '' })),
    );
  const systems = items('systems', false);
  if (systems.length)
    set(
      'systems',
      systems.map((s) => ({ name: s.text, hosting: '', country: '' })),
    );

  const dpiaStatus = text('dpiaStatus');
  const dpiaLink = text('dpiaLink');
  if (dpiaStatus || dpiaLink) {
    const dpia: ActivityFields['dpia'] = { ...EMPTY_DPIA, link: dpiaLink?.text ?? '' };
    if (dpiaStatus) {
      const k = foldKey(dpiaStatus.text);
      // A tick in a DPIA column ("X", "✓") says one applies; an empty or "no" one, that none is needed.
      const tick = parseYesNo(dpiaStatus.text);
      const code = valuesRead().dpia.find(([re]) => re.test(k))?.[1] ?? (tick === true ? 'planned' : tick === false ? 'not_required' : undefined);
      if (code) dpia.status = code;
      else
        warn(
          'dpiaStatus',
          dpiaStatus.cell,
          dpiaStatus.text,
          `"${dpiaStatus.text}" is not a DPIA status Art30 recognises (not required, planned, in progress, completed).`,
          'dpia_status_unknown',
          {},
        );
    }
    set('dpia', dpia);
  }
  const automated = text('automatedDecision');
  const automatedText = text('automatedDecisionDescription');
  if (automated || automatedText) {
    let exists = Boolean(automatedText);
    if (automated) {
      const yes = parseYesNo(automated.text);
      if (yes === undefined) {
        exists = true;
        warn('automatedDecision', automated.cell, automated.text, `"${automated.text}" is neither yes nor no: recorded as a description.`, 'not_yes_no_description', {});
      } else exists = yes;
    }
    const description = [automated && parseYesNo(automated.text) === undefined ? automated.text : '', automatedText?.text ?? ''].filter(Boolean).join('\n');
    set('automatedDecision', { exists, description });
  }

  for (const key of ['lastReviewedAt', 'nextReviewAt', 'createdAt', 'updatedAt'] as const) {
    const t = text(key);
    if (!t) continue;
    const date = parseDate(t.text);
    if (!date) {
      warn(key, t.cell, t.text, `"${t.text}" is not a date Art30 can read (write it DD/MM/YYYY).`, 'date_unknown', {});
      continue;
    }
    if (key === 'lastReviewedAt' || key === 'nextReviewAt') set(key, date);
    else out.stamps[key] = `${date}T00:00:00.000Z`;
  }
  // A department that dates its last update of a row has reviewed it then (the review cycle counts from it).
  const updated = out.stamps.updatedAt?.slice(0, 10);
  if (updated && !f.lastReviewedAt) set('lastReviewedAt', updated);

  for (const [key, list] of cells) {
    for (const c of list) {
      // A template's hint left in the cell ("[es. 24 mesi]", "{Falls vorhanden}"): not read, said.
      const hint = c.text.includes('\n') ? c.text.split('\n').find((line) => isPlaceholder(line)) : isPlaceholder(c.text) ? c.text : undefined;
      if (hint) warn(key, c.cell, hint.trim(), `"${hint.trim()}" is the template's hint, not a value: it was left out (to complete).`, 'placeholder', {});
    }
    for (const c of list)
      if (c.formula && c.text.trim())
        warn(key, c.cell, c.text, 'this cell holds a formula: the value saved in the file was imported, the formula was not evaluated.', 'formula', {});
  }
  return out;
}

/** "Identité : nom, prénom": a label (no digits) and its items after a colon. */
const GROUP_LINE = /^[^:：\d\n]{2,60}?\s*[:：]\s*\S/u;

const NEGATION =
  /(?<![\p{L}\p{N}])(hors|sauf|excepté|excepte|à l[’']exclusion d[eu’']s?|a l[’']exclusion d[eu’']s?|sans|excluding|except|excluded|other than|not including|autres? que|non|außer|ausser|excepto|salvo|exceto|tranne|eccetto|behalve|uitgezonderd|utom|undtagen)(?![\p{L}\p{N}])/iu;

/** The text before any negation ("Absences et motifs (hors médical)" → "Absences et motifs"). */
export function withoutNegated(text: string): string {
  const m = NEGATION.exec(text);
  if (!m) return text;
  return text
    .slice(0, m.index)
    .replace(/[\s(,;:–—-]+$/u, '')
    .trim();
}

/** Whether a recipient's text names the country: "Infosys (Inde)", "CloudCRM — US". */
function mentionsCountry(text: string, code: string, ctx: ImportContext): boolean {
  const parts = [...text.matchAll(/\(([^()]+)\)/g)].map((m) => m[1]).concat(text.split(/\s[-–—/,]\s|,\s*/).slice(1));
  return parts.some((p) => ctx.countries.match(p.trim()) === code);
}

/** Fields whose values are read together (a transfer names the first recipient, a justification goes to a basis…). */
const GROUPS: string[][] = [
  ['recipients', 'recipientType', 'transferCountries', 'transferSafeguard', 'transferDocumentation', 'transferRecipients', 'processors', 'transferTia'],
  ['legalBases', 'legalBasisJustification'],
  ['dataCategories', 'specialCategories', 'hasSpecialData'],
  ['dpiaStatus', 'dpiaLink'],
  ['automatedDecision', 'automatedDecisionDescription'],
  ['clients', 'clientProcessing'],
  ['role'],
  ['status'],
  ['subPurposes'],
  ['art9Conditions'],
  ['dataSubjects'],
  ['dataSources'],
  ['retention'],
  ['securityMeasures'],
  ['jointControllers'],
  ['systems'],
  ['lastReviewedAt'],
  ['nextReviewAt'],
  ['createdAt'],
  ['updatedAt'],
];
const GROUPED = new Set(GROUPS.flat());
// NUL cannot occur in a cell's text: it marks a placeholder the grouping wrote itself.
// eslint-disable-next-line no-control-regex
const PLACEHOLDER = /^\u0000(\w+)\u0000(\d+)(?:\u0000(\d+))?$/;

/** The sheet and row of a cell of another sheet ("Prenosy!C4" → "Prenosy!#4"), or of its placeholder; null for the row's own. */
function sheetRow(cell: string): string | null {
  const m = PLACEHOLDER.exec(cell);
  if (m) return m[3] === undefined ? null : `#${m[3]}`;
  return cell.includes('!') ? cell.replace(/[A-Z]+(\d+)$/, '#$1') : null;
}

/**
 * Normalises one row. Departments repeat the same values down a column ("Salariés", "3 ans",
 * "Contrôle d'accès…"), so each group of fields is normalised once per distinct text and reused
 * (the result is never modified afterwards); warnings are re-attached to the row's own cells.
 */
export function buildRow(cells: RowCells, ctx: ImportContext): BuiltRow {
  cells = unfoldLabelled(cells);
  const direct: RowCells = new Map();
  for (const [k, v] of cells) if (!GROUPED.has(k)) direct.set(k, v);
  const out = buildRowDirect(direct, ctx);
  for (const group of GROUPS) {
    const key: string[] = ['row'];
    // The rows of another sheet the cells come from (a transfers sheet's), numbered in order: which cells share a
    // row pairs their values (sheetRow), so it is part of the content.
    let partRows: Map<string, number> | undefined;
    const partRow = (cell: string) => {
      // A cell of the row's own sheet ("B12"), most of them: no other row to name.
      if (cell.charCodeAt(0) !== 0 && !cell.includes('!')) return '';
      const r = sheetRow(cell);
      if (r === null) return '';
      partRows ??= new Map();
      if (!partRows.has(r)) partRows.set(r, partRows.size);
      return `\u0000${partRows.get(r)}`;
    };
    for (const field of group) {
      const list = cells.get(field);
      if (!list?.length) continue;
      key.push(field);
      for (const c of list) key.push(c.formula ? '=' : '', c.text, partRow(c.cell));
    }
    if (key.length === 1) continue;
    // Normalised once per distinct content, with placeholder cell names (re-attached below).
    const part = ctx.memo(key, () => {
      const sub: RowCells = new Map();
      for (const field of group) {
        const list = cells.get(field);
        if (list?.length)
          sub.set(
            field,
            list.map((c, i) => ({ text: c.text, cell: `\u0000${field}\u0000${i}${partRow(c.cell)}`, formula: c.formula })),
          );
      }
      return buildRowDirect(sub, ctx);
    });
    Object.assign(out.fields, part.fields);
    for (const p of part.present) out.present.add(p);
    Object.assign(out.stamps, part.stamps);
    if (part.warnings.length || part.errors.length) {
      const real = (cell: string) => {
        const m = PLACEHOLDER.exec(cell);
        return m ? (cells.get(m[1])?.[Number(m[2])]?.cell ?? '') : cell;
      };
      for (const w of part.warnings) out.warnings.push({ ...w, cell: real(w.cell) });
      for (const e of part.errors) out.errors.push({ ...e, cell: real(e.cell) });
    }
    if (part.newRecipients.length) out.newRecipients.push(...part.newRecipients);
    if (part.notes) (out.notes ??= []).push(...part.notes);
  }
  // The notes written among a list's items, kept where the DPO reads the activity's own words.
  if (out.notes?.length) {
    out.fields.description = [out.fields.description, ...out.notes].filter(Boolean).join('\n');
    out.present.add('description');
  }
  return out;
}

/**
 * A description cell holding the record line by line ("- Finalita: …⏎- Base giuridica: contratto"): each labelled
 * line gives its field, at the same cell, where the row has no cell of that field of its own; the cell keeps its
 * other lines as the description.
 */
function unfoldLabelled(cells: RowCells): RowCells {
  const own = cells.get('description');
  if (!own?.some((c) => c.text.includes('\n'))) return cells;
  let out: RowCells | null = null;
  const rest: typeof own = [];
  for (const c of own) {
    const lines = labelledLines(c.text);
    if (!lines) {
      rest.push(c);
      continue;
    }
    out ??= new Map(cells);
    const left: string[] = [];
    for (const l of lines) {
      if (l.field === 'description' || !FIELD_BY_KEY.has(l.field) || cells.get(l.field)?.length) {
        if (l.value) left.push(l.field === 'description' ? l.value : `${l.label}: ${l.value}`);
        continue;
      }
      if (l.value) out.set(l.field, [...(out.get(l.field) ?? []), { cell: c.cell, text: l.value, formula: c.formula }]);
    }
    if (left.length) rest.push({ ...c, text: left.join('\n') });
  }
  if (!out) return cells;
  if (rest.length) out.set('description', rest);
  else out.delete('description');
  return out;
}

export type { LegalBasisCode };

let HINTS: [string, RegExp][] | null = null;
/**
 * A row that says "sensitive data: yes" without naming a special category: the categories whose words
 * point to one ("arrêts maladie", "avis d'aptitude" → health) are marked special. False when none does.
 */
function markHinted(categories: ActivityFields['dataCategories']): boolean {
  HINTS ??= specialHints().map(([code, words]) => [code, new RegExp(`(^| )(${words.join('|')})s?( |$)`)]); // folded words: letters, digits, spaces
  let found = false;
  for (const c of categories) {
    const hit = HINTS.find(([, re]) => re.test(foldKey(c.label)));
    if (hit) {
      c.special = true;
      c.code ||= hit[0];
      found = true;
    }
  }
  return found;
}
