// A stream's statements: synchronously on SQLite when a connection is idle, pinned while the
// stream holds session state, and through the pool when they must wait.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSqliteAdapter, type SqlAdapter, type SqlDatabase, type StatementInput } from "@baton/adapters-kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HranaStream } from "./hrana-stream.js";
import { executeStmt } from "./stream-operations.js";

let dir: string;
let adapter: SqlAdapter;
let database: SqlDatabase;

const input = (sql: string): StatementInput => ({ sql, args: [], namedArgs: [], wantRows: true });
const newStream = () => new HranaStream({ database, target: { namespace: "default" } });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "baton-stream-"));
  adapter = createSqliteAdapter({ directory: dir });
  database = await adapter.database("default");
  const setup = newStream();
  await setup.withConnection((connection) => connection.execute(input("CREATE TABLE t (v INTEGER)")));
});

afterEach(async () => {
  await adapter.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("executeNow", () => {
  it("runs a burst of one-shot statements from many streams on the one idle connection", () => {
    const streams = Array.from({ length: 16 }, newStream);
    const results = streams.map((stream, i) => stream.executeNow({ ...input("INSERT INTO t VALUES (?)"), args: [BigInt(i)] }));
    expect(results.every((result) => result?.affectedRowCount === 1)).toBe(true);
    const lastRowids = new Set(results.map((result) => result?.lastInsertRowid));
    expect(lastRowids.size).toBe(16);
    expect(streams.every((stream) => stream.isAutocommit())).toBe(true);
  });

  it("keeps the connection on the stream inside a transaction, and returns it after COMMIT", async () => {
    const stream = newStream();
    stream.executeNow(input("BEGIN"));
    expect(stream.isAutocommit()).toBe(false);
    // The pool's only connection is pinned, so another stream has to take the async path.
    const other = newStream();
    expect(other.executeNow(input("SELECT 1"))).toBeUndefined();
    expect((await executeStmt(other, { stmt: { sql: "SELECT 1" }, store: undefined })).rows).toEqual([[{ type: "integer", value: "1" }]]);
    stream.executeNow(input("INSERT INTO t VALUES (1)"));
    stream.executeNow(input("COMMIT"));
    expect(stream.isAutocommit()).toBe(true);
    expect(other.executeNow(input("SELECT count(*) FROM t"))?.rows).toEqual([[1n]]);
  });

  it("leaves a statement that must wait for the write lock to the async path", async () => {
    const writer = newStream();
    writer.executeNow(input("BEGIN IMMEDIATE"));
    const other = newStream();
    await other.withConnection(async () => undefined); // a second idle connection
    expect(other.executeNow(input("INSERT INTO t VALUES (2)"))).toBeUndefined();
    const waiting = executeStmt(other, { stmt: { sql: "INSERT INTO t VALUES (2)" }, store: undefined });
    expect(waiting).toBeInstanceOf(Promise);
    writer.executeNow(input("COMMIT"));
    expect((await waiting).affected_row_count).toBe(1);
  });

  it("throws errors at once and keeps the stream usable", () => {
    const stream = newStream();
    expect(() => stream.executeNow(input("SELECT * FROM missing"))).toThrow(/no such table/);
    expect(stream.executeNow(input("SELECT 2"))?.rows).toEqual([[2n]]);
  });

  it("refuses a closed stream", () => {
    const stream = newStream();
    expect(stream.closeNow()).toBe(true);
    expect(() => stream.executeNow(input("SELECT 1"))).toThrow(expect.objectContaining({ code: "STREAM_CLOSED" }));
  });
});
