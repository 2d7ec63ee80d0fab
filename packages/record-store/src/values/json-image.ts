// Nested values as JSON, with a tag at every path whose natural JSON reading would differ from
// the value (docs/record-model.md, "Values and type tags", column "inside JSON"), and back.
import { Datetime, Decimal, Duration, NONE, type RecordId, Table, Uuid, type Geometry, type Range } from "@baton/codecs";
import { int64, integerReading } from "./int-value.js";
import { exactText, parseExact } from "./exact-text.js";
import { fromGeoJson, toGeoJson } from "./geo-json.js";
import { JsonNumber, sameJson, type JsonTree } from "./json-text.js";
import { formatRangeLiteral, parseRangeLiteral } from "./range-literal.js";
import { linkText, parseLink } from "./record-link.js";
import { childPath, type TagLookup, type TagSink } from "./type-tags.js";
import { sameValue } from "./value-equality.js";
import { kindOf } from "./value-kind.js";

/** The JSON image of `value` at `path`, adding the tags its reading needs to `tags`. */
export function toJsonImage(value: unknown, path: string, tags: TagSink): JsonTree {
  const kind = kindOf(value);
  const tagged = (tree: JsonTree): JsonTree => {
    tags.set(path, kind);
    return tree;
  };
  switch (kind) {
    case "none":
      // Only array elements reach here: objects drop NONE fields.
      tags.set(path, "none");
      return null;
    case "null":
      return null;
    case "bool":
      return value as boolean;
    case "int":
      return new JsonNumber(String(value));
    case "float":
      return floatImage(value as number, path, tags);
    case "string":
      return value as string;
    case "decimal":
      return tagged((value as Decimal).value);
    case "datetime":
      return tagged((value as Datetime).toISOString());
    case "duration":
      return tagged((value as Duration).toString());
    case "uuid":
      return tagged((value as Uuid).toString());
    case "bytes":
      return tagged(Buffer.from(value as Uint8Array).toString("base64"));
    case "record":
      return linkImage(value as RecordId, path, tags);
    case "table":
      return tagged((value as Table).name);
    case "set":
      return tagged([...(value as Set<unknown>)].map((item, i) => toJsonImage(item, childPath(path, i), tags)));
    case "array":
      return (value as unknown[]).map((item, i) => toJsonImage(item, childPath(path, i), tags));
    case "object": {
      const object: { [key: string]: JsonTree } = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (item === NONE || item === undefined) continue;
        object[key] = toJsonImage(item, childPath(path, key), tags);
      }
      return object;
    }
    case "geometry":
      return tagged(toGeoJson(value as Geometry));
    case "range":
      return tagged(formatRangeLiteral(value as Range));
  }
}

// Floats written with an exponent may come back without one (Postgres jsonb prints numeric
// digits), and integral floats (only those beyond ±2^63 reach here: below, an integral number is
// an int) print as integer literals, so both carry "float"; NaN and the infinities are not JSON
// numbers at all.
function floatImage(value: number, path: string, tags: TagSink): JsonTree {
  if (!Number.isFinite(value) || Object.is(value, -0)) {
    tags.set(path, ["float", exactText(value) ?? "NaN"]);
    return null;
  }
  const text = String(value);
  if (/[eE]/.test(text) || !text.includes(".")) tags.set(path, "float");
  return new JsonNumber(text);
}

function linkImage(value: RecordId, path: string, tags: TagSink): JsonTree {
  const text = linkText(value);
  const read = parseLink(text);
  tags.set(path, read !== undefined && sameValue(read, value) ? "record" : ["record", exactText(value) ?? text]);
  return text;
}

/** Reads a JSON tree stored at `path` with the row's tags. */
export function fromJsonImage(tree: JsonTree, path: string, tags: TagLookup): unknown {
  const tag = tags.get(path);
  if (typeof tag === "object") {
    const exact = parseExact(tag[0], tag[1]);
    if (exact !== undefined && fitsImage(exact, tree)) return exact;
  } else if (tag !== undefined) {
    const read = readAs(tag, tree, { path, tags });
    if (read !== undefined) return read;
  }
  return natural(tree, path, tags);
}

/** A `[kind, exact]` tag counts only while the stored JSON is the image of `exact`. */
function fitsImage(exact: unknown, tree: JsonTree): boolean {
  return sameJson(toJsonImage(exact, "", new Map()), tree);
}

function natural(tree: JsonTree, path: string, tags: TagLookup): unknown {
  if (tree instanceof JsonNumber) return numberValue(tree);
  if (Array.isArray(tree)) return tree.map((item, i) => fromJsonImage(item, childPath(path, i), tags));
  if (typeof tree === "object" && tree !== null) {
    const object: Record<string, unknown> = {};
    // SurrealDB objects are ordered by key; stores that reorder keys (jsonb) cannot change that.
    for (const key of Object.keys(tree).sort(byCodePoint)) {
      object[key] = fromJsonImage(tree[key] ?? null, childPath(path, key), tags);
    }
    return object;
  }
  return tree;
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A JSON number's natural reading: an integer literal is an int within i64, any other a float. */
function numberValue(number: JsonNumber): number | bigint {
  return number.isInteger ? integerReading(BigInt(number.text)) : Number(number.text);
}

/** The tree read as `kind`; undefined when it does not have that kind's shape. */
function readAs(kind: string, tree: JsonTree, at: { path: string; tags: TagLookup }): unknown {
  const { path, tags } = at;
  try {
    if (typeof tree === "string") return readStringAs(kind, tree);
    if (tree instanceof JsonNumber) {
      if (kind === "float") return Number(tree.text);
      if (kind === "int" && tree.isInteger) return int64(BigInt(tree.text));
      return undefined;
    }
    if (tree === null) return kind === "none" ? NONE : undefined;
    if (Array.isArray(tree) && kind === "set") return new Set(tree.map((item, i) => fromJsonImage(item, childPath(path, i), tags)));
    if (kind === "geometry") return fromGeoJson(tree);
    return undefined;
  } catch {
    return undefined;
  }
}

function readStringAs(kind: string, text: string): unknown {
  switch (kind) {
    case "decimal":
      return new Decimal(text);
    case "datetime":
      return Datetime.parse(text);
    case "duration":
      return Duration.parse(text);
    case "uuid":
      return Uuid.parse(text);
    case "bytes":
      return Uint8Array.from(Buffer.from(text, "base64"));
    case "record":
      return parseLink(text);
    case "table":
      return new Table(text);
    case "range":
      return parseRangeLiteral(text);
    case "string":
      return text;
    default:
      return undefined;
  }
}
