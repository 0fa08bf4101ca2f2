/**
 * One line of text for each compound item of an activity (a legal basis, a recipient, a transfer,
 * a retention rule…), shared by the detailed sheet, the CSV and the PDF so that they never disagree.
 */
import { foldKey } from '../text.js';
import { showsReview } from './audience.js';
import type { Activity, ResolvedActivityRecipient } from '../model/register.js';
import type { ClientController, Contact, DataCategory, DataSubject, JointController, LegalBasis, RetentionRule, SecurityMeasure, SystemEntry, Transfer } from '../model/schemas.js';
import type { Labels } from './labels.js';

const join = (parts: (string | null | undefined)[], sep = ' — ') => parts.filter((p) => p && p.trim()).join(sep);
const colon = (L: Labels, label: string, value: string) => L.kv(label, value);

export function personName(c: { name?: string; firstName?: string }): string {
  return join([c.firstName, c.name], ' ');
}

export function postalAddress(c: { address?: string; postalCode?: string; city?: string; country?: string }): string {
  return join([c.address, join([c.postalCode, c.city], ' '), c.country], ', ');
}

export function contactLine(c: Partial<Contact>): string {
  const name = personName(c);
  // An organisation given as both the name and the company (an import reads one cell for both) is named once.
  const company = c.company && foldKey(c.company) !== foldKey(name) ? c.company : '';
  return join([name, company, postalAddress(c), c.phone, c.email]);
}

export function legalBasis(L: Labels, b: LegalBasis): string {
  const article = L.article('legal_basis', b.code);
  return colon(L, `${L.term('legal_basis', b.code)}${article ? ` (${article})` : ''}`, b.justification);
}

export function art9Condition(L: Labels, b: LegalBasis | { code: string; justification: string }): string {
  const article = L.article('art9_condition', b.code);
  return colon(L, `${L.term('art9_condition', b.code)}${article ? ` (${article})` : ''}`, b.justification);
}

/**
 * The legal bases (or Art. 9(2) conditions) of an activity, one line each; when the activity has
 * several purposes, each line says the purpose it serves (issue 25): "Contrat (Art. 6(1)(b)) :
 * contrat de travail — Finalité servie : Calcul des salaires". Art30 reads the part back (own-export).
 */
export function basesPerPurpose(L: Labels, a: Pick<Activity, 'purpose' | 'subPurposes' | 'legalBases' | 'art9Conditions'>, kind: 'legal_basis' | 'art9_condition'): string[] {
  const list: { code: string; justification: string; purpose: number }[] = kind === 'legal_basis' ? a.legalBases : a.art9Conditions;
  const one = (L: Labels, b: { code: string; justification: string }) => (kind === 'legal_basis' ? legalBasis(L, b as LegalBasis) : art9Condition(L, b));
  if (!a.subPurposes.length) return list.map((b) => one(L, b));
  return list.map((b) => `${one(L, b)}${SERVED_SEP}${L.kv(L.t('purposes.served'), purposeText(a, b.purpose))}`);
}

/** Between a basis and the purpose it serves (the codec's separator of labelled parts). */
export const SERVED_SEP = ' — ';

/** The words of purpose `index` (0 the main purpose, n the n-th sub-purpose). */
export function purposeText(a: Pick<Activity, 'purpose' | 'subPurposes'>, index: number): string {
  return (index > 0 ? a.subPurposes[index - 1] : undefined) ?? a.purpose;
}

export function dataSubject(s: DataSubject): string {
  return join([s.label, s.precision, s.volume]);
}

export function dataCategory(L: Labels, c: DataCategory): string {
  return `${colon(L, c.label, c.description)}${c.special ? ` [${L.t('special').toLowerCase()}]` : ''}`;
}

export function recipient(L: Labels, r: ResolvedActivityRecipient): string {
  return join([`${r.name} (${L.term('recipient_type', r.type)})`, r.role, r.precision]);
}

export function safeguard(L: Labels, t: Transfer): string {
  if (!t.safeguard) return '';
  const base = L.term('transfer_safeguard', t.safeguard);
  return t.derogation ? colon(L, base, L.term('art49_derogation', t.derogation)) : base;
}

export function transfer(L: Labels, t: Transfer): string {
  const info = L.countryInfo(t.country);
  const country = `${L.country(t.country)}${info ? ` (${L.adequacy(info.adequacy, t.country)})` : ''}`;
  return join([`${t.recipient} → ${country}`, safeguard(L, t), t.tiaRef ? colon(L, L.t('legal.tiaRef'), t.tiaRef) : '', t.documentation, transferAlert(L, t)]);
}

/** What an auditor must notice about a transfer: an invalidated basis, or a missing safeguard. */
export function transferAlert(L: Labels, t: Transfer): string {
  if (!showsReview(L.audience)) return '';
  if (t.safeguard && L.isLegacy('transfer_safeguard', t.safeguard)) return L.t('legacyWarning');
  const info = L.countryInfo(t.country);
  if (!info || info.eea) return '';
  // The US adequacy decision covers recipients certified under the Data Privacy Framework.
  const dpf = info.adequacy === 'partial' && info.code === 'US' && L.isDpfCertified(t.recipient);
  if (!t.safeguard) return info.adequacy === 'adequate' || dpf ? '' : L.t('noSafeguardWarning');
  if (t.safeguard === 'adequacy') {
    if (info.adequacy === 'none') return L.t('notAdequateWarning');
    if (info.adequacy === 'partial' && !dpf) return L.t('partialWarning');
    if (info.adequacy === 'pending') return L.t('pendingWarning');
  }
  return '';
}

/** The structured part of a retention rule: "5 ans ; point de départ : … ; sort final : suppression" ("5 years; starting point: …" in English). */
export function retentionDetails(L: Labels, r: RetentionRule): string {
  // "5 ans" needs no "(Durée : 5 ans)" after it: a duration the wording already says is not repeated.
  const said = (v: string) => foldKey(r.text).includes(foldKey(v));
  return L.joinItems(
    [
      r.duration && !said(L.duration(r.duration)) ? colon(L, L.t('duration'), L.duration(r.duration)) : '',
      r.trigger ? colon(L, L.t('trigger'), r.trigger) : '',
      r.activePeriod ? colon(L, L.t('activePeriod'), L.duration(r.activePeriod)) : '',
      r.archivePeriod ? colon(L, L.t('archivePeriod'), L.duration(r.archivePeriod)) : '',
      r.finalFate ? colon(L, L.t('finalFate'), L.finalFate(r.finalFate)) : '',
    ].filter(Boolean),
  );
}

export function retention(L: Labels, r: RetentionRule): string {
  const details = retentionDetails(L, r);
  return `${r.dataCategory ? `[${r.dataCategory}] ` : ''}${r.text}${details ? ` (${details})` : ''}`;
}

export function securityMeasure(L: Labels, m: SecurityMeasure): string {
  return colon(L, L.term('security_measure_type', m.type), m.precision);
}

export function jointController(L: Labels, j: JointController): string {
  return join([contactLine(j), j.responsibilities ? colon(L, L.t('responsibilities'), j.responsibilities) : '']);
}

export function client(L: Labels, c: ClientController): string {
  return join([
    contactLine(c),
    c.representative ? colon(L, L.t('clientRepresentative'), c.representative) : '',
    c.dpo ? colon(L, L.t('clientDpo'), c.dpo) : '',
    c.processingCategories.length ? colon(L, L.t('processingCategories'), L.joinItems(c.processingCategories)) : '',
  ]);
}

export function system(L: Labels, s: SystemEntry): string {
  return join([s.name, s.hosting, s.country ? L.country(s.country) : '']);
}

/** The DPIA decisions beside the screening: CNIL lists, DPO's advice (Art. 35(2)), prior consultation (Art. 36). */
export function dpiaDecisions(L: Labels, d: Activity['dpia']): [string, string][] {
  const rows: [string, string][] = [
    [L.t('legal.dpia.cnilRequired'), (d.cnilRequired ?? []).map((c) => join([L.term('dpia_cnil_required', c), L.article('dpia_cnil_required', c)], ' — ')).join('\n')],
    [L.t('legal.dpia.cnilExempted'), (d.cnilExempted ?? []).map((c) => join([L.term('dpia_cnil_exempted', c), L.article('dpia_cnil_exempted', c)], ' — ')).join('\n')],
    [L.t('legal.dpia.dpoAdvice'), join([d.dpoAdviceDate ? L.date(d.dpoAdviceDate) : '', d.dpoAdvice ?? ''], ' — ')],
    [
      L.t('legal.dpia.priorConsultation'),
      d.priorConsultation && d.priorConsultation !== 'not_needed'
        ? join([L.t(`legal.priorConsultation.${d.priorConsultation}`), d.priorConsultationDate ? L.date(d.priorConsultationDate) : '', d.priorConsultationRef ?? ''], ' — ')
        : '',
    ],
  ];
  return rows;
}

export function dpiaOverride(L: Labels, o: { required: boolean; justification: string } | null): string {
  return o ? `${L.kv(L.t('dpiaRequired'), L.yesNo(o.required))} — ${o.justification}` : '';
}

/** How retention rules attach to data categories: by label, accents and case folded. */
export function retentionFor(categoryLabel: string, rules: RetentionRule[]): RetentionRule[] {
  const key = fold(categoryLabel);
  const own = rules.filter((r) => r.dataCategory && fold(r.dataCategory) === key);
  return own.length ? own : rules.filter((r) => !r.dataCategory);
}

/** Retention rules naming a category that the activity does not list. */
export function orphanRetention(categories: DataCategory[], rules: RetentionRule[]): RetentionRule[] {
  const keys = new Set(categories.map((c) => fold(c.label)));
  return rules.filter((r) => r.dataCategory && !keys.has(fold(r.dataCategory)));
}

const folded = new Map<string, string>();

/** Case- and accent-insensitive key (cached: the same labels recur across thousands of activities). */
function fold(s: string): string {
  let key = folded.get(s);
  if (key === undefined) {
    if (folded.size > 10_000) folded.clear();
    key = foldUncached(s);
    folded.set(s, key);
  }
  return key;
}

function foldUncached(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .trim();
}
