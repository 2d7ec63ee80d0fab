// One mysql2 connection with promises, typed structurally at the seam, and the session facts
// the server reports after every command: its status flags (in a transaction, autocommit,
// NO_BACKSLASH_ESCAPES), whether session state changed, and the default database.
import { createConnection, type ConnectionOptions } from "mysql2";
import type { ColumnDefinition } from "./mysql-columns.js";

/** Server status flags (include/mysql_com.h SERVER_STATUS_*). */
export const ServerStatus = {
  IN_TRANS: 0x0001,
  AUTOCOMMIT: 0x0002,
  NO_BACKSLASH_ESCAPES: 0x0200,
  SESSION_STATE_CHANGED: 0x4000,
} as const;

/** A result set: raw cells (NULL is null), as mysql2 returns them with `typeCast: false`. */
export interface ResultSet {
  readonly columns: readonly ColumnDefinition[];
  readonly rows: readonly (readonly (Buffer | null)[])[];
}

/** The OK packet that ends a statement which returns no rows. */
export interface OkPacket {
  readonly affectedRows: bigint;
  readonly insertId: bigint;
  readonly serverStatus: number;
}

/** For commands of our own (USE, reset, ping): a server that does not answer in time costs the connection. */
export interface CommandOptions {
  readonly timeoutMs?: number;
}

export interface QueryOutcome {
  readonly resultSets: readonly ResultSet[];
  /** The last OK packet; a statement that returns rows ends with an EOF packet mysql2 does not expose. */
  readonly ok: OkPacket | undefined;
}

// What we use of mysql2's Connection. Its typings omit PrepareStatementInfo's columns and type
// results loosely, so the one cast lives in open() below.
interface DriverConnection {
  connect(callback: (error: Error | null) => void): void;
  query(
    options: { sql: string; rowsAsArray: true; typeCast: false },
    callback: (error: Error | null, result: unknown, fields: unknown) => void,
  ): unknown;
  prepare(sql: string, callback: (error: Error | null, statement: DriverStatement) => void): unknown;
  unprepare(sql: string): unknown;
  reset(callback: (error: Error | null) => void): void;
  ping(callback: (error?: Error | null) => void): void;
  end(): unknown;
  readonly stream: { destroy(): void };
  on(event: "error" | "end", listener: (error?: Error) => void): unknown;
}

interface DriverStatement {
  readonly columns: readonly ColumnDefinition[];
  readonly parameters: readonly unknown[];
}

interface DriverOkPacket {
  readonly affectedRows: number | string;
  readonly insertId: number | string;
  readonly serverStatus?: number;
  readonly stateChanges?: { readonly schema: string | null };
}

/** One connection to the server. Commands run one at a time (the caller serialises). */
export class PhysicalConnection {
  readonly #driver: DriverConnection;
  readonly #onDeath = new Set<() => void>();
  #alive = true;
  #inFlight = 0;
  /** The server status after the last command, undefined until one has run (or after a reset). */
  status: number | undefined;
  /** The default database as far as we know: set by USE, or reported in session tracking. */
  database: string | undefined;
  /** Set when an OK packet reported SERVER_SESSION_STATE_CHANGED (cleared by the owner). */
  sessionChanged = false;

  private constructor(driver: DriverConnection) {
    this.#driver = driver;
    // mysql2 closes the connection itself after these, failing any command in flight.
    const died = (): void => this.#markDead();
    driver.on("error", died);
    driver.on("end", died);
  }

  /** Connects and authenticates. */
  static open(options: ConnectionOptions): Promise<PhysicalConnection> {
    const driver = createConnection(options) as unknown as DriverConnection;
    // A failed connection may still emit "error" after connect() reported it; unheard, that would crash.
    driver.on("error", () => undefined);
    return new Promise((resolve, reject) => {
      driver.connect((error) => {
        if (error === null) {
          resolve(new PhysicalConnection(driver));
        } else {
          driver.stream.destroy();
          reject(error);
        }
      });
    });
  }

  /** False once the connection failed or was closed; it is never usable again. */
  get alive(): boolean {
    return this.#alive;
  }

  /** Calls `listener` once when the connection dies (error, server closed it, destroyed). */
  onDeath(listener: () => void): () => void {
    this.#onDeath.add(listener);
    return () => this.#onDeath.delete(listener);
  }

  /** Runs one statement over the text protocol; rows come back as raw cells. */
  query(sql: string, options: CommandOptions = {}): Promise<QueryOutcome> {
    return this.#command<QueryOutcome>(options, (done) =>
      this.#driver.query({ sql, rowsAsArray: true, typeCast: false }, (error, result, fields) => {
        if (error !== null) return done(error);
        const outcome = toOutcome(result, fields);
        if (outcome.ok !== undefined) this.#observe(outcome.ok, result);
        done(null, outcome);
      }),
    );
  }

  /** Refreshes `status` with a statement that does nothing but answer with an OK packet. */
  async refreshStatus(options: CommandOptions = {}): Promise<void> {
    await this.query("DO 0", options);
  }

  /** Prepares `sql` on the server for its metadata, and closes the prepared statement again. */
  prepare(sql: string): Promise<DriverStatement> {
    return this.#command<DriverStatement>({}, (done) =>
      this.#driver.prepare(sql, (error, statement) => {
        if (error !== null) return done(error);
        // unprepare() drops mysql2's cached handle and sends COM_STMT_CLOSE (no reply).
        this.#driver.unprepare(sql);
        done(null, statement);
      }),
    );
  }

  /**
   * COM_RESET_CONNECTION: rolls back, drops temporary tables, releases table and named locks,
   * forgets user variables and prepared statements, and resets session variables to their
   * global values (character set included: MariaDB and MySQL restore the handshake's). The
   * default database stays.
   */
  reset(options: CommandOptions = {}): Promise<void> {
    return this.#command<void>(options, (done) =>
      this.#driver.reset((error) => {
        this.status = undefined;
        this.sessionChanged = false;
        done(error);
      }),
    );
  }

  ping(options: CommandOptions = {}): Promise<void> {
    return this.#command<void>(options, (done) => this.#driver.ping((error) => done(error)));
  }

  /**
   * Closes the connection; the server rolls back whatever the session had open. An idle one
   * says goodbye (COM_QUIT); one still running a command has its socket cut, which fails the
   * command (mysql2's own destroy() would leave that command's callback uncalled).
   */
  destroy(): void {
    const graceful = this.#alive && this.#inFlight === 0;
    this.#markDead();
    if (graceful) this.#driver.end();
    else this.#driver.stream.destroy();
  }

  // mysql2 reports success with a null error, or (COM_PING) with none at all.
  #command<T>(options: CommandOptions, start: (done: (error: Error | null | undefined, value?: T) => void) => unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timedOut = false;
      const timer =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              timedOut = true;
              this.destroy(); // fails the command
            }, options.timeoutMs);
      this.#inFlight++;
      start((error, value) => {
        this.#inFlight--;
        clearTimeout(timer);
        if (error === null || error === undefined) {
          resolve(value as T);
          return;
        }
        if ((error as { fatal?: boolean }).fatal === true) this.#markDead();
        reject(timedOut ? timeoutError(options.timeoutMs) : error);
      });
    });
  }

  #observe(ok: OkPacket, raw: unknown): void {
    this.status = ok.serverStatus;
    if (ok.serverStatus & ServerStatus.SESSION_STATE_CHANGED) this.sessionChanged = true;
    const last: unknown = Array.isArray(raw) ? (raw as unknown[]).at(-1) : raw;
    const schema = (last as DriverOkPacket | undefined)?.stateChanges?.schema;
    if (typeof schema === "string") this.database = schema;
  }

  #markDead(): void {
    if (!this.#alive) return;
    this.#alive = false;
    for (const listener of [...this.#onDeath]) listener();
    this.#onDeath.clear();
  }
}

function timeoutError(timeoutMs: number | undefined): Error {
  return Object.assign(new Error(`MySQL did not answer within ${timeoutMs} ms; the connection was closed`), {
    code: "ETIMEDOUT",
    fatal: true,
  });
}

function isOkPacket(value: unknown): value is DriverOkPacket {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "affectedRows" in value;
}

function okPacket(raw: DriverOkPacket): OkPacket {
  return {
    affectedRows: BigInt(raw.affectedRows),
    insertId: BigInt(raw.insertId),
    serverStatus: raw.serverStatus ?? 0,
  };
}

/**
 * mysql2 answers one result with (rows, columns) or (okPacket, undefined), and several (a CALL)
 * with parallel arrays of those.
 */
function toOutcome(result: unknown, fields: unknown): QueryOutcome {
  if (isOkPacket(result)) return { resultSets: [], ok: okPacket(result) };
  const several = Array.isArray(fields) && fields.length > 0 && (fields[0] === undefined || Array.isArray(fields[0]));
  const results = several ? (result as unknown[]) : [result];
  const columnLists = several ? (fields as unknown[]) : [fields];
  const resultSets: ResultSet[] = [];
  let ok: OkPacket | undefined;
  results.forEach((item, k) => {
    if (isOkPacket(item)) ok = okPacket(item);
    else resultSets.push({ columns: (columnLists[k] ?? []) as ColumnDefinition[], rows: item as (Buffer | null)[][] });
  });
  return { resultSets, ok };
}
