/**
 * The overview's section for the DPO's own work (issue 25): activities by sign-off state (each opens
 * the register on them) and the action plan (pending, overdue).
 */
import type { OverviewContributor } from '../overview/sections.js';
import { actionCounts } from './actions.js';
import { SIGNOFF_STATES, signoffMap } from './signoff.js';

export const dpoWorkOverviewSection: OverviewContributor = (reg, scope, today) => {
  const ids = reg.activities.list(scope.organisationId !== undefined ? { organisationId: scope.organisationId } : {}).map((s) => s.id);
  const signoffs = signoffMap(reg, scope.organisationId);
  const actions = actionCounts(reg, scope.organisationId, today);
  if (!ids.length && !actions.pending) return null;
  const base = scope.organisationId !== undefined ? { organisationId: scope.organisationId } : {};
  return {
    key: 'dpo',
    titleKey: 'dpo.overview.title',
    items: [
      ...SIGNOFF_STATES.map((state) => ({
        key: `signoff_${state}`,
        labelKey: `dpo.overview.signoff.${state}`,
        count: ids.filter((id) => (signoffs.get(id)?.state ?? 'draft') === state).length,
        filter: { ...base, signoff: state },
        alert: state === 'submitted',
      })),
      { key: 'actions_pending', labelKey: 'dpo.overview.actionsPending', count: actions.pending, screen: 'actions' },
      { key: 'actions_overdue', labelKey: 'dpo.overview.actionsOverdue', count: actions.overdue, screen: 'actions', screenFilter: { overdue: true }, alert: true },
    ],
  };
};
