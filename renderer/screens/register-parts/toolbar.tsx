/** The register's header (new activity, import, export) and its filter bar (search, filters, points, clear). */
import { useEffect, useRef, type ReactNode } from 'react';
import { useApp, useT } from '../../app-context.js';
import { PointsFilters } from '../../components/register-points.js';
import { RegisterFilters } from './filters.js';
import { ModelsButton } from '../models/models-dialog.js';
import { activeFilterCount, type RegisterSearchState } from './use-register-search.js';

export function RegisterHeader(props: { canImport: boolean; canExport: boolean; onImport?(): void; onExport(): void }) {
  const app = useApp();
  const t = useT();
  return (
    <header className="screen-header">
      <h1>{t('register.title')}</h1>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => void app.navigate({ view: 'activity', id: 'new' })}>
          + {t('register.newActivity')}
        </button>
        <ModelsButton label={t('models.ui.newFromModel')} />
        {props.canImport ? (
          <button type="button" className="secondary" onClick={props.onImport}>
            {t('register.import')}
          </button>
        ) : null}
        {props.canExport ? (
          <button type="button" className="secondary" onClick={props.onExport}>
            {t('register.export')}
          </button>
        ) : null}
      </div>
    </header>
  );
}

export function FilterBar(props: { state: RegisterSearchState; departments: string[]; focusSearch: number; extra?: ReactNode }) {
  const t = useT();
  const { search, dispatch } = props.state;
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.focusSearch) searchRef.current?.focus();
  }, [props.focusSearch]);
  return (
    <div className="filterbar">
      <div className="search">
        <label htmlFor="register-search" className="visually-hidden">
          {t('register.searchLabel')}
        </label>
        <input
          id="register-search"
          ref={searchRef}
          type="search"
          value={search.query}
          placeholder={t('register.searchPlaceholder')}
          onChange={(e) => dispatch({ type: 'query', query: e.target.value })}
          aria-controls="register-table"
        />
      </div>
      <RegisterFilters filters={search.filters} setFilter={(key) => (value) => dispatch({ type: 'filter', key, value })} tab={search.tab} departments={props.departments} />
      {props.extra}
      <PointsFilters value={search.points} onChange={(points) => dispatch({ type: 'points', points })} />
      {activeFilterCount(search) || search.query ? (
        <button type="button" className="link" onClick={() => dispatch({ type: 'clear' })}>
          {t('register.filter.clear')}
        </button>
      ) : null}
    </div>
  );
}
