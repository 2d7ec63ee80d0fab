// Record ids sent as text (CBOR tag 8 with a string, the SDK's StringRecordId) become RecordIds as
// a request arrives, as SurrealDB parses them on decode: stored in a field, bound to `$x` or given
// as a method's target, they are record ids, not a kind of value of their own.
import { StringRecordId, parseRecordId } from "@baton/codecs";
import { isPlainObject } from "@baton/protocol-types/rpc";

/** `value` with every StringRecordId in it parsed (left as it is when its text is no record id). */
export function resolveRecordIdText(value: unknown): unknown {
  if (value instanceof StringRecordId) {
    try {
      return parseRecordId(value.text);
    } catch {
      return value; // the method that uses it words the error
    }
  }
  if (Array.isArray(value)) {
    let changed: unknown[] | undefined;
    value.forEach((item: unknown, index) => {
      const resolved = resolveRecordIdText(item);
      if (resolved !== item) (changed ??= [...(value as unknown[])])[index] = resolved;
    });
    return changed ?? value;
  }
  if (isPlainObject(value)) {
    let changed: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const resolved = resolveRecordIdText(item);
      if (resolved !== item) (changed ??= { ...value })[key] = resolved;
    }
    return changed ?? value;
  }
  return value;
}
