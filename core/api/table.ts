/**
 * The one API table: every procedure of Art30, named `domain/verb`. The Electron IPC bridge, the
 * loopback web server, the CLI and the tests all reach the services through `dispatch`.
 *
 * Each module of procedures is loaded with the first call of one of its procedures: a process that
 * calls a few of them (an `art30` command) compiles and builds only their schemas and services, not
 * the import and export engines. Each module is listed with the prefixes (`domain/`) of the names it
 * declares; add a module with one line. `loadApi()` loads the whole table (the tests check that every
 * procedure is reached through its prefix and that no name is declared twice).
 */
import type { z } from 'zod';
import type { Procedure } from './procedure.js';

type Procedures = Record<string, Procedure>;

interface ProcedureModule<P extends Procedures = Procedures> {
  /** The prefixes of the names the module declares (`activities` for `activities/list`). */
  prefixes: readonly string[];
  load(): Promise<P>;
}

const lazy = <P extends Procedures>(prefixes: readonly string[], load: () => Promise<P>): ProcedureModule<P> => ({ prefixes, load });

export const procedureModules = [
  lazy(['organisations'], async () => (await import('./procedures/organisations.js')).organisationProcedures),
  lazy(['activities'], async () => (await import('./procedures/activities.js')).activityProcedures),
  lazy(['recipients'], async () => (await import('./procedures/recipients.js')).recipientProcedures),
  lazy(['reference'], async () => (await import('./procedures/reference.js')).referenceProcedures),
  lazy(['history'], async () => (await import('./procedures/history.js')).historyProcedures),
  lazy(['register', 'demo'], async () => (await import('./procedures/register.js')).registerProcedures),
  lazy(['import', 'mappings'], async () => (await import('./procedures/import.js')).importProcedures),
  lazy(['export'], async () => (await import('./procedures/export.js')).exportProcedures),
  lazy(['breaches', 'requests'], async () => (await import('./procedures/records.js')).recordProcedures),
  lazy(['models'], async () => (await import('./procedures/models.js')).modelProcedures),
  lazy(['campaign'], async () => (await import('./procedures/campaign.js')).campaignProcedures),
  lazy(['contracts'], async () => (await import('./procedures/contracts.js')).contractProcedures),
  lazy(['documents'], async () => (await import('./procedures/documents.js')).documentProcedures),
  lazy(['signoff', 'actions', 'copy'], async () => (await import('./procedures/dpo.js')).dpoProcedures),
  lazy(['overview', 'activities', 'history'], async () => (await import('./procedures/overview.js')).overviewProcedures),
];

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export type Api = UnionToIntersection<Awaited<ReturnType<(typeof procedureModules)[number]['load']>>>;
export type ProcedureName = keyof Api & string;
export type ApiInput<N extends ProcedureName> = z.input<Api[N]['input']>;
export type ApiOutput<N extends ProcedureName> = Awaited<ReturnType<Api[N]['run']>>;

const loaded = new Map<ProcedureModule, Promise<Procedures>>();
const loadModule = (m: ProcedureModule): Promise<Procedures> => {
  let p = loaded.get(m);
  if (!p) {
    p = m.load();
    loaded.set(m, p);
    // A failed load (e.g. a missing file) is tried again at the next call.
    p.catch(() => loaded.delete(m));
  }
  return p;
};

/** The procedure of that name, its module loaded if needed; undefined when there is none. */
export async function findProcedure(name: unknown): Promise<Procedure | undefined> {
  if (typeof name !== 'string') return undefined;
  const prefix = name.slice(0, name.indexOf('/'));
  if (!prefix) return undefined;
  for (const m of procedureModules as ProcedureModule[]) {
    if (!m.prefixes.includes(prefix)) continue;
    const procedures = await loadModule(m);
    if (Object.hasOwn(procedures, name)) return procedures[name];
  }
  return undefined;
}

/** The whole table, every module loaded (tests, documentation). */
export async function loadApi(): Promise<Api> {
  const all = await Promise.all((procedureModules as ProcedureModule[]).map(loadModule));
  return Object.assign({}, ...all) as Api;
}
