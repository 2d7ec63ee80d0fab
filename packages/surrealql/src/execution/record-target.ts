// What a record method's "thing" parameter names: a table, one record, or a range of records.
// CBOR clients send Table (tag 7), RecordId (tag 8 array) or StringRecordId (tag 8 text); JSON
// clients send strings, where `t:k` is a record id and a plain name a table (SurrealDB's own RPC
// docs show `"person:8s0j…"` as a thing; reference section 1.3).
import { NONE, Range, RecordId, StringRecordId, Table, parseRecordId } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";

export type RecordTarget =
  /** `plain`: given as a plain string, which `create` treats as ONLY (one object back). */
  | { readonly kind: "table"; readonly table: string; readonly plain: boolean }
  | { readonly kind: "record"; readonly id: RecordId }
  | { readonly kind: "range"; readonly table: string; readonly range: Range };

/** Record id text as a RecordId; a Validation error for text that is not one. */
export function recordIdFromText(text: string): RecordId {
  try {
    return parseRecordId(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw RpcError.validation(`Invalid record id ${JSON.stringify(text)}: ${reason}`);
  }
}

function fromRecordId(id: RecordId): RecordTarget {
  return id.id instanceof Range ? { kind: "range", table: id.table, range: id.id } : { kind: "record", id };
}

/**
 * The target a thing names, or undefined when the value cannot name one (the caller words the
 * error for its method). A string `$name` names the target held by that variable.
 */
export function recordTarget(value: unknown, variables: ReadonlyMap<string, unknown>): RecordTarget | undefined {
  if (typeof value === "string" && value.startsWith("$")) {
    return recordTarget(variables.get(value.slice(1)) ?? NONE, new Map());
  }
  if (typeof value === "string") {
    return value.includes(":") ? fromRecordId(recordIdFromText(value)) : { kind: "table", table: value, plain: true };
  }
  if (value instanceof Table) return { kind: "table", table: value.name, plain: false };
  if (value instanceof RecordId) return fromRecordId(value);
  if (value instanceof StringRecordId) return fromRecordId(recordIdFromText(value.text));
  return undefined;
}

/** A record link in data (`in`, `out`, an inserted `id`): a RecordId, or text parsed as one. */
export function recordLink(value: unknown): RecordId | undefined {
  if (value instanceof RecordId) return value;
  if (value instanceof StringRecordId) return recordIdFromText(value.text);
  if (typeof value === "string" && value.includes(":")) return recordIdFromText(value);
  return undefined;
}

/** True when selecting `value` gives one result (SurrealDB's `singular`: an object or a non-range record id). */
export function isSingular(target: RecordTarget | readonly RecordTarget[]): boolean {
  return !Array.isArray(target) && (target as RecordTarget).kind === "record";
}
