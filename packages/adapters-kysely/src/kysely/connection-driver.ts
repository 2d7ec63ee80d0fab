// A Kysely driver whose only connection is one Baton SqlConnection, pinned to its stream.
import { GatewayError } from "@baton/protocol-types";
import {
  CompiledQuery,
  createQueryId,
  IdentifierNode,
  RawNode,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
} from "kysely";
import type { SqlConnection, SqlValue } from "../executor.js";

/** Runs Kysely's compiled queries on the pinned connection, one at a time. */
export class ConnectionDriver implements Driver {
  readonly #connection: PinnedConnection;
  #queue: Promise<void> = Promise.resolve();
  #unlock: (() => void) | undefined;

  constructor(connection: SqlConnection) {
    this.#connection = new PinnedConnection(connection);
  }

  async init(): Promise<void> {}

  /** Our SqlConnection runs one call at a time, so Kysely's users of it take turns. */
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let unlock!: () => void;
    this.#queue = new Promise((resolve) => (unlock = resolve));
    await previous;
    this.#unlock = unlock;
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("BEGIN"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("COMMIT"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("ROLLBACK"));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    await connection.executeQuery(compile(savepointCommand("SAVEPOINT", name), createQueryId()));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    await connection.executeQuery(compile(savepointCommand("ROLLBACK TO", name), createQueryId()));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    await connection.executeQuery(compile(savepointCommand("RELEASE", name), createQueryId()));
  }

  async releaseConnection(): Promise<void> {
    const unlock = this.#unlock;
    this.#unlock = undefined;
    unlock?.();
  }

  /** The connection belongs to its stream, which releases it; Kysely must not close it. */
  async destroy(): Promise<void> {}
}

function savepointCommand(command: string, name: string): RawNode {
  // IdentifierNode makes the compiler quote the name.
  return RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]);
}

class PinnedConnection implements DatabaseConnection {
  readonly #connection: SqlConnection;

  constructor(connection: SqlConnection) {
    this.#connection = connection;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#connection.execute({
      sql: compiled.sql,
      args: compiled.parameters.map(toSqlValue),
      namedArgs: [],
      wantRows: true,
    });
    const names = result.columns.map((column, i) => column.name ?? String(i));
    // Rows as objects, as Kysely expects; with duplicate column names the last one wins.
    const rows = result.rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i]])) as R);
    return {
      rows,
      numAffectedRows: BigInt(result.affectedRowCount),
      ...(result.lastInsertRowid === null ? {} : { insertId: result.lastInsertRowid }),
    };
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(compiled);
    for (const row of rows) yield { rows: [row] };
  }
}

/** Kysely passes query parameters through untyped; booleans become 0/1 (as in SQLite; Postgres reads 1/0 as a bool). */
function toSqlValue(value: unknown, index: number): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? 1n : 0n;
  if (typeof value === "bigint" || typeof value === "number" || typeof value === "string") return value;
  if (value instanceof Uint8Array) return value;
  throw new GatewayError("ARGS_INVALID", `Query parameter ${index + 1} has a type Baton cannot bind (${typeof value})`);
}
