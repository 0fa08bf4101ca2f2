/**
 * What `art30 list` prints: one line per activity (reference, status, role, name, flags), then the
 * count. Shared by the command (cli/commands/list.ts, words from the catalogue through i18next) and
 * its quick path (cli/quick.ts, the same words read from the catalogue's modules).
 */
import type { ActivitySummary } from '../core/model/register.js';
import type { ActivityFilter } from '../db/activity-summaries.js';

/** A text of the catalogue in the command line's language (`count`: its plural form). */
export type ListTranslate = (key: string, params?: { count: number }) => string;

export function listText(rows: readonly ActivitySummary[], T: ListTranslate, has: (key: string) => boolean): string {
  if (!rows.length) return `${T('cli.list.empty')}\n`;
  // Status and role in the exports' words (doc.status.*, doc.role.*: closed lists, no reference table
  // to read, so `list` stays quick); an unknown code prints as itself.
  const word = (list: string, code: string) => (has(`doc.${list}.${code}`) ? T(`doc.${list}.${code}`) : code);
  const flag = { special: T('cli.list.special'), transfer: T('cli.list.transfer'), dpia: T('cli.list.dpia') };
  const shown = rows.map((r) => ({ r, status: word('status', r.status), role: word('role', r.role) }));
  const refW = Math.max(3, ...rows.map((r) => r.ref.length));
  const statusW = Math.max(...shown.map((s) => s.status.length));
  const roleW = Math.max(...shown.map((s) => s.role.length));
  let out = '';
  for (const { r, status, role } of shown) {
    const flags = [r.specialCategories ? flag.special : '', r.nonEeaTransfer ? flag.transfer : '', r.dpiaRequired ? flag.dpia : ''].filter(Boolean).join(', ');
    out += `${r.ref.padEnd(refW)}  ${status.padEnd(statusW)}  ${role.padEnd(roleW)}  ${r.name}${flags ? `  [${flags}]` : ''}\n`;
  }
  return `${out}${T('cli.list.total', { count: rows.length })}\n`;
}

/**
 * `--role controller|processor` as the filter's role (the controller register, Art. 30(1), holds the
 * joint controllers' activities too); undefined without the option, null for any other value.
 */
export function listRole(option: unknown): ActivityFilter['role'] | null {
  if (option === undefined) return undefined;
  return option === 'controller' ? 'controller_register' : option === 'processor' ? 'processor' : null;
}
