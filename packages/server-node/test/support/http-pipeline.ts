// A second client for WebSocket tests: one Hrana HTTP pipeline on a fresh stream, closed at the end.
import type { Wire } from "./json-socket.js";

export interface PipelineOutcome {
  readonly status: number;
  readonly body: Wire;
}

export const sqlStmt = (sql: string, args: unknown[] = []) => ({ sql, args, named_args: [], want_rows: true });

/** Runs `sqls` on a fresh stream through `POST /v3/pipeline` and closes the stream. */
export async function httpRun(
  httpUrl: string,
  sqls: readonly string[],
  options: { headers?: Record<string, string> } = {},
): Promise<PipelineOutcome> {
  const requests = [...sqls.map((sql) => ({ type: "execute", stmt: sqlStmt(sql) })), { type: "close" }];
  const res = await fetch(`${httpUrl}/v3/pipeline`, {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: JSON.stringify({ baton: null, requests }),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body };
}

/** True when every statement of an httpRun succeeded. */
export function allOk(outcome: PipelineOutcome): boolean {
  return outcome.status === 200 && (outcome.body.results as { type: string }[]).every((r) => r.type === "ok");
}

/** The rows of the statement at `index` of a successful httpRun. */
export function rowsAt(outcome: PipelineOutcome, index: number): unknown[][] {
  const result = outcome.body.results[index];
  if (result?.type !== "ok") throw new Error(`statement ${index} failed: ${JSON.stringify(outcome.body)}`);
  return result.response.result.rows;
}
