// Pre-serialised Hrana messages (JSON encoding) for the load: pipeline bodies for HTTP and
// frames for WebSocket, as @libsql/client would send them.

export interface WireValue {
  readonly type: "integer" | "float" | "text" | "null";
  readonly value?: string | number;
}

export const int = (n: number): WireValue => ({ type: "integer", value: String(n) });
export const float = (n: number): WireValue => ({ type: "float", value: n });
export const text = (s: string): WireValue => ({ type: "text", value: s });

export interface WireStmt {
  readonly sql: string;
  readonly args: readonly WireValue[];
  readonly want_rows: boolean;
}

export const stmt = (sql: string, args: readonly WireValue[] = []): WireStmt => ({ sql, args, want_rows: true });

export type WireCond = { readonly type: "ok"; readonly step: number };

export type PipelineRequest =
  | { readonly type: "execute"; readonly stmt: WireStmt }
  | { readonly type: "batch"; readonly batch: { readonly steps: readonly { stmt: WireStmt; condition?: WireCond }[] } }
  | { readonly type: "close" };

export const execute = (s: WireStmt): PipelineRequest => ({ type: "execute", stmt: s });
export const CLOSE: PipelineRequest = { type: "close" };

/** A pipeline body; with `carry` the baton is the `{{carry}}` placeholder the load fills in. */
export function pipelineBody(options: { carry: boolean; requests: readonly PipelineRequest[] }): string {
  return `{"baton":${options.carry ? "{{carry}}" : "null"},"requests":${JSON.stringify(options.requests)}}`;
}

/** Where a pipeline response carries its baton (a JSON string, quotes included). */
export const BATON_CAPTURE = '"baton":("[^"]+")';

/**
 * A write batch as @libsql/client's `batch(…, "write")` shapes it: BEGIN IMMEDIATE, each
 * statement conditional on the one before, COMMIT last (its ROLLBACK fallback step is left out:
 * it never runs when the batch succeeds, and the bare baseline runs every step it is given).
 */
export function writeBatch(statements: readonly WireStmt[]): PipelineRequest {
  const steps: { stmt: WireStmt; condition?: WireCond }[] = [{ stmt: stmt("BEGIN IMMEDIATE") }];
  for (const s of statements) steps.push({ stmt: s, condition: { type: "ok", step: steps.length - 1 } });
  steps.push({ stmt: stmt("COMMIT"), condition: { type: "ok", step: steps.length - 1 } });
  return { type: "batch", batch: { steps } };
}

export const HELLO_FRAME = '{"type":"hello","jwt":null}';

export function wsRequestFrame(options: { requestId: number; request: Record<string, unknown> }): string {
  return JSON.stringify({ type: "request", request_id: options.requestId, request: options.request });
}
