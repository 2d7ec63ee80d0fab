// Prints a TypeBox schema as a TypeScript type expression (the subset Baton's schemas use).
import { Kind, OptionalKind, type TSchema } from "@sinclair/typebox";

/** Prints `schema`; nested schemas whose $id is in `named` are printed as references. */
export function printType(schema: TSchema, named: ReadonlySet<string>, isRoot = true): string {
  if (!isRoot && typeof schema.$id === "string" && named.has(schema.$id)) return schema.$id;
  const print = (s: TSchema) => printType(s, named, false);
  switch (schema[Kind]) {
    case "Object": {
      const props = Object.entries(schema.properties as Record<string, TSchema>);
      if (props.length === 0) return "{}";
      const lines = props.map(([key, value]) => {
        const optional = value[OptionalKind] === "Optional" ? "?" : "";
        return `  ${JSON.stringify(key)}${optional}: ${indent(print(value))};`;
      });
      return `{\n${lines.join("\n")}\n}`;
    }
    case "Union":
      return (schema.anyOf as TSchema[]).map((s) => wrapUnionMember(print(s))).join(" | ");
    case "Literal":
      return JSON.stringify(schema.const);
    case "String":
      return "string";
    case "Number":
    case "Integer":
      return "number";
    case "Boolean":
      return "boolean";
    case "Null":
      return "null";
    case "Unknown":
      return "unknown";
    case "Array":
      return `Array<${print(schema.items as TSchema)}>`;
    case "Tuple":
      return `[${((schema.items as TSchema[] | undefined) ?? []).map(print).join(", ")}]`;
    case "Ref":
    case "This":
      return String(schema.$ref);
    default:
      throw new Error(`codegen: unsupported schema kind ${String(schema[Kind])} (${schema.$id ?? "anonymous"})`);
  }
}

function indent(text: string): string {
  return text.replace(/\n/g, "\n  ");
}

function wrapUnionMember(text: string): string {
  return text.includes(" | ") && !text.startsWith("{") ? `(${text})` : text;
}
