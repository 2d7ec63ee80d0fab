// Runs one prepared SQLite statement and turns what it did into a StatementResult.
import type { ResultColumn, SqlValue, StatementResult } from "../executor.js";
import type { ParameterTable } from "../sql-text/sql-parameters.js";
import type { StatementTraits } from "../sql-text/statement-classifier.js";
import type { SqliteBindArgs } from "./sqlite-arguments.js";
import type { SqliteStatementLike } from "./sqlite-driver.js";

/** A prepared statement with what we learnt from its text; what the statement cache holds. */
export interface PreparedStatement {
  readonly statement: SqliteStatementLike;
  readonly parameters: ParameterTable;
  readonly traits: StatementTraits;
  /** The result columns as last read, for statements whose columns a cache may keep. */
  readonly columnCache: { epoch: number; columns: readonly ResultColumn[] } | undefined;
}

/** The connection's change counters, read through a cached `SELECT total_changes(), …`. */
export interface ChangeCounters {
  readonly totalChanges: bigint;
  readonly changes: bigint;
  readonly lastInsertRowid: bigint;
}

export interface RunOptions {
  readonly prepared: PreparedStatement;
  readonly bindArgs: SqliteBindArgs;
  readonly wantRows: boolean;
  readonly readCounters: () => ChangeCounters;
  /** The statement's result columns (see resultColumns), read after it has run. */
  readonly columns: () => readonly ResultColumn[];
}

// better-sqlite3 does not expose SQLite's VM counters (rows read and written as sqld reports
// them), so rowsRead is the number of rows returned and rowsWritten the number of rows changed.

/** Runs the statement to completion. Readonly statements report no changes and no rowid. */
export function runStatement(options: RunOptions): StatementResult {
  const { statement } = options.prepared;
  const writes = !statement.readonly;
  if (!statement.reader) {
    const info = statement.run(...options.bindArgs);
    const changes = writes ? info.changes : 0;
    const lastInsertRowid = writes ? BigInt(info.lastInsertRowid) : null;
    return { columns: [], rows: [], affectedRowCount: changes, lastInsertRowid, rowsRead: 0, rowsWritten: changes };
  }
  // A reader that writes (INSERT … RETURNING): run() would not give us its rows, so read the
  // counters around it. Like better-sqlite3's run(), report 0 when total_changes() did not move,
  // because changes() keeps the count of an earlier statement.
  const before = writes ? options.readCounters() : undefined;
  let rows: SqlValue[][] = [];
  let rowCount = 0;
  if (options.wantRows) {
    rows = statement.all(...options.bindArgs) as SqlValue[][];
    rowCount = rows.length;
  } else {
    for (const _row of statement.iterate(...options.bindArgs)) rowCount++;
  }
  // Read after running: SQLite re-prepares a statement whose schema changed, columns included.
  const columns = options.columns();
  if (before === undefined) {
    return { columns, rows, affectedRowCount: 0, lastInsertRowid: null, rowsRead: rowCount, rowsWritten: 0 };
  }
  const after = options.readCounters();
  const changes = after.totalChanges === before.totalChanges ? 0 : Number(after.changes);
  return {
    columns,
    rows,
    affectedRowCount: changes,
    lastInsertRowid: after.lastInsertRowid,
    rowsRead: rowCount,
    rowsWritten: changes,
  };
}

/** Column names and declared types of a statement that returns data; [] for one that does not. */
export function resultColumns(statement: SqliteStatementLike): ResultColumn[] {
  if (!statement.reader) return [];
  return statement.columns().map((column) => ({ name: column.name, decltype: column.type }));
}
