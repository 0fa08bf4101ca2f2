/** Server state of the campaign screen (react-query) and the download of the files it returns. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type In } from '../api/client.js';
import { invalidateAfterWrite } from '../api/queries.js';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (organisationId: number) => ['campaigns', 'list', organisationId] as const,
  groups: (organisationId: number, groupBy: string) => ['campaigns', 'groups', organisationId, groupBy] as const,
};

export function useCampaigns(organisationId: number | null, generation: number) {
  return useQuery({
    queryKey: [...campaignKeys.list(organisationId ?? 0), generation],
    queryFn: () => call('campaign/list', { organisationId: organisationId ?? undefined }),
    enabled: organisationId !== null,
    staleTime: 0,
  });
}

export function useCampaignGroups(organisationId: number | null, groupBy: 'department' | 'owner') {
  return useQuery({
    queryKey: campaignKeys.groups(organisationId ?? 0, groupBy),
    queryFn: () => call('campaign/groups', { organisationId: organisationId!, groupBy }),
    enabled: organisationId !== null,
    staleTime: 0,
  });
}

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: In<'campaign/create'>) => call('campaign/create', input),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

export function useCollectAnswer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: In<'campaign/collectBytes'>) => call('campaign/collectBytes', input),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: campaignKeys.all });
      await invalidateAfterWrite(client);
    },
  });
}

/** Starts the download the web server offers (the browser saves it). */
export function openDownload(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  document.body.append(a);
  a.click();
  a.remove();
}

/** A file the DPO picked, as base64 for the API. */
export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
