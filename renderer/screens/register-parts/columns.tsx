/** The register's one list of columns (TanStack Table), and which ones are shown (kept between sessions). */
import { useMemo } from 'react';
import type { ColumnDef, VisibilityState } from '@tanstack/react-table';
import type { ActivityFacts } from '../../../core/overview/facts.js';
import type { ActivitySummary, InternationalOrganisation } from '../../../core/model/register.js';
import { useApp, useT } from '../../app-context.js';
import { PointsCell } from '../../components/register-points.js';
import { formatDate } from './format.js';
import { inLang } from '../../../core/i18n/localized.js';
import { useDestinations } from '../legal-fields.js';

export const COLUMN_IDS = ['ref', 'name', 'role', 'status', 'department', 'owner', 'purpose', 'legalBases', 'special', 'transfers', 'dpia', 'points', 'updatedAt'] as const;
const DEFAULT_HIDDEN: VisibilityState = { owner: false, purpose: false, role: false };

export function loadVisibility(storage: Pick<Storage, 'getItem'> = localStorage): VisibilityState {
  try {
    return { ...DEFAULT_HIDDEN, ...(JSON.parse(storage.getItem('art30.columns') ?? '{}') as VisibilityState) };
  } catch {
    return DEFAULT_HIDDEN;
  }
}

export function useRegisterColumns(facts: Map<number, ActivityFacts> | null): ColumnDef<ActivitySummary>[] {
  const { lang, termLabel, countryMap } = useApp();
  const t = useT();
  const { destinations } = useDestinations();
  return useMemo<ColumnDef<ActivitySummary>[]>(() => {
    // Countries by their ISO code, international organisations by their acronym (else their name); full names on hover.
    const byCode = new Map(destinations.map((d) => [d.code, d]));
    const outsideEea = (codes: string[]) => codes.filter((x) => !countryMap.get(x)?.eea);
    const destination = (code: string) => {
      const d = byCode.get(code);
      return d?.kind === 'organisation' ? inLang(d as InternationalOrganisation, 'acronym', lang) || inLang(d, 'name', lang) : code;
    };
    const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
    return [
      { id: 'ref', header: t('col.ref'), accessorKey: 'ref', size: 90, sortingFn: (a, b) => a.original.ref.localeCompare(b.original.ref, undefined, { numeric: true }) },
      {
        id: 'name',
        header: t('col.name'),
        accessorKey: 'name',
        size: 340,
        cell: (c) => (
          <a href={`#/activity/${c.row.original.id}`} className="row-link">
            {c.row.original.name}
          </a>
        ),
      },
      { id: 'role', header: t('col.role'), accessorFn: (r) => r.role, size: 150, cell: (c) => t(`role.${c.row.original.role}`) },
      {
        id: 'status',
        header: t('col.status'),
        accessorFn: (r) => r.status,
        size: 100,
        cell: (c) => <span className={`badge status-${c.row.original.status}`}>{t(`status.${c.row.original.status}`)}</span>,
      },
      { id: 'department', header: t('col.department'), accessorKey: 'department', size: 170 },
      { id: 'owner', header: t('col.owner'), accessorKey: 'owner', size: 170 },
      { id: 'purpose', header: t('col.purpose'), accessorKey: 'purpose', size: 280 },
      {
        id: 'legalBases',
        header: t('col.legalBases'),
        accessorFn: (r) => r.legalBases.join(','),
        size: 200,
        cell: (c) => c.row.original.legalBases.map((code) => termLabel('legal_basis', code)).join(', '),
      },
      {
        id: 'special',
        header: t('col.special'),
        accessorFn: (r) => r.specialCategories,
        size: 110,
        cell: (c) => (c.row.original.specialCategories ? <span className="badge warn">{t('common.yes')}</span> : <span className="muted">{t('common.no')}</span>),
      },
      {
        id: 'transfers',
        header: t('col.transfers'),
        accessorFn: (r) => (r.nonEeaTransfer ? outsideEea(r.transferCountries).map(destination).join(', ') : ''),
        size: 150,
        cell: (c) =>
          c.row.original.nonEeaTransfer ? (
            <span
              className="badge info"
              title={outsideEea(c.row.original.transferCountries)
                .map((x) => (byCode.get(x) ? inLang(byCode.get(x)!, 'name', lang) : x))
                .join(', ')}
            >
              {outsideEea(c.row.original.transferCountries).map(destination).join(', ')}
            </span>
          ) : (
            <span className="muted">{t('common.no')}</span>
          ),
      },
      {
        id: 'dpia',
        header: t('col.dpia'),
        accessorFn: (r) => r.dpiaRequired,
        size: 90,
        cell: (c) => (c.row.original.dpiaRequired ? <span className="badge warn">{yesNo(true)}</span> : <span className="muted">{yesNo(false)}</span>),
      },
      {
        id: 'points',
        header: t('overview.pointsColumn'),
        accessorFn: (r) => facts?.get(r.id)?.checks.length ?? 0,
        size: 120,
        cell: (c) => <PointsCell facts={facts?.get(c.row.original.id)} />,
      },
      { id: 'updatedAt', header: t('col.updatedAt'), accessorKey: 'updatedAt', size: 130, cell: (c) => formatDate(c.row.original.updatedAt, lang) },
    ];
  }, [t, lang, termLabel, countryMap, destinations, facts]);
}
