// A real connection that counts the statements sent through it: how tests see that a read came
// from a cache, or that SQL did the filtering.
import type { SqlConnection, StatementInput, StatementResult } from "@baton/adapters-kysely";

export interface CountingConnection extends SqlConnection {
  /** The statements executed so far, in order. */
  readonly statements: string[];
  /** Rows returned so far, all statements together. */
  rowsReturned: number;
}

/** Wraps `connection`; every call goes through to it. */
export function countingConnection(connection: SqlConnection): CountingConnection {
  const counting: CountingConnection = {
    statements: [],
    rowsReturned: 0,
    async execute(input: StatementInput): Promise<StatementResult> {
      counting.statements.push(input.sql);
      const result = await connection.execute(input);
      counting.rowsReturned += result.rows.length;
      return result;
    },
    executeScript: (sql) => connection.executeScript(sql),
    describe: (sql) => connection.describe(sql),
    isAutocommit: () => connection.isAutocommit(),
    holdsSessionState: () => connection.holdsSessionState(),
  };
  return counting;
}
