import type { Labels } from '../labels.js';
import type { ExportSource } from '../source.js';
export async function writeDocx(_file: string, _source: ExportSource, _L: Labels, _o: { onProgress?: (phase: string, done: number, total: number) => void } = {}): Promise<void> {
  throw new Error('todo');
}
