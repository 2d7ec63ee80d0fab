// Kysely's Postgres introspector narrowed to the tenant's schema (the session's current_schema):
// Kysely's own lists every schema of the database, which would show tenants each other's tables.
import {
  PostgresIntrospector,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
} from "kysely";

export class TenantSchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;
  readonly #all: PostgresIntrospector;

  constructor(db: Kysely<unknown>) {
    this.#db = db;
    this.#all = new PostgresIntrospector(db);
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    return [{ name: await this.#schema() }];
  }

  async getTables(options?: DatabaseMetadataOptions): Promise<TableMetadata[]> {
    const schema = await this.#schema();
    return (await this.#all.getTables(options)).filter((table) => table.schema === schema);
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }

  async #schema(): Promise<string> {
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(this.#db);
    return rows[0]?.schema ?? "";
  }
}
