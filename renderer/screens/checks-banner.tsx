/** What a DPO would flag in the saved activity (core/model/checks.ts): shown above the editor's sections. */
import { useEffect, useState, type ReactNode } from 'react';
import type { ComplianceCheck } from '../../core/model/checks.js';
import { call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';

export function ChecksBanner(props: { activityId: number; refreshKey: number; onFocus(path: string): void; action?(check: ComplianceCheck, text: string): ReactNode }) {
  const app = useApp();
  const t = useT();
  const [checks, setChecks] = useState<ComplianceCheck[]>([]);
  useEffect(() => {
    call('activities/checks', { id: props.activityId })
      .then(setChecks)
      .catch(() => setChecks([]));
  }, [props.activityId, props.refreshKey]);
  if (!checks.length) return null;
  return (
    <section className="banner conflict checks" aria-labelledby="checks-title">
      <strong id="checks-title">{t('checks.title')}</strong>
      <ul>
        {checks.map((c) => (
          <li key={`${c.code}-${c.path}`}>
            <button type="button" className="link" onClick={() => props.onFocus(c.path)}>
              {app.t(`checks.${c.code}`, c.params as Record<string, string>)}
            </button>
            {props.action?.(c, app.t(`checks.${c.code}`, c.params as Record<string, string>))}
          </li>
        ))}
      </ul>
    </section>
  );
}
