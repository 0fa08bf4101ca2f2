/** A model as an activity in one language: what "add from a model" writes, and what an update compares. */
import { t, type Lang } from '../i18n/i18n.js';
import type { ActivityInput } from '../model/schemas.js';
import type { ActivityModel, Bilingual, ModelFact, ModelSource } from './catalogue.js';

/** The activity fields a model gives, in the order an update lists them. */
export const MODEL_FIELDS = [
  'name',
  'department',
  'description',
  'purpose',
  'subPurposes',
  'legalBases',
  'art9Conditions',
  'dataSubjects',
  'dataCategories',
  'dataSources',
  'recipients',
  'retention',
  'securityMeasures',
  'dpia',
] as const;
export type ModelField = (typeof MODEL_FIELDS)[number];

const pick = (b: Bilingual | undefined, lang: Lang): string => (b ? b[lang] : '');

/** Where a fact comes from, in the register's words: "(Code du travail, art. L3243-4, 2026-11-28)" or "(à vérifier : …)". */
export function factNote(fact: ModelFact, sources: readonly ModelSource[], lang: Lang): string {
  if (fact.source) {
    const s = sources.find((x) => x.id === fact.source?.ref);
    const title = s ? s.title[lang] : fact.source.ref;
    const source = [title, fact.source.article].filter(Boolean).join(', ');
    return s ? t(lang, 'models.activity.source', { source, date: sourceDate(s, lang) }) : t(lang, 'models.activity.sourceUndated', { source });
  }
  return fact.toCheck ? t(lang, 'models.activity.toCheck', { note: pick(fact.note, lang) }) : '';
}

/** A source's date as a DPO reads it: the text's own date, or the day the fact was read in it. */
export function sourceDate(s: ModelSource, lang: Lang): string {
  return t(lang, s.dateKind === 'adopted' ? 'models.source.adopted' : 'models.source.read', { date: s.date });
}

const withNote = (text: string, note: string) => [text, note].filter(Boolean).join(' ');

/** The activity a model makes, in French or English: a draft; every sourced fact says its source, every other one that it is to be checked. */
export function modelActivity(m: ActivityModel, sources: readonly ModelSource[], lang: Lang): Required<Pick<ActivityInput, ModelField>> & ActivityInput {
  const note = (f: ModelFact) => factNote(f, sources, lang);
  const categoryLabel = (key: string) => {
    const c = m.dataCategories.find((d) => (d.key ?? d.code) === key);
    return c ? c.label[lang] : '';
  };
  const dpiaHint = m.dpia.hint ? t(lang, 'models.activity.dpiaHint', { hint: withNote(m.dpia.hint[lang], note(m.dpia)) }) : '';
  return {
    name: m.name[lang],
    status: 'draft',
    department: pick(m.department, lang),
    description: [pick(m.description, lang), dpiaHint].filter(Boolean).join('\n'),
    purpose: m.purpose[lang],
    subPurposes: m.subPurposes.map((s) => s[lang]),
    legalBases: m.legalBases.map((b) => ({ code: b.code, justification: withNote(pick(b.justification, lang), note(b)) })),
    // A model's bases are the activity's: with sub-purposes, the DPO says which purpose each serves (one point to review).
    ...(m.subPurposes.length ? { purposeBasesToCheck: true } : {}),
    art9Conditions: m.art9Conditions.map((c) => ({ code: c.code, justification: withNote(pick(c.justification, lang), note(c)) })),
    dataSubjects: m.dataSubjects.map((s) => ({ code: s.code, label: s.label[lang], precision: pick(s.precision, lang), volume: '' })),
    dataCategories: m.dataCategories.map((c) => ({ code: c.code, label: c.label[lang], description: pick(c.description, lang), special: c.special })),
    dataSources: m.dataSources.map((s) => s[lang]),
    recipients: m.recipients.map((r) => ({ name: r.name[lang], type: r.type, role: pick(r.role, lang), precision: '' })),
    retention: m.retention.map((r) => ({
      dataCategory: r.category ? categoryLabel(r.category) : '',
      text: withNote(r.text[lang], note(r)),
      duration: r.duration,
      trigger: pick(r.trigger, lang),
      activePeriod: r.activePeriod,
      archivePeriod: r.archivePeriod,
      finalFate: r.finalFate,
    })),
    securityMeasures: m.securityMeasures.map((s) => ({ type: s.type, precision: pick(s.precision, lang) })),
    dpia: { criteria: m.dpia.criteria, art35Cases: m.dpia.art35Cases, cnilRequired: m.dpia.cnilRequired, cnilExempted: m.dpia.cnilExempted },
  };
}
