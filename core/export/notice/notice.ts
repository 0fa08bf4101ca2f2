/**
 * The information notice (GDPR Art. 13 and 14) drafted from the register: for the activities in
 * scope — narrowed to the data subjects chosen (e.g. "Clients") — the controller and DPO contacts,
 * purposes with their legal bases (and the legitimate interests described), data categories and
 * sources, recipients, transfers with their safeguards, retention, rights and how to exercise
 * them, the right to complain to the CNIL, automated decisions. Every statement carries the
 * references of the activities it comes from; what the register does not say is listed for the DPO
 * instead of being invented. Written as HTML, PDF (printed by the PDF export's printer) or DOCX.
 */
import fs from 'node:fs';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { t as tr, type Lang } from '../../i18n/i18n.js';
import type { Activity, Organisation } from '../../model/register.js';
import { purposesWithBases } from '../../model/purposes.js';
import { APP_VERSION } from '../../version.js';
import { foldKey as fold } from '../../text.js';
import { pageFurniture } from '../docx/register-docx.js';
import * as F from '../format.js';
import type { Labels } from '../labels.js';
import { esc } from '../pdf/template.js';
import { getPdfPrinter } from '../pdf/printers.js';
import type { ExportSource } from '../source.js';

export const NOTICE_FORMATS = ['html', 'pdf', 'docx'] as const;
export type NoticeFormat = (typeof NOTICE_FORMATS)[number];

/** One statement of the notice and the references of the activities it comes from. */
export interface Fact {
  text: string;
  refs: string[];
  /** A sub-item (shown indented under the previous fact). */
  sub?: boolean;
}

export interface NoticeSection {
  key: string;
  title: string;
  facts: Fact[];
}

export interface Notice {
  lang: Lang;
  title: string;
  subtitle: string;
  intro: string;
  organisations: Organisation[];
  sections: NoticeSection[];
  /** What the DPO must complete: never printed as a fact. */
  missing: Fact[];
  activities: { ref: string; name: string }[];
}

/** Whether an activity concerns one of the data subjects asked for (label or code; case and accents ignored). */
export function concerns(a: Activity, subjects: string[] | undefined): boolean {
  if (!subjects?.length) return true;
  const wanted = subjects.map((s) => fold(s).trim()).filter(Boolean);
  return a.dataSubjects.some((d) => wanted.some((w) => fold(d.label).includes(w) || (d.code && fold(d.code) === w)));
}

/** Adds `text` for `ref`, merging identical statements of several activities into one with all their references. */
class Facts {
  private readonly byText = new Map<string, Fact>();
  readonly list: Fact[] = [];
  add(text: string, ref: string, sub = false): void {
    if (!text) return;
    const key = `${sub ? '  ' : ''}${text}`;
    const f = this.byText.get(key);
    if (f) {
      if (!f.refs.includes(ref)) f.refs.push(ref);
      return;
    }
    const fact = { text, refs: [ref], sub };
    this.byText.set(key, fact);
    this.list.push(fact);
  }
}

export function draftNotice(
  activities: Activity[],
  organisations: Organisation[],
  L: Labels,
  options: { subjects?: string[]; exportedAt: string; processorsLeftOut: number },
): Notice {
  const lang = L.lang as Lang;
  const t = (key: string, params?: Record<string, string | number>) => tr(lang, `export.notice.${key}`, params);
  const missing = new Facts();
  const sections: NoticeSection[] = [];
  const section = (key: string, facts: Fact[]) => sections.push({ key, title: t(key), facts });
  const orgsUsed = organisations.filter((o) => activities.some((a) => a.organisationId === o.id));
  const refOf = (a: Activity) => (orgsUsed.length > 1 ? `${a.ref} · ${organisations.find((o) => o.id === a.organisationId)?.name ?? ''}` : a.ref);
  if (!activities.length) missing.add(t('missing.noActivity'), '—');

  // Controller and DPO.
  const controller = new Facts();
  const dpo = new Facts();
  for (const o of orgsUsed) {
    const refs = activities.filter((a) => a.organisationId === o.id).map(refOf);
    const contact = [F.postalAddress(o), o.email, o.phone].filter(Boolean).join(' — ');
    for (const r of refs) controller.add(t('controllerText', { name: o.name }), r);
    if (contact) for (const r of refs) controller.add(t('contact', { contact }), r, true);
    else missing.add(t('missing.controllerContact'), o.name);
    const dpoContact = o.dpo ? [F.personName(o.dpo), o.dpo.company, o.dpo.email, F.postalAddress(o.dpo), o.dpo.phone].filter(Boolean).join(' — ') : '';
    if (o.dpo && (o.dpo.email || o.dpo.address || o.dpo.phone)) for (const r of refs) dpo.add(t('dpoText', { contact: dpoContact }), r);
    else missing.add(t('missing.dpo'), o.name);
  }
  section('controller', controller.list);
  section('dpo', dpo.list);

  // Purposes, each with its legal basis (Art. 13(1)(c), 14(1)(c)): issue 25.
  const purposes = new Facts();
  const basisText = (b: { code: string }) => {
    const article = L.article('legal_basis', b.code);
    return `${L.term('legal_basis', b.code)}${article ? ` (${article})` : ''}`;
  };
  for (const a of activities) {
    const ref = refOf(a);
    if (a.purpose) purposes.add(`${a.name} — ${a.purpose}`, ref);
    else missing.add(t('missing.purpose'), ref);
    const bases = a.legalBases.filter((b) => b.code !== 'to_be_determined');
    if (!bases.length) missing.add(t('missing.legalBasis'), ref);
    else if (a.purposeBasesToCheck) missing.add(tr(lang, 'purposes.notice.toCheck'), ref);
    for (const p of purposesWithBases({ ...a, legalBases: bases })) {
      const list = p.legalBases.map(basisText).join(', ');
      if (p.index === 0) {
        if (list) purposes.add(t('legalBasis', { basis: list }), ref, true);
      } else purposes.add(list ? tr(lang, 'purposes.notice.sub', { purpose: p.text, bases: list }) : p.text, ref, true);
      // A purpose of its own without a basis (bases given per purpose, or checked by the DPO).
      if (!list && bases.length && !a.purposeBasesToCheck) missing.add(tr(lang, 'purposes.notice.missing', { purpose: p.text }), ref);
      for (const b of p.legalBases) {
        if (b.code !== 'legitimate_interests') continue;
        if (b.justification) purposes.add(t('legitimateInterest', { interest: b.justification }), ref, true);
        else missing.add(t('missing.legitimateInterest'), ref);
      }
      for (const c of p.art9Conditions)
        purposes.add(p.index === 0 ? F.art9Condition(L, c) : tr(lang, 'purposes.notice.subCondition', { purpose: p.text, condition: F.art9Condition(L, c) }), ref, true);
    }
  }
  section('purposes', purposes.list);

  // Data categories and sources (Art. 14(1)(d), 14(2)(f)).
  const categories = new Facts();
  const sources = new Facts();
  for (const a of activities) {
    for (const c of a.dataCategories) categories.add(c.description ? `${c.label} (${c.description})` : c.label, refOf(a));
    for (const s of a.dataSources) sources.add(s, refOf(a));
  }
  section('categories', categories.list);
  if (sources.list.length) section('sources', sources.list);

  // Recipients.
  const recipients = new Facts();
  for (const a of activities) {
    if (!a.recipients.length) missing.add(t('missing.recipients'), refOf(a));
    for (const r of a.recipients) recipients.add(`${r.name} (${L.term('recipient_type', r.type)})${r.role ? ` — ${r.role}` : ''}`, refOf(a));
  }
  section('recipients', recipients.list);

  // Transfers outside the EEA, with their safeguards.
  const transfers = new Facts();
  let anyTransfer = false;
  const dpoMail = orgsUsed.map((o) => o.dpo?.email || o.email).find(Boolean) ?? '';
  for (const a of activities) {
    for (const x of a.transfers) {
      const info = L.countryInfo(x.country);
      if (info?.eea) continue;
      anyTransfer = true;
      const safeguard = F.safeguard(L, x);
      // No safeguard, or one no longer valid (the Privacy Shield): the DPO must give the real one.
      if ((!x.safeguard || L.isLegacy('transfer_safeguard', x.safeguard)) && !x.derogation)
        missing.add(t('missing.safeguard', { country: L.country(x.country), recipient: x.recipient }), refOf(a));
      else transfers.add(t('transfer', { recipient: x.recipient, country: L.country(x.country), safeguard }), refOf(a));
    }
  }
  if (anyTransfer && dpoMail) transfers.list.push({ text: t('transferCopy', { contact: dpoMail }), refs: [] });
  if (!anyTransfer && activities.length) transfers.list.push({ text: t('noTransfers'), refs: activities.map(refOf) });
  section('transfers', transfers.list);

  // Retention.
  const retention = new Facts();
  for (const a of activities) {
    if (!a.retention.length) missing.add(t('missing.retention'), refOf(a));
    for (const r of a.retention) {
      const period = r.text || F.retention(L, { ...r, dataCategory: '' });
      retention.add(r.dataCategory ? L.kv(r.dataCategory, period) : period, refOf(a));
    }
  }
  section('retention', retention.list);

  // Rights, and how to exercise them.
  const rights = new Facts();
  if (activities.length) rights.list.push({ text: t('rightsText'), refs: [] });
  const consentOrContract = activities.filter((a) => a.legalBases.some((b) => b.code === 'consent' || b.code === 'contract'));
  if (consentOrContract.length) rights.list.push({ text: t('rightPortability'), refs: consentOrContract.map(refOf) });
  const consent = activities.filter((a) => a.legalBases.some((b) => b.code === 'consent'));
  if (consent.length) rights.list.push({ text: t('rightWithdraw'), refs: consent.map(refOf) });
  for (const a of activities) {
    if (a.rights) rights.add(t('exercise', { how: a.rights }), refOf(a));
    else if (dpoMail) rights.add(t('exercise', { how: dpoMail }), refOf(a));
    else missing.add(t('missing.rights'), refOf(a));
  }
  section('rights', rights.list);
  section('complaint', [{ text: t('complaintText'), refs: [] }]);

  // Automated decisions.
  const automated = new Facts();
  const withDecision = activities.filter((a) => a.automatedDecision.exists);
  for (const a of withDecision) automated.add(t('automatedItem', { description: a.automatedDecision.description || a.name }), refOf(a));
  const without = activities.filter((a) => !a.automatedDecision.exists);
  if (without.length) automated.list.push({ text: t('noAutomated'), refs: without.map(refOf) });
  section('automated', automated.list);

  // Art. 13(2)(e) is never in a register.
  if (activities.length) missing.add(t('missing.requirement'), '—');
  const extra: Fact[] = options.processorsLeftOut ? [{ text: tr(lang, 'export.notice.processorExcluded', { count: options.processorsLeftOut }), refs: [] }] : [];

  return {
    lang,
    title: t('title'),
    subtitle: options.subjects?.length ? t('for', { subjects: options.subjects.join(', ') }) : '',
    intro: t('draft', { date: L.date(options.exportedAt) }),
    organisations: orgsUsed,
    sections,
    missing: [...missing.list, ...extra],
    activities: activities.map((a) => ({ ref: refOf(a), name: a.name })),
  };
}

const refsText = (f: Fact) => (f.refs.length ? ` [${f.refs.join(', ')}]` : '');

export function noticeHtml(n: Notice): string {
  const facts = (list: Fact[]) =>
    `<ul>${list.map((f) => `<li class="${f.sub ? 'sub' : ''}" data-activities="${esc(f.refs.join(' '))}">${esc(f.text)}${f.refs.length ? ` <span class="ref">[${esc(f.refs.join(', '))}]</span>` : ''}</li>`).join('')}</ul>`;
  const t = (key: string) => tr(n.lang, `export.notice.${key}`);
  return `<!doctype html><html lang="${n.lang}"><head><meta charset="utf-8"><title>${esc(n.title)}</title><style>
  @page { size: A4; margin: 18mm 18mm 20mm; @bottom-right { content: counter(page) " / " counter(pages); font: 8pt 'Liberation Sans', Arial, sans-serif; color: #555; } }
  body { font: 10.5pt/1.45 'Liberation Sans', Arial, sans-serif; color: #111; max-width: 48em; margin: 0 auto; }
  h1 { font-size: 18pt; color: #1f3864; margin: 0 0 2mm; } h2 { font-size: 12.5pt; color: #1f3864; margin: 6mm 0 1mm; break-after: avoid; }
  ul { margin: 0; padding-left: 5mm; } li { margin: .6mm 0; } li.sub { margin-left: 6mm; list-style: circle; }
  .ref { color: #1f3864; font-size: 8.5pt; white-space: nowrap; } .intro { color: #444; font-size: 9pt; }
  .missing { border: 1pt solid #c00000; padding: 2mm 4mm; margin-top: 8mm; break-inside: avoid; } .missing h2 { color: #c00000; margin-top: 0; }
  </style></head><body>
  <h1>${esc(n.title)}</h1>${n.subtitle ? `<p><b>${esc(n.subtitle)}</b></p>` : ''}<p class="intro">${esc(n.intro)}</p>
  ${n.sections
    .filter((s) => s.facts.length)
    .map((s) => `<section data-section="${s.key}"><h2>${esc(s.title)}</h2>${facts(s.facts)}</section>`)
    .join('\n')}
  ${n.missing.length ? `<section class="missing" data-section="missing"><h2>${esc(t('missing'))}</h2><p>${esc(t('missingIntro'))}</p>${facts(n.missing)}</section>` : ''}
  <p class="intro">Art30 ${esc(APP_VERSION)}</p>
  </body></html>`;
}

export async function noticeDocx(n: Notice, L: Labels): Promise<Buffer> {
  const t = (key: string) => tr(n.lang, `export.notice.${key}`);
  const para = (f: Fact) =>
    new Paragraph({
      bullet: { level: f.sub ? 1 : 0 },
      children: [new TextRun({ text: f.text, font: 'Arial' }), ...(f.refs.length ? [new TextRun({ text: refsText(f), font: 'Arial', size: 16, color: '1F3864' })] : [])],
    });
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 240 }, children: [new TextRun({ text: n.title, font: 'Arial' })] }),
    ...(n.subtitle ? [new Paragraph({ children: [new TextRun({ text: n.subtitle, bold: true, font: 'Arial' })] })] : []),
    new Paragraph({ children: [new TextRun({ text: n.intro, italics: true, size: 18, font: 'Arial' })] }),
  ];
  for (const s of n.sections) {
    if (!s.facts.length) continue;
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: s.title, font: 'Arial' })] }));
    children.push(...s.facts.map(para));
  }
  if (n.missing.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun({ text: t('missing'), font: 'Arial', color: 'C00000' })] }));
    children.push(new Paragraph({ children: [new TextRun({ text: t('missingIntro'), font: 'Arial' })] }));
    children.push(...n.missing.map(para));
  }
  const doc = new Document({
    creator: `Art30 ${APP_VERSION}`,
    title: n.title,
    styles: { default: { document: { run: { font: 'Arial', size: 21 } } } },
    sections: [{ ...pageFurniture(L, n.organisations.map((o) => o.name).join(' · '), n.title), children }],
  });
  return Packer.toBuffer(doc);
}

export async function writeNotice(file: string, source: ExportSource, L: Labels, o: { format: NoticeFormat; subjects?: string[]; signal?: AbortSignal }): Promise<void> {
  const activities: Activity[] = [];
  let processors = 0;
  for (const chunk of source.activities()) {
    for (const a of chunk) {
      // A retired activity no longer processes anyone's data: it is not in the notice.
      if (a.status === 'retired' || !concerns(a, o.subjects)) continue;
      if (a.role === 'processor') processors++;
      else activities.push(a);
    }
  }
  const notice = draftNotice(activities, source.organisations, L, { subjects: o.subjects, exportedAt: source.exportedAt, processorsLeftOut: processors });
  if (o.format === 'html') fs.writeFileSync(file, noticeHtml(notice));
  else if (o.format === 'docx') fs.writeFileSync(file, await noticeDocx(notice, L));
  else fs.writeFileSync(file, await getPdfPrinter().print(noticeHtml(notice), { signal: o.signal }));
}
