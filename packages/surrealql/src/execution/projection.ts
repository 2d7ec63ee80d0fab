// SELECT's projection (`*`, `a.b`, `expr AS x`, `VALUE expr`, `OMIT`, the SDK's `type::fields($b)`)
// applied to one document, the output names SurrealDB gives unnamed expressions, and FETCH.
import { formatValue, NONE, RecordId } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { Expr, FieldItem, IdiomExpr, IdiomPart, Projection } from "../syntax/ast.js";
import { isPlainObject } from "../values/value-equality.js";
import { removeAt, valueAt, writePath, type FieldPath } from "./document-paths.js";
import { withDocument, type Scope } from "./execution-scope.js";
import { fetchRecord, type Evaluate } from "./idiom-walker.js";

type Path = FieldPath;

/** The field path a name given to `type::field(s)` stands for (`name.first` → [name, first]). */
function pathOfName(name: unknown): Path {
  if (typeof name !== "string" || name === "") throw RpcError.validation(`Can not use ${formatValue(name)} as a field name`);
  return name.split(".");
}

/** The field path of an idiom made only of field parts, else undefined. */
export function plainPath(expr: Expr): Path | undefined {
  if (expr.kind !== "idiom" || expr.root !== undefined) return undefined;
  const names: string[] = [];
  for (const part of expr.parts) {
    if (part.kind !== "field") return undefined;
    names.push(part.name);
  }
  return names.length > 0 ? names : undefined;
}

/** `type::field($b)` / `type::fields($b)`: the field paths the bound names stand for. */
async function namedPaths(expr: Expr, options: { scope: Scope; evaluate: Evaluate }): Promise<Path[] | undefined> {
  if (expr.kind !== "call") return undefined;
  const name = expr.name.toLowerCase();
  if (name !== "type::field" && name !== "type::fields") return undefined;
  const [arg] = expr.args;
  if (arg === undefined) return [];
  const value = await options.evaluate(arg, options.scope);
  if (name === "type::field") return [pathOfName(value)];
  if (!Array.isArray(value)) throw RpcError.validation(`Incorrect arguments for function type::fields(). Argument 1 was the wrong type. Expected an array.`);
  return value.map(pathOfName);
}

function partText(part: IdiomPart): string {
  switch (part.kind) {
    case "field":
      return `.${part.name}`;
    case "index":
      return `[${exprText(part.index)}]`;
    case "last":
      return "[$]";
    case "all":
      return "[*]";
    case "where":
      return `[WHERE ${exprText(part.condition)}]`;
    case "method":
      return `.${part.name}(${part.args.map(exprText).join(", ")})`;
    case "call":
      return `(${part.args.map(exprText).join(", ")})`;
    case "graph": {
      const arrow = part.direction === "out" ? "->" : part.direction === "in" ? "<-" : "<->";
      const tables = part.tables.length === 0 ? "?" : part.tables.join(", ");
      return part.tables.length > 1 || part.condition !== undefined ? `${arrow}(${tables}${part.condition === undefined ? "" : ` WHERE ${exprText(part.condition)}`})` : `${arrow}${tables}`;
    }
  }
}

/** The output name SurrealDB gives an unnamed projected expression (its text; a call's name). */
export function exprText(expr: Expr): string {
  switch (expr.kind) {
    case "idiom": {
      const text = (expr.root === undefined ? "" : exprText(expr.root)) + expr.parts.map(partText).join("");
      return text.startsWith(".") ? text.slice(1) : text;
    }
    case "call":
      return expr.name;
    case "param":
      return `$${expr.name}`;
    case "literal":
      return formatValue(expr.value);
    case "table":
      return expr.name;
    case "binary":
      return `${exprText(expr.left)} ${expr.op === "and" ? "AND" : expr.op === "or" ? "OR" : expr.op} ${exprText(expr.right)}`;
    case "unary":
      return `${expr.op === "not" ? "!" : expr.op === "negate" ? "-" : "+"}${exprText(expr.operand)}`;
    case "array":
    case "object":
    case "record-id":
    case "range":
    case "cast":
    case "subquery":
    case "if":
    case "block":
    case "mock":
    case "closure":
      // SurrealDB prints these in full; Baton names them by kind (give them an alias with AS).
      return expr.kind;
  }
}

/** An expression as SurrealQL text with calls' arguments (`string::is_email($value)`), for messages. */
export function exprSource(expr: Expr): string {
  if (expr.kind === "call") return `${expr.name}(${expr.args.map(exprSource).join(", ")})`;
  if (expr.kind === "binary") {
    return `${exprSource(expr.left)} ${expr.op === "and" ? "AND" : expr.op === "or" ? "OR" : expr.op} ${exprSource(expr.right)}`;
  }
  if (expr.kind === "unary") return `${expr.op === "not" ? "!" : expr.op === "negate" ? "-" : "+"}${exprSource(expr.operand)}`;
  return exprText(expr);
}

/** The path an alias (`AS a.b`) writes to. */
function aliasPath(alias: IdiomExpr): Path {
  return plainPath(alias) ?? [exprText(alias)];
}

export interface ProjectOptions {
  readonly scope: Scope;
  readonly evaluate: Evaluate;
}

/** One item of a field projection written into `output`. */
async function projectItem(item: FieldItem, document: unknown, options: ProjectOptions & { output: Record<string, unknown> }): Promise<void> {
  const { output } = options;
  const scope = withDocument(options.scope, document);
  if (item.kind === "all") {
    if (isPlainObject(document)) Object.assign(output, document);
    return;
  }
  const named = await namedPaths(item.expr, { scope, evaluate: options.evaluate });
  if (named !== undefined) {
    for (const path of named) writePath(output, path, valueAt(document, path));
    return;
  }
  const value = await options.evaluate(item.expr, scope);
  const path = item.alias !== undefined ? aliasPath(item.alias) : (plainPath(item.expr) ?? [exprText(item.expr)]);
  // SurrealDB answers a named field a record lacks as NONE (`SELECT name …` → `{ name: NONE }`).
  writePath(output, path, value);
}

/** The projection of one document: an object of the chosen fields, or the VALUE. */
export async function project(projection: Projection, document: unknown, options: ProjectOptions): Promise<unknown> {
  if (projection.kind === "value") {
    const scope = withDocument(options.scope, document);
    const named = await namedPaths(projection.expr, { scope, evaluate: options.evaluate });
    if (named !== undefined) return named[0] === undefined ? NONE : valueAt(document, named[0]);
    return options.evaluate(projection.expr, scope);
  }
  const onlyAll = projection.items.length === 1 && projection.items[0]?.kind === "all";
  if (onlyAll && !isPlainObject(document)) return document;
  const output: Record<string, unknown> = {};
  for (const item of projection.items) await projectItem(item, document, { ...options, output });
  for (const omitted of projection.omit ?? []) {
    const path = plainPath(omitted);
    if (path !== undefined) removeAt(output, path);
  }
  return output;
}

/** FETCH: the record ids at each path replaced by their records (in arrays too). */
export async function fetchPaths(row: unknown, fetch: readonly Expr[], options: ProjectOptions): Promise<unknown> {
  let result = row;
  for (const expr of fetch) {
    const paths = (await namedPaths(expr, options)) ?? [plainPath(expr) ?? [exprText(expr)]];
    for (const path of paths) result = await fetchAt(result, path, options.scope);
  }
  return result;
}

async function fetched(value: unknown, scope: Scope): Promise<unknown> {
  if (value instanceof RecordId) return fetchRecord(scope, value);
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) items.push(await fetched(item, scope));
    return items;
  }
  return value;
}

async function fetchAt(value: unknown, path: Path, scope: Scope): Promise<unknown> {
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) items.push(await fetchAt(item, path, scope));
    return items;
  }
  const [head, ...rest] = path;
  if (head === undefined) return fetched(value, scope);
  if (!isPlainObject(value) || !Object.hasOwn(value, head)) return value;
  return { ...value, [head]: await fetchAt(value[head], rest, scope) };
}
