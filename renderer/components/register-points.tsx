/**
 * Points to review and the review cycle in the register view (issue 16): the facts of each activity
 * (points to review, completeness, next review), a count column, filters by kind of point and by
 * review state, and the banner of a filter opened from the overview.
 */
import { useEffect, useState } from 'react';
import type { ActivityFacts } from '../../core/overview/facts.js';
import type { CheckCode } from '../../core/model/checks.js';
import { call } from '../api/client.js';
import { useApp, useT } from '../app-context.js';
import type { OverviewFilter } from './overview-filter.js';

export const CHECK_KINDS: CheckCode[] = [
  'no_legal_basis',
  'legal_basis_to_be_determined',
  'legitimate_interests_unjustified',
  'special_without_art9',
  'transfer_without_safeguard',
  'privacy_shield_legacy',
  'adequacy_not_applicable',
  'adequacy_partial',
  'adequacy_pending',
  'no_retention',
  'no_security_measures',
  'dpia_required_not_done',
  'processor_without_client',
];

/** The facts of the organisation's activities, by id; reloaded when the register changes. */
export function useActivityFacts(orgId: number | null, generation: number): Map<number, ActivityFacts> | null {
  const [facts, setFacts] = useState<Map<number, ActivityFacts> | null>(null);
  useEffect(() => {
    let live = true;
    if (orgId === null) return;
    call('overview/facts', { organisationId: orgId })
      .then((list) => live && setFacts(new Map(list.map((f) => [f.id, f]))))
      .catch(() => live && setFacts(new Map()));
    return () => {
      live = false;
    };
  }, [orgId, generation]);
  return facts;
}

export interface PointsSelection {
  check: string;
  review: string;
}

export const NO_POINTS: PointsSelection = { check: '', review: '' };

export function matchesPoints(f: ActivityFacts | undefined, s: PointsSelection): boolean {
  if (!s.check && !s.review) return true;
  if (!f) return false;
  if (s.check && (s.check === 'any' ? !f.checks.length : !f.checks.includes(s.check as CheckCode))) return false;
  if (s.review) {
    const st = f.review.state;
    if (s.review === 'due' ? st !== 'overdue' && st !== 'due_soon' : st !== s.review) return false;
  }
  return true;
}

/** The count of points to review of one activity, with their kinds as its accessible description. */
export function PointsCell(props: { facts: ActivityFacts | undefined }) {
  const t = useT();
  const f = props.facts;
  if (!f) return null;
  const kinds = f.checks.map((c) => t(`overview.check.${c}`)).join(t('firsthour.listSep'));
  const overdue = f.review.state === 'overdue';
  return (
    <span className="points-cell">
      {f.checks.length ? (
        <span className="badge warn" title={kinds} aria-label={`${t('overview.pointsCount', { count: f.checks.length })}${t('firsthour.colon')}${kinds}`}>
          {f.checks.length}
        </span>
      ) : (
        <span className="muted" aria-label={t('overview.pointsCount', { count: 0 })}>
          0
        </span>
      )}
      {overdue ? (
        <span className="badge danger" title={`${t('overview.nextReview')} ${f.review.nextReviewAt}`}>
          {t('overview.state.overdue')}
        </span>
      ) : null}
    </span>
  );
}

/** Two filters for the register's filter bar: a kind of point to review, and the review state. */
export function PointsFilters(props: { value: PointsSelection; onChange(v: PointsSelection): void }) {
  const t = useT();
  return (
    <>
      <div className={`filter ${props.value.check ? 'active' : ''}`}>
        <label htmlFor="filter-points">{t('overview.filter.check')}</label>
        <select id="filter-points" value={props.value.check} onChange={(e) => props.onChange({ ...props.value, check: e.target.value })}>
          <option value="">{t('common.all')}</option>
          <option value="any">{t('overview.filter.any')}</option>
          {CHECK_KINDS.map((c) => (
            <option key={c} value={c}>
              {t(`overview.check.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={`filter ${props.value.review ? 'active' : ''}`}>
        <label htmlFor="filter-review">{t('overview.filter.review')}</label>
        <select id="filter-review" value={props.value.review} onChange={(e) => props.onChange({ ...props.value, review: e.target.value })}>
          <option value="">{t('common.all')}</option>
          <option value="overdue">{t('overview.state.overdue')}</option>
          <option value="due_soon">{t('overview.state.due_soon')}</option>
          <option value="due">{t('overview.filter.due')}</option>
        </select>
      </div>
    </>
  );
}

/**
 * The activities of a filter opened from the overview (the API applies it, so the register lists
 * exactly what the overview counted), or null when none is open.
 */
export function useOverviewFilterIds(filter: OverviewFilter | undefined, orgId: number | null, generation: number): Set<number> | null {
  const [ids, setIds] = useState<Set<number> | null>(null);
  const key = filter ? JSON.stringify(filter) : '';
  useEffect(() => {
    let live = true;
    if (!filter || orgId === null) {
      setIds(null);
      return;
    }
    call('activities/list', { ...filter, organisationId: orgId } as never)
      .then((list) => live && setIds(new Set(list.map((r) => r.id))))
      .catch(() => live && setIds(new Set()));
    return () => {
      live = false;
    };
  }, [key, orgId, generation]); // eslint-disable-line react-hooks/exhaustive-deps -- `key` is the filter serialised: a new filter object with the same content must not refetch
  return ids;
}

/** "Filtered from the overview: …" with a way back to the whole register. */
export function OverviewFilterBanner(props: { filter: OverviewFilter; count: number | null }) {
  const app = useApp();
  const t = useT();
  return (
    <div className="overview-filter-banner" role="status">
      <span>
        {t('overview.filter.active', { label: describeOverviewFilter(props.filter, app) })}
        {props.count !== null ? ` — ${t('overview.activities', { count: props.count })}` : ''}
      </span>
      <button type="button" className="link" onClick={() => void app.navigate({ view: 'register' })}>
        {t('overview.filter.clear')}
      </button>
    </div>
  );
}

export function describeOverviewFilter(f: OverviewFilter, app: ReturnType<typeof useApp>): string {
  const t = app.t;
  const parts: string[] = [];
  if (f.status) parts.push(t(`status.${f.status}`));
  if (f.role) parts.push(f.role === 'controller_register' ? t('register.controllerTab') : t(`role.${f.role}`));
  if (f.legalBasis) parts.push(app.termLabel('legal_basis', f.legalBasis));
  if (f.department) parts.push(f.department);
  if (f.noDepartment) parts.push(t('overview.noDepartment'));
  if (f.nonEeaTransfer) parts.push(t('overview.transfers'));
  if (f.country) parts.push(app.countryName(f.country));
  if (f.safeguard) parts.push(f.safeguard === 'none' ? t('overview.noSafeguard') : app.termLabel('transfer_safeguard', f.safeguard));
  if (f.check) parts.push(f.check === 'any' ? t('overview.checks') : t(`overview.check.${f.check}`));
  if (f.review) parts.push(f.review === 'due' ? t('overview.filter.due') : t(`overview.state.${f.review}`));
  if (f.signoff) parts.push(t(`dpo.signoff.${f.signoff}`));
  if (f.completeness) parts.push(`${t('overview.filter.completeness')}${t('firsthour.colon')}${t(`overview.band.${f.completeness}`)}`);
  return parts.join(', ');
}
