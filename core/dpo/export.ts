/**
 * The DPO's work in the exports (issue 25). For the authority and internal audiences: which
 * activities the DPO has checked, and when (an XLSX sheet, a PDF section, a DOCX section); the DPO's
 * recommendations and the action plan only for the internal audience. Never in a public register,
 * nor in the register as of a past date (the sign-off is not rebuilt from the history).
 */
import type ExcelJS from 'exceljs';
import { HeadingLevel, Paragraph, type Table } from 'docx';
import { gridTable } from '../export/docx/register-docx.js';
import type { Labels } from '../export/labels.js';
import { toSheetDate } from '../export/labels.js';
import { esc, type Appendix } from '../export/pdf/template.js';
import { isExtract } from '../export/scope.js';
import type { ExportSource } from '../export/source.js';
import { cell } from '../export/xlsx/cells.js';
import { sheetName, SheetWriter, type ColumnSpec } from '../export/xlsx/sheet.js';
import { t } from '../i18n/i18n.js';
import type { Register } from '../register.js';
import { listActions, type Action } from './actions.js';
import { signoffMap, type Signoff } from './signoff.js';

export interface ExportDpoWork {
  internal: boolean;
  several: boolean;
  signoffs: { ref: string; name: string; organisation: string; signoff: Signoff }[];
  /** Internal audience only. */
  actions?: (Action & { organisation: string })[];
}

export function dpoWorkForExport(reg: Register, source: ExportSource, audience: string, asOf?: string): ExportDpoWork | undefined {
  if (audience === 'public' || asOf) return undefined;
  const internal = audience === 'internal';
  const names = new Map(source.organisations.map((o) => [o.id, o.name]));
  const map = signoffMap(reg);
  const signoffs = source.summaries.map((s) => ({
    ref: s.ref,
    name: s.name,
    organisation: names.get(s.organisationId) ?? '',
    signoff: map.get(s.id) ?? { activityId: s.id, state: 'draft' as const, checkedAt: '', checkedBy: '', recommendation: '' },
  }));
  let actions: ExportDpoWork['actions'];
  if (internal) {
    const ids = new Set(source.summaries.map((s) => s.id));
    const extract = isExtract(source.scope);
    actions = listActions(reg, { today: source.exportedAt.slice(0, 10) })
      // An extract of activities: the actions about them; the whole register: every action of its organisations.
      .filter((a) => names.has(a.organisationId) && (extract ? a.activityId !== null && ids.has(a.activityId) : true))
      .map((a) => ({ ...a, organisation: names.get(a.organisationId) ?? '' }));
  }
  // A register whose DPO has not started signing off nor planning keeps its exports as they were.
  if (signoffs.every((r) => r.signoff.state === 'draft') && !actions?.length) return undefined;
  return { internal, several: source.organisations.length > 1, signoffs, actions };
}

const stateText = (L: Labels, s: Signoff) => t(L.lang, `dpo.signoff.${s.state}`);
const day = (L: Labels, v: string) => (v ? L.date(v) : '');

function signoffColumns(d: ExportDpoWork): string[] {
  return ['ref', ...(d.several ? ['organisation'] : []), 'activity', 'state', 'checkedAt', ...(d.internal ? ['checkedBy', 'recommendation'] : [])];
}
function signoffValues(L: Labels, row: ExportDpoWork['signoffs'][number]): Record<string, string> {
  return {
    ref: row.ref,
    organisation: row.organisation,
    activity: row.name,
    state: stateText(L, row.signoff),
    checkedAt: day(L, row.signoff.checkedAt),
    checkedBy: row.signoff.checkedBy,
    recommendation: row.signoff.recommendation,
  };
}
const SIGNOFF_HEAD: Record<string, string> = {
  ref: 'dpo.action.ref',
  organisation: 'dpo.action.organisation',
  activity: 'dpo.action.activity',
  state: 'dpo.signoff.state',
  checkedAt: 'dpo.signoff.checkedAt',
  checkedBy: 'dpo.signoff.checkedBy',
  recommendation: 'dpo.signoff.recommendation',
};

function actionColumns(d: ExportDpoWork): string[] {
  return ['ref', ...(d.several ? ['organisation'] : []), 'title', 'activity', 'point', 'owner', 'dueOn', 'priority', 'state', 'outcome', 'closedOn'];
}
function actionValues(L: Labels, a: NonNullable<ExportDpoWork['actions']>[number]): Record<string, string> {
  return {
    ref: a.ref,
    organisation: a.organisation,
    title: a.note ? `${a.title}\n${a.note}` : a.title,
    activity: a.activityLabel || t(L.lang, 'dpo.action.freeNote'),
    point: a.checkCode ? t(L.lang, `checks.${a.checkCode}`) : '',
    owner: a.owner,
    dueOn: day(L, a.dueOn),
    priority: t(L.lang, `dpo.priority.${a.priority}`),
    state: a.overdue ? `${t(L.lang, `dpo.state.${a.state}`)} — ${t(L.lang, 'dpo.actions.overdueBadge')}` : t(L.lang, `dpo.state.${a.state}`),
    outcome: a.outcome,
    closedOn: day(L, a.closedOn),
  };
}
const ACTION_HEAD = (c: string) => `dpo.action.${c === 'activity' ? 'activity' : c}`;
const WIDTH: Record<string, number> = {
  ref: 9,
  organisation: 22,
  activity: 30,
  state: 20,
  checkedAt: 12,
  checkedBy: 18,
  recommendation: 60,
  title: 36,
  point: 30,
  owner: 18,
  dueOn: 12,
  priority: 10,
  outcome: 40,
  closedOn: 12,
};
const DATES = new Set(['checkedAt', 'dueOn', 'closedOn']);

async function sheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  taken: Set<string>,
  L: Labels,
  title: string,
  cols: string[],
  head: string[],
  rows: { values: Record<string, string>; dates: Record<string, string> }[],
  empty: string,
): Promise<void> {
  const spec: ColumnSpec[] = cols.map((c) => (DATES.has(c) ? { width: 12, date: true } : { width: WIDTH[c] ?? 16 }));
  const ws = new SheetWriter(wb, sheetName(title, taken), spec, {
    dateFormat: L.dateFormat,
    freeze: { rows: 2, columns: 1 },
    autoFilter: true,
    landscape: true,
    printTitleRows: 2,
    tabColor: 'FF2E7D32',
  });
  ws.row([cell(title)], 'title', { merges: [[1, Math.min(6, cols.length)]] });
  ws.row(
    head.map((h) => cell(h)),
    'header',
  );
  for (const r of rows) {
    const lines = Math.max(1, ...cols.map((k) => (r.values[k] ?? '').split('\n').length));
    ws.row(
      cols.map((k) => (DATES.has(k) ? toSheetDate(r.dates[k] ?? '') : cell(r.values[k] ?? ''))),
      'plain',
      { height: lines > 1 ? Math.min(409, lines * 14) : undefined },
    );
  }
  if (!rows.length) ws.row([cell(empty)]);
  await ws.commit();
}

export async function writeDpoSheets(wb: ExcelJS.stream.xlsx.WorkbookWriter, taken: Set<string>, d: ExportDpoWork, L: Labels): Promise<void> {
  const sc = signoffColumns(d);
  await sheet(
    wb,
    taken,
    L,
    t(L.lang, 'dpo.signoff.sheet'),
    sc,
    sc.map((c) => t(L.lang, SIGNOFF_HEAD[c])),
    d.signoffs.map((r) => ({ values: signoffValues(L, r), dates: { checkedAt: r.signoff.checkedAt } })),
    t(L.lang, 'dpo.signoff.none'),
  );
  if (!d.actions) return;
  const ac = actionColumns(d);
  await sheet(
    wb,
    taken,
    L,
    t(L.lang, 'dpo.actions.title'),
    ac,
    ac.map((c) => t(L.lang, ACTION_HEAD(c))),
    d.actions.map((a) => ({ values: actionValues(L, a), dates: { dueOn: a.dueOn, closedOn: a.closedOn } })),
    t(L.lang, 'dpo.actions.none'),
  );
}

const SIGNOFF_PDF_ID = 'dpo-signoff';
const ACTIONS_PDF_ID = 'dpo-actions';

/** Shares of the page's width (the PDF): long texts wide, codes and dates narrow. */
const PDF_WIDTH: Record<string, number> = {
  ref: 7,
  organisation: 12,
  activity: 16,
  state: 11,
  checkedAt: 10,
  checkedBy: 10,
  recommendation: 30,
  title: 22,
  owner: 13,
  dueOn: 11,
  priority: 9,
  outcome: 16,
};

function htmlGrid(cols: string[], head: string[], rows: Record<string, string>[]): string {
  const total = cols.reduce((n, c) => n + (PDF_WIDTH[c] ?? 10), 0);
  const widths = cols.map((c) => `<col style="width:${(((PDF_WIDTH[c] ?? 10) / total) * 100).toFixed(1)}%">`).join('');
  return `<table class="grid"><colgroup>${widths}</colgroup><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${cols.map((c) => (r[c] ? `<td class="lines"${c === 'ref' ? ' style="white-space:nowrap"' : ''}>${esc(r[c])}</td>` : '<td></td>')).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function dpoWorkHtml(d: ExportDpoWork, L: Labels): Appendix {
  const lang = L.lang;
  const checked = d.signoffs.filter((r) => r.signoff.state === 'checked').length;
  const sc = signoffColumns(d);
  let html = `<section class="dpo-work"><h2 class="part part-start" id="${SIGNOFF_PDF_ID}">${esc(t(lang, 'dpo.signoff.title'))}</h2><p>${esc(
    t(lang, 'dpo.signoff.summary', { count: checked, total: d.signoffs.length }),
  )}</p>${htmlGrid(
    sc,
    sc.map((c) => t(lang, SIGNOFF_HEAD[c])),
    d.signoffs.map((r) => signoffValues(L, r)),
  )}`;
  const toc = [{ id: SIGNOFF_PDF_ID, title: t(lang, 'dpo.signoff.title'), count: checked }];
  if (d.actions) {
    // On a portrait page the point to review goes under the action's title.
    const ac = actionColumns(d).filter((c) => c !== 'closedOn' && c !== 'point');
    html += `<h2 class="part part-start" id="${ACTIONS_PDF_ID}">${esc(t(lang, 'dpo.actions.annex'))}</h2>${
      d.actions.length
        ? htmlGrid(
            ac,
            ac.map((c) => t(lang, ACTION_HEAD(c))),
            d.actions.map((a) => {
              const v = actionValues(L, a);
              return { ...v, title: v.point ? `${v.title}\n${t(lang, 'dpo.action.point')}${t(lang, 'firsthour.colon')}${v.point}` : v.title };
            }),
          )
        : `<p class="muted">${esc(t(lang, 'dpo.actions.none'))}</p>`
    }`;
    toc.push({ id: ACTIONS_PDF_ID, title: t(lang, 'dpo.actions.annex'), count: d.actions.length });
  }
  return { html: `${html}</section>`, toc };
}

export function dpoWorkDocx(d: ExportDpoWork, L: Labels): (Paragraph | Table)[] {
  const lang = L.lang;
  const checked = d.signoffs.filter((r) => r.signoff.state === 'checked').length;
  const sc = signoffColumns(d);
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, text: t(lang, 'dpo.signoff.title') }),
    new Paragraph({ text: t(lang, 'dpo.signoff.summary', { count: checked, total: d.signoffs.length }) }),
    gridTable(
      sc.map((c) => t(lang, SIGNOFF_HEAD[c])),
      d.signoffs.map((r) => {
        const v = signoffValues(L, r);
        return sc.map((c) => v[c]);
      }),
    ),
  ];
  if (d.actions) {
    const ac = actionColumns(d).filter((c) => c !== 'closedOn' && c !== 'point');
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, text: t(lang, 'dpo.actions.annex') }));
    out.push(
      d.actions.length
        ? gridTable(
            ac.map((c) => t(lang, ACTION_HEAD(c))),
            d.actions.map((a) => {
              const v = actionValues(L, a);
              return ac.map((c) => v[c]);
            }),
          )
        : new Paragraph({ text: t(lang, 'dpo.actions.none') }),
    );
  }
  return out;
}
