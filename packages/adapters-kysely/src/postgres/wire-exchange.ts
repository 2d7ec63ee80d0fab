// One round trip of Postgres's extended query protocol: the Parse/Bind/Describe/Execute
// messages of several statements written at once, then a single Sync, and the answers
// collected per statement. node-pg runs one query per Sync; this object is a "submittable"
// (what `client.query()` accepts besides text, as pg-cursor is) that writes the messages itself.
//
// After an error Postgres skips the remaining messages up to the Sync, so a failure ends the
// exchange; it is settled only at the following ReadyForQuery, when node-pg has already read the
// new transaction status (client.getTransactionStatus()).
import { DatabaseError } from "pg";

/** One statement of an exchange. */
export interface WireStep {
  readonly sql: string;
  /** Parameter type OIDs for Parse (0: Postgres infers the type). */
  readonly types?: readonly number[];
  /** Bind values: text, binary (bytea), or null for NULL. */
  readonly values?: readonly (string | Buffer | null)[];
  /** Describe the prepared statement (parameter types, result columns) instead of running it. */
  readonly describeOnly?: boolean;
  /** Keep the rows; otherwise they are only counted. */
  readonly keepRows?: boolean;
}

/** A result column as RowDescription reports it. */
export interface WireField {
  readonly name: string;
  readonly typeOid: number;
}

/** What one completed step produced. */
export interface StepResult {
  readonly fields: readonly WireField[];
  /** Rows in Postgres's text format, NULL as null. */
  readonly rows: readonly (readonly (string | null)[])[];
  readonly rowCount: number;
  /** The command tag (`INSERT 0 3`, `SELECT 2`, `ROLLBACK`); null for a describe step or an empty query. */
  readonly command: string | null;
  /** For a describe step: the parameter types Postgres settled on. */
  readonly parameterTypes: readonly number[] | null;
}

export interface ExchangeOutcome {
  /** The results of the steps that completed, in order. */
  readonly results: readonly StepResult[];
  /** The first failure: the step it ended (later steps were skipped) and the error. */
  readonly failure: { readonly step: number; readonly error: unknown } | null;
  /** The connection is gone (socket closed, FATAL error): destroy it. */
  readonly broken: boolean;
}

/** The parts of node-pg's Connection (lib/connection.js) that an exchange writes to and listens on. */
interface WireConnection {
  readonly stream: { cork?: () => void; uncork?: () => void };
  parse(message: { name: string; text: string; types: readonly number[] }): void;
  bind(message: { portal: string; statement: string; values: readonly (string | Buffer | null)[]; binary: boolean }): void;
  describe(message: { type: "S" | "P"; name: string }): void;
  execute(message: { portal: string; rows: number }): void;
  sync(): void;
  sendCopyFail(message: string): void;
  on(event: string, listener: (message: never) => void): unknown;
  removeListener(event: string, listener: (message: never) => void): unknown;
}

interface RowDescriptionMessage {
  readonly fields: readonly { readonly name: string; readonly dataTypeID: number }[];
}

interface Collecting {
  fields: WireField[];
  rows: (readonly (string | null)[])[];
  rowCount: number;
  parameterTypes: readonly number[] | null;
}

const fresh = (): Collecting => ({ fields: [], rows: [], rowCount: 0, parameterTypes: null });

/** Runs `steps` in one round trip once passed to `client.query()`; await `done` for the outcome. */
export class WireExchange {
  readonly done: Promise<ExchangeOutcome>;
  readonly #steps: readonly WireStep[];
  readonly #results: StepResult[] = [];
  #collecting = fresh();
  #failure: ExchangeOutcome["failure"] = null;
  #connection: WireConnection | undefined;
  #settled = false;
  #resolve!: (outcome: ExchangeOutcome) => void;

  constructor(steps: readonly WireStep[]) {
    this.#steps = steps;
    this.done = new Promise((resolve) => (this.#resolve = resolve));
  }

  /** Called by node-pg when the connection is ours: writes every message, then one Sync. */
  submit(connection: object): void {
    const wire = connection as WireConnection;
    this.#connection = wire;
    wire.on("parameterDescription", this.#onParameterDescription);
    wire.on("noData", this.#onNoData);
    wire.on("end", this.#onEnd);
    wire.stream.cork?.();
    try {
      for (const step of this.#steps) {
        wire.parse({ name: "", text: step.sql, types: step.types ?? [] });
        if (step.describeOnly === true) {
          wire.describe({ type: "S", name: "" });
        } else {
          wire.bind({ portal: "", statement: "", values: step.values ?? [], binary: false });
          wire.describe({ type: "P", name: "" });
          wire.execute({ portal: "", rows: 0 });
        }
      }
      wire.sync();
    } finally {
      wire.stream.uncork?.();
    }
  }

  handleRowDescription(message: RowDescriptionMessage): void {
    this.#collecting.fields = message.fields.map((field) => ({ name: field.name, typeOid: field.dataTypeID }));
    if (this.#current()?.describeOnly === true) this.#complete(null);
  }

  handleDataRow(message: { readonly fields: readonly (string | null)[] }): void {
    this.#collecting.rowCount++;
    if (this.#current()?.keepRows === true) this.#collecting.rows.push(message.fields);
  }

  handleCommandComplete(message: { readonly text: string }): void {
    this.#complete(message.text);
  }

  handleEmptyQuery(): void {
    this.#complete(null);
  }

  /** Never sent: Execute asks for all rows. */
  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: object): void {
    (connection as WireConnection).sendCopyFail("COPY FROM STDIN is not supported through Baton");
  }

  /** COPY TO STDOUT: the data has nowhere to go; the command still completes. */
  handleCopyData(): void {}

  handleError(error: unknown): void {
    this.#failure ??= { step: this.#results.length, error };
    const fatal = !(error instanceof DatabaseError) || error.severity === "FATAL" || error.severity === "PANIC";
    // node-pg forgets us at an ErrorResponse; wait for the ReadyForQuery after the Sync ourselves.
    if (fatal) this.#settle(true);
    else this.#connection?.on("readyForQuery", this.#onReadyAfterError);
  }

  handleReadyForQuery(): void {
    this.#settle(false);
  }

  #current(): WireStep | undefined {
    return this.#steps[this.#results.length];
  }

  #complete(command: string | null): void {
    const collected = this.#collecting;
    this.#results.push({ ...collected, command });
    this.#collecting = fresh();
  }

  readonly #onParameterDescription = (message: { readonly dataTypeIDs: readonly number[] }): void => {
    this.#collecting.parameterTypes = [...message.dataTypeIDs];
  };

  readonly #onNoData = (): void => {
    if (this.#current()?.describeOnly === true) this.#complete(null);
  };

  readonly #onReadyAfterError = (): void => this.#settle(false);

  readonly #onEnd = (): void => {
    this.#failure ??= { step: this.#results.length, error: new Error("Connection terminated unexpectedly") };
    this.#settle(true);
  };

  #settle(broken: boolean): void {
    if (this.#settled) return;
    this.#settled = true;
    const wire = this.#connection;
    wire?.removeListener("parameterDescription", this.#onParameterDescription);
    wire?.removeListener("noData", this.#onNoData);
    wire?.removeListener("end", this.#onEnd);
    wire?.removeListener("readyForQuery", this.#onReadyAfterError);
    this.#resolve({ results: this.#results, failure: this.#failure, broken });
  }
}
