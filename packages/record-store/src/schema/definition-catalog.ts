// `_baton_catalog`: the SurrealQL text of each DEFINE TABLE/FIELD/INDEX/FUNCTION/PARAM of a tenant,
// keyed by kind, table and name (docs/record-model.md, "Definitions: `_baton_catalog`"). Rows
// are read, written and deleted here; when to create the table is the store's decision.
import type { SqlConnection, SqlValue } from "@baton/adapters-kysely";
import type { StoreDialect } from "../dialects/store-dialect.js";
import type { Definition, DefinitionKind } from "../record-store.js";
import { byCodePoint } from "../values/json-image.js";
import { CATALOG_TABLE } from "./table-schema.js";

const KINDS: ReadonlySet<string> = new Set<DefinitionKind>(["table", "field", "index", "function", "param"]);

/** The kinds whose definitions belong to one table, removed with it. */
export const TABLE_KINDS: readonly DefinitionKind[] = ["table", "field", "index"];

async function run(connection: SqlConnection, sql: string, args: readonly SqlValue[] = []) {
  return connection.execute({ sql, args, namedArgs: [], wantRows: true });
}

const columns = (dialect: StoreDialect): string => ["kind", "tb", "name", "text"].map((name) => dialect.quote(name)).join(", ");

/** Orders definitions by kind, table, name, each by code point. */
export function byDefinitionKey(a: Definition, b: Definition): number {
  return byCodePoint(a.kind, b.kind) || byCodePoint(a.table, b.table) || byCodePoint(a.name, b.name);
}

/** Every definition in the catalog (which must exist), in key order; rows of unknown kinds are skipped. */
export async function readDefinitions(connection: SqlConnection, dialect: StoreDialect): Promise<Definition[]> {
  const result = await run(connection, `SELECT ${columns(dialect)} FROM ${dialect.quote(CATALOG_TABLE)}`);
  const definitions: Definition[] = [];
  for (const [kind, table, name, text] of result.rows) {
    if (typeof kind !== "string" || !KINDS.has(kind)) continue;
    definitions.push({ kind: kind as DefinitionKind, table: String(table), name: String(name), text: String(text) });
  }
  return definitions.sort(byDefinitionKey);
}

/** Inserts or overwrites one definition. */
export async function writeDefinition(input: { connection: SqlConnection; dialect: StoreDialect; definition: Definition }): Promise<void> {
  const { connection, dialect, definition } = input;
  await run(connection, dialect.upsertDefinition, [definition.kind, definition.table, definition.name, definition.text]);
}

/** Deletes the definitions of `kinds` on `table` (and named `name`, when given); returns how many. */
export async function deleteDefinitions(input: {
  connection: SqlConnection;
  dialect: StoreDialect;
  kinds: readonly DefinitionKind[];
  table: string;
  name?: string;
}): Promise<number> {
  const { connection, dialect, kinds, table, name } = input;
  const q = (column: string) => dialect.quote(column);
  const args: SqlValue[] = [...kinds, table];
  let where = `${q("kind")} IN (${kinds.map(() => "?").join(", ")}) AND ${q("tb")} = ?`;
  if (name !== undefined) {
    where += ` AND ${q("name")} = ?`;
    args.push(name);
  }
  const result = await run(connection, `DELETE FROM ${q(CATALOG_TABLE)} WHERE ${where}`, args);
  return result.affectedRowCount;
}
