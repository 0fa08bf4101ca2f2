/**
 * The breach record and the request log as PDF sections, appended after the activities when the DPO
 * includes them. Each breach reads as Art. 33(5) lists it: facts, effects, remedial action.
 */
import { t } from '../i18n/i18n.js';
import { breachSections, formatDate, requestDeadlineText, valueLabel } from '../records/labels.js';
import type { Labels } from './labels.js';
import { esc, type Appendix } from './pdf/template.js';
import type { ExportRecords } from './records-export.js';

export const RECORDS_PDF_IDS = { breaches: 'records-breaches', requests: 'records-requests' } as const;

const kv = (rows: [string, string][]) =>
  `<table class="kv"><tbody>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th>${v ? `<td class="lines">${esc(v)}</td>` : '<td class="muted">—</td>'}</tr>`).join('')}</tbody></table>`;

export function recordsHtml(records: ExportRecords, L: Labels): Appendix {
  const lang = L.lang;
  const breaches = records.breaches
    .map((b) => {
      const sections = breachSections(lang, b);
      const late = b.deadline.state === 'late' || b.deadline.state === 'overdue';
      return `<article class="activity breach" id="breach-${b.id}"><h3><span class="ref">${esc(b.ref)}</span><span class="title">${esc(b.title)}</span><span class="badges"><span class="badge${late ? ' alert' : ''}">${esc(t(lang, `records.notification.${b.deadline.state === 'pending' ? 'overdue' : b.deadline.state}`))}</span></span></h3>${sections
        .map((s) => `<h4>${esc(s.title)}</h4>${kv(s.rows)}`)
        .join('')}</article>`;
    })
    .join('');
  // The requester's name stays out of the PDF: an inspector checks the deadlines, not who asked.
  const header = ['ref', 'right', 'receivedOn', 'deadline', 'status', 'answeredOn', 'outcome', 'activities'];
  const rows = records.requests
    .map((r) => {
      const cells = [
        r.ref,
        valueLabel.right(lang, r.right),
        formatDate(lang, r.receivedOn),
        `${formatDate(lang, r.deadline.dueOn)}\n${requestDeadlineText(lang, r.deadline)}${r.extendedUntil ? `\n${L.kv(t(lang, 'records.field.extensionReason'), r.extensionReason)}` : ''}`,
        valueLabel.requestStatus(lang, r.status),
        formatDate(lang, r.answeredOn),
        [r.outcome ? valueLabel.outcome(lang, r.outcome) : '', r.outcomeReason].filter(Boolean).join(' — '),
        r.activities.map((a) => a.ref).join(', '),
      ];
      const overdue = r.deadline.state === 'overdue' || r.deadline.state === 'answered_late';
      return `<tr>${cells.map((c, i) => `<td class="lines${i === 3 && overdue ? ' alert-text' : ''}">${esc(c)}</td>`).join('')}</tr>`;
    })
    .join('');
  const widths = [9, 15, 11, 22, 12, 11, 10, 10];
  const html = `<section class="records">
<h2 class="part part-start" id="${RECORDS_PDF_IDS.breaches}">${esc(t(lang, 'records.export.breachTitle'))}</h2>
${breaches || `<p class="muted">${esc(t(lang, 'records.noBreaches'))}</p>`}
<h2 class="part part-start" id="${RECORDS_PDF_IDS.requests}">${esc(t(lang, 'records.export.requestTitle'))}</h2>
${
  rows
    ? `<table class="grid"><colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup><thead><tr>${header.map((h) => `<th>${esc(t(lang, `records.field.${h}`))}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="muted">${esc(t(lang, 'records.noRequests'))}</p>`
}
</section>`;
  return {
    html,
    toc: [
      { id: RECORDS_PDF_IDS.breaches, title: t(lang, 'records.export.breachTitle'), count: records.breaches.length },
      { id: RECORDS_PDF_IDS.requests, title: t(lang, 'records.export.requestTitle'), count: records.requests.length },
    ],
  };
}
