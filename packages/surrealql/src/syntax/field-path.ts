// The canonical text of a field path (`name.first`, `tags[*]`), the name under which DEFINE FIELD
// and REMOVE FIELD refer to the same field however it was written.
import type { IdiomExpr } from "./ast.js";

/**
 * `name.first`, `tags[*]`, `list[$]`, `items[0].id` for a path of fields, `*`, `$` and int
 * indexes; undefined for paths no field definition can have (graph hops, conditions, calls).
 */
export function fieldPathText(path: IdiomExpr): string | undefined {
  if (path.root !== undefined) return undefined;
  let text = "";
  for (const part of path.parts) {
    switch (part.kind) {
      case "field":
        text += text === "" ? part.name : `.${part.name}`;
        break;
      case "all":
        text += "[*]";
        break;
      case "last":
        text += "[$]";
        break;
      case "index":
        if (part.index.kind !== "literal" || typeof part.index.value !== "number") return undefined;
        text += `[${part.index.value}]`;
        break;
      case "where":
      case "graph":
      case "method":
      case "call":
        return undefined;
    }
  }
  return text === "" ? undefined : text;
}
