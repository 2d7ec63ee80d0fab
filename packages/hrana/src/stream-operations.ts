// The statement-running requests shared by both transports, on one stream.
import { GatewayError } from "@baton/protocol-types";
import type { Batch, BatchResult, DescribeResult, Stmt, StmtResult } from "@baton/protocol-types/hrana";
import type { SqlStore } from "@baton/session-core";
import { checkBatch, runBatch } from "./batch-runner.js";
import type { HranaStream } from "./hrana-stream.js";
import type { HranaVersion } from "./request-decoder.js";
import { resolveSql, type SqlSource } from "./sql-source.js";
import { describeToWire, stmtResultToWire, stmtToInput } from "./wire-mapping.js";

/**
 * Runs a statement; synchronously where the stream can (see HranaStream.executeNow), so the
 * result is a promise only when the statement had to wait. Errors may be thrown at once.
 */
export function executeStmt(
  stream: HranaStream,
  options: { stmt: Stmt; store: SqlStore | undefined },
): StmtResult | Promise<StmtResult> {
  const input = stmtToInput(options.stmt, resolveSql(options.stmt, options.store));
  const now = stream.executeNow(input);
  if (now !== undefined) return stmtResultToWire(now);
  return stream.withConnection(async (connection) => stmtResultToWire(await connection.execute(input)));
}

export async function executeBatch(
  stream: HranaStream,
  options: { batch: Batch; store: SqlStore | undefined; version: HranaVersion },
): Promise<BatchResult> {
  checkBatch(options.batch, options.version);
  return stream.withConnection((connection) => runBatch(connection, options));
}

export async function executeSequence(
  stream: HranaStream,
  options: { source: SqlSource; store: SqlStore | undefined },
): Promise<void> {
  const sql = resolveSql(options.source, options.store);
  await stream.withConnection((connection) => connection.executeScript(sql));
}

export async function describeSql(
  stream: HranaStream,
  options: { source: SqlSource; store: SqlStore | undefined },
): Promise<DescribeResult> {
  const sql = resolveSql(options.source, options.store);
  return stream.withConnection(async (connection) => describeToWire(await connection.describe(sql)));
}

export function requireOpen(stream: HranaStream | undefined, streamId: number): HranaStream {
  if (stream === undefined || stream.closed) {
    throw new GatewayError("STREAM_NOT_OPEN", `Stream ${streamId} is not open`);
  }
  return stream;
}
