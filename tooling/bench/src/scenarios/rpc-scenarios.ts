// SurrealDB RPC (CBOR) on embedded SQLite, through the record methods and through `query` with the
// SurrealQL the official SDK sends: Baton against bare `ws` / node:http servers that decode the same
// CBOR requests with cbor-x and run the equivalent better-sqlite3 statement. Both sides get
// byte-identical requests and read identical copies of the record seed (seed-records.ts).
import { RecordId, Table } from "@baton/codecs";
import type { FailMarkers, HttpLoad, Scenario, WsLoad } from "../scenario.js";
import { RECORD_NAMESPACE, RECORD_WRITE_TABLE, PERSON_TABLE } from "../seed-records.js";
import { QUERY_FAILED, RPC_FAILED, rpcFrame, rpcIdMarker } from "./rpc-wire.js";

const RPC_PATH = "/rpc";
const FIRST_REQUEST_ID = 1000;

/** One record read by id: `select [person:4242]`. */
const SELECT_PARAMS = [new RecordId(PERSON_TABLE, 4242)];
/** A new record with a generated id: `create [bench, {…}]`, answered with the record. */
const CREATE_PARAMS = [new Table(RECORD_WRITE_TABLE), { name: "bench", qty: 7 }];

/**
 * `db.select(new RecordId("person", 4242))` of the official SDK: `query` with its text and binding
 * (reference section 11). The SDK numbers `bind__N` from a counter shared with request ids, so its
 * texts differ from call to call; the load sends one fixed number, which no side can exploit
 * (neither caches by text).
 */
const QUERY_SELECT_PARAMS = ["SELECT * FROM ONLY $bind__1", { bind__1: SELECT_PARAMS[0] }];
/**
 * `db.create(new Table("bench")).content({…})`: the SDK's create of a table, so each request makes
 * a new record. Its create of a record id (`CREATE ONLY $b CONTENT $b`) cannot be repeated with
 * pre-encoded frames: the second would fail as a duplicate.
 */
const QUERY_CREATE_PARAMS = ["CREATE $bind__1 CONTENT $bind__2", { bind__1: CREATE_PARAMS[0], bind__2: CREATE_PARAMS[1] }];

interface RpcCall {
  readonly verb: "select" | "create" | "query-select" | "query-create";
  readonly method: string;
  readonly params: readonly unknown[];
  readonly what: string;
  readonly failIf: FailMarkers;
}

const CALLS: readonly RpcCall[] = [
  { verb: "select", method: "select", params: SELECT_PARAMS, what: "select of one record by id", failIf: RPC_FAILED },
  { verb: "create", method: "create", params: CREATE_PARAMS, what: "create of one record with a generated id", failIf: RPC_FAILED },
  {
    verb: "query-select",
    method: "query",
    params: QUERY_SELECT_PARAMS,
    what: "the SDK's SurrealQL select of one record by id",
    failIf: QUERY_FAILED,
  },
  {
    verb: "query-create",
    method: "query",
    params: QUERY_CREATE_PARAMS,
    what: "the SDK's SurrealQL create of one record in a table",
    failIf: QUERY_FAILED,
  },
];

const databases = [RECORD_NAMESPACE];

/** WebSocket, subprotocol `cbor`: `use [ns, ns]` once, then `inFlight` requests in flight per connection. */
function rpcWs(options: { call: RpcCall; connections: number; inFlight: number }): Scenario {
  const { call, connections, inFlight } = options;
  const frames = Array.from({ length: inFlight }, (_, slot) =>
    rpcFrame({ id: String(FIRST_REQUEST_ID + slot), method: call.method, params: call.params }),
  );
  const load: WsLoad = {
    kind: "ws",
    connections,
    protocols: ["cbor"],
    path: RPC_PATH,
    encoding: "base64",
    handshake: [rpcFrame({ id: "1", method: "use", params: [RECORD_NAMESPACE, RECORD_NAMESPACE] })],
    frames,
    firstRequestId: FIRST_REQUEST_ID,
    idMarker: rpcIdMarker(String(FIRST_REQUEST_ID + inFlight - 1).length),
    failIf: call.failIf,
  };
  return {
    name: `rpc-ws-${call.verb}-${connections}x${inFlight}`,
    title: `SurrealDB RPC (CBOR) over WebSocket, ${call.what}, ${connections} connections × ${inFlight} in flight`,
    databases,
    seed: "records",
    baton: { server: { kind: "baton" }, load },
    baseline: { server: { kind: "baseline", script: "bare-rpc-ws-server" }, load },
  };
}

/** HTTP `POST /rpc`, `application/cbor`, namespace and database in `Surreal-NS` / `Surreal-DB`. */
function rpcHttp(options: { call: RpcCall; connections: number }): Scenario {
  const { call, connections } = options;
  const load: HttpLoad = {
    kind: "http",
    connections,
    steps: [
      {
        path: RPC_PATH,
        encoding: "base64",
        body: rpcFrame({ id: "1", method: call.method, params: call.params }),
        headers: {
          "content-type": "application/cbor",
          accept: "application/cbor",
          "surreal-ns": RECORD_NAMESPACE,
          "surreal-db": RECORD_NAMESPACE,
        },
        failIf: call.failIf,
      },
    ],
  };
  return {
    name: `rpc-http-${call.verb}-c${connections}`,
    title: `SurrealDB RPC (CBOR) over HTTP POST /rpc, ${call.what}, ${connections} connections`,
    databases,
    seed: "records",
    baton: { server: { kind: "baton" }, load },
    baseline: { server: { kind: "baseline", script: "bare-rpc-http-server" }, load },
  };
}

/** The SurrealDB RPC throughput scenarios, in the order they run. */
export const rpcScenarios: readonly Scenario[] = [
  ...CALLS.map((call) => rpcWs({ call, connections: 16, inFlight: 16 })),
  ...CALLS.map((call) => rpcHttp({ call, connections: 64 })),
];
