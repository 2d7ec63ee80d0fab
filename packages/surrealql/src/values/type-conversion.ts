// The walk over a type shared by casts (`<int> x`) and coercions (DEFINE FIELD … TYPE): unions,
// option, arrays and sets of a type, record and geometry kinds, literal types. The scalar rules
// and the wording differ between the two and come in as `ConversionRules`.
import { NONE, formatValue, type RecordId } from "@baton/codecs";
import type { TypeExpr } from "../syntax/ast.js";
import { isPlainObject } from "./plain-object.js";
import { literalTypeExpr, normalizeType, typeOfExpr, typeText, type LiteralTypeExpr } from "./type-text.js";
import { looselyEqual } from "./value-equality.js";
import { geometryKind } from "./value-kind.js";
import { sortedUnique } from "./value-order.js";

/** Why a value could not be converted: SurrealDB's message, without the caller's prefix. */
export class ConversionFailure extends Error {}

/** What a cast and a coercion do differently. */
export interface ConversionRules {
  /** A named type (`int`, `string`, `datetime`, …): the converted value, or undefined when it does not convert. */
  readonly named: (name: string, value: unknown) => { readonly value: unknown } | undefined;
  /** The items of `array<…>`, or undefined. */
  readonly arrayItems: (value: unknown) => unknown[] | undefined;
  /** The items of `set<…>` before conversion, or undefined. */
  readonly setItems: (value: unknown) => unknown[] | undefined;
  /** A record id of a table in `tables` (any table when empty), or undefined. */
  readonly recordId: (value: unknown) => RecordId | undefined;
  /** A geometry from a non-geometry (a cast reads `[x, y]` as a point), or undefined. */
  readonly geometry: (value: unknown, kinds: readonly string[]) => unknown;
  /** The message for a value that is not of the type `into`. */
  readonly invalid: (into: string, from: string) => string;
}

const fail = (rules: ConversionRules, into: string, value: unknown): never => {
  throw new ConversionFailure(rules.invalid(into, formatValue(value)));
};

/** Each item converted to `inner`; a failure names the collection type `into`. */
function elementsOf(rules: ConversionRules, items: unknown[], element: { inner: TypeExpr | undefined; into: string }): unknown[] {
  const { inner, into } = element;
  if (inner === undefined) return items;
  return items.map((item) => {
    try {
      return convertToType(rules, inner, item);
    } catch (error) {
      if (!(error instanceof ConversionFailure)) throw error;
      throw new ConversionFailure(`${error.message} when coercing an element of \`${into}\``);
    }
  });
}

function lengthFailure(into: string, length: number): ConversionFailure {
  return new ConversionFailure(`Expected \`${into}\` but found a collection of length \`${length}\``);
}

function convertCollection(rules: ConversionRules, type: Extract<TypeExpr, { kind: "array" | "set" }>, value: unknown): unknown {
  const items = type.kind === "array" ? rules.arrayItems(value) : rules.setItems(value);
  if (items === undefined) return fail(rules, type.kind, value);
  const inner = typeText(type.inner ?? { kind: "named", name: "any" });
  const sizedText = `${type.kind}<${inner},${type.max}>`;
  if (type.kind === "array" && type.max !== undefined && items.length !== type.max) throw lengthFailure(sizedText, items.length);
  const converted = elementsOf(rules, items, { inner: type.inner, into: `${type.kind}<${inner}>` });
  if (type.kind === "array") return converted;
  const set = sortedUnique(converted);
  if (type.max !== undefined && set.length !== type.max) throw lengthFailure(sizedText, set.length);
  return new Set(set);
}

function convertRecord(rules: ConversionRules, tables: readonly string[], value: unknown): RecordId {
  const id = rules.recordId(value);
  if (id !== undefined && (tables.length === 0 || tables.includes(id.table))) return id;
  // SurrealDB spells a table-limited record kind without spaces here (`record<a|b>`).
  return fail(rules, tables.length === 0 ? "record" : `record<${tables.join("|")}>`, value);
}

function convertGeometry(rules: ConversionRules, kinds: readonly string[], value: unknown): unknown {
  const kind = geometryKind(value);
  if (kind !== undefined && (kinds.length === 0 || kinds.includes(kind))) return value;
  const converted = kind === undefined ? rules.geometry(value, kinds) : undefined;
  return converted ?? fail(rules, kinds.length === 0 ? "geometry" : typeText({ kind: "geometry", kinds }), value);
}

/** Whether `value` fits a literal type (SurrealDB's `KindLiteral::validate_value`). */
function matchesLiteral(rules: ConversionRules, expr: LiteralTypeExpr, value: unknown): boolean {
  const fits = (type: TypeExpr, item: unknown) => !("error" in tryConvert(rules, type, item));
  switch (expr.kind) {
    case "literal":
      return looselyEqual(expr.value, value);
    case "array":
      return Array.isArray(value) && value.length === expr.items.length && expr.items.every((item, i) => fits(typeOfExpr(item), value[i]));
    case "object": {
      if (!isPlainObject(value)) return false;
      const keys = new Set(expr.entries.map((entry) => entry.key));
      if (Object.keys(value).some((key) => !keys.has(key) && value[key] !== undefined && value[key] !== NONE)) return false;
      return expr.entries.every((entry) => fits(typeOfExpr(entry.value), Object.hasOwn(value, entry.key) ? value[entry.key] : NONE));
    }
  }
}

/** `value` converted to `type` under `rules`, or the message of why it does not convert. */
export function tryConvert(rules: ConversionRules, type: TypeExpr, value: unknown): { readonly value: unknown } | { readonly error: string } {
  try {
    return { value: convertToType(rules, type, value) };
  } catch (error) {
    if (error instanceof ConversionFailure) return { error: error.message };
    throw error;
  }
}

/** `value` converted to `type` under `rules`; throws ConversionFailure with SurrealDB's message. */
export function convertToType(rules: ConversionRules, type: TypeExpr, value: unknown): unknown {
  const normal = normalizeType(type);
  switch (normal.kind) {
    case "named": {
      const converted = rules.named(normal.name, value);
      return converted === undefined ? fail(rules, normal.name, value) : converted.value;
    }
    case "option":
    case "union": {
      const members = normal.kind === "union" ? normal.members : [normal.inner];
      for (const member of members) {
        try {
          return convertToType(rules, member, value);
        } catch (error) {
          if (!(error instanceof ConversionFailure)) throw error;
        }
      }
      return fail(rules, typeText(normal), value);
    }
    case "array":
    case "set":
      return convertCollection(rules, normal, value);
    case "record":
      return convertRecord(rules, normal.tables, value);
    case "geometry":
      return convertGeometry(rules, normal.kinds, value);
    case "literal":
    {
      const literal = literalTypeExpr(normal.value);
      return literal && matchesLiteral(rules, literal, value) ? value : fail(rules, typeText(normal), value);
    }
  }
}
