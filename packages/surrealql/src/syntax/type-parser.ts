// SurrealQL types, as written in casts (`<int>`), `LET $x: int`, `DEFINE FIELD … TYPE` and function
// parameters: names, `option<…>`, `array<…, n>`, `set<…>`, `record<a | b>`, `geometry<…>`,
// unions and literal types.
import type { TypeExpr } from "./ast.js";
import { keywordLiteral, numberLiteral, textLiteral } from "./literal-parser.js";
import type { TokenStream } from "./token-stream.js";

const NAMED_TYPES = new Set([
  "any",
  "null",
  "none",
  "bool",
  "int",
  "float",
  "decimal",
  "number",
  "string",
  "datetime",
  "duration",
  "uuid",
  "bytes",
  "object",
  "regex",
  "point",
  "range",
  "table",
  "function",
]);

const GEOMETRY_KINDS = new Set(["feature", "point", "line", "polygon", "multipoint", "multiline", "multipolygon", "collection"]);

/** A type, unions included (`int | string`). */
export function parseType(stream: TokenStream): TypeExpr {
  return stream.nested(() => {
    const first = parseSingleType(stream);
    if (!stream.isPunct("|")) return first;
    const members = [first];
    while (stream.eatPunct("|")) members.push(parseSingleType(stream));
    return { kind: "union", members };
  });
}

/** `a | b | c` names inside `record<…>` or `geometry<…>`, up to and including the closing `>`. */
function nameList(stream: TokenStream, allowed?: ReadonlySet<string>): string[] {
  const open = stream.expectPunct("<");
  const names: string[] = [];
  do {
    const token = stream.peek();
    const name = token.kind === "word" ? token.text : token.kind === "ident" ? token.name : undefined;
    if (name === undefined || (allowed !== undefined && !allowed.has(name.toLowerCase()))) {
      throw stream.unexpected(allowed === undefined ? "a table name" : "a geometry kind name");
    }
    stream.next();
    names.push(allowed === undefined ? name : name.toLowerCase());
  } while (stream.eatPunct("|"));
  stream.expectClosing(">", open);
  return names;
}

/** `<inner[, max]>` of `array` and `set`. */
function collectionType(stream: TokenStream, kind: "array" | "set"): TypeExpr {
  if (!stream.isPunct("<")) return { kind };
  const open = stream.next();
  const inner = parseType(stream);
  let max: number | undefined;
  if (stream.eatPunct(",")) {
    const token = stream.peek();
    if (token.kind !== "number" || token.numeric !== "int") throw stream.unexpected("a maximum length");
    stream.next();
    max = Number(token.digits);
  }
  stream.expectClosing(">", open);
  return max === undefined ? { kind, inner } : { kind, inner, max };
}

/** A literal type (`"a"`, `1`, `-1`, `true`, `1h`), or undefined when the next token starts none. */
function literalType(stream: TokenStream): TypeExpr | undefined {
  const token = stream.peek();
  if (token.kind === "punct" && token.symbol === "-" && stream.peek(1).kind === "number") {
    stream.next();
    return { kind: "literal", value: numberLiteral({ stream, token: stream.next(), sign: "-" }) };
  }
  // `none` and `null` are the type names, not literal types.
  const isTypeName = token.kind === "word" && (token.upper === "NONE" || token.upper === "NULL");
  const value = isTypeName ? undefined : (keywordLiteral(token) ?? textLiteral(token));
  if (value !== undefined || token.kind === "number") {
    stream.next();
    return { kind: "literal", value: value ?? numberLiteral({ stream, token }) };
  }
  return undefined;
}

/** One type without a union (`int`, `array<int>`, `"a"`). */
export function parseSingleType(stream: TokenStream): TypeExpr {
  const literal = literalType(stream);
  if (literal !== undefined) return literal;
  const token = stream.peek();
  if (token.kind !== "word") throw stream.unexpected("a type name");
  const name = token.text.toLowerCase();
  stream.next();
  switch (name) {
    case "option": {
      const open = stream.expectPunct("<");
      const inner = parseType(stream);
      stream.expectClosing(">", open);
      return { kind: "option", inner };
    }
    case "array":
    case "set":
      return collectionType(stream, name);
    case "record":
      return { kind: "record", tables: stream.isPunct("<") ? nameList(stream) : [] };
    case "geometry":
      return stream.isPunct("<") ? { kind: "geometry", kinds: nameList(stream, GEOMETRY_KINDS) } : { kind: "named", name };
    default:
      if (!NAMED_TYPES.has(name)) stream.fail({ reason: `Unexpected token \`${token.text}\`, expected a type name`, at: token });
      if (name === "table" && stream.isPunct("<")) {
        stream.fail({ reason: "The type `table<…>` is not supported by Baton", at: token });
      }
      return { kind: "named", name };
  }
}
