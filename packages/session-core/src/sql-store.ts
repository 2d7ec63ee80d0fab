// SQL texts stored by a client under small integer ids (Hrana `store_sql`/`close_sql`), with
// limits on how many and how long. Over HTTP a store belongs to one stream, over WebSocket to
// the whole connection.
import { GatewayError } from "@baton/protocol-types";

export interface SqlStoreLimits {
  /** How many texts may be stored at once. */
  readonly maxCount: number;
  /** The longest text, in UTF-16 code units. */
  readonly maxLength: number;
}

export class SqlStore {
  readonly #texts = new Map<number, string>();
  readonly #limits: SqlStoreLimits;

  constructor(limits: SqlStoreLimits) {
    this.#limits = limits;
  }

  store(id: number, sql: string): void {
    if (this.#texts.has(id)) {
      throw new GatewayError("SQL_ID_IN_USE", `SQL text id ${id} is already in use; close it first`);
    }
    if (sql.length > this.#limits.maxLength) {
      throw new GatewayError(
        "SQL_STORE_TOO_LARGE",
        `SQL text ${id} is ${sql.length} characters long; at most ${this.#limits.maxLength} may be stored`,
      );
    }
    if (this.#texts.size >= this.#limits.maxCount) {
      throw new GatewayError(
        "SQL_STORE_TOO_MANY",
        `At most ${this.#limits.maxCount} SQL texts may be stored at once; close some first`,
      );
    }
    this.#texts.set(id, sql);
  }

  /** Forgets a text; closing an id that is not in use is not an error. */
  close(id: number): void {
    this.#texts.delete(id);
  }

  get(id: number): string {
    const sql = this.#texts.get(id);
    if (sql === undefined) throw new GatewayError("SQL_ID_UNKNOWN", `No SQL text is stored under id ${id}`);
    return sql;
  }

  get size(): number {
    return this.#texts.size;
  }
}
