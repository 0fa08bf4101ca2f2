/**
 * The stamp a campaign workbook carries, on a hidden sheet: which campaign, which department, and the
 * version of each activity sent, then a seal (HMAC-SHA-256 under the campaign's key, kept in the
 * register) over all of it. Every value is written as text, one key and its values per row, so that
 * Excel and LibreOffice keep it as it is when they save the workbook again (XLSX or ODS). A stamp
 * whose seal no longer matches was edited.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SheetData } from '../import/read/workbook.js';

export const STAMP_SHEET = 'Art30';
export const STAMP_FORMAT = 'art30-campaign';
export const STAMP_VERSION = '1';

export interface StampActivity {
  id: number;
  ref: string;
  version: number;
}

export interface Stamp {
  campaign: string;
  department: string;
  organisation: string;
  activities: StampActivity[];
}

function canonical(s: Stamp): string {
  return JSON.stringify([STAMP_FORMAT, STAMP_VERSION, s.campaign, s.department, s.organisation, s.activities.map((a) => [a.id, a.ref, a.version])]);
}

export function seal(s: Stamp, key: string): string {
  return createHmac('sha256', key).update(canonical(s)).digest('hex');
}

export function sealMatches(s: Stamp, key: string, given: string): boolean {
  const want = Buffer.from(seal(s, key), 'hex');
  const got = Buffer.from(/^[0-9a-f]{64}$/i.test(given) ? given : '', 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

/** The stamp's rows, every value a text. */
export function stampRows(s: Stamp, key: string): string[][] {
  return [
    [STAMP_FORMAT, STAMP_VERSION],
    ['campaign', s.campaign],
    ['department', s.department],
    ['organisation', s.organisation],
    ...s.activities.map((a) => ['activity', String(a.id), a.ref, String(a.version)]),
    ['seal', seal(s, key)],
  ];
}

export type StampRead = { kind: 'none' } | { kind: 'damaged' } | { kind: 'stamp'; stamp: Stamp; seal: string };

/** Finds the stamp among the sheets (by its first cell, whatever the sheet is called now). */
export function readStamp(sheets: SheetData[]): StampRead {
  const sheet = sheets.find((s) => (s.rows[0]?.[0] ?? '').trim() === STAMP_FORMAT);
  if (!sheet) return { kind: 'none' };
  const value = (key: string) => sheet.rows.find((r) => (r[0] ?? '').trim() === key)?.[1]?.trim() ?? '';
  const activities: StampActivity[] = [];
  for (const r of sheet.rows) {
    if ((r[0] ?? '').trim() !== 'activity') continue;
    const id = Number(r[1]);
    const version = Number(r[3]);
    if (!Number.isInteger(id) || !Number.isInteger(version)) return { kind: 'damaged' };
    activities.push({ id, ref: (r[2] ?? '').trim(), version });
  }
  const stamp: Stamp = { campaign: value('campaign'), department: value('department'), organisation: value('organisation'), activities };
  if (!stamp.campaign || !stamp.department) return { kind: 'damaged' };
  return { kind: 'stamp', stamp, seal: value('seal') };
}
