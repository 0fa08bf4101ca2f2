/**
 * The overview (home once the register has activities): the state of the register per organisation
 * or for all of them. Charts are recharts SVG (offline, printable); each chart has its segments as a
 * list of buttons beside it, which is also its legend and its values: a click on a bar or a slice, or
 * Enter on its button, opens the register filtered to exactly the activities counted.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { Bar, BarChart, Cell, LabelList, Pie, PieChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Overview, ReviewDue, Segment } from '../../core/overview/overview.js';
import { call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import { formatDate } from './register-view.js';
import './overview.css';

const PALETTE = ['#1f4e8c', '#2c8c6b', '#b26b00', '#7a4b9c', '#a8321f', '#3b7fb5', '#6b7587', '#8c6d1f', '#2c64ad', '#5b8c2c'];
const STATUS_COLOURS: Record<string, string> = { active: '#1f6b3a', draft: '#b26b00', retired: '#6b7587' };

export function OverviewScreen() {
  const app = useApp();
  const t = useT();
  const [scope, setScope] = useState<'org' | 'all'>(() => (sessionStorage.getItem('art30.overviewScope') === 'all' ? 'all' : 'org'));
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => sessionStorage.setItem('art30.overviewScope', scope), [scope]);
  useEffect(() => {
    let live = true;
    setError(null);
    call('overview/get', (scope === 'org' || app.organisations.length < 2) && app.orgId !== null ? { organisationId: app.orgId } : {})
      .then((o) => live && setData(o))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [scope, app.orgId, app.organisations.length, app.generation, reload]);

  const open = useCallback(
    async (s: Segment) => {
      const { organisationId: _o, ...filter } = s.filter;
      if (scope === 'all') {
        // The register shows one organisation: the one holding these activities when they are all in one.
        const list = await call('activities/list', s.filter as never);
        const orgs = [...new Set(list.map((r) => r.organisationId))];
        if (orgs.length === 1 && orgs[0] !== app.orgId) app.setOrgId(orgs[0]);
      }
      await app.navigate({ view: 'register', filter });
    },
    [app, scope],
  );

  if (error) {
    return (
      <div className="screen">
        <div className="error-box" role="alert">
          {error}
        </div>
      </div>
    );
  }

  const pct = (n: number) => Math.round(n * 100);
  const term = (kind: 'legal_basis' | 'transfer_safeguard') => (k: string) => (kind === 'transfer_safeguard' && k === 'none' ? t('overview.noSafeguard') : app.termLabel(kind, k));

  return (
    <div className="screen overview-screen">
      <header className="screen-header">
        <h1>{t('overview.title')}</h1>
        <div className="toolbar">
          {/* The organisation is the window's (its picker at the top); with several, all of them at once. */}
          {app.organisations.length > 1 ? (
            <label className="check overview-all">
              <input type="checkbox" checked={scope === 'all'} onChange={(e) => setScope(e.target.checked ? 'all' : 'org')} /> {t('overview.allOrganisations')}
            </label>
          ) : null}
        </div>
      </header>
      {data === null ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : data.total === 0 ? (
        <p className="empty-inline">{t('overview.empty')}</p>
      ) : (
        <>
          <section className="kpis" aria-label={t('overview.title')}>
            <Kpi value={data.total} label={t('overview.activities', { count: data.total }).replace(/^\d+\s*/, '')} onOpen={() => void app.navigate({ view: 'register' })} />
            <Kpi
              value={data.checks.any.count}
              label={t('overview.checks')}
              tone={data.checks.any.count ? 'warn' : 'ok'}
              segment={data.checks.any}
              onOpen={open}
              described={t('overview.checksAny', { count: data.checks.any.count })}
            />
            <Kpi
              value={data.reviews.overdue.count}
              label={t('overview.state.overdue')}
              tone={data.reviews.overdue.count ? 'danger' : 'ok'}
              segment={data.reviews.overdue}
              onOpen={open}
              described={t('overview.overdue', { count: data.reviews.overdue.count })}
            />
            <Kpi
              value={data.reviews.dueSoon.count}
              label={t('overview.state.due_soon')}
              segment={data.reviews.dueSoon}
              onOpen={open}
              described={t('overview.dueSoon', { count: data.reviews.dueSoon.count, days: data.reviews.dueSoonDays })}
            />
            <Kpi
              value={data.transfers.activities.count}
              label={t('overview.transfers')}
              segment={data.transfers.activities}
              onOpen={open}
              described={t('overview.transfersActivities', { count: data.transfers.activities.count })}
            />
            <Kpi
              value={`${pct(data.completeness.average)} %`}
              label={t('overview.completeness')}
              described={t('overview.completenessAverage', { percent: pct(data.completeness.average) })}
            />
          </section>

          <div className="overview-grid">
            <ChartCard title={t('overview.byStatus')} segments={data.byStatus} label={(k) => t(`status.${k}`)} onOpen={open} pie colours={(k) => STATUS_COLOURS[k]} />
            <ChartCard
              title={t('overview.checks')}
              segments={data.checks.byKind}
              label={(k) => t(`overview.check.${k}`)}
              onOpen={open}
              empty={t('overview.noChecks')}
              colours={() => '#b26b00'}
            />
            <ChartCard title={t('overview.byLegalBasis')} segments={data.byLegalBasis} label={term('legal_basis')} onOpen={open} />
            <ChartCard title={t('overview.byDepartment')} segments={data.byDepartment} label={(k) => k || t('overview.noDepartment')} onOpen={open} />
            <ChartCard title={`${t('overview.transfers')} — ${t('overview.byDestination')}`} segments={data.transfers.byCountry} label={app.countryName} onOpen={open} empty="—" />
            <ChartCard
              title={`${t('overview.transfers')} — ${t('overview.bySafeguard')}`}
              segments={data.transfers.bySafeguard}
              label={term('transfer_safeguard')}
              onOpen={open}
              empty="—"
              colours={(k) => (k === 'none' || k === 'privacy_shield_legacy' ? '#a8321f' : undefined)}
            />
            <ChartCard
              title={t('overview.completeness')}
              subtitle={t('overview.completenessAverage', { percent: pct(data.completeness.average) })}
              segments={data.completeness.bands}
              label={(k) => t(`overview.band.${k}`)}
              onOpen={open}
              colours={(k) => ({ complete: '#1f6b3a', partial: '#b26b00', low: '#a8321f' })[k]}
            />
            <ReviewsCard data={data} onOpen={open} onChanged={() => setReload((n) => n + 1)} />
            {data.completeness.lowest.length ? (
              <section className="card" aria-labelledby="least-complete">
                <h2 id="least-complete">{t('overview.leastComplete')}</h2>
                <ul className="plain-list">
                  {data.completeness.lowest.slice(0, 8).map((a) => (
                    <li key={a.id}>
                      <a href={`#/activity/${a.id}`}>
                        {a.ref} — {a.name}
                      </a>{' '}
                      <span className="muted">
                        {pct(a.completeness)} % · {t('overview.missing', { fields: a.missing.map((f) => t(`f.${f}`)).join(', ') })}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {data.sections.map((s) => (
              <section key={s.key} className="card" aria-labelledby={`section-${s.key}`}>
                <h2 id={`section-${s.key}`}>{t(s.titleKey, s.titleParams)}</h2>
                <ul className="segment-list">
                  {s.items.map((i) => (
                    <li key={i.key}>
                      {i.filter ? (
                        <button
                          type="button"
                          className={`segment ${i.alert && i.count ? 'alert' : ''}`}
                          onClick={() => void open({ key: i.key, count: i.count, filter: i.filter! })}
                        >
                          <span className="segment-label">{t(i.labelKey, { count: i.count })}</span>
                          <span className="segment-count">{i.count}</span>
                        </button>
                      ) : (
                        <span className={`segment ${i.alert && i.count ? 'alert' : ''}`}>
                          <span className="segment-label">{t(i.labelKey, { count: i.count })}</span>
                          <span className="segment-count">{i.count}</span>
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function Kpi(props: {
  value: number | string;
  label: string;
  described?: string;
  tone?: 'warn' | 'danger' | 'ok';
  segment?: Segment;
  onOpen?: ((s: Segment) => void) | (() => void);
}) {
  const t = useT();
  const content = (
    <>
      <span className="kpi-value">{props.value}</span>
      <span className="kpi-label">{props.label}</span>
    </>
  );
  if (!props.onOpen) {
    return (
      <div className={`kpi ${props.tone ?? ''}`} title={props.described}>
        {content}
      </div>
    );
  }
  return (
    <button
      type="button"
      className={`kpi ${props.tone ?? ''}`}
      aria-label={props.segment ? t('overview.openFiltered', { label: props.described ?? props.label, count: props.segment.count }) : props.label}
      onClick={() => (props.segment ? (props.onOpen as (s: Segment) => void)(props.segment) : (props.onOpen as () => void)())}
    >
      {content}
    </button>
  );
}

function ChartCard(props: {
  title: string;
  subtitle?: string;
  segments: Segment[];
  label(k: string): string;
  onOpen(s: Segment): void;
  pie?: boolean;
  empty?: string;
  colours?(k: string): string | undefined;
}) {
  const t = useT();
  const id = useId();
  const rows = props.segments.map((s, i) => ({ key: s.key, label: props.label(s.key), count: s.count, fill: props.colours?.(s.key) ?? PALETTE[i % PALETTE.length], segment: s }));
  const height = props.pie ? 180 : Math.max(70, rows.length * 28 + 10);
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      {props.subtitle ? <p className="muted">{props.subtitle}</p> : null}
      {rows.length === 0 ? (
        <p className="muted">{props.empty ?? '—'}</p>
      ) : (
        <div className="chart-body">
          {/* The picture; its values and actions are the list of buttons below, for keyboards and screen readers. */}
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={height}>
              {props.pie ? (
                // No keyboard layer: the picture is hidden from assistive technology (the buttons below hold its values).
                <PieChart accessibilityLayer={false}>
                  <Pie
                    rootTabIndex={-1}
                    data={rows}
                    dataKey="count"
                    nameKey="label"
                    innerRadius={45}
                    outerRadius={80}
                    isAnimationActive={false}
                    onClick={(d) => props.onOpen((d.payload as (typeof rows)[number]).segment)}
                    cursor="pointer"
                  >
                    {rows.map((r) => (
                      <Cell key={r.key} fill={r.fill} />
                    ))}
                  </Pie>
                </PieChart>
              ) : (
                <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 0, right: 36, bottom: 0, left: 0 }}>
                  <XAxis type="number" hide allowDecimals={false} />
                  <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} interval={0} />
                  <Bar dataKey="count" isAnimationActive={false} onClick={(d) => props.onOpen((d.payload as (typeof rows)[number]).segment)} cursor="pointer" barSize={18}>
                    {rows.map((r) => (
                      <Cell key={r.key} fill={r.fill} />
                    ))}
                    <LabelList dataKey="count" position="right" />
                  </Bar>
                </BarChart>
              )}
            </ResponsiveContainer>
          </div>
          <ul className="segment-list" aria-label={t('overview.chartTable')}>
            {rows.map((r) => (
              <li key={r.key}>
                <button
                  type="button"
                  className="segment"
                  data-segment={r.key}
                  aria-label={t('overview.openFiltered', { label: r.label, count: r.count })}
                  onClick={() => props.onOpen(r.segment)}
                >
                  <span className="swatch" style={{ background: r.fill }} aria-hidden="true" />
                  <span className="segment-label">{r.label}</span>
                  <span className="segment-count">{r.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function ReviewsCard(props: { data: Overview; onOpen(s: Segment): void; onChanged(): void }) {
  const app = useApp();
  const t = useT();
  const { reviews } = props.data;
  const [busy, setBusy] = useState<number | null>(null);
  const mark = async (d: ReviewDue) => {
    setBusy(d.id);
    try {
      const a = await call('activities/get', { id: d.id });
      const saved = await call('activities/markReviewed', { id: a.id, version: a.version });
      app.notify(t('overview.reviewedOn', { ref: saved.ref, date: formatDate(saved.lastReviewedAt, app.lang) }));
      app.bumpGeneration();
      props.onChanged();
    } catch (e) {
      app.notify((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="card reviews-card" aria-labelledby="overview-reviews">
      <h2 id="overview-reviews">{t('overview.reviews')}</h2>
      <p>
        <button type="button" className="link" onClick={() => props.onOpen(reviews.overdue)}>
          {t('overview.overdue', { count: reviews.overdue.count })}
        </button>
        {' · '}
        <button type="button" className="link" onClick={() => props.onOpen(reviews.dueSoon)}>
          {t('overview.dueSoon', { count: reviews.dueSoon.count, days: reviews.dueSoonDays })}
        </button>
      </p>
      {reviews.due.length === 0 ? (
        <p className="muted">{t('overview.noReviewDue')}</p>
      ) : (
        <table className="grid compact" aria-labelledby="overview-reviews">
          <thead>
            <tr>
              <th scope="col">{t('col.ref')}</th>
              <th scope="col">{t('col.name')}</th>
              <th scope="col">{t('overview.nextReview')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('overview.markReviewed')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {reviews.due.slice(0, 12).map((d) => (
              <tr key={d.id} data-ref={d.ref}>
                <td>{d.ref}</td>
                <td>
                  <a href={`#/activity/${d.id}`}>{d.name}</a>
                </td>
                <td>
                  <span className={`badge ${d.state === 'overdue' ? 'danger' : 'warn'}`}>{t(`overview.state.${d.state}`)}</span> {formatDate(d.nextReviewAt, app.lang)}{' '}
                  <span className="muted">
                    ({d.daysLeft < 0 ? t('overview.daysLate', { count: -d.daysLeft }) : t('overview.daysLeft', { count: d.daysLeft })}
                    {d.byHand ? `, ${t('overview.byHand')}` : ''})
                  </span>
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary small"
                    disabled={busy === d.id}
                    aria-label={`${t('overview.markReviewed')} — ${d.ref} ${d.name}`}
                    onClick={() => void mark(d)}
                  >
                    {t('overview.markReviewed')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
