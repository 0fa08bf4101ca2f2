import type { Labels } from '../labels.js';
import type { ExportSource } from '../source.js';
export const NOTICE_FORMATS = ['html', 'pdf', 'docx'] as const;
export type NoticeFormat = (typeof NOTICE_FORMATS)[number];
export async function writeNotice(_file: string, _source: ExportSource, _L: Labels, _o: { format: NoticeFormat; subjects?: string[]; signal?: AbortSignal }): Promise<void> {
  throw new Error('todo');
}
