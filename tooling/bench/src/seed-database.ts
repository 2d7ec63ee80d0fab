// The data every scenario starts from, written once per run into a seed file and copied into
// each server's data directory before the server starts, so both sides read identical files.
import Database from "better-sqlite3";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

/** Rows in `items`: the point selects read one, the large-result scenarios read 10 000 or all. */
export const ITEM_ROWS = 100_000;
/** Rows in `accounts`, which the interactive transactions update. */
export const ACCOUNT_ROWS = 1_000;

export function writeSeedDatabase(file: string): void {
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(`
      CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER NOT NULL, price REAL NOT NULL);
      CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL);
      CREATE TABLE ledger (id INTEGER PRIMARY KEY, account INTEGER NOT NULL, delta INTEGER NOT NULL);
      CREATE TABLE inserts (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER NOT NULL, price REAL NOT NULL);
    `);
    db.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ITEM_ROWS})
      INSERT INTO items SELECT i, printf('item-%06d', i), i % 100, i * 0.25 + 0.01 FROM n;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ACCOUNT_ROWS})
      INSERT INTO accounts SELECT i, 1000 FROM n;
    `);
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
}

/** Copies the seed into `dir` as `<namespace>.db` for each namespace. */
export function copySeed(options: { seed: string; dir: string; namespaces: readonly string[] }): void {
  mkdirSync(options.dir, { recursive: true });
  for (const namespace of options.namespaces) copyFileSync(options.seed, join(options.dir, `${namespace}.db`));
}
