// Whether a remote stream is inside a transaction, followed from the statements run on it, for
// remotes that cannot be asked: get_autocommit needs Hrana 3, and over HTTP @libsql/hrana-client
// 0.10.0 speaks Hrana 3 only in Protobuf (it probes `v3-protobuf` and otherwise falls back to
// Hrana 2 in JSON).
//
// What it cannot see: a failed statement that made SQLite roll back on its own (SQLITE_FULL,
// an `OR ROLLBACK` conflict, RAISE(ROLLBACK) in a trigger). It then still believes in the
// transaction, until the client's COMMIT or ROLLBACK fails with "no transaction is active",
// which it also reads. Believing in a transaction that is gone only keeps the connection
// pinned to its stream; the opposite cannot happen, since nothing ends a transaction unseen
// except a failure.
import { identifierValue, significantTokens, type Token, type TokenizeOptions } from "../sql-text/sqlite-tokenizer.js";
import { splitStatements } from "../sql-text/statement-splitter.js";

interface Savepoint {
  readonly name: string;
  /** It was opened outside a transaction, so it began one (and releasing it commits). */
  readonly began: boolean;
}

export class AutocommitTracker {
  readonly #lexing: TokenizeOptions;
  #inTransaction = false;
  #savepoints: Savepoint[] = [];

  constructor(lexing: TokenizeOptions) {
    this.#lexing = lexing;
  }

  get isAutocommit(): boolean {
    return !this.#inTransaction;
  }

  /** Follows one statement that succeeded. */
  succeeded(sql: string): void {
    const tokens = significantTokens(sql, this.#lexing);
    const word = (i: number): string => {
      const token = tokens[i];
      return token?.kind === "word" ? token.text.toUpperCase() : "";
    };
    switch (word(0)) {
      case "BEGIN":
        this.#enter();
        break;
      case "COMMIT":
      case "END":
        this.#leave();
        break;
      case "ROLLBACK": {
        // ROLLBACK [TRANSACTION] TO [SAVEPOINT] name keeps the transaction and the savepoint.
        const to = word(1) === "TO" || (word(1) === "TRANSACTION" && word(2) === "TO");
        if (!to) this.#leave();
        break;
      }
      case "SAVEPOINT":
        this.#savepoints.push({ name: nameOf(tokens[1]), began: !this.#inTransaction });
        this.#inTransaction = true;
        break;
      case "RELEASE":
        this.#release(nameOf(tokens[word(1) === "SAVEPOINT" ? 2 : 1]));
        break;
    }
  }

  /** Follows a statement that failed with `message`: SQLite's refusals tell the state. */
  failed(message: string): void {
    if (/cannot (?:commit|rollback) - no transaction is active/.test(message)) this.#leave();
    else if (/cannot start a transaction within a transaction/.test(message)) this.#inTransaction = true;
  }

  /** Follows a script (Hrana `sequence`) that succeeded. */
  scriptSucceeded(sql: string): void {
    for (const statement of splitStatements(sql, this.#lexing)) this.succeeded(statement);
  }

  /**
   * Follows a script that failed somewhere. Which statements ran is unknown, so if it opens a
   * transaction anywhere, one is assumed open (see the header: the safe side).
   */
  scriptFailed(sql: string, message: string): void {
    this.failed(message);
    const opens = splitStatements(sql, this.#lexing).some((statement) => {
      const first = significantTokens(statement, this.#lexing)[0];
      return first?.kind === "word" && ["BEGIN", "SAVEPOINT"].includes(first.text.toUpperCase());
    });
    if (opens) this.#inTransaction = true;
  }

  #enter(): void {
    this.#inTransaction = true;
    this.#savepoints = [];
  }

  #leave(): void {
    this.#inTransaction = false;
    this.#savepoints = [];
  }

  // RELEASE removes the named savepoint and every later one; releasing the one that began the
  // transaction commits it. Savepoint names compare case-insensitively, the latest match wins.
  #release(name: string): void {
    const at = this.#savepoints.findLastIndex((savepoint) => savepoint.name === name);
    if (at < 0) return;
    const [released] = this.#savepoints.splice(at);
    if (released?.began === true) this.#leave();
  }
}

function nameOf(token: Token | undefined): string {
  if (token === undefined) return "";
  const name = token.kind === "string" ? token.text.slice(1, -1).replaceAll("''", "'") : identifierValue(token);
  return name.toLowerCase();
}
