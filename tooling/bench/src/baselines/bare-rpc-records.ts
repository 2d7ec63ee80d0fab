// The database work of the bare SurrealDB RPC baselines: a CBOR request decoded with cbor-x,
// `select` of one record by id (a point select by primary key) or `create` with a generated id
// (one INSERT) on better-sqlite3, and a CBOR reply `{id, result}`; `query` with the SDK's text for
// either runs the same statement and answers one statement entry. Nothing is validated or parsed:
// the baseline trusts the load generator's requests and reads the record seed's tables directly.
import { randomBytes } from "node:crypto";
import { Encoder, Tag } from "cbor-x";
import type { BareConnection, BareTenants } from "./bare-sqlite.js";

/** SurrealDB's CBOR tags for a table name and a record id (docs/surreal-rpc.md, CBOR tags). */
const TABLE_TAG = 7;
const RECORD_ID_TAG = 8;
/** SurrealDB's NONE: a missing record, and the `type` of an ordinary statement entry. */
const NONE = new Tag(null, 6);
/** The column where Baton tables keep value tags; a plain record has NULL there. */
const TYPES_COLUMN = "_baton_types";

const cbor = new Encoder({ useRecords: false, mapsAsObjects: true });

export interface BareRpcRequest {
  readonly id?: unknown;
  readonly method: string;
  readonly params?: readonly unknown[];
}

type SqlValue = string | number | bigint | null;

/** Decodes a request frame or body; the bytes come from the load generator and are trusted. */
export function decodeRequest(bytes: Uint8Array): BareRpcRequest {
  return cbor.decode(bytes) as BareRpcRequest;
}

/** A reply map: `result` or `error`, and the request's id when it had one. */
export function encodeReply(options: { id: unknown; result?: unknown; error?: string }): Buffer {
  const reply: Record<string, unknown> = options.id === undefined ? {} : { id: options.id };
  if (options.error === undefined) reply.result = options.result ?? null;
  else reply.error = { code: -32000, message: options.error };
  return cbor.encode(reply);
}

/** The tenant `use [ns, db]` selects, as Baton names it (docs/record-model.md, Tenants). */
export const tenantOf = (ns: string, db: string): string => (ns === db ? ns : `${ns}--${db}`);

const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A random 20-character record key, as SurrealDB generates for `create` on a table. */
function generatedKey(): string {
  const bytes = randomBytes(20);
  let key = "";
  for (const byte of bytes) key += ID_ALPHABET[byte % ID_ALPHABET.length];
  return key;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A record from its row: the id as a record id tag, every other column but the tag column. */
function recordOf(table: string, row: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === "id") record.id = new Tag([table, value], RECORD_ID_TAG);
    else if (column !== TYPES_COLUMN) record[column] = value;
  }
  return record;
}

/** Runs `select` and `create` on one connection; statements prepared once per table (and field set). */
export class BareRecords {
  readonly #connection: BareConnection;

  constructor(connection: BareConnection) {
    this.#connection = connection;
  }

  /** The method's result; other methods (`use`, `ping`) do nothing and answer null. */
  run(request: BareRpcRequest): unknown {
    const [target, data] = request.params ?? [];
    if (request.method === "select") return this.#select(target as Tag) ?? [];
    if (request.method === "create") return this.#create(target as Tag, data as Record<string, SqlValue>);
    if (request.method === "query") return this.#query(target as string, data as Record<string, unknown>);
    return null;
  }

  /**
   * `query [text, bindings]` with one of the SDK's two texts the scenarios send,
   * `SELECT * FROM ONLY $bind__N` or `CREATE $bind__N CONTENT $bind__M`: told apart by the first
   * word, the bindings taken in order, answered as SurrealDB's one statement entry (reference 4.1).
   */
  #query(text: string, bindings: Record<string, unknown>): unknown {
    const started = process.hrtime.bigint();
    const [target, data] = Object.values(bindings);
    const result = text.startsWith("SELECT")
      ? (this.#select(target as Tag) ?? NONE)
      : this.#create(target as Tag, data as Record<string, SqlValue>);
    const time = `${Number(process.hrtime.bigint() - started) / 1000}µs`;
    return [{ status: "OK", time, type: NONE, result }];
  }

  /** The record, or undefined when there is none. */
  #select(target: Tag): Record<string, unknown> | undefined {
    const [table, key] = target.value as [string, SqlValue];
    const row = this.#connection.prepared(`SELECT * FROM ${quote(table)} WHERE "id" = ?`).get(key);
    return row === undefined ? undefined : recordOf(table, row as Record<string, unknown>);
  }

  #create(target: Tag, data: Record<string, SqlValue>): unknown {
    const table = target.tag === TABLE_TAG ? (target.value as string) : (target.value as [string, SqlValue])[0];
    const key = target.tag === TABLE_TAG ? generatedKey() : (target.value as [string, SqlValue])[1];
    const fields = Object.keys(data);
    const sql = `INSERT INTO ${quote(table)} ("id", ${fields.map(quote).join(", ")}) VALUES (?${", ?".repeat(fields.length)})`;
    this.#connection.prepared(sql).run(key, ...fields.map((field) => data[field] ?? null));
    return [{ ...data, id: new Tag([table, key], RECORD_ID_TAG) }];
  }
}

/** Each tenant's records, on its shared connection. */
export class BareRecordTenants {
  readonly #tenants: BareTenants;
  readonly #records = new Map<string, BareRecords>();

  constructor(tenants: BareTenants) {
    this.#tenants = tenants;
  }

  of(tenant: string): BareRecords {
    let found = this.#records.get(tenant);
    if (found === undefined) {
      found = new BareRecords(this.#tenants.get(tenant).shared);
      this.#records.set(tenant, found);
    }
    return found;
  }
}
