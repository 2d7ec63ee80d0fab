// The databases the libsql-client suite runs against: how to start Baton in front of each, and
// the few genuine differences between them that the shared cases must know about. Everything
// not listed here is expected to behave the same on every backend.
import { randomBytes } from "node:crypto";

export type BackendName = "sqlite" | "postgres" | "mysql" | "libsql";

/** Column types for the cases' tables, in each database's own spelling. */
export interface ColumnTypes {
  /** 64-bit integers (Postgres `integer` is 32 bits). */
  readonly integer: string;
  /** 64-bit floats (Postgres `real` is 32 bits). */
  readonly real: string;
  readonly text: string;
  /** Text in a PRIMARY KEY or UNIQUE constraint (MySQL cannot index TEXT without a length). */
  readonly keyText: string;
  /** Bytes, up to at least 1 MB (MySQL `BLOB` holds 64 KB). */
  readonly blob: string;
  /** An integer primary key the database numbers itself when an INSERT leaves it out. */
  readonly autoId: string;
}

/**
 * The `columnTypes` (declared types) the database reports: SQLite reports a column's type as
 * written and none for an expression; Postgres names the type of every column in its own words
 * (`int8`, `float8`); MySQL names a table column's type in upper case, without lengths.
 */
export interface ReportedTypes {
  /** Columns declared with ColumnTypes' integer, real, text and blob. */
  readonly integer: string;
  readonly real: string;
  readonly text: string;
  readonly blob: string;
  /** `i + 1` for an integer column `i`, and a text literal `'lit'`. */
  readonly integerExpression: string;
  readonly textLiteral: string;
  /** Columns declared VARCHAR(10), DECIMAL(10,2), FLOAT and TIMESTAMP. */
  readonly varchar10: string;
  readonly decimal10x2: string;
  readonly float: string;
  readonly timestamp: string;
}

/** Only what truly differs between the databases; every entry says why. */
export interface Capabilities {
  readonly types: ColumnTypes;
  readonly reported: ReportedTypes;
  /**
   * What `lastInsertRowid` reports after an INSERT: SQLite's rowid, the last row's ("rowid");
   * MySQL's AUTO_INCREMENT id, for a multi-row INSERT the first row's, and nothing for a table
   * without one ("auto-increment"); Postgres has neither (it has RETURNING), so never ("none").
   */
  readonly lastInsertRowid: "rowid" | "auto-increment" | "none";
  /**
   * SQLite's own SQL and dynamic typing: `typeof()` and storage classes, columns declared
   * without a type, `WITHOUT ROWID`, PRAGMAs beyond foreign_keys, bare parameters as column names.
   */
  readonly sqliteDialect: boolean;
  /**
   * How writers exclude each other. "database": SQLite's write transaction holds the one write
   * lock from BEGIN IMMEDIATE to COMMIT, so any second writer waits (up to --busy-timeout).
   * "row": Postgres and InnoDB lock the rows a statement touches; writers of other rows do not
   * wait, and a read-modify-write must lock the row it reads (SELECT … FOR UPDATE).
   */
  readonly writeLocks: "database" | "row";
  /** DDL is part of the transaction (SQLite, Postgres); MySQL commits implicitly before and after it. */
  readonly transactionalDdl: boolean;
  /**
   * Foreign key checks can be switched off for a session, as migrate() does with
   * `PRAGMA foreign_keys=off` (SQLite; MySQL's foreign_key_checks). Postgres always enforces
   * them; the adapter accepts the PRAGMA as a no-op.
   */
  readonly switchableForeignKeys: boolean;
  /**
   * A bound value with no type from its context keeps the type it was sent with. Not on
   * Postgres, which types each parameter from the statement: alone (`SELECT ?`) it is text
   * (packages/adapters-kysely/src/postgres/postgres-values.ts).
   */
  readonly untypedParametersKeepType: boolean;
  /** SQL for ±Infinity as a float; MySQL floats have none. */
  readonly infinity: { readonly positive: string; readonly negative: string } | undefined;
  /**
   * How a trigger body is written: `BEGIN …; …; END` inside CREATE TRIGGER (SQLite, MySQL), or a
   * PL/pgSQL function in dollar quotes that the trigger executes (Postgres).
   */
  readonly triggers: "begin-end" | "plpgsql";
  /** The database's own message for a UNIQUE violation (Baton passes it on after the code). */
  readonly uniqueViolation: RegExp;
  /** Namespace names the database reserves for itself, refused as tenants. */
  readonly reservedNamespaces: readonly string[];
}

export interface Backend {
  readonly name: BackendName;
  /** The database's name in test titles and skip reasons. */
  readonly label: string;
  /** The `baton start` STORE for a server whose data directory is `dataDir`; none for the SQLite default. */
  store(dataDir: string): string | undefined;
  readonly caps: Capabilities;
  /** SQL, run on the default namespace, that removes a tenant namespace created by a test; none where the data directory holds it. */
  dropNamespaceSql(namespace: string): string | undefined;
}

export const POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";
export const MYSQL_URL = "mysql://root@127.0.0.1:3306/test";

const SQLITE_CAPS: Capabilities = {
  types: { integer: "INTEGER", real: "REAL", text: "TEXT", keyText: "TEXT", blob: "BLOB", autoId: "INTEGER PRIMARY KEY" },
  reported: {
    integer: "INTEGER",
    real: "REAL",
    text: "TEXT",
    blob: "BLOB",
    integerExpression: "",
    textLiteral: "",
    varchar10: "VARCHAR(10)",
    decimal10x2: "DECIMAL(10,2)",
    float: "FLOAT",
    timestamp: "TIMESTAMP",
  },
  lastInsertRowid: "rowid",
  sqliteDialect: true,
  writeLocks: "database",
  transactionalDdl: true,
  switchableForeignKeys: true,
  untypedParametersKeepType: true,
  infinity: { positive: "1e999", negative: "-1e999" },
  triggers: "begin-end",
  uniqueViolation: /UNIQUE constraint failed/,
  reservedNamespaces: [],
};

export const BACKENDS: Readonly<Record<BackendName, Backend>> = {
  sqlite: {
    name: "sqlite",
    label: "SQLite",
    store: () => undefined,
    caps: SQLITE_CAPS,
    dropNamespaceSql: () => undefined,
  },
  libsql: {
    name: "libsql",
    label: "libSQL",
    // A directory of `<namespace>.db` files, one per tenant (docs/libsql-adapter.md).
    store: (dataDir) => `file:${dataDir}`,
    caps: SQLITE_CAPS,
    dropNamespaceSql: () => undefined,
  },
  postgres: {
    name: "postgres",
    label: "Postgres",
    store: () => POSTGRES_URL,
    caps: {
      types: {
        integer: "BIGINT",
        real: "DOUBLE PRECISION",
        text: "TEXT",
        keyText: "TEXT",
        blob: "BYTEA",
        autoId: "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
      },
      reported: {
        integer: "int8",
        real: "float8",
        text: "text",
        blob: "bytea",
        integerExpression: "int8",
        textLiteral: "text",
        varchar10: "varchar",
        decimal10x2: "numeric",
        float: "float8",
        timestamp: "timestamp",
      },
      lastInsertRowid: "none",
      sqliteDialect: false,
      writeLocks: "row",
      transactionalDdl: true,
      switchableForeignKeys: false,
      untypedParametersKeepType: false,
      infinity: { positive: "CAST('Infinity' AS DOUBLE PRECISION)", negative: "CAST('-Infinity' AS DOUBLE PRECISION)" },
      triggers: "plpgsql",
      uniqueViolation: /duplicate key value violates unique constraint/,
      reservedNamespaces: ["public", "information_schema", "pg_catalog", "pg_toast"],
    },
    // Tenants are schemas (packages/adapters-kysely/src/postgres/postgres-adapter.ts).
    dropNamespaceSql: (namespace) => `DROP SCHEMA IF EXISTS "${namespace}" CASCADE`,
  },
  mysql: {
    name: "mysql",
    label: "MySQL",
    store: () => MYSQL_URL,
    caps: {
      types: {
        integer: "BIGINT",
        real: "DOUBLE",
        text: "TEXT",
        keyText: "VARCHAR(191)",
        blob: "LONGBLOB",
        autoId: "BIGINT AUTO_INCREMENT PRIMARY KEY",
      },
      reported: {
        integer: "BIGINT",
        real: "DOUBLE",
        text: "TEXT",
        blob: "LONGBLOB",
        integerExpression: "",
        textLiteral: "",
        varchar10: "VARCHAR",
        decimal10x2: "DECIMAL(10,2)",
        float: "FLOAT",
        timestamp: "TIMESTAMP",
      },
      lastInsertRowid: "auto-increment",
      sqliteDialect: false,
      writeLocks: "row",
      transactionalDdl: false,
      switchableForeignKeys: true,
      untypedParametersKeepType: true,
      infinity: undefined,
      triggers: "begin-end",
      uniqueViolation: /Duplicate entry/,
      reservedNamespaces: ["information_schema", "mysql", "performance_schema", "sys"],
    },
    // Tenants are databases (packages/adapters-kysely/src/mysql/mysql-adapter.ts).
    dropNamespaceSql: (namespace) => `DROP DATABASE IF EXISTS \`${namespace}\``,
  },
};

/** SQL for a float literal: SQLite reads `1.5` as a float, Postgres and MySQL as an exact decimal. */
export function floatSql(caps: Capabilities, literal: string): string {
  return caps.sqliteDialect ? literal : `CAST(${literal} AS ${caps.types.real})`;
}

/** The `baton start` arguments for `backend` with extra flags. */
export function serverArgs(backend: Backend, flags: readonly string[] = []): (dataDir: string) => readonly string[] {
  return (dataDir) => {
    const store = backend.store(dataDir);
    return store === undefined ? [...flags] : [...flags, store];
  };
}

/** A tenant namespace no other run uses (letters, digits and `_` only: a valid schema and database name everywhere). */
export function uniqueNamespace(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
}
