// The database work of the bare Postgres baselines, and nothing more: a `pg` Pool of Baton's
// default size (16) with search_path set to the scenario's schema at connect time, Hrana's `?`
// placeholders rewritten to `$n` once per SQL text, argument values read without validation,
// rows returned as plain arrays.
import pg from "pg";
import { parseBaselineArgs, requiredFlag } from "./bare-sqlite.js";

/** Baton's default Postgres pool size (`--pool-size`, packages/adapters-kysely postgres-adapter.ts). */
const POOL_SIZE = 16;

export interface BarePgStmt {
  readonly sql: string;
  readonly args?: readonly { readonly type: string; readonly value?: string | number }[];
}

/** `?` placeholders as `$1`, `$2`, … (the scenarios' SQL has no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export class BarePg {
  readonly #pool: pg.Pool;
  readonly #texts = new Map<string, string>();

  constructor(options: { url: string; schema: string }) {
    this.#pool = new pg.Pool({
      connectionString: options.url,
      max: POOL_SIZE,
      options: `-c search_path=${pg.escapeIdentifier(options.schema)}`,
    });
  }

  /** Rows as arrays for a query, `{ changes }` for anything else. */
  async run(stmt: BarePgStmt): Promise<{ rows: unknown[] } | { changes: number }> {
    let text = this.#texts.get(stmt.sql);
    if (text === undefined) {
      text = numbered(stmt.sql);
      this.#texts.set(stmt.sql, text);
    }
    const values = (stmt.args ?? []).map((arg) => (arg.type === "null" ? null : arg.value));
    const result = await this.#pool.query({ text, values, rowMode: "array" });
    return result.command === "SELECT" ? { rows: result.rows } : { changes: result.rowCount ?? 0 };
  }
}

/** `--bind HOST:PORT --data DIR --store URL --schema NAME` (the data directory goes unused). */
export function parsePgBaselineArgs(argv: readonly string[]): { host: string; port: number; url: string; schema: string } {
  const { host, port } = parseBaselineArgs(argv);
  return { host, port, url: requiredFlag(argv, "--store"), schema: requiredFlag(argv, "--schema") };
}
