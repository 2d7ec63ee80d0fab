// The database work of the bare baselines, and nothing more: better-sqlite3 with Baton's
// connection settings (WAL, synchronous FULL, foreign keys off), statements prepared once per
// SQL text, Hrana's argument values read without validation, rows returned as plain arrays.
import Database from "better-sqlite3";
import { join } from "node:path";

/** The parts of a Hrana statement the baselines read. They trust the load generator's JSON. */
export interface BareStmt {
  readonly sql: string;
  readonly args?: readonly BareValue[];
}

interface BareValue {
  readonly type: string;
  readonly value?: string | number;
  readonly base64?: string;
}

type SqlArg = string | number | Buffer | null;

function argOf(value: BareValue): SqlArg {
  switch (value.type) {
    case "integer":
      return Number(value.value);
    case "blob":
      return Buffer.from(value.base64 ?? "", "base64");
    case "null":
      return null;
    default:
      return value.value ?? null;
  }
}

/** One connection with its statement cache. */
export class BareConnection {
  readonly db: Database.Database;
  readonly #statements = new Map<string, Database.Statement<SqlArg[]>>();
  readonly #objectStatements = new Map<string, Database.Statement<unknown[]>>();

  constructor(file: string) {
    // No busy timeout: better-sqlite3 would wait for a lock synchronously, freezing the server.
    // The scenarios never contend for a lock; if one did, its errors would show in the results.
    this.db = new Database(file, { timeout: 0 });
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("foreign_keys = OFF");
  }

  /** A statement prepared once per SQL text, rows as objects (column name to value). */
  prepared(sql: string): Database.Statement<unknown[]> {
    let statement = this.#objectStatements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare<unknown[]>(sql);
      this.#objectStatements.set(sql, statement);
    }
    return statement;
  }

  /** Rows as arrays for a query, `{ changes }` for anything else. */
  run(stmt: BareStmt): { rows: unknown[] } | { changes: number } {
    let statement = this.#statements.get(stmt.sql);
    if (statement === undefined) {
      statement = this.db.prepare<SqlArg[]>(stmt.sql);
      if (statement.reader) statement.raw(true);
      this.#statements.set(stmt.sql, statement);
    }
    const args = stmt.args === undefined ? [] : stmt.args.map(argOf);
    return statement.reader ? { rows: statement.all(...args) } : { changes: statement.run(...args).changes };
  }
}

/** A tenant's database file: one shared connection for one-shot work, a free list for sessions. */
export class BareTenant {
  readonly shared: BareConnection;
  readonly #file: string;
  readonly #free: BareConnection[] = [];

  constructor(file: string) {
    this.#file = file;
    this.shared = new BareConnection(file);
  }

  checkOut(): BareConnection {
    return this.#free.pop() ?? new BareConnection(this.#file);
  }

  checkIn(connection: BareConnection): void {
    if (connection.db.inTransaction) connection.db.exec("ROLLBACK");
    this.#free.push(connection);
  }
}

/** Tenants by namespace, each `<dir>/<namespace>.db`, opened on first use. */
export class BareTenants {
  readonly #dir: string;
  readonly #open = new Map<string, BareTenant>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  get(namespace: string): BareTenant {
    let tenant = this.#open.get(namespace);
    if (tenant === undefined) {
      tenant = new BareTenant(join(this.#dir, `${namespace}.db`));
      this.#open.set(namespace, tenant);
    }
    return tenant;
  }
}

/** The value after `flag` in `argv`; throws when it is missing. */
export function requiredFlag(argv: readonly string[], flag: string): string {
  const at = argv.indexOf(flag);
  const found = at < 0 ? undefined : argv[at + 1];
  if (found === undefined) throw new Error(`${flag} is required`);
  return found;
}

/** `--bind HOST:PORT --data DIR`, as Baton takes them. */
export function parseBaselineArgs(argv: readonly string[]): { host: string; port: number; dataDir: string } {
  const value = (flag: string) => requiredFlag(argv, flag);
  const bind = value("--bind");
  const colon = bind.lastIndexOf(":");
  return { host: bind.slice(0, colon), port: Number(bind.slice(colon + 1)), dataDir: value("--data") };
}

/** The namespace header as Baton reads it, without validation. */
export function namespaceOf(header: string | string[] | undefined): string {
  return typeof header === "string" && header !== "" ? header : "default";
}
