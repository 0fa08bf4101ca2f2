/**
 * The activity editor's state, outside React: load, edit, dirty, save, version conflict, field
 * errors. `ActivityFormStore` is plain TypeScript (tested against a real register through the
 * API client); `useActivityForm` subscribes a component to it.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Activity } from '../../core/model/register.js';
import type { ActivityFields } from '../../core/model/schemas.js';
import type { FieldIssue } from '../../core/errors.js';
import { ApiCallError, call } from '../api/client.js';
import { invalidateAfterWrite, keys, queryClient } from '../api/queries.js';

export interface ActivityFormState {
  status: 'loading' | 'ready' | 'failed';
  activity: Activity | null;
  form: ActivityFields;
  /** The form as loaded or last saved (JSON), to tell whether it changed. */
  initial: string;
  loadError: string | null;
  errors: Map<string, string>;
  summary: { message: string; issues: FieldIssue[] } | null;
  conflict: string | null;
  saving: boolean;
}

export interface ActivityFormModel {
  empty(): ActivityFields;
  fieldsOf(a: Activity): ActivityFields;
}

export type SaveOutcome = { saved: Activity } | { conflict: string } | { invalid: FieldIssue[] } | { failed: string };

/** The editor's actions on the saved activity, each after a confirmation. */
export type ActivityAction = 'duplicate' | 'retire' | 'delete';
/** `done`: the duplicate, the retired activity, or null once deleted. */
export type ActionOutcome = { done: Activity | null } | { conflict: string } | { failed: string };

export class ActivityFormStore {
  private state: ActivityFormState;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly model: ActivityFormModel,
    private id: number | 'new',
  ) {
    const blank = model.empty();
    this.state = {
      status: id === 'new' ? 'ready' : 'loading',
      activity: null,
      form: blank,
      initial: JSON.stringify(blank),
      loadError: null,
      errors: new Map(),
      summary: null,
      conflict: null,
      saving: false,
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): ActivityFormState => this.state;

  get dirty(): boolean {
    return JSON.stringify(this.state.form) !== this.state.initial;
  }

  private update(patch: Partial<ActivityFormState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private loaded(a: Activity): void {
    const form = this.model.fieldsOf(a);
    this.update({ status: 'ready', activity: a, form, initial: JSON.stringify(form), loadError: null, errors: new Map(), summary: null, conflict: null });
  }

  /** Loads the activity as the register holds it now (the query cache is refreshed on the way). */
  async load(): Promise<void> {
    if (this.id === 'new') {
      const blank = this.model.empty();
      this.update({ status: 'ready', activity: null, form: blank, initial: JSON.stringify(blank), errors: new Map(), summary: null, conflict: null });
      return;
    }
    const id = this.id;
    this.update({ status: 'loading' });
    try {
      this.loaded(await queryClient.fetchQuery({ queryKey: keys.activity(id), queryFn: () => call('activities/get', { id }), staleTime: 0 }));
    } catch (e) {
      this.update({ status: 'failed', loadError: (e as Error).message });
    }
  }

  set<K extends keyof ActivityFields>(key: K, value: ActivityFields[K]): void {
    this.update({ form: { ...this.state.form, [key]: value } });
  }

  setForm(form: ActivityFields): void {
    this.update({ form });
  }

  /** Creates or updates; a stale version is a conflict (nothing overwritten), bad fields come back per field. */
  async save(organisationId: number): Promise<SaveOutcome> {
    this.update({ saving: true, conflict: null });
    try {
      const activity = this.state.form as unknown as Record<string, unknown>;
      const saved =
        this.id === 'new' || !this.state.activity
          ? await call('activities/create', { organisationId, activity })
          : await call('activities/update', { id: this.state.activity.id, version: this.state.activity.version, activity });
      this.id = saved.id;
      queryClient.setQueryData(keys.activity(saved.id), saved);
      await invalidateAfterWrite();
      queryClient.setQueryData(keys.activity(saved.id), saved);
      this.loaded(saved);
      return { saved };
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'conflict' && e.details.some((d) => d.path === 'version')) {
        this.update({ conflict: e.message });
        return { conflict: e.message };
      }
      if (e instanceof ApiCallError && e.details.length) {
        this.update({ errors: new Map(e.details.map((d) => [d.path, d.message])), summary: { message: e.message, issues: e.details } });
        return { invalid: e.details };
      }
      this.update({ summary: { message: (e as Error).message, issues: [] } });
      return { failed: (e as Error).message };
    } finally {
      this.update({ saving: false });
    }
  }

  /**
   * Duplicate, retire or delete the saved activity (at the version loaded). Retiring replaces the
   * form with the retired activity (edits are dropped, as the DPO was told); a stale version is a
   * conflict, as for a save.
   */
  async act(action: ActivityAction): Promise<ActionOutcome> {
    const a = this.state.activity;
    if (!a) return { failed: 'no activity' };
    try {
      let done: Activity | null = null;
      if (action === 'duplicate') done = await call('activities/duplicate', { id: a.id });
      else if (action === 'retire') done = await call('activities/retire', { id: a.id, version: a.version });
      else await call('activities/delete', { id: a.id, version: a.version });
      if (action === 'delete') queryClient.removeQueries({ queryKey: keys.activity(a.id) });
      await invalidateAfterWrite();
      if (done) queryClient.setQueryData(keys.activity(done.id), done);
      if (action === 'retire' && done) this.loaded(done);
      return { done };
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'conflict') {
        this.update({ conflict: e.message });
        return { conflict: e.message };
      }
      return { failed: (e as Error).message };
    }
  }

  /** Another version was saved meanwhile: drop the edits and load it. */
  async reload(): Promise<void> {
    if (this.id !== 'new') await queryClient.invalidateQueries({ queryKey: keys.activity(this.id) });
    await this.load();
  }
}

/** The editor's form for one activity: state, dirty flag, and the store's actions. */
export function useActivityForm(id: number | 'new', model: ActivityFormModel): { state: ActivityFormState; dirty: boolean; store: ActivityFormStore } {
  const store = useMemo(() => new ActivityFormStore(model, id), [id, model]);
  useEffect(() => {
    void store.load();
  }, [store]);
  const state = useSyncExternalStore(store.subscribe, store.get);
  return { state, dirty: JSON.stringify(state.form) !== state.initial, store };
}
