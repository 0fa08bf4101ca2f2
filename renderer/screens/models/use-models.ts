/** Server state of the models of activities (react-query): the catalogue by kind, one model, an activity's model and its pending update. */
import { useQuery } from '@tanstack/react-query';
import type { OrganisationKind } from '../../../core/models/format.js';
import { call } from '../../api/client.js';

const KEY = 'activities'; // invalidated with the register after every write (queries.ts)

export function useModelList(kind: OrganisationKind | '') {
  return useQuery({ queryKey: ['models', 'list', kind], queryFn: () => call('models/list', kind ? { kind } : {}), staleTime: 0 });
}

export function useModel(id: string | null) {
  return useQuery({ queryKey: ['models', 'one', id], queryFn: () => call('models/show', { id: id! }), enabled: id !== null });
}

/** The model an activity was made from, and the update waiting for the DPO's choice, if any. */
export function useActivityModel(activityId: number, refreshKey: number, lang: 'fr' | 'en') {
  return useQuery({
    queryKey: [KEY, 'model', activityId, refreshKey, lang],
    queryFn: async () => {
      const link = await call('models/ofActivity', { activityId });
      const [update] = link ? await call('models/updates', { activityId, lang }) : [];
      return { link, update: update ?? null };
    },
    staleTime: 0,
  });
}

/** The activities of an organisation with a model update to take or leave. */
export function useModelUpdates(organisationId: number, generation: number, lang: 'fr' | 'en') {
  return useQuery({ queryKey: [KEY, 'modelUpdates', organisationId, generation, lang], queryFn: () => call('models/updates', { organisationId, lang }), staleTime: 0 });
}
