// Hrana on embedded SQLite: Baton against bare node:http / ws servers doing the same SQLite
// work. Both sides get byte-identical requests; only what each does with them differs.
import type { HttpStep, Scenario, WsLoad } from "../scenario.js";
import {
  BATON_CAPTURE,
  CLOSE,
  execute,
  float,
  HELLO_FRAME,
  int,
  pipelineBody,
  stmt,
  text,
  writeBatch,
  wsRequestFrame,
  type WireStmt,
} from "./hrana-wire.js";

export const PIPELINE_PATH = "/v3/pipeline";
/** A Hrana pipeline result that failed; the bare baseline answers `{"error": …}`. */
export const BATON_FAILED = '"type":"error"';
export const BARE_FAILED = '"error"';

export const POINT_SELECT = stmt("SELECT id, name, qty, price FROM items WHERE id = ?", [int(4242)]);

const batonServer = { kind: "baton" } as const;
const bareHttp = { kind: "baseline", script: "bare-http-server" } as const;
const bareWs = { kind: "baseline", script: "bare-ws-server" } as const;

/** An HTTP scenario whose requests are the same for both sides but for the failure marker. */
function httpScenario(options: {
  name: string;
  title: string;
  connections: number;
  steps: (failIf: string) => HttpStep[];
  databases?: readonly string[];
  perRequest?: Scenario["perRequest"];
}): Scenario {
  const load = (failIf: string) => ({ kind: "http", connections: options.connections, steps: options.steps(failIf) }) as const;
  return {
    name: options.name,
    title: options.title,
    databases: options.databases ?? ["default"],
    ...(options.perRequest === undefined ? {} : { perRequest: options.perRequest }),
    baton: { server: batonServer, load: load(BATON_FAILED) },
    baseline: { server: bareHttp, load: load(BARE_FAILED) },
  };
}

/** One pipeline per request: the statement, then `close` (what @libsql/client sends for `execute`). */
export const oneShot = (s: WireStmt) => (failIf: string): HttpStep[] => [
  { path: PIPELINE_PATH, body: pipelineBody({ carry: false, requests: [execute(s), CLOSE] }), failIf },
];

function pointSelectHttp(connections: number): Scenario {
  return httpScenario({
    name: `hrana-http-point-c${connections}`,
    title: `Hrana HTTP pipeline point select (execute + close), ${connections} connection${connections === 1 ? "" : "s"}`,
    connections,
    steps: oneShot(POINT_SELECT),
  });
}

/** Hrana over WebSocket: hello, one stream per in-flight slot, then point selects. */
export function pointSelectWsLoad(options: { connections: number; inFlight: number; path?: string }): WsLoad {
  const { connections, inFlight } = options;
  const firstRequestId = 1000;
  const handshake = [HELLO_FRAME];
  const frames: string[] = [];
  for (let slot = 0; slot < inFlight; slot++) {
    const streamId = slot + 1;
    handshake.push(wsRequestFrame({ requestId: streamId, request: { type: "open_stream", stream_id: streamId } }));
    frames.push(
      wsRequestFrame({
        requestId: firstRequestId + slot,
        request: { type: "execute", stream_id: streamId, stmt: POINT_SELECT },
      }),
    );
  }
  return {
    kind: "ws",
    connections,
    protocols: ["hrana3"],
    ...(options.path === undefined ? {} : { path: options.path }),
    handshake,
    frames,
    firstRequestId,
    failIf: '"response_error"',
  };
}

function pointSelectWs(options: { connections: number; inFlight: number }): Scenario {
  const { connections, inFlight } = options;
  const load = pointSelectWsLoad(options);
  return {
    name: `hrana-ws-point-${connections}x${inFlight}`,
    title: `Hrana WebSocket point select, ${connections} connection${connections === 1 ? "" : "s"} × ${inFlight} in flight`,
    databases: ["default"],
    baton: { server: batonServer, load },
    baseline: { server: bareWs, load },
  };
}

const TX_CONNECTIONS = 8;
const TX_TENANTS = Array.from({ length: TX_CONNECTIONS }, (_, i) => `t${i}`);

/**
 * An interactive write transaction, one statement per HTTP request linked by batons, as
 * `@libsql/client`'s `transaction("write")` runs it. Each connection works on its own tenant
 * database: SQLite has one writer per file, and transactions that held one file's lock across
 * round trips would measure lock waiting rather than the protocol.
 */
function interactiveTransaction(): Scenario {
  const account = 7;
  const headers = { "x-database-namespace": "t{{conn}}" };
  const step = (options: { first: boolean; last: boolean; s: WireStmt; failIf: string }): HttpStep => ({
    path: PIPELINE_PATH,
    headers,
    body: pipelineBody({ carry: !options.first, requests: options.last ? [execute(options.s), CLOSE] : [execute(options.s)] }),
    failIf: options.failIf,
    ...(options.last ? {} : { capture: BATON_CAPTURE }),
  });
  return httpScenario({
    name: "hrana-http-tx5-c8",
    title: `Hrana HTTP interactive transaction, 5 statements over batons, ${TX_CONNECTIONS} connections (one tenant each)`,
    connections: TX_CONNECTIONS,
    databases: TX_TENANTS,
    perRequest: { unit: "tx", count: 1 / 5 },
    steps: (failIf) => [
      step({ first: true, last: false, failIf, s: stmt("BEGIN IMMEDIATE") }),
      step({ first: false, last: false, failIf, s: stmt("SELECT balance FROM accounts WHERE id = ?", [int(account)]) }),
      step({
        first: false,
        last: false,
        failIf,
        s: stmt("UPDATE accounts SET balance = balance - 1 WHERE id = ?", [int(account)]),
      }),
      step({
        first: false,
        last: false,
        failIf,
        s: stmt("INSERT INTO ledger (account, delta) VALUES (?, ?)", [int(account), int(-1)]),
      }),
      step({ first: false, last: true, failIf, s: stmt("COMMIT") }),
    ],
  });
}

const LARGE_RESULT_ROWS = 10_000;

function largeResult(): Scenario {
  return httpScenario({
    name: "hrana-http-rows10k-c4",
    title: `Hrana HTTP ${LARGE_RESULT_ROWS.toLocaleString("en-US")}-row result, 4 connections`,
    connections: 4,
    perRequest: { unit: "rows", count: LARGE_RESULT_ROWS },
    steps: oneShot(stmt(`SELECT id, name, qty, price FROM items ORDER BY id LIMIT ${LARGE_RESULT_ROWS}`)),
  });
}

const BATCH_ROWS = 100;

function insertBatches(): Scenario {
  const inserts = Array.from({ length: BATCH_ROWS }, (_, i) =>
    stmt("INSERT INTO inserts (name, qty, price) VALUES (?, ?, ?)", [text(`bench-${i}`), int(i), float(i + 0.5)]),
  );
  return httpScenario({
    name: "hrana-http-insert-batch100-c4",
    title: `Hrana HTTP insert batches (BEGIN IMMEDIATE, ${BATCH_ROWS} INSERTs, COMMIT), 4 connections`,
    connections: 4,
    perRequest: { unit: "rows", count: BATCH_ROWS },
    steps: (failIf) => [
      { path: PIPELINE_PATH, body: pipelineBody({ carry: false, requests: [writeBatch(inserts), CLOSE] }), failIf },
    ],
  });
}

/** The Hrana-on-SQLite throughput scenarios, in the order they run. */
export const hranaScenarios: readonly Scenario[] = [
  pointSelectHttp(1),
  pointSelectHttp(10),
  pointSelectHttp(64),
  pointSelectWs({ connections: 1, inFlight: 16 }),
  pointSelectWs({ connections: 16, inFlight: 16 }),
  interactiveTransaction(),
  largeResult(),
  insertBatches(),
];
