import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, prepared once per connection: preparing costs more than running. */
export function statement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = sqlite.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
