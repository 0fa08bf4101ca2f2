/**
 * Legal reference fields (issue 11): the transfer destination picker (countries and international
 * organisations, with the adequacy status and the date of the reference data), the DPIA decisions
 * (CNIL lists, DPO's advice, Art. 36 prior consultation), and the reference data set panel.
 */
import { isModelsText } from '../../core/models/format.js';
import { useContext, useEffect, useId, useRef, useState } from 'react';
import type { Country } from '../../core/model/register.js';
import type { ActivityFields } from '../../core/model/schemas.js';
import type { DatasetReport } from '../../core/reference/apply.js';
import { ApiCallError, call } from '../api/client.js';
import { keys, queryClient } from '../api/queries.js';
import { useQuery } from '@tanstack/react-query';
import { typography, useApp } from '../app-context.js';
import { CheckboxField, ErrorsContext, SelectField, TextArea, TextField } from '../components/fields.js';
import { inLang } from '../../core/i18n/localized.js';
import { formatDateInput } from '../components/date-input.js';

interface DatasetInfo {
  asOf: string;
  sources: { title: string; titleFr?: string; url?: string }[];
  appliedAt: string;
  report: DatasetReport;
}

const NO_DESTINATIONS = { destinations: [] as Country[], dataset: null as DatasetInfo | null };

/** Reads the destinations and the data set again (after the DPO changed one, or loaded a data set). */
export function forgetDestinations(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: keys.reference });
}

/** Destinations and the data set in use: read once per register (`generation`), again after a change. */
export function useDestinations(): { destinations: Country[]; dataset: DatasetInfo | null } {
  const { generation } = useApp();
  const query = useQuery({
    queryKey: [...keys.reference, 'destinations', generation],
    queryFn: async () => {
      const [destinations, dataset] = await Promise.all([call('reference/destinations', {}), call('reference/dataset', {}) as Promise<DatasetInfo | null>]);
      return { destinations, dataset };
    },
  });
  return query.data ?? NO_DESTINATIONS;
}

/** A transfer's destination: a country or an international organisation (Art. 30(1)(e)). */
export function DestinationField(props: { value: string; onChange(code: string): void; path: string }) {
  const { lang, t } = useApp();
  const { destinations, dataset } = useDestinations();
  const id = useId();
  const name = (c: Country) => inLang(c, 'name', lang);
  const sorted = [...destinations].sort((a, b) => name(a).localeCompare(name(b), lang));
  const countries = sorted.filter((c) => c.kind !== 'organisation');
  const organisations = sorted.filter((c) => c.kind === 'organisation');
  const selected = destinations.find((c) => c.code === props.value);
  const error = useContext(ErrorsContext).get(props.path);
  const scope = selected ? typography(lang)(inLang(selected, 'adequacyScope', lang)) : '';
  const option = (c: Country) => (
    <option key={c.code} value={c.code}>
      {name(c)} — {t(`adequacy.${c.adequacy}`)}
    </option>
  );
  return (
    <div className={`field ${error ? 'has-error' : ''}`} data-path={props.path}>
      <div className="label-row">
        <label htmlFor={id}>{t('legal.destination.label')}</label>
        <span className="req" aria-hidden="true">
          *
        </span>
      </div>
      <select
        id={id}
        value={props.value}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={[selected ? `${id}-adq` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{t('common.choose')}</option>
        {props.value && !selected ? <option value={props.value}>{props.value}</option> : null}
        <optgroup label={t('legal.destination.countries')}>{countries.map(option)}</optgroup>
        <optgroup label={t('legal.destination.organisations')}>{organisations.map(option)}</optgroup>
      </select>
      {selected ? (
        <div id={`${id}-adq`} className={`adequacy adequacy-${selected.adequacy}`} data-testid="destination-adequacy">
          {t('f.adequacyOf', { status: t(`adequacy.${selected.adequacy}`) })}
          {selected.adequacyDecisionDate ? ` (${formatDateInput(selected.adequacyDecisionDate)})` : ''}
          {scope ? ` — ${scope}` : ''}
          {' · '}
          {dataset ? t('legal.dataset.asOf', { date: formatDateInput(dataset.asOf) }) : t('legal.dataset.none')}
        </div>
      ) : null}
      {error ? (
        <div id={`${id}-err`} className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

type Dpia = ActivityFields['dpia'];

/** The DPIA decisions beside the screening: the CNIL's two lists, the DPO's advice, the prior consultation. */
export function DpiaDecisions(props: { dpia: Dpia; onChange(d: Dpia): void }) {
  const app = useApp();
  const { t, lang } = app;
  const d = props.dpia;
  const list = (kind: 'dpia_cnil_required' | 'dpia_cnil_exempted', field: 'cnilRequired' | 'cnilExempted', legend: string) => (
    <fieldset className="checks" data-path={`dpia.${field}`}>
      <legend>{legend}</legend>
      {(app.terms.get(kind) ?? []).map((c) => (
        <CheckboxField
          key={c.code}
          label={typography(lang)(inLang(c, 'label', lang))}
          hint={c.article}
          checked={(d[field] as string[]).includes(c.code)}
          onChange={(on) => props.onChange({ ...d, [field]: on ? [...d[field], c.code] : (d[field] as string[]).filter((x) => x !== c.code) })}
        />
      ))}
    </fieldset>
  );
  return (
    <>
      {list('dpia_cnil_required', 'cnilRequired', t('legal.dpia.cnilRequired'))}
      {list('dpia_cnil_exempted', 'cnilExempted', t('legal.dpia.cnilExempted'))}
      <div className="grid-3">
        <TextField
          label={t('legal.dpia.dpoAdviceDate')}
          type="date"
          value={d.dpoAdviceDate}
          onChange={(v) => props.onChange({ ...d, dpoAdviceDate: v })}
          path="dpia.dpoAdviceDate"
        />
        <SelectField
          label={t('legal.dpia.priorConsultation')}
          value={d.priorConsultation}
          onChange={(v) => props.onChange({ ...d, priorConsultation: v as Dpia['priorConsultation'] })}
          path="dpia.priorConsultation"
          options={(['not_needed', 'to_do', 'submitted', 'answered'] as const).map((s) => ({ value: s, label: t(`legal.priorConsultation.${s}`) }))}
        />
        <TextField
          label={t('legal.dpia.priorConsultationDate')}
          type="date"
          value={d.priorConsultationDate}
          onChange={(v) => props.onChange({ ...d, priorConsultationDate: v })}
          path="dpia.priorConsultationDate"
        />
      </div>
      <TextArea label={t('legal.dpia.dpoAdvice')} value={d.dpoAdvice} onChange={(v) => props.onChange({ ...d, dpoAdvice: v })} path="dpia.dpoAdvice" rows={2} />
      <TextField
        label={t('legal.dpia.priorConsultationRef')}
        value={d.priorConsultationRef}
        onChange={(v) => props.onChange({ ...d, priorConsultationRef: v })}
        path="dpia.priorConsultationRef"
      />
    </>
  );
}

/** The reference data set in use, its sources, loading a newer one, and what the last update changed. */
export function ReferenceDatasetPanel() {
  const app = useApp();
  const { t } = app;
  const { dataset } = useDestinations();
  const [error, setError] = useState('');
  const [report, setReport] = useState<DatasetReport | null>(null);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const shown = report ?? dataset?.report ?? null;

  const load = async (file: File) => {
    setError('');
    try {
      const text = await file.text();
      // The catalogue of models is a dated data set too: recognised by its format.
      if (isModelsText(text)) {
        const m = await call('models/load', { text, fileName: file.name });
        app.bumpGeneration();
        app.notify(t('models.cli.loaded', { asOf: m.asOf, changed: m.changed.length, activities: m.activities.length }));
        return;
      }
      const r = (await call('reference/updateData', { text, fileName: file.name })) as DatasetReport;
      void forgetDestinations();
      try {
        localStorage.setItem(`art30.reference.seen.${app.registerFile}.${r.asOf}`, '1');
      } catch {
        // The notice may then show once more: harmless.
      }
      setReport(r);
      await app.reloadReference();
      app.bumpGeneration();
      app.notify(t('legal.dataset.updated', { asOf: formatDateInput(r.asOf), previous: r.previousAsOf ? formatDateInput(r.previousAsOf) : '—' }));
    } catch (e) {
      const err = e as ApiCallError & { key?: string; params?: Record<string, string> };
      setError(err.key ? t(err.key, err.params) : err.message);
    }
  };

  return (
    <section className="reference-dataset" aria-labelledby={`${inputId}-h`}>
      <h2 id={`${inputId}-h`} data-testid="dataset-date">
        {dataset ? t('legal.dataset.asOf', { date: formatDateInput(dataset.asOf) }) : t('legal.dataset.none')}
      </h2>
      {dataset?.sources.length ? (
        <details>
          <summary>{t('legal.dataset.sources')}</summary>
          <ul>
            {dataset.sources.map((s) => {
              const title = typography(app.lang)(app.lang === 'fr' && s.titleFr ? s.titleFr : s.title);
              return <li key={s.title}>{s.url ? <a href={s.url}>{title}</a> : title}</li>;
            })}
          </ul>
        </details>
      ) : null}
      <button type="button" className="secondary" onClick={() => input.current?.click()}>
        {t('legal.dataset.update')}
      </button>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept=".json,application/json"
        aria-label={t('legal.dataset.update')}
        tabIndex={-1}
        className="visually-hidden"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void load(f);
        }}
      />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {shown && shown.previousAsOf !== undefined ? (
        <div role="status" data-testid="dataset-report">
          <h3>{t('legal.dataset.lastReport')}</h3>
          <p>{t('legal.dataset.changed', { count: shown.changed.length })}</p>
          {shown.keptDpoEdits.length ? <p>{t('legal.dataset.kept', { count: shown.keptDpoEdits.length })}</p> : null}
          <p>{shown.activities.length ? t('legal.dataset.activities', { count: shown.activities.length }) : t('legal.dataset.noActivity')}</p>
          {shown.activities.length ? (
            <ul>
              {shown.activities.map((a) => (
                <li key={a.id}>
                  <a
                    href={`#activity-${a.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      void app.navigate({ view: 'activity', id: a.id });
                    }}
                  >
                    {a.ref} — {a.name}
                  </a>{' '}
                  ({a.destinations.map((c) => app.countryName(c)).join(', ')}
                  {a.before.join() !== a.after.join() ? ` · ${a.before.length} → ${a.after.length}` : ''})
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** "(as of 2026-11-28)": the date of the reference data, next to an adequacy status. */
export function DatasetDate() {
  const { t } = useApp();
  const { dataset } = useDestinations();
  return <span className="muted">({dataset ? t('legal.dataset.asOf', { date: formatDateInput(dataset.asOf) }) : t('legal.dataset.none')})</span>;
}

/**
 * Once per data set: when the reference data was updated (by the upgrade or by the DPO) and activities
 * are concerned, a notice says so and leads to the list on the Reference data screen.
 */
export function ReferenceUpdateNotice() {
  const app = useApp();
  const { dataset } = useDestinations();
  useEffect(() => {
    const report = dataset?.report;
    if (!dataset || !report?.activities?.length) return;
    const seen = `art30.reference.seen.${app.registerFile}.${dataset.asOf}`;
    try {
      if (localStorage.getItem(seen)) return;
      localStorage.setItem(seen, '1');
    } catch {
      return;
    }
    app.notify(`${app.t('legal.dataset.asOf', { date: formatDateInput(dataset.asOf) })} — ${app.t('legal.dataset.activities', { count: report.activities.length })}`, {
      label: app.t('legal.dataset.lastReport'),
      run: () => void app.navigate({ view: 'reference' }),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- shown once per data set and register: the dependencies are the data set and the file
  }, [dataset?.asOf, app.registerFile]);
  return null;
}
