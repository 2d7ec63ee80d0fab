// The first column of a catalog query as names: how each dialect lists its tables.
import type { SqlConnection } from "@baton/adapters-kysely";

/** Runs `sql` (no parameters) and returns its first column as text. */
export async function names(connection: SqlConnection, sql: string): Promise<string[]> {
  const result = await connection.execute({ sql, args: [], namedArgs: [], wantRows: true });
  return result.rows.map((row) => String(row[0]));
}
