/** A large write (an import) goes through a rollback journal when it can, and the register is back in WAL mode after. */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempRegister, type TempRegister } from '../core/testing/temp-register.js';

let t: TempRegister;
afterEach(() => t?.cleanup());

const mode = (db: Database.Database) => ({
  journal: String(db.pragma('journal_mode', { simple: true })),
  synchronous: Number(db.pragma('synchronous', { simple: true })),
});
const names = (db: Database.Database) => db.prepare('SELECT name FROM organisations ORDER BY id').pluck().all();

describe('bulkWrite', () => {
  it('writes through a rollback journal, synced in full, then puts the register back in WAL mode', () => {
    t = openTempRegister();
    const db = t.reg.sqlite;
    expect(mode(db)).toEqual({ journal: 'wal', synchronous: 1 });
    let during: ReturnType<typeof mode> | undefined;
    t.reg.bulkWrite(() => {
      during = { journal: String(db.pragma('journal_mode', { simple: true })), synchronous: Number(db.pragma('synchronous', { simple: true })) };
      db.prepare("INSERT INTO organisations (name) VALUES ('Clinique')").run();
    });
    expect(during).toEqual({ journal: 'delete', synchronous: 2 });
    expect(mode(db)).toEqual({ journal: 'wal', synchronous: 1 });
    const other = new Database(t.file, { readonly: true });
    try {
      expect(names(other)).toEqual(['Clinique']);
    } finally {
      other.close();
    }
  });

  it('rolls a failed write back whole and still puts the register back in WAL mode', () => {
    t = openTempRegister();
    const db = t.reg.sqlite;
    expect(() =>
      t.reg.bulkWrite(() => {
        db.prepare("INSERT INTO organisations (name) VALUES ('Perdue')").run();
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(names(db)).toEqual([]);
    expect(mode(db)).toEqual({ journal: 'wal', synchronous: 1 });
  });

  it('stays in WAL mode when another program has the register open, and writes all the same', () => {
    t = openTempRegister();
    const other = new Database(t.file);
    try {
      expect(names(other)).toEqual([]);
      let journal = '';
      t.reg.bulkWrite(() => {
        journal = String(t.reg.sqlite.pragma('journal_mode', { simple: true }));
        t.reg.sqlite.prepare("INSERT INTO organisations (name) VALUES ('Mairie')").run();
      });
      expect(journal).toBe('wal');
      expect(names(other)).toEqual(['Mairie']);
    } finally {
      other.close();
    }
    expect(mode(t.reg.sqlite)).toEqual({ journal: 'wal', synchronous: 1 });
  });

  it('joins a write already under way', () => {
    t = openTempRegister();
    t.reg.write(() => {
      t.reg.bulkWrite(() => t.reg.sqlite.prepare("INSERT INTO organisations (name) VALUES ('Région')").run());
      expect(t.reg.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    });
    expect(names(t.reg.sqlite)).toEqual(['Région']);
  });
});
