// The SurrealQL text of a type (SurrealDB's `Kind` to_sql), as its cast and coercion messages quote
// it: `int`, `none | int` for option<int>, `array<string>`, `record<person | user>`.
import { formatValue } from "@baton/codecs";
import type { ArrayExpr, Expr, LiteralExpr, ObjectExpr, TypeExpr } from "../syntax/ast.js";
import { GEOMETRY_KINDS } from "./value-kind.js";

/**
 * The one spelling of a type: `option<T>` is `none | T`, bare `array`/`set`/`record`/`geometry`
 * names are their structured kinds, and `point`, `line`, … are geometry kinds.
 */
export function normalizeType(type: TypeExpr): TypeExpr {
  if (type.kind === "option") return { kind: "union", members: [{ kind: "named", name: "none" }, type.inner] };
  if (type.kind !== "named") return type;
  const name = type.name.toLowerCase();
  if (name === "array" || name === "set") return { kind: name };
  if (name === "record") return { kind: "record", tables: [] };
  if (name === "geometry") return { kind: "geometry", kinds: [] };
  if (GEOMETRY_KINDS.includes(name)) return { kind: "geometry", kinds: [name] };
  return { kind: "named", name };
}

/** The expressions a literal type is written with: a value, `[…]` of types, `{ k: type }`. */
export type LiteralTypeExpr = LiteralExpr | ArrayExpr | ObjectExpr;

/** The literal type `expr` spells, or undefined for an expression that spells none. */
export function literalTypeExpr(expr: Expr): LiteralTypeExpr | undefined {
  return expr.kind === "literal" || expr.kind === "array" || expr.kind === "object" ? expr : undefined;
}

/** A literal type's text: `'a'`, `1`, `[int, string]`, `{ a: int }`. */
function literalText(expr: LiteralTypeExpr): string {
  switch (expr.kind) {
    case "literal":
      return formatValue(expr.value);
    case "array":
      return `[${expr.items.map((item) => typeText(typeOfExpr(item))).join(", ")}]`;
    case "object":
      return `{ ${expr.entries.map((entry) => `${entry.key}: ${typeText(typeOfExpr(entry.value))}`).join(", ")} }`;
  }
}

/**
 * The type an expression inside a literal type stands for: a literal value stands for itself, a
 * bare name (`{ a: int }` parses `int` as a table or field name) for the named type.
 */
export function typeOfExpr(expr: Expr): TypeExpr {
  if (expr.kind === "table") return normalizeType({ kind: "named", name: expr.name });
  if (expr.kind === "idiom" && expr.root === undefined && expr.parts.length === 1 && expr.parts[0]?.kind === "field") {
    return normalizeType({ kind: "named", name: expr.parts[0].name });
  }
  return { kind: "literal", value: expr };
}

/** SurrealDB's text of `type`. */
export function typeText(type: TypeExpr): string {
  const normal = normalizeType(type);
  switch (normal.kind) {
    case "named":
      return normal.name;
    case "option":
      return typeText(normal);
    case "array":
    case "set": {
      if (normal.inner === undefined && normal.max === undefined) return normal.kind;
      const inner = typeText(normal.inner ?? { kind: "named", name: "any" });
      return normal.max === undefined ? `${normal.kind}<${inner}>` : `${normal.kind}<${inner}, ${normal.max}>`;
    }
    case "record":
      return normal.tables.length === 0 ? "record" : `record<${normal.tables.join(" | ")}>`;
    case "geometry":
      return normal.kinds.length === 0 ? "geometry" : `geometry<${normal.kinds.join(" | ")}>`;
    case "union":
      return normal.members.map(typeText).join(" | ");
    case "literal": {
      const literal = literalTypeExpr(normal.value);
      return literal === undefined ? "any" : literalText(literal);
    }
  }
}
