// Record keys in the key column: the key kind of a key, and a key's stored form by the table's
// key kind (docs/record-model.md, "Record ids").
import type { SqlValue } from "@baton/adapters-kysely";
import { Range, type RecordId, Uuid, type RecordIdKey } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { KeyKind } from "../record-store.js";
import { normalInt } from "../values/int-value.js";
import { formatKeyLiteral, parseKeyLiteral } from "../values/key-literal.js";
import { formatRecordIdText } from "../values/record-link.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The key kind a key needs; a Validation error for keys no table can hold. */
export function keyKindOf(key: RecordIdKey): KeyKind {
  if (typeof key === "string") return "string";
  if (typeof key === "number" || typeof key === "bigint") {
    if (typeof key === "number" && !Number.isInteger(key)) throw RpcError.validation(`A record key cannot be the float ${key}`);
    const value = BigInt(key);
    if (value < INT64_MIN || value > INT64_MAX) throw RpcError.validation(`The record key ${value} is outside the 64-bit range`);
    return "int";
  }
  if (key instanceof Uuid) return "uuid";
  if (key instanceof Range) throw RpcError.validation("A record id range does not name one record");
  if (Array.isArray(key)) return "array";
  return "object";
}

/** The key as its table's key column holds it; a Validation error when the kinds differ. */
export function keyToSql(id: RecordId, tableKind: KeyKind): SqlValue {
  const kind = keyKindOf(id.id);
  if (kind !== tableKind) {
    throw RpcError.validation(
      `The table '${id.table}' has ${tableKind} keys; the record id ${formatRecordIdText(id)} has a ${kind} key`,
    );
  }
  const key = id.id;
  switch (kind) {
    case "string":
      return key as string;
    case "int":
      return BigInt(key as number | bigint);
    case "uuid":
      return (key as Uuid).toString().toLowerCase();
    case "array":
    case "object":
    case "none":
      return formatKeyLiteral(key);
  }
}

/** The key stored in a key column, read by the table's key kind. */
export function keyFromSql(stored: SqlValue, tableKind: KeyKind): RecordIdKey {
  switch (tableKind) {
    case "int":
      return typeof stored === "bigint" ? normalInt(stored) : Number(stored);
    case "uuid":
      return Uuid.parse(String(stored));
    case "array":
    case "object":
      return parseKeyLiteral(String(stored));
    case "string":
    case "none":
      return typeof stored === "bigint" ? normalInt(stored) : String(stored);
  }
}
