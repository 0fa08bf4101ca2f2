/**
 * The one shell contract, at run time: the handler type every shell implements (Electron main
 * with native dialogs, the web server with downloads), the input schemas of the `app/*`
 * procedures, and the one entry point that validates a call before a shell handler runs. The
 * types of the procedures are in shell.ts (types only, imported by the renderer).
 */
import { z } from 'zod';
import { zodIssues } from '../validate.js';
import { apiError, text } from '../errors.js';
import { toApiError } from './dispatch.js';
import type { ProcedureContext } from './procedure.js';
import { activityFilterSchema } from './procedures/activities.js';
import type { BridgeResult, ShellProcedureName, ShellProcedures } from './shell.js';

export type ShellHandler<K extends ShellProcedureName> = (input: ShellProcedures[K]['input'], ctx: ProcedureContext) => Promise<ShellProcedures[K]['output']>;
/** What each shell implements: every `app/*` procedure, no more, no less. */
export type ShellHandlers = { [K in ShellProcedureName]: ShellHandler<K> };

const language = z.enum(['fr', 'en']);
const empty = z.object({}).strict().default({});

/** The renderer's input is untrusted: every shell validates it with these before its handler runs. */
export const shellInputSchemas: { [K in ShellProcedureName]: z.ZodType<ShellProcedures[K]['input']> } = {
  'app/info': empty,
  'app/export': z
    .object({
      format: z.enum(['xlsx', 'pdf', 'csv', 'json', 'docx', 'html']),
      lang: language,
      scope: activityFilterSchema,
      fiches: z.boolean().optional(),
      audience: z.enum(['authority', 'internal', 'public']).optional(),
      document: z.enum(['register', 'notice']).optional(),
      subjects: z.array(z.string().min(1).max(200)).max(50).optional(),
      records: z.boolean().optional(),
      asOf: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    })
    .strict(),
  'app/showInFolder': z.object({ file: z.string().min(1).max(4096) }).strict(),
  'app/openDocument': z.object({ id: z.number().int().positive() }).strict(),
  'app/importFile': empty,
  'app/template': z.object({ lang: language }).strict(),
  'app/campaignFiles': z.object({ id: z.number().int().positive(), reminders: z.boolean(), lang: language }).strict(),
  'app/backup': empty,
  'app/newRegister': empty,
  'app/openRegister': z.object({ file: z.string().min(1).max(4096).optional() }).strict(),
  'app/setLanguage': z.object({ language }).strict(),
} as never;

export function isShellProcedure(name: unknown): name is ShellProcedureName {
  return typeof name === 'string' && Object.hasOwn(shellInputSchemas, name);
}

/** Validates the input, runs the shell's handler; nothing throws: the result is a BridgeResult. */
export async function runShellProcedure(handlers: ShellHandlers, name: ShellProcedureName, input: unknown, ctx: ProcedureContext = {}): Promise<BridgeResult<unknown>> {
  const parsed = shellInputSchemas[name].safeParse(input ?? undefined, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, error: apiError('validation', text('errors.request'), zodIssues(parsed.error)) };
  }
  try {
    const handler = handlers[name] as (i: unknown, c: ProcedureContext) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
