/**
 * The fields a department reviews in a campaign workbook, how an activity is written into its cells
 * and how a department's answer is merged back into an activity: list items the department removed
 * are removed, items it added are added, and every item the register holds beside them keeps its
 * details (justifications, codes, retention rules).
 */
import { foldKey } from '../text.js';
import type { ActivityFields } from '../model/schemas.js';
import type { VocabularyTerm } from '../model/register.js';
import type { Lang } from '../i18n/i18n.js';

export const CAMPAIGN_FIELDS = ['name', 'owner', 'purpose', 'legalBases', 'dataSubjects', 'dataCategories', 'recipients', 'retention'] as const;
export type CampaignField = (typeof CAMPAIGN_FIELDS)[number];
export type Cells = Record<CampaignField, string>;

/** List fields: one item per line (or separated by ";", except retention whose wording may hold one). */
export const LIST_FIELDS: ReadonlySet<CampaignField> = new Set(['legalBases', 'dataSubjects', 'dataCategories', 'recipients', 'retention']);

export function splitItems(field: CampaignField, value: string): string[] {
  const parts = field === 'retention' ? value.split(/\r?\n/) : value.split(/\r?\n|;/);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    const item = p.replace(/^\s*[•\-–*]\s+/, '').trim();
    if (!item || seen.has(foldKey(item))) continue;
    seen.add(foldKey(item));
    out.push(item);
  }
  return out;
}

/** Two cells say the same thing: same text (spaces, case and accents aside), lists in any order. */
export function sameCell(field: CampaignField, a: string, b: string): boolean {
  if (LIST_FIELDS.has(field)) {
    const x = splitItems(field, a).map(foldKey).sort();
    const y = splitItems(field, b).map(foldKey).sort();
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return foldKey(a) === foldKey(b);
}

export interface Vocabulary {
  legalBasisLabel(code: string): string;
  legalBasisCode(text: string): string | undefined;
  term(kind: 'data_subject_category' | 'data_category', label: string): VocabularyTerm | undefined;
}

export function vocabulary(terms: VocabularyTerm[], lang: Lang): Vocabulary {
  const bases = terms.filter((t) => t.kind === 'legal_basis');
  const byLabel = new Map<string, VocabularyTerm>();
  for (const t of terms) {
    for (const l of [t.labelFr, t.labelEn, t.code]) if (l) byLabel.set(`${t.kind}|${foldKey(l)}`, t);
  }
  return {
    legalBasisLabel: (code) => {
      const t = bases.find((b) => b.code === code);
      return t ? (lang === 'fr' ? t.labelFr : t.labelEn) || t.labelFr : code;
    },
    legalBasisCode: (text) => byLabel.get(`legal_basis|${foldKey(text)}`)?.code,
    term: (kind, label) => byLabel.get(`${kind}|${foldKey(label)}`),
  };
}

/** The activity as the workbook shows it. */
export function cellsOf(a: ActivityFields, v: Vocabulary): Cells {
  return {
    name: a.name,
    owner: a.owner,
    purpose: a.purpose,
    legalBases: a.legalBases.map((b) => v.legalBasisLabel(b.code)).join('\n'),
    dataSubjects: a.dataSubjects.map((s) => s.label).join('\n'),
    dataCategories: a.dataCategories.map((c) => c.label).join('\n'),
    recipients: a.recipients.map((r) => r.name).join('\n'),
    retention: a.retention.map((r) => r.text).join('\n'),
  };
}

export interface ItemChange {
  added: string[];
  removed: string[];
}

/** What the department changed in a list: the items added and removed between what was sent and its answer. */
export function itemChange(field: CampaignField, sent: string, answer: string): ItemChange {
  const s = splitItems(field, sent);
  const a = splitItems(field, answer);
  const sk = new Set(s.map(foldKey));
  const ak = new Set(a.map(foldKey));
  return { added: a.filter((x) => !sk.has(foldKey(x))), removed: s.filter((x) => !ak.has(foldKey(x))) };
}

/**
 * Applies the department's answer for one field to the activity as it is now: a text replaces the
 * text; a list loses the items the department removed and gains those it added. Returns the items
 * that could not be understood (a legal basis the vocabulary does not know).
 */
export function applyField(target: ActivityFields, field: CampaignField, sent: string, answer: string, v: Vocabulary): string[] {
  if (field === 'name' || field === 'owner' || field === 'purpose') {
    target[field] = answer.trim();
    return [];
  }
  const { added, removed } = itemChange(field, sent, answer);
  const gone = new Set(removed.map(foldKey));
  const unknown: string[] = [];
  switch (field) {
    case 'legalBases': {
      const goneCodes = new Set(removed.map((r) => v.legalBasisCode(r) ?? r));
      target.legalBases = target.legalBases.filter((b) => !goneCodes.has(b.code));
      for (const text of added) {
        const code = v.legalBasisCode(text);
        if (!code) unknown.push(text);
        else if (!target.legalBases.some((b) => b.code === code))
          target.legalBases.push({ code: code as ActivityFields['legalBases'][number]['code'], justification: '', purpose: 0 });
      }
      break;
    }
    case 'dataSubjects':
      target.dataSubjects = target.dataSubjects.filter((s) => !gone.has(foldKey(s.label)));
      for (const label of added) {
        if (target.dataSubjects.some((s) => foldKey(s.label) === foldKey(label))) continue;
        const t = v.term('data_subject_category', label);
        target.dataSubjects.push({ code: t?.code ?? '', label, precision: '', volume: '' });
      }
      break;
    case 'dataCategories':
      target.dataCategories = target.dataCategories.filter((c) => !gone.has(foldKey(c.label)));
      for (const label of added) {
        if (target.dataCategories.some((c) => foldKey(c.label) === foldKey(label))) continue;
        const t = v.term('data_category', label);
        target.dataCategories.push({ code: t?.code ?? '', label, description: '', special: Boolean(t?.special) });
      }
      break;
    case 'recipients':
      target.recipients = target.recipients.filter((r) => !gone.has(foldKey(r.name)));
      for (const name of added) {
        if (!target.recipients.some((r) => foldKey(r.name) === foldKey(name))) target.recipients.push({ name, role: '', precision: '' });
      }
      break;
    case 'retention':
      target.retention = target.retention.filter((r) => !gone.has(foldKey(r.text)));
      for (const text of added) {
        if (!target.retention.some((r) => foldKey(r.text) === foldKey(text)))
          target.retention.push({ dataCategory: '', text, duration: '', trigger: '', activePeriod: '', archivePeriod: '', finalFate: null });
      }
      break;
  }
  return unknown;
}
