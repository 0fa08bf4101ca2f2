/**
 * The one API table: every procedure of Art30, named `domain/verb`. The Electron IPC bridge, the
 * loopback web server, the CLI and the tests all reach the services through `dispatch`.
 */
import type { z } from 'zod';
import type { Procedure } from './procedure.js';
import { activityProcedures } from './procedures/activities.js';
import { exportProcedures } from './procedures/export.js';
import { historyProcedures } from './procedures/history.js';
import { importProcedures } from './procedures/import.js';
import { organisationProcedures } from './procedures/organisations.js';
import { overviewProcedures } from './procedures/overview.js';
import { recipientProcedures } from './procedures/recipients.js';
import { recordProcedures } from './procedures/records.js';
import { referenceProcedures } from './procedures/reference.js';
import { registerProcedures } from './procedures/register.js';

export const api = {
  ...organisationProcedures,
  ...activityProcedures,
  ...recipientProcedures,
  ...referenceProcedures,
  ...historyProcedures,
  ...registerProcedures,
  ...importProcedures,
  ...exportProcedures,
  ...recordProcedures,
  ...overviewProcedures,
} satisfies Record<string, Procedure>;

export type Api = typeof api;
export type ProcedureName = keyof Api;
export type ApiInput<N extends ProcedureName> = z.input<Api[N]['input']>;
export type ApiOutput<N extends ProcedureName> = Awaited<ReturnType<Api[N]['run']>>;
