import { Type } from "@sinclair/typebox";
import { describe, expect, it } from "vitest";
import { printType } from "./type-printer.js";

const Value = Type.Union(
  [Type.Object({ type: Type.Literal("null") }), Type.Object({ type: Type.Literal("integer"), value: Type.String() })],
  { $id: "Value" },
);
const Row = Type.Object(
  {
    values: Type.Array(Value),
    note: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    count: Type.Integer(),
    ok: Type.Boolean(),
    extra: Type.Unknown(),
  },
  { $id: "Row" },
);
const named = new Set(["Value", "Row"]);

describe("printType", () => {
  it("prints an object with optional, nullable and referenced members", () => {
    expect(printType(Row, named)).toBe(
      [
        "{",
        '  "values": Array<Value>;',
        '  "note"?: string | null;',
        '  "count": number;',
        '  "ok": boolean;',
        '  "extra": unknown;',
        "}",
      ].join("\n"),
    );
  });

  it("prints a named schema in full at the root and by name when nested", () => {
    expect(printType(Value, named)).toBe('{\n  "type": "null";\n} | {\n  "type": "integer";\n  "value": string;\n}');
    expect(printType(Type.Array(Value), named)).toBe("Array<Value>");
    expect(printType(Type.Array(Value), new Set())).toContain('"type": "integer"');
  });

  it("prints literals, empty objects and recursive references", () => {
    expect(printType(Type.Literal(42), named)).toBe("42");
    expect(printType(Type.Object({}), named)).toBe("{}");
    const Tree = Type.Recursive((This) => Type.Object({ children: Type.Array(This) }), { $id: "Tree" });
    expect(printType(Tree.properties.children, new Set(["Tree"]))).toBe("Array<Tree>");
  });

  it("prints tuples of exact length, empty ones included", () => {
    expect(printType(Type.Tuple([Type.String(), Type.Unknown()]), named)).toBe("[string, unknown]");
    expect(printType(Type.Tuple([]), named)).toBe("[]");
    expect(printType(Type.Union([Type.Tuple([Value]), Type.Tuple([Value, Type.Boolean()])]), named)).toBe(
      "[Value] | [Value, boolean]",
    );
  });

  it("refuses kinds it cannot print, naming the schema", () => {
    expect(() => printType(Type.Any({ $id: "Loose" }), named)).toThrow(/unsupported schema kind Any \(Loose\)/);
  });
});
