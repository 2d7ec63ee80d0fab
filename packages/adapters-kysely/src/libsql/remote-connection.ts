// One Hrana stream on a remote libSQL server (sqld, Turso, another Baton) behind the
// SqlConnection interface. The stream is the remote connection: its transaction, its settings.
//
// Transaction state: with Hrana 3 every request is followed, in the same pipeline (one HTTP
// request, or back-to-back WebSocket messages), by get_autocommit, so isAutocommit() is the
// remote's own flag at no extra round trip. Before Hrana 3 it is followed from the statements
// (autocommit-tracker.ts).
import { GatewayError } from "@baton/protocol-types";
import type { DescribeResult, InStmt, RowsResult, StmtResult } from "@libsql/hrana-client";
import type { DescribeOutput, SqlConnection, StatementInput, StatementResult } from "../executor.js";
import type { TokenizeOptions } from "../sql-text/sqlite-tokenizer.js";
import { classifyStatement, firstKeywords } from "../sql-text/statement-classifier.js";
import { splitStatements } from "../sql-text/statement-splitter.js";
import { AutocommitTracker } from "./autocommit-tracker.js";
import { fromHranaDescribe, fromHranaResult, toHranaStmt } from "./hrana-mapping.js";
import { isLinkFailure, remoteError } from "./remote-errors.js";

/** The members of @libsql/hrana-client's Stream that Baton uses. */
export interface HranaStreamLike {
  query(stmt: InStmt): Promise<RowsResult>;
  run(stmt: InStmt): Promise<StmtResult>;
  describe(sql: string): Promise<DescribeResult>;
  sequence(sql: string): Promise<void>;
  /** Hrana 3 only. */
  getAutocommit(): Promise<boolean>;
  /** Closes the stream; the remote rolls back its transaction. */
  close(): void;
  /** True once closed, by us or by a failure of the transport. */
  readonly closed: boolean;
}

export interface RemoteConnectionOptions {
  readonly stream: HranaStreamLike;
  /** The negotiated Hrana version: 3 and later can be asked for the autocommit flag. */
  readonly version: number;
  /** Names the remote database in messages (no credentials). */
  readonly remote: string;
}

// The remote parses the SQL; these settings only classify it (sqld's SQLite has TCL variables).
const LEXING: TokenizeOptions = { tclVariables: true };

/** A checked-out remote stream. */
export class RemoteConnection implements SqlConnection {
  readonly #stream: HranaStreamLike;
  readonly #remote: string;
  /** Undefined when the remote reports the flag itself (Hrana 3). */
  readonly #tracker: AutocommitTracker | undefined;
  #autocommit = true;
  #tainted = false;
  #busy = false;
  #closedBy: "release" | "shutdown" | undefined;
  /** Set when the link to the remote failed under this stream; the stream is not used again. */
  #lostWith: GatewayError | undefined;

  constructor(options: RemoteConnectionOptions) {
    this.#stream = options.stream;
    this.#remote = options.remote;
    this.#tracker = options.version >= 3 ? undefined : new AutocommitTracker(LEXING);
  }

  execute(input: StatementInput): Promise<StatementResult> {
    return this.#exclusive(async () => {
      if (this.#lost && isPlainRollback(input.sql)) {
        // The stream is gone, and the remote rolled its transaction back with it: so did this.
        this.#autocommit = true;
        this.#tracker?.succeeded(input.sql);
        return { columns: [], rows: [], affectedRowCount: 0, lastInsertRowid: null, rowsRead: 0, rowsWritten: 0 };
      }
      const stmt = toHranaStmt(input);
      // Tainted before running: a failed PRAGMA may still have changed something.
      if (classifyStatement(input.sql, LEXING).isTainting) this.#tainted = true;
      const result = await this.#request(() => (input.wantRows ? this.#stream.query(stmt) : this.#stream.run(stmt)), {
        succeeded: (tracker) => tracker.succeeded(input.sql),
        failed: (tracker, message) => tracker.failed(message),
      });
      return fromHranaResult(result);
    });
  }

  executeScript(sql: string): Promise<void> {
    return this.#exclusive(async () => {
      const statements = splitStatements(sql, LEXING);
      if (statements.length === 0) return;
      if (statements.some((statement) => classifyStatement(statement, LEXING).isTainting)) this.#tainted = true;
      await this.#request(() => this.#stream.sequence(sql), {
        succeeded: (tracker) => tracker.scriptSucceeded(sql),
        failed: (tracker, message) => tracker.scriptFailed(sql, message),
      });
    });
  }

  describe(sql: string): Promise<DescribeOutput> {
    return this.#exclusive(async () => {
      const result = await this.#request(() => this.#stream.describe(sql), {});
      return fromHranaDescribe(result, { sql, lexing: LEXING });
    });
  }

  isAutocommit(): boolean {
    return this.#tracker?.isAutocommit ?? this.#autocommit;
  }

  holdsSessionState(): boolean {
    return !this.isAutocommit() || this.#tainted;
  }

  /**
   * Ends the stream, which makes the remote roll back what it left open. On release an open
   * transaction is rolled back first, so that it is gone when this resolves, not whenever the
   * remote gets round to the close.
   */
  async end(reason: "release" | "shutdown"): Promise<void> {
    if (this.#closedBy !== undefined) return;
    const rollback = reason === "release" && !this.#busy && !this.#lost && !this.isAutocommit();
    this.#closedBy = reason;
    if (rollback) {
      try {
        await this.#stream.run("ROLLBACK");
      } catch {
        // Closing the stream rolls back as well.
      }
    }
    this.#stream.close();
  }

  /**
   * The stream is gone under us: closed after an HTTP failure or remote expiry, or its client
   * failed (a WebSocket does not close its streams when it drops). The remote has rolled back
   * whatever the stream had open, or will when it notices.
   */
  get #lost(): boolean {
    return this.#closedBy === undefined && (this.#stream.closed || this.#lostWith !== undefined);
  }

  async #exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.#closedBy === "shutdown") throw new GatewayError("SHUTTING_DOWN", "The database is shutting down");
    if (this.#closedBy === "release") throw new GatewayError("INTERNAL_ERROR", "Connection used after it was released");
    if (this.#busy) throw new GatewayError("INTERNAL_ERROR", "Connection is already running a statement; callers must serialise");
    this.#busy = true;
    try {
      return await work();
    } finally {
      this.#busy = false;
    }
  }

  /**
   * Sends a request, followed in the same pipeline by get_autocommit on Hrana 3, and updates
   * the transaction state whatever the outcome.
   */
  async #request<T>(
    send: () => Promise<T>,
    follow: {
      readonly succeeded?: (tracker: AutocommitTracker) => void;
      readonly failed?: (tracker: AutocommitTracker, message: string) => void;
    },
  ): Promise<T> {
    const lost = this.#lostWith;
    if (lost !== undefined) {
      const message = `The connection to ${this.#remote} was lost, with its transaction if one was open (${lost.message})`;
      throw new GatewayError(lost.code, message, { cause: lost });
    }
    const request = (async () => send())();
    // Queued synchronously after the request, so both travel together.
    const flag = this.#tracker === undefined && !this.#stream.closed ? (async () => this.#stream.getAutocommit())() : undefined;
    const [outcome, autocommit] = await Promise.allSettled([request, flag]);
    if (autocommit.status === "fulfilled" && autocommit.value !== undefined) this.#autocommit = autocommit.value;
    if (outcome.status === "fulfilled") {
      if (this.#tracker !== undefined) follow.succeeded?.(this.#tracker);
      return outcome.value;
    }
    const error = remoteError(outcome.reason, this.#remote);
    if (isLinkFailure(outcome.reason)) this.#lostWith ??= error;
    if (this.#tracker !== undefined) follow.failed?.(this.#tracker, error.message);
    throw error;
  }
}

/** `ROLLBACK` or `ROLLBACK TRANSACTION`, not `ROLLBACK TO` a savepoint. */
function isPlainRollback(sql: string): boolean {
  const [first, second, third] = firstKeywords(sql, 3, LEXING);
  return first === "ROLLBACK" && second !== "TO" && third !== "TO";
}
