/** The register's filters (status, department, role, legal basis, transfers, special data, DPIA). */
import { inLang } from '../../../core/i18n/localized.js';
import { useApp, useT } from '../../app-context.js';
import type { Filters, RegisterTab } from './use-register-search.js';

export function RegisterFilters(props: { filters: Filters; setFilter(k: keyof Filters): (v: string) => void; tab: RegisterTab; departments: string[] }) {
  const app = useApp();
  const t = useT();
  const { filters, setFilter, tab, departments } = props;
  const yesNoAny = [
    { value: '', label: t('common.any') },
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  return (
    <>
      <FilterSelect
        label={t('register.filter.status')}
        value={filters.status}
        onChange={setFilter('status')}
        options={[{ value: '', label: t('common.all') }, ...(['draft', 'active', 'retired'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))]}
      />
      <FilterSelect
        label={t('register.filter.department')}
        value={filters.department}
        onChange={setFilter('department')}
        options={[{ value: '', label: t('common.all') }, ...departments.map((d) => ({ value: d, label: d }))]}
      />
      {tab === 'controller' ? (
        <FilterSelect
          label={t('register.filter.role')}
          value={filters.role}
          onChange={setFilter('role')}
          options={[{ value: '', label: t('common.all') }, ...(['controller', 'joint_controller'] as const).map((s) => ({ value: s, label: t(`role.${s}`) }))]}
        />
      ) : null}
      <FilterSelect
        label={t('register.filter.legalBasis')}
        value={filters.legalBasis}
        onChange={setFilter('legalBasis')}
        options={[{ value: '', label: t('common.all') }, ...(app.terms.get('legal_basis') ?? []).map((x) => ({ value: x.code, label: inLang(x, 'label', app.lang) }))]}
      />
      <FilterSelect label={t('register.filter.transfers')} value={filters.transfers} onChange={setFilter('transfers')} options={yesNoAny} />
      <FilterSelect label={t('register.filter.special')} value={filters.special} onChange={setFilter('special')} options={yesNoAny} />
      <FilterSelect label={t('register.filter.dpia')} value={filters.dpia} onChange={setFilter('dpia')} options={yesNoAny} />
    </>
  );
}

export function FilterSelect(props: { label: string; value: string; onChange(v: string): void; options: { value: string; label: string }[] }) {
  const id = `filter-${props.label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className={`filter ${props.value ? 'active' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
