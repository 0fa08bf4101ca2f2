/** What both records (breaches, requests) use: the activities to link, API errors in the DPO's language, field labels. */
import { useEffect, useState } from 'react';
import type { ActivitySummary } from '../../../core/model/register.js';
import { formatDate } from '../../../core/records/labels.js';
import type { FieldIssue, MessageParams } from '../../../core/errors.js';
import { localiseText } from '../../../core/i18n/error-text.js';
import { ApiCallError, call } from '../../api/client.js';
import { useApp, useT } from '../../app-context.js';

/** The activities of the organisation, for the links. */
export function useActivities(): ActivitySummary[] {
  const app = useApp();
  const [list, setList] = useState<ActivitySummary[]>([]);
  useEffect(() => {
    if (app.orgId) void call('activities/list', { organisationId: app.orgId }).then(setList);
  }, [app.orgId, app.generation]);
  return list;
}

/** Field errors of the API, in the DPO's language: the catalogue key when the service gives one. */
export function useErrorState() {
  const app = useApp();
  const t = useT();
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const show = (e: unknown, label: (path: string) => string) => {
    if (e instanceof ApiCallError) {
      if (e.code === 'conflict' && e.details.some((d) => d.path === 'version')) {
        setConflict(true);
        setMessage(null);
        return;
      }
      // Dates in the parameters are written as the DPO's language writes them.
      const params = (p?: MessageParams): MessageParams | undefined =>
        p && Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(app.lang, v) : v]));
      const text = (d: FieldIssue) => localiseText(t, d.key, params(d.params));
      setErrors(new Map(e.details.map((d) => [d.path, text(d)])));
      const first = e.details[0];
      setMessage(first ? t('records.error.notSaved', { field: label(first.path), message: text(first) }) : e.message);
    } else setMessage((e as Error).message);
  };
  const clear = () => {
    setErrors(new Map());
    setMessage(null);
    setConflict(false);
  };
  return { errors, message, conflict, show, clear };
}

/** The label of a field path (`activityIds[1]` → "Processing activities concerned"). */
export function useFieldLabel() {
  const t = useT();
  return (path: string) => {
    const field = path.replace(/[[.].*$/, '');
    const key = field === 'description' ? 'records.field.description' : `records.field.${field}`;
    const label = t(key);
    return label === key ? field : label;
  };
}

export type ErrorState = ReturnType<typeof useErrorState>;
