/** The register's filter on the DPO's sign-off (issue 25): opens the register on the activities in that state (a server filter, as the overview's). */
import { useApp, useT } from '../../app-context.js';
import type { OverviewFilter } from '../../components/overview-filter.js';
import { FilterSelect } from '../register-parts/filters.js';

export function SignoffFilter(props: { current?: OverviewFilter }) {
  const app = useApp();
  const t = useT();
  const value = props.current?.signoff ?? '';
  return (
    <FilterSelect
      label={t('dpo.signoff.state')}
      value={value}
      onChange={(v) => {
        const { signoff: _s, ...rest } = props.current ?? {};
        const next: OverviewFilter = v ? { ...rest, organisationId: app.orgId ?? undefined, signoff: v as OverviewFilter['signoff'] } : rest;
        void app.navigate(Object.keys(next).filter((k) => k !== 'organisationId').length ? { view: 'register', filter: next } : { view: 'register' });
      }}
      options={[{ value: '', label: t('common.all') }, ...(['draft', 'submitted', 'checked'] as const).map((s) => ({ value: s, label: t(`dpo.signoff.${s}`) }))]}
    />
  );
}
