/**
 * The documents of the register as of a date (or just after a history entry): in the copy the
 * as-of register is rebuilt in, every document change recorded later is undone — a document added
 * later is taken out, one removed later is back, one replaced later has its earlier file again
 * (its bytes are still in the register).
 */
import type { HistoryChange } from '../model/register.js';
import type { Register } from '../register.js';

const COLUMN: Record<string, string> = { name: 'name', kind: 'kind', size: 'size', sha256: 'sha256', audience: 'audience', note: 'note', mediaType: 'media_type' };

export function rewindDocuments(past: Register, kept: (id: number, at: string) => boolean): void {
  const rows = past.sqlite
    .prepare("SELECT id, at, entity_id, action, changes_json FROM history WHERE entity_type = 'document' AND entity_id IS NOT NULL ORDER BY id DESC")
    .raw()
    .all() as [number, string, number, string, string][];
  const undo = rows.filter(([id, at]) => !kept(id, at));
  if (!undo.length) return;
  past.write(() => {
    for (const [, , documentId, action, changesJson] of undo) {
      if (action === 'create') past.sqlite.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
      else if (action === 'delete') past.sqlite.prepare("UPDATE documents SET removed_at = '' WHERE id = ?").run(documentId);
      else if (action === 'update') {
        for (const c of JSON.parse(changesJson) as HistoryChange[]) {
          const column = COLUMN[c.path];
          if (column) past.sqlite.prepare(`UPDATE documents SET ${column} = ? WHERE id = ?`).run(c.before as string | number, documentId);
        }
      }
    }
  });
}
