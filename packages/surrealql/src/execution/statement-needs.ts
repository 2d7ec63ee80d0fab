// What a statement needs before it runs: the tenant's store at all (`time::now()` and `RETURN 1`
// do not, so they work before `use` and cost no connection), and whether it may write.
import type { Statement } from "../syntax/ast.js";

const WRITES: ReadonlySet<string> = new Set([
  "create",
  "update",
  "upsert",
  "delete",
  "insert",
  "relate",
  "define-table",
  "define-field",
  "define-index",
  "define-function",
  "define-param",
  "remove",
]);

/** Node kinds that read records: any of them anywhere means the statement needs the store. */
const READS: ReadonlySet<string> = new Set([...WRITES, "select", "info", "table", "record-id", "graph", "subquery"]);

/** Visits every syntax node (plain objects with a `kind`) under `node`; stops when `visit` says so. */
function someNode(node: unknown, visit: (node: { kind: string; [key: string]: unknown }) => boolean): boolean {
  if (Array.isArray(node)) return node.some((item) => someNode(item, visit));
  if (typeof node !== "object" || node === null || Object.getPrototypeOf(node) !== Object.prototype) return false;
  const record = node as { kind?: unknown; [key: string]: unknown };
  if (typeof record.kind === "string" && visit(record as { kind: string })) return true;
  return Object.values(record).some((child) => someNode(child, visit));
}

/**
 * True unless the statement surely touches no record: no statement or path that reads records,
 * no `fn::`/`record::` call, no variable that may hold a record link walked by a path, and no
 * variable that may be a database's DEFINE PARAM.
 */
export function needsStore(statement: Statement, knownVariable: (name: string) => boolean): boolean {
  if (statement.kind === "use" || statement.kind === "begin" || statement.kind === "commit" || statement.kind === "cancel") return false;
  return someNode(statement, (node) => {
    if (READS.has(node.kind)) return true;
    if (node.kind === "call" && typeof node["name"] === "string") return /^(fn|record|meta)::/i.test(node["name"]);
    if (node.kind === "idiom") return Array.isArray(node["parts"]) && node["parts"].length > 0;
    if (node.kind === "param" && typeof node["name"] === "string") return !knownVariable(node["name"]);
    return false;
  });
}

/** True when the statement cannot write (so its transaction may be read only). */
export function readOnly(statement: Statement): boolean {
  return !someNode(statement, (node) => WRITES.has(node.kind) || (node.kind === "call" && typeof node["name"] === "string" && /^fn::/i.test(node["name"])));
}
