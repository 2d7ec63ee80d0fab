// Hrana's JSON value rules in one place: the type tag comes from the value's storage class
// (bigint → integer, number → float even when whole), integers travel as decimal strings,
// blobs as base64 (accepted with or without padding, sent without, as sqld does).
import type { SqlValue } from "@baton/protocol-types";
import { GatewayError } from "@baton/protocol-types";
import type { Value } from "@baton/protocol-types/hrana";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A wire value (already validated against the Value schema) as a SqlValue. */
export function valueFromWire(value: Value): SqlValue {
  switch (value.type) {
    case "null":
      return null;
    case "integer": {
      const int = BigInt(value.value);
      if (int < INT64_MIN || int > INT64_MAX) {
        throw new GatewayError("PROTOCOL_ERROR", `Integer ${value.value} is outside the 64-bit range`);
      }
      return int;
    }
    case "float":
      return value.value;
    case "text":
      return value.value;
    case "blob":
      return Buffer.from(value.base64, "base64");
  }
}

const NULL_VALUE: Value = Object.freeze({ type: "null" });

/** A SqlValue as a wire value. */
export function valueToWire(value: SqlValue): Value {
  if (value === null) return NULL_VALUE;
  if (typeof value === "bigint") return { type: "integer", value: value.toString() };
  if (typeof value === "number") {
    // JSON has no ±Infinity (JSON.stringify would write null, which clients reject and which
    // would break the whole response); fail this value's statement alone with a clear error.
    if (!Number.isFinite(value)) {
      throw new GatewayError("VALUE_NOT_REPRESENTABLE", `The REAL value ${value} cannot be sent in JSON`);
    }
    return { type: "float", value };
  }
  if (typeof value === "string") return { type: "text", value };
  return { type: "blob", base64: toBase64Unpadded(value) };
}

function toBase64Unpadded(bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  let end = b64.length;
  while (end > 0 && b64.charCodeAt(end - 1) === 61 /* = */) end--;
  return end === b64.length ? b64 : b64.slice(0, end);
}
