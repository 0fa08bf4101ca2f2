/**
 * A register whose documents are most of its bytes: opened after checking its other tables, the
 * whole file checked shortly after in the background; a damaged file refuses every write (db/open.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RegisterOpenError } from '../db/errors.js';
import { Register } from './register.js';
import { tempDir } from './testing/temp-register.js';

const PAGE = 4096;
const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A register holding 4 MB of documents' bytes, one of them with a broken chain of pages. */
function damagedRegister(): string {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, 'documents.art30');
  const reg = Register.open(file);
  reg.sqlite.prepare("INSERT INTO organisations (name) VALUES ('Mairie de Zzyzx')").run();
  const put = reg.sqlite.prepare('INSERT INTO document_blobs (sha256, size, data) VALUES (?, ?, ?)');
  for (let i = 0; i < 4; i++) put.run(`${i}`.repeat(64), 1 << 20, Buffer.alloc(1 << 20, 0x5a + i));
  reg.close();
  const bytes = fs.readFileSync(file);
  const pages: number[] = [];
  for (let p = PAGE; p + PAGE <= bytes.length; p += PAGE) if (bytes.subarray(p + 4, p + PAGE).every((b) => b === 0x5c)) pages.push(p);
  expect(pages.length).toBeGreaterThan(200);
  bytes.writeUInt32BE(0xfffffff0, pages[50]);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('opening a register whose documents are most of its bytes', () => {
  it('opens and reads at once, checks the whole file in the background, then refuses every write with the reason, writing nothing', () => {
    vi.useFakeTimers();
    const file = damagedRegister();
    const before = digest(file);
    const reg = Register.open(file);
    try {
      const check = vi.spyOn(reg.db, 'checkBeforeWrite');
      expect(reg.organisations.list().map((o) => o.name)).toEqual(['Mairie de Zzyzx']);
      expect(check).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1500);
      expect(check).toHaveBeenCalledTimes(1);
      for (let i = 0; i < 2; i++) {
        expect(() => reg.write(() => reg.sqlite.prepare("INSERT INTO organisations (name) VALUES ('Syndicat')").run())).toThrow(RegisterOpenError);
      }
      expect(() => reg.write(() => undefined)).toThrow(/documents\.art30 is damaged and cannot be read/);
      expect(reg.organisations.list()).toHaveLength(1);
    } finally {
      reg.close();
    }
    expect(digest(file)).toBe(before);
  });
});
