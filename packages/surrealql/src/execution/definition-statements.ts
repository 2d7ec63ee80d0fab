// DEFINE TABLE/FIELD/INDEX/FUNCTION/PARAM, REMOVE … and INFO FOR …: definitions are kept in the
// record store's catalog as SurrealDB's normalised SurrealQL of them (INFO FOR answers that text).
import { formatRecordId, formatValue, NONE, RecordId } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import type { DefinitionKind, RecordStore } from "@baton/record-store";
import type { DefineIndexStatement, InfoStatement, RemoveStatement } from "../syntax/ast.js";
import { type DefineStatement, printDefinition } from "../syntax/definition-printer.js";
import { looselyEqual } from "../values/value-equality.js";
import { valueAt } from "./document-paths.js";
import { requireStore, type Scope } from "./execution-scope.js";
import type { Evaluate } from "./idiom-walker.js";
import { exprText, plainPath } from "./projection.js";


export interface DefinitionOptions {
  readonly scope: Scope;
  readonly evaluate: Evaluate;
}

/** SurrealDB's name for each kind in messages, and how it shows a definition's name. */
const SHOWN: Readonly<Record<DefinitionKind, (name: string) => string>> = {
  table: (name) => `The table '${name}'`,
  field: (name) => `The field '${name}'`,
  index: (name) => `The index '${name}'`,
  function: (name) => `The function 'fn::${name}'`,
  param: (name) => `The param '$${name}'`,
};

function keyOf(statement: DefineStatement): { kind: DefinitionKind; table: string; name: string } {
  switch (statement.kind) {
    case "define-table":
      return { kind: "table", table: statement.name, name: statement.name };
    case "define-field":
      return { kind: "field", table: statement.table, name: exprText(statement.field) };
    case "define-index":
      return { kind: "index", table: statement.table, name: statement.name };
    case "define-function":
      return { kind: "function", table: "", name: statement.name };
    case "define-param":
      return { kind: "param", table: "", name: statement.name };
  }
}

/** A UNIQUE index may not be defined over records that already break it. */
async function checkUnique(store: RecordStore, statement: DefineIndexStatement): Promise<void> {
  if (!statement.unique || (await store.table(statement.table)) === undefined) return;
  const paths = statement.fields.map((field) => plainPath(field) ?? []);
  const { records } = await store.select(statement.table, {});
  const seen: { values: unknown[]; id: unknown }[] = [];
  for (const record of records) {
    const values = paths.map((path) => valueAt(record, path));
    if (values.every((value) => value === NONE)) continue;
    const earlier = seen.find((entry) => entry.values.every((value, i) => looselyEqual(value, values[i])));
    if (earlier !== undefined) {
      const id = record["id"];
      throw new RpcError("INTERNAL", `Database index \`${statement.name}\` already contains ${formatValue(values.length === 1 ? values[0] : values)}, with record \`${id instanceof RecordId ? formatRecordId(id) : "?"}\``, {
        kind: "AlreadyExists",
        details: { kind: "Index", details: { name: statement.name } },
      });
    }
    seen.push({ values, id: record["id"] });
  }
}

export async function runDefine(statement: DefineStatement, options: DefinitionOptions): Promise<unknown> {
  const store = requireStore(options.scope);
  const key = keyOf(statement);
  const exists = (await store.definitions({ kind: key.kind, table: key.table || undefined })).some((item) => item.name === key.name && item.table === key.table);
  if (exists && statement.mode === "if-not-exists") return NONE;
  if (exists && statement.mode === "create") {
    throw new RpcError("INTERNAL", `${SHOWN[key.kind](key.name)} already exists`, { kind: "AlreadyExists", details: { kind: key.kind === "table" ? "Table" : "Definition", details: { name: key.name } } });
  }
  // A param is defined with its value computed once, as SurrealDB does: store that value.
  const defined = statement.kind === "define-param" ? { ...statement, value: { kind: "literal" as const, value: await options.evaluate(statement.value, options.scope) } } : statement;
  // Stored normalised, as SurrealDB answers it in INFO FOR; definition-cache.ts parses it back.
  const text = printDefinition(defined, { source: options.scope.context.source });
  if (statement.kind === "define-index") await checkUnique(store, statement);
  // DEFINE TABLE makes no SQL table: the first write does, and until then SELECT finds the
  // definition and answers no records (select-statement.ts).
  await store.define({ ...key, text });
  return NONE;
}

export async function runRemove(statement: RemoveStatement, options: DefinitionOptions): Promise<unknown> {
  const store = requireStore(options.scope);
  let removed: boolean;
  if (statement.what === "table") removed = await store.dropTable(statement.name);
  else {
    const kind: DefinitionKind = statement.what;
    const name = kind === "function" ? statement.name.replace(/^fn::/i, "") : statement.name.replace(/^\$/, "");
    removed = await store.undefine({ kind, table: statement.table ?? "", name });
  }
  if (!removed && !statement.ifExists) {
    const shown = SHOWN[statement.what](statement.name.replace(/^fn::/i, "").replace(/^\$/, ""));
    throw new RpcError("INTERNAL", `${shown} does not exist`, { kind: "NotFound", details: { kind: statement.what === "table" ? "Table" : "Definition", details: { name: statement.name } } });
  }
  return NONE;
}

const byName = (entries: readonly { name: string; text: string }[]) => Object.fromEntries(entries.map((entry) => [entry.name, entry.text]));

export async function runInfo(statement: InfoStatement, options: DefinitionOptions): Promise<unknown> {
  const { session } = options.scope.context.host;
  switch (statement.level) {
    case "root":
      return { accesses: {}, namespaces: session.namespace === undefined ? {} : { [session.namespace]: `DEFINE NAMESPACE ${session.namespace}` }, nodes: {}, users: {} };
    case "namespace":
      return { accesses: {}, databases: session.database === undefined ? {} : { [session.database]: `DEFINE DATABASE ${session.database}` }, users: {} };
    case "database": {
      const store = requireStore(options.scope);
      const definitions = await store.definitions();
      const tables: Record<string, string> = {};
      // Tables made by writes are defined implicitly, as SurrealDB defines them on first write.
      for (const table of await store.tables()) tables[table.name] = `DEFINE TABLE ${table.name} TYPE ${table.edge ? "RELATION" : "ANY"} SCHEMALESS PERMISSIONS NONE`;
      Object.assign(tables, byName(definitions.filter((item) => item.kind === "table")));
      const functions = definitions.filter((item) => item.kind === "function").map((item) => ({ name: item.name, text: item.text }));
      const params = definitions.filter((item) => item.kind === "param");
      return { accesses: {}, analyzers: {}, apis: {}, configs: {}, functions: byName(functions), models: {}, params: byName(params), sequences: {}, tables, users: {} };
    }
    case "table": {
      const store = requireStore(options.scope);
      const table = statement.table ?? "";
      const definitions = await store.definitions({ table });
      return {
        events: {},
        fields: byName(definitions.filter((item) => item.kind === "field")),
        indexes: byName(definitions.filter((item) => item.kind === "index")),
        lives: {},
        tables: {},
      };
    }
  }
}
