/**
 * "Show as of this entry" in an activity's history (issue 16): the activity as it stood just after
 * that change, rebuilt from the verified history, read-only.
 */
import { useEffect, useState } from 'react';
import type { DocumentActivity } from '../../core/model/register.js';
import { call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { Modal } from './modal.js';
import { LOCALES } from '../../core/i18n/localized.js';

type Row = [label: string, value: string];

export function ActivityAsOfEntry(props: { activityId: number; entryId: number; onClose(): void }) {
  const app = useApp();
  const t = useT();
  const [state, setState] = useState<{ at: string; activity: DocumentActivity | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('history/activityAfterEntry', { id: props.activityId, entryId: props.entryId })
      .then((r) => setState(r as { at: string; activity: DocumentActivity | null }))
      .catch((e: Error) => setError(e.message));
  }, [props.activityId, props.entryId]);

  const a = state?.activity;
  const list = (items: string[]) => items.filter(Boolean).join(t('firsthour.listSep')) || '—';
  const rows: Row[] = a
    ? [
        [t('col.ref'), a.ref],
        [t('f.name'), a.name],
        [t('col.status'), t(`status.${a.status}`)],
        [t('col.role'), t(`role.${a.role}`)],
        [t('col.department'), a.department || '—'],
        [t('f.purpose'), a.purpose],
        [t('f.legalBases'), list(a.legalBases.map((b) => `${app.termLabel('legal_basis', b.code)}${b.justification ? ` (${b.justification})` : ''}`))],
        [t('f.dataSubjects'), list(a.dataSubjects.map((s) => s.label))],
        [t('f.dataCategories'), list(a.dataCategories.map((c) => c.label))],
        [t('f.recipients'), list(a.recipients.map((r) => r.name))],
        [
          t('overview.transfers'),
          list(a.transfers.map((x) => `${app.countryName(x.country)} — ${x.safeguard ? app.termLabel('transfer_safeguard', x.safeguard) : t('overview.noSafeguard')}`)),
        ],
        [t('f.retention'), list(a.retention.map((r) => r.text))],
        [t('f.securityMeasures'), list(a.securityMeasures.map((m) => `${app.termLabel('security_measure_type', m.type)}${m.precision ? ` (${m.precision})` : ''}`))],
        [t('f.lastReviewedAt'), a.lastReviewedAt || '—'],
      ]
    : [];
  const when = state?.at ? new Date(state.at).toLocaleString(LOCALES[app.lang]) : '';
  return (
    <Modal
      title={`${t('overview.showAsOfEntry')}${when ? ` — ${when}` : ''}`}
      onClose={props.onClose}
      wide
      footer={
        <button type="button" className="primary" onClick={props.onClose}>
          {t('common.close')}
        </button>
      }
    >
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      {state === null && !error ? <p aria-busy="true">{t('common.loading')}</p> : null}
      {state && !a ? <p className="muted">—</p> : null}
      {a ? (
        <dl className="as-of-activity">
          {rows.map(([label, value]) => (
            <div key={label} className="as-of-row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </Modal>
  );
}
