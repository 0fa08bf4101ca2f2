/** Routes of the records beside the register: `#/breaches`, `#/breaches/new?activity=5`, `#/requests/3`. */
export interface RecordsRoute {
  view: 'records';
  tab: 'breaches' | 'requests';
  id?: number | 'new';
  /** A new record starts linked to this activity (recorded from the activity's editor). */
  activityId?: number;
}

export function parseRecordsHash(hash: string): RecordsRoute | undefined {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] !== 'breaches' && parts[0] !== 'requests') return undefined;
  const activity = Number(new URLSearchParams(query).get('activity'));
  const id = parts[1] === 'new' ? 'new' : parts[1] && Number(parts[1]) > 0 ? Number(parts[1]) : undefined;
  return { view: 'records', tab: parts[0], id, activityId: activity > 0 ? activity : undefined };
}

export function recordsHash(r: RecordsRoute): string {
  return `#/${r.tab}${r.id ? `/${r.id}` : ''}${r.activityId ? `?activity=${r.activityId}` : ''}`;
}
