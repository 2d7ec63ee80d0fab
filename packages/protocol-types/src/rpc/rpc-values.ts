// Recognising decoded SurrealDB values in RPC shape checks. The codecs layer (below this one)
// decodes wire values into JS values and its own classes; JSON Schema cannot tell those apart,
// so the checks that need them are written here, structurally, without importing the codecs.

/**
 * SurrealQL NONE as the codecs decode it: the same registered symbol (`Symbol.for`), so this
 * layer recognises it without importing the codecs package that defines it.
 */
export const RPC_NONE: unique symbol = Symbol.for("@baton/codecs.surreal.NONE") as never;
export type RpcNone = typeof RPC_NONE;

/** NONE, or a value that is absent (`undefined`, e.g. a missing optional parameter). */
export function isNone(value: unknown): value is RpcNone | undefined {
  return value === RPC_NONE || value === undefined;
}

/** NONE, absent or NULL: SurrealDB's "nullish". */
export function isNullish(value: unknown): value is RpcNone | undefined | null {
  return value === null || isNone(value);
}

/** A decoded CBOR map or JSON object: a plain object, not a value class (RecordId, Uuid…) nor an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A decoded UUID (tag 37 or 9): an object holding its 16 bytes. */
export function isUuidValue(value: unknown): value is { readonly bytes: Uint8Array } {
  if (typeof value !== "object" || value === null || isPlainObject(value)) return false;
  const bytes = (value as { bytes?: unknown }).bytes;
  return bytes instanceof Uint8Array && bytes.length === 16;
}

/** A decoded datetime (tag 12 or 0): seconds as a bigint and nanoseconds. */
export function isDatetimeValue(value: unknown): value is { readonly seconds: bigint; readonly nanoseconds: number } {
  if (typeof value !== "object" || value === null || isPlainObject(value)) return false;
  const { seconds, nanoseconds } = value as { seconds?: unknown; nanoseconds?: unknown };
  return typeof seconds === "bigint" && typeof nanoseconds === "number";
}

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_SIMPLE = /^[0-9a-f]{32}$/i;

/**
 * The canonical lower-case text of a UUID given as a decoded UUID or as text (hyphenated, or the
 * 32-digit simple form, both of which SurrealDB's parser accepts), or undefined when it is neither.
 */
export function uuidText(value: unknown): string | undefined {
  if (isUuidValue(value)) return hyphenate([...value.bytes].map((byte) => byte.toString(16).padStart(2, "0")).join(""));
  if (typeof value !== "string") return undefined;
  const text = value.startsWith("urn:uuid:") ? value.slice(9) : value;
  if (UUID_TEXT.test(text)) return text.toLowerCase();
  if (UUID_SIMPLE.test(text)) return hyphenate(text.toLowerCase());
  return undefined;
}

function hyphenate(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A value as SurrealDB prints it in "…, got <value>" messages (Rust's debug form of its value
 * enum, e.g. `Number(Int(5))`, `String("x")`). Exact for scalars, arrays and objects; other value
 * classes print as their class name around their text.
 */
export function describeValue(value: unknown): string {
  if (isNone(value)) return "None";
  if (value === null) return "Null";
  if (typeof value === "boolean") return `Bool(${String(value)})`;
  if (typeof value === "bigint") return `Number(Int(${value.toString()}))`;
  if (typeof value === "number") {
    return Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER
      ? `Number(Int(${String(value)}))`
      : `Number(Float(${rustFloat(value)}))`;
  }
  if (typeof value === "string") return `String(${JSON.stringify(value)})`;
  if (typeof value !== "object") return "None";
  if (Array.isArray(value)) return `Array(Array([${value.map(describeValue).join(", ")}]))`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${describeValue(item)}`);
    return `Object(Object({${entries.join(", ")}}))`;
  }
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return "Bytes(..)";
  if (value instanceof Set) return `Set(Set({${[...value].map(describeValue).join(", ")}}))`;
  if (isUuidValue(value)) return `Uuid(Uuid(${uuidText(value) ?? ""}))`;
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  const text = (value as { toString(): string }).toString();
  return `${typeof name === "string" ? name : "Value"}(${text === "[object Object]" ? ".." : text})`;
}

/** The debug form Rust gives an f64: always with a fractional part or exponent. */
function rustFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** `Some(<value>)`, or `None` when absent: the debug form of an optional parameter. */
export function describeOptional(value: unknown): string {
  return value === undefined ? "None" : `Some(${describeValue(value)})`;
}
