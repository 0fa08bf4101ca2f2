/** What both records (breaches, requests) use: the activities to link, API errors in the DPO's language, field labels. */
import { useEffect, useMemo, useState } from 'react';
import type { ActivitySummary } from '../../../core/model/register.js';
import { formatDate } from '../../../core/records/labels.js';
import type { FieldIssue, MessageParams } from '../../../core/errors.js';
import { fieldLabel, localiseText } from '../../../core/i18n/error-text.js';
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

/** Field errors of the API, in the DPO's language, translated at each render: switching the language translates a shown error too. */
export function useErrorState() {
  const app = useApp();
  const t = useT();
  const label = useFieldLabel();
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const { errors, message } = useMemo(() => describeFailure(failure, t, app.lang, label), [failure, t, app.lang]); // eslint-disable-line react-hooks/exhaustive-deps -- `label` follows `t`
  const show = (e: unknown) => {
    if (e instanceof ApiCallError && e.code === 'conflict' && e.details.some((d) => d.path === 'version')) {
      setConflict(true);
      setFailure(null);
      return;
    }
    setFailure(e);
  };
  const clear = () => {
    setFailure(null);
    setConflict(false);
  };
  return { errors, message, conflict, show, clear };
}

function describeFailure(e: unknown, t: ReturnType<typeof useT>, lang: 'fr' | 'en', label: (path: string) => string): { errors: Map<string, string>; message: string | null } {
  if (e === null || e === undefined) return { errors: new Map(), message: null };
  if (!(e instanceof ApiCallError)) return { errors: new Map(), message: (e as Error).message };
  // Dates in the parameters are written as the DPO's language writes them.
  const params = (p?: MessageParams): MessageParams | undefined =>
    p && Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(lang, v) : v]));
  const text = (d: FieldIssue) => localiseText(t, d.key, params(d.params));
  const first = e.details[0];
  return {
    errors: new Map(e.details.map((d) => [d.path, text(d)])),
    message: first ? t('records.error.notSaved', { field: label(first.path), message: text(first) }) : e.key ? localiseText(t, e.key, e.params) : e.message,
  };
}

/** The label of a field path (`activityIds[1]` → "Processing activities concerned"). */
export function useFieldLabel() {
  const t = useT();
  return (path: string) => {
    const field = path.replace(/[[.].*$/, '');
    const key = field === 'description' ? 'records.field.description' : `records.field.${field}`;
    const label = t(key);
    return label === key ? fieldLabel(t, path) || t('ui.history.otherField') : label;
  };
}

export type ErrorState = ReturnType<typeof useErrorState>;
