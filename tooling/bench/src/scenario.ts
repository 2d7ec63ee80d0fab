// What a benchmark scenario is: the data it needs, and for each side (Baton and its bare
// baseline) the server to start and the load to drive it with. Everything here is plain data,
// so a load spec can cross to the load process unchanged. New protocols (RPC, SurrealQL,
// Postgres) add scenarios and, where needed, a baseline server; the harness does not change.

/** One HTTP request of a load sequence, pre-serialised. */
export interface HttpStep {
  readonly path: string;
  /**
   * The body: JSON text, where `{{carry}}` is replaced with what an earlier step of the sequence
   * captured; or, with `encoding: "base64"`, the base64 of binary bytes (CBOR) sent as they are.
   */
  readonly body: string;
  /** How `body` is written (default `"utf8"`). A base64 body carries no `{{carry}}`. */
  readonly encoding?: PayloadEncoding;
  /** Extra headers; `{{conn}}` in a value is replaced with the connection's number (mod `tenants`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** A regular expression (source) whose group 1, found in the response body, becomes `{{carry}}`. */
  readonly capture?: string;
  /**
   * A response body containing this text (or any of these texts) is counted as a failed request.
   * For CBOR replies it is the ASCII form of an encoded text (see scenarios/rpc-wire.ts), which a
   * binary body keeps.
   */
  readonly failIf?: FailMarkers;
}

/**
 * What marks a reply as failed: one text, or several when a protocol fails in more than one shape
 * (SurrealDB's `query` fails the whole call with `error`, or one statement with status `ERR`).
 */
export type FailMarkers = string | readonly string[];

/** How a pre-serialised payload is written: text as it is, or the base64 of binary bytes. */
export type PayloadEncoding = "utf8" | "base64";

/** HTTP load: every connection sends `steps` in order, one at a time, again and again. */
export interface HttpLoad {
  readonly kind: "http";
  readonly connections: number;
  readonly steps: readonly HttpStep[];
  /** How many distinct `{{conn}}` values there are (default: one per connection). */
  readonly tenants?: number;
}

/** WebSocket load: every connection sends `handshake`, then keeps `frames.length` requests in flight. */
export interface WsLoad {
  readonly kind: "ws";
  readonly connections: number;
  readonly protocols: readonly string[];
  /** The path of the upgrade request (default `/`). */
  readonly path?: string;
  /** `"base64"`: `handshake` and `frames` are base64 of binary frames, sent as binary (default text). */
  readonly encoding?: PayloadEncoding;
  /** Frames sent once per connection; each must be answered before the load starts. */
  readonly handshake: readonly string[];
  /** One frame per in-flight slot; frame `i` carries request id `firstRequestId + i`. */
  readonly frames: readonly string[];
  readonly firstRequestId: number;
  /**
   * The ASCII bytes that come right before a reply's decimal request id (default
   * `"request_id":`, Hrana's JSON). Replies are matched to slots by reading the digits after it.
   */
  readonly idMarker?: string;
  /** A reply containing this text (or any of these texts) is counted as a failed request. */
  readonly failIf: FailMarkers;
}

export type LoadShape = HttpLoad | WsLoad;

/** Which server a side runs. Baton is always the built CLI; baselines are scripts in `baselines/`. */
export type ServerSpec =
  | { readonly kind: "baton"; readonly args?: readonly string[] }
  | { readonly kind: "baseline"; readonly script: BaselineScript; readonly args?: readonly string[] };

/** The bare baseline servers (file names in `src/baselines/`, without `.ts`). */
export type BaselineScript =
  | "bare-http-server"
  | "bare-ws-server"
  | "bare-rpc-http-server"
  | "bare-rpc-ws-server"
  | "bare-pg-http-server"
  | "bare-pg-ws-server";

export interface Side {
  readonly server: ServerSpec;
  readonly load: LoadShape;
}

export type SideName = "baseline" | "baton";

/** What one request stands for, to print a derived rate (rows/s, transactions/s). */
export interface PerRequest {
  readonly unit: string;
  readonly count: number;
}

export type SeedKind = "sql" | "records";

/** A Postgres server and the schema (a Baton tenant) a scenario works in. */
export interface PostgresSetup {
  readonly url: string;
  readonly schema: string;
}

/** An A/B throughput scenario. */
export interface Scenario {
  readonly name: string;
  readonly title: string;
  /** Namespaces (database files `<name>.db`) each server's data directory starts with, copied from the seed. */
  readonly databases: readonly string[];
  /**
   * What those databases start from: `"sql"` (default) the plain SQL seed of seed-database.ts,
   * `"records"` the same with SurrealDB records written by Baton's record store (seed-records.ts).
   */
  readonly seed?: SeedKind;
  /** A Postgres schema seeded before both servers start and dropped after the scenario. */
  readonly postgres?: PostgresSetup;
  readonly perRequest?: PerRequest;
  readonly baton: Side;
  readonly baseline: Side;
}

/** Where a running server listens, and its process id (for /proc readings). */
export interface ServerAddress {
  readonly httpUrl: string;
  readonly wsUrl: string;
  readonly pid: number;
}

/** One timed load run against one server. */
export interface LoadRun {
  readonly load: LoadShape;
  readonly target: ServerAddress;
  readonly warmupMs: number;
  readonly durationMs: number;
}

/** Latency percentiles of one run, in milliseconds. */
export interface LatencySummary {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** What one timed run measured (only the measurement window, after the warm-up). */
export interface SideMeasurement {
  /** Requests answered successfully inside the window. */
  readonly requests: number;
  /** Non-2xx answers, answers reporting an error, and socket errors inside the window. */
  readonly errors: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: LatencySummary;
  /** The server's CPU time over the window, in cores (1 = one core fully busy). */
  readonly serverCores: number;
  /** The load process's CPU time over the window, in cores. */
  readonly loadCores: number;
  /**
   * Busy cores of the whole machine minus the server's and the load process's: other programs,
   * and the kernel's loopback network work. Well above 0.3 means the run shared the machine.
   */
  readonly otherCores: number;
  /** Server CPU microseconds per successful request. */
  readonly serverCpuUsPerRequest: number;
}
