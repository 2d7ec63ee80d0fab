// SQLite statements that libSQL clients generate themselves (transaction modes,
// migrate()'s PRAGMA foreign_keys), rewritten for MySQL from their tokens. Anything else passes
// through untouched; a PRAGMA we cannot translate is refused with a message saying so.
import { GatewayError } from "@baton/protocol-types";
import { mysqlIdentifierValue, type MysqlToken } from "../sql-text/mysql-tokenizer.js";

const TRANSACTION_MODES = new Set(["DEFERRED", "IMMEDIATE", "EXCLUSIVE", "READONLY"]);
const FOREIGN_KEY_VALUES: Readonly<Record<string, 0 | 1>> = {
  ON: 1, TRUE: 1, YES: 1, "1": 1,
  OFF: 0, FALSE: 0, NO: 0, "0": 0,
};

/**
 * The MySQL text for one statement given as its significant tokens, or undefined when it is
 * not a SQLite-only statement and runs as written.
 */
export function translateClientStatement(tokens: readonly MysqlToken[]): string | undefined {
  const words = tokens.map((token) => (token.kind === "word" ? token.text.toUpperCase() : undefined));
  switch (words[0]) {
    case "BEGIN":
      return translateBegin(words.slice(1));
    case "END":
      // SQLite's END [TRANSACTION [name]] is COMMIT.
      return isTransactionTail(words.slice(1)) ? "COMMIT" : undefined;
    case "COMMIT":
    case "ROLLBACK":
      return translateFinish(words[0], tokens, words);
    case "RELEASE":
      // SQLite allows RELEASE name; MySQL wants RELEASE SAVEPOINT name.
      return tokens.length === 2 && words[1] !== "SAVEPOINT" ? `RELEASE SAVEPOINT ${tokens[1]?.text}` : undefined;
    case "PRAGMA":
      return translatePragma(tokens);
    case undefined:
    default:
      return undefined;
  }
}

/**
 * BEGIN [DEFERRED | IMMEDIATE | EXCLUSIVE] [TRANSACTION [name]] → START TRANSACTION; READONLY
 * (libSQL's `BEGIN TRANSACTION READONLY`, the client's read mode) → START TRANSACTION READ ONLY.
 * A bare BEGIN, BEGIN WORK and BEGIN NOT ATOMIC are MySQL already.
 */
function translateBegin(rest: readonly (string | undefined)[]): string | undefined {
  if (rest.length === 0 || rest.length > 3 || rest.some((word) => word === undefined)) return undefined;
  let k = 0;
  let readonly = false;
  if (TRANSACTION_MODES.has(rest[0]!)) {
    readonly = rest[0] === "READONLY";
    k = 1;
  }
  if (rest[k] === "TRANSACTION") {
    // SQLite names the transaction; libSQL reads the name READONLY as the read-only mode.
    if (rest[k + 1] === "READONLY") readonly = true;
    k += rest[k + 1] === undefined ? 1 : 2;
  }
  if (k === 0 || k !== rest.length) return undefined;
  return readonly ? "START TRANSACTION READ ONLY" : "START TRANSACTION";
}

/** TRANSACTION [name], the tail SQLite allows after END, COMMIT and ROLLBACK. */
function isTransactionTail(rest: readonly (string | undefined)[]): boolean {
  if (rest.length === 0) return true;
  return rest[0] === "TRANSACTION" && rest.length <= 2 && rest.every((word) => word !== undefined);
}

/** COMMIT TRANSACTION / ROLLBACK TRANSACTION [TO [SAVEPOINT] name] lose the TRANSACTION MySQL does not accept. */
function translateFinish(
  verb: "COMMIT" | "ROLLBACK",
  tokens: readonly MysqlToken[],
  words: readonly (string | undefined)[],
): string | undefined {
  if (words[1] !== "TRANSACTION") return undefined;
  if (verb === "ROLLBACK" && words[2] === "TO") {
    const name = words[3] === "SAVEPOINT" ? tokens[4] : tokens[3];
    const expected = words[3] === "SAVEPOINT" ? 5 : 4;
    return name !== undefined && tokens.length === expected ? `ROLLBACK TO SAVEPOINT ${name.text}` : undefined;
  }
  return isTransactionTail(words.slice(1)) ? verb : undefined;
}

/**
 * PRAGMA foreign_keys = ON | OFF (also `(value)`, quoted values, 1/0, TRUE/FALSE, YES/NO) →
 * SET foreign_key_checks = 1 | 0, and PRAGMA foreign_keys → its current value.
 */
function translatePragma(tokens: readonly MysqlToken[]): string {
  const nameToken = tokens[1];
  const name = nameToken === undefined ? "" : nameOf(nameToken);
  if (name.toLowerCase() === "foreign_keys") {
    if (tokens.length === 2) return "SELECT @@foreign_key_checks AS foreign_keys";
    const value = pragmaValue(tokens.slice(2));
    const flag = value === undefined ? undefined : FOREIGN_KEY_VALUES[value.toUpperCase()];
    if (flag !== undefined) return `SET foreign_key_checks = ${flag}`;
    throw new GatewayError("SQLITE_ERROR", "PRAGMA foreign_keys takes ON or OFF on MySQL");
  }
  const shown = name === "" ? "without a name" : name;
  throw new GatewayError(
    "SQLITE_ERROR",
    `PRAGMA ${shown} is not supported by the MySQL adapter; only PRAGMA foreign_keys is translated (to foreign_key_checks)`,
  );
}

function nameOf(token: MysqlToken): string {
  if (token.kind === "string") return token.text.slice(1, -1);
  return mysqlIdentifierValue(token);
}

/** The value of `= value` or `(value)`, or undefined for anything else. */
function pragmaValue(rest: readonly MysqlToken[]): string | undefined {
  const [open, value, close] = rest;
  if (open?.text === "=" && rest.length === 2) return value === undefined ? undefined : nameOf(value);
  if (open?.text === "(" && close?.text === ")" && rest.length === 3) return value === undefined ? undefined : nameOf(value);
  return undefined;
}
