// Record links as the record model stores them: text `table:key` with the key as the target's
// `id` renders it (string raw, int decimal, uuid hyphenated, array/object as a SurrealQL
// literal), read back by splitting at the first `:` (docs/record-model.md, "Record links").
// Links a reader would misread carry `[record, "<SurrealQL record id>"]`.
import { formatRecordId, parseRecordId, RecordId, Uuid } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { formatKeyLiteral } from "./key-literal.js";
import { int64 } from "./int-value.js";

const INTEGER = /^-?\d+$/;

/** The key as the `id` column (and link text) holds it. */
export function keyText(key: RecordId["id"]): string {
  if (typeof key === "string") return key;
  if (typeof key === "number" || typeof key === "bigint") return String(key);
  if (key instanceof Uuid) return key.toString();
  return formatKeyLiteral(key);
}

/** `table:key`, raw. */
export function linkText(id: RecordId): string {
  return `${id.table}:${keyText(id.id)}`;
}

/** Reads link text by the untagged rule: an integer literal in the int64 range is an int key, anything else a string. */
export function parseLink(text: string): RecordId | undefined {
  const colon = text.indexOf(":");
  if (colon <= 0) return undefined;
  const table = text.slice(0, colon);
  const key = text.slice(colon + 1);
  return new RecordId(table, integerKey(key) ?? key);
}

function integerKey(text: string): number | bigint | undefined {
  if (!INTEGER.test(text) || (text.length > 1 && /^-?0/.test(text))) return undefined;
  return int64(BigInt(text));
}

/** SurrealQL's text of a record id: `person:alice`, `person:⟨john doe⟩`, `person:42`, `t:[1, 'a']`. */
export function formatRecordIdText(id: RecordId): string {
  return formatRecordId(id);
}

/** Parses SurrealQL record id text. */
export function parseRecordIdText(text: string): RecordId {
  return parseRecordId(text);
}

/** A link to write: a RecordId, or a Validation error. */
export function asRecordId(value: unknown, field: string): RecordId {
  if (value instanceof RecordId) return value;
  throw RpcError.validation(`Found a non-record value for the link field '${field}'`);
}
