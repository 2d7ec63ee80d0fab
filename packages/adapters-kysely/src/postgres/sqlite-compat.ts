// Statements that @libsql/client generates itself, in SQLite's dialect, translated for Postgres:
// `BEGIN IMMEDIATE|DEFERRED|EXCLUSIVE [TRANSACTION]`, `BEGIN TRANSACTION
// READONLY` (its `transaction("read")`) and `PRAGMA foreign_keys=off|on` (around `migrate()`).
// COMMIT, END, ROLLBACK [TRANSACTION] [TO …] and RELEASE are valid Postgres as they are.
import { GatewayError } from "@baton/protocol-types";
import type { Token } from "../sql-text/sqlite-tokenizer.js";

/** What to run instead of a client statement: other text, or nothing at all. */
export type Translation = { readonly kind: "sql"; readonly sql: string } | { readonly kind: "noop" };

const BEGIN_MODES = new Set(["DEFERRED", "IMMEDIATE", "EXCLUSIVE"]);
const BOOLEAN_WORDS = new Set(["ON", "OFF", "TRUE", "FALSE", "YES", "NO", "0", "1"]);

const word = (token: Token | undefined): string | undefined => (token?.kind === "word" ? token.text.toUpperCase() : undefined);

/**
 * The Postgres form of a SQLite-only statement, or undefined when the statement is not one
 * (it then runs unchanged). Throws SQLITE_ERROR for a PRAGMA Postgres has no counterpart for.
 * `tokens` are the statement's significant tokens.
 */
export function translateClientStatement(tokens: readonly Token[]): Translation | undefined {
  const first = word(tokens[0]);
  if (first === "BEGIN") return translateBegin(tokens.slice(1));
  if (first === "PRAGMA") return translatePragma(tokens.slice(1));
  return undefined;
}

/**
 * SQLite: `BEGIN [DEFERRED|IMMEDIATE|EXCLUSIVE] [TRANSACTION [name]]`. Postgres takes locks as
 * statements need them, so every mode is a plain BEGIN (READ COMMITTED, Postgres's default).
 * The name is ignored as SQLite ignores it, except READONLY: libSQL's read transaction, which
 * Postgres can enforce, at REPEATABLE READ so that it reads one snapshot throughout, as a
 * SQLite read transaction does (read-only transactions never meet serialization failures). Postgres's own forms (`BEGIN ISOLATION LEVEL …`, `BEGIN TRANSACTION
 * DEFERRABLE`) do not match and run unchanged.
 */
const READ_TRANSACTION = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";

function translateBegin(rest: readonly Token[]): Translation | undefined {
  let i = 0;
  const hasMode = BEGIN_MODES.has(word(rest[i]) ?? "");
  if (hasMode) i++;
  const hasTransaction = word(rest[i]) === "TRANSACTION";
  if (hasTransaction) i++;
  const name = rest[i];
  if (name !== undefined) {
    if (!hasTransaction || rest.length > i + 1 || (name.kind !== "word" && name.kind !== "quoted")) return undefined;
    const upper = word(name);
    if (upper === "READONLY") return { kind: "sql", sql: READ_TRANSACTION };
    if (upper === "DEFERRABLE" && !hasMode) return undefined;
  } else if (!hasMode) {
    return undefined;
  }
  return { kind: "sql", sql: "BEGIN" };
}

/**
 * `PRAGMA foreign_keys = off|on` is accepted and does nothing: libSQL's migrate() switches
 * SQLite's foreign key checks off around a migration so that tables can be rebuilt, which
 * Postgres never needs (ALTER TABLE works in place) and cannot do per session (Postgres always
 * enforces foreign keys; only superusers could disable the triggers behind them).
 */
function translatePragma(rest: readonly Token[]): Translation {
  const name = rest[0]?.kind === "word" || rest[0]?.kind === "quoted" ? rest[0].text : "";
  const value = rest[2];
  const isSwitch =
    name.toLowerCase() === "foreign_keys" &&
    rest.length === 3 &&
    rest[1]?.text === "=" &&
    value !== undefined &&
    BOOLEAN_WORDS.has(value.text.replace(/^'(.*)'$/s, "$1").toUpperCase());
  if (isSwitch) return { kind: "noop" };
  const shown = name === "" ? "PRAGMA" : `PRAGMA ${name}`;
  throw new GatewayError("SQLITE_ERROR", `${shown} is not supported on Postgres (only PRAGMA foreign_keys = on|off is accepted, as a no-op)`);
}
