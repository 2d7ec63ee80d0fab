// The databases the libsql-client suite runs against: how to start Baton in front of each, and
// the few genuine differences between them that the shared cases must know about. Everything
// not listed here is expected to behave the same on every backend.
import { randomBytes } from "node:crypto";
import { startTestServer } from "../support/test-server.js";

export type BackendName = "sqlite" | "postgres" | "mysql" | "libsql";

/** Column type names for the cases' tables, in each database's own spelling. */
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
}

/** Only what truly differs between the databases; every entry says why. */
export interface Capabilities {
  readonly types: ColumnTypes;
  /**
   * What `lastInsertRowid` reports after an INSERT: SQLite's rowid ("rowid"); MySQL's
   * AUTO_INCREMENT id, and nothing for a table without one ("auto-increment"); Postgres has
   * neither (it has RETURNING), so never ("none").
   */
  readonly lastInsertRowid: "rowid" | "auto-increment" | "none";
  /**
   * SQLite's dynamic typing: `typeof()`, storage classes, columns declared without a type,
   * `rowid`, PRAGMA, `WITHOUT ROWID`, `INSERT OR REPLACE`, `printf()`, ±Infinity from `1e999`.
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
   * A bound value with no type from its context keeps the type it was sent with. Not on
   * Postgres, which types each parameter from the statement: alone (`SELECT ?`) it is text
   * (packages/adapters-kysely/src/postgres/postgres-values.ts).
   */
  readonly untypedParametersKeepType: boolean;
  /**
   * The name of an unaliased expression column is its SQL text (SQLite, MySQL); Postgres names
   * it after the function, or `?column?`.
   */
  readonly expressionColumnNamesAreText: boolean;
  /** SQL for a float literal: SQLite and libSQL read `1.5` as a float, Postgres and MySQL as an exact decimal. */
  readonly float: (literal: string) => string;
  /** Namespace names the database reserves for itself, refused as tenants. */
  readonly reservedNamespaces: readonly string[];
}

export interface Backend {
  readonly name: BackendName;
  /** The `baton start` STORE for a server whose data directory is `dataDir`; none for the SQLite default. */
  store(dataDir: string): string | undefined;
  readonly caps: Capabilities;
  /** SQL, run on the default namespace, that removes a tenant namespace created by a test; none where the data directory holds it. */
  dropNamespaceSql(namespace: string): string | undefined;
}

export const POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";
export const MYSQL_URL = "mysql://root@127.0.0.1:3306/test";

const SQLITE_CAPS: Capabilities = {
  types: { integer: "INTEGER", real: "REAL", text: "TEXT", keyText: "TEXT", blob: "BLOB" },
  lastInsertRowid: "rowid",
  sqliteDialect: true,
  writeLocks: "database",
  transactionalDdl: true,
  untypedParametersKeepType: true,
  expressionColumnNamesAreText: true,
  float: (literal) => literal,
  reservedNamespaces: [],
};

export const BACKENDS: Readonly<Record<BackendName, Backend>> = {
  sqlite: {
    name: "sqlite",
    store: () => undefined,
    caps: SQLITE_CAPS,
    dropNamespaceSql: () => undefined,
  },
  libsql: {
    name: "libsql",
    // A directory of `<namespace>.db` files, one per tenant (docs/libsql-adapter.md).
    store: (dataDir) => `file:${dataDir}`,
    caps: SQLITE_CAPS,
    dropNamespaceSql: () => undefined,
  },
  postgres: {
    name: "postgres",
    store: () => POSTGRES_URL,
    caps: {
      types: { integer: "BIGINT", real: "DOUBLE PRECISION", text: "TEXT", keyText: "TEXT", blob: "BYTEA" },
      lastInsertRowid: "none",
      sqliteDialect: false,
      writeLocks: "row",
      transactionalDdl: true,
      untypedParametersKeepType: false,
      expressionColumnNamesAreText: false,
      float: (literal) => `CAST(${literal} AS DOUBLE PRECISION)`,
      reservedNamespaces: ["public", "information_schema", "pg_catalog", "pg_toast"],
    },
    // Tenants are schemas (packages/adapters-kysely/src/postgres/postgres-adapter.ts).
    dropNamespaceSql: (namespace) => `DROP SCHEMA IF EXISTS "${namespace}" CASCADE`,
  },
  mysql: {
    name: "mysql",
    store: () => MYSQL_URL,
    caps: {
      types: { integer: "BIGINT", real: "DOUBLE", text: "TEXT", keyText: "VARCHAR(191)", blob: "LONGBLOB" },
      lastInsertRowid: "auto-increment",
      sqliteDialect: false,
      writeLocks: "row",
      transactionalDdl: false,
      untypedParametersKeepType: true,
      expressionColumnNamesAreText: true,
      float: (literal) => `CAST(${literal} AS DOUBLE)`,
      reservedNamespaces: ["information_schema", "mysql", "performance_schema", "sys"],
    },
    // Tenants are databases (packages/adapters-kysely/src/mysql/mysql-adapter.ts).
    dropNamespaceSql: (namespace) => `DROP DATABASE IF EXISTS \`${namespace}\``,
  },
};

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

/**
 * Why `backend` cannot be tested in this build, or undefined when it can: Baton is started once
 * in front of it, and a ConfigError saying the adapter is not available in this build means it is
 * not wired into apps/server/src/adapter-factory.ts yet. Any other failure is thrown.
 */
export async function unavailableReason(backend: Backend): Promise<string | undefined> {
  try {
    const server = await startTestServer(serverArgs(backend));
    await server.close();
    return undefined;
  } catch (error) {
    if (error instanceof Error && error.name === "ConfigError" && /not available in this build/.test(error.message)) {
      return `the ${backend.name === "mysql" ? "MySQL" : backend.name} adapter is not wired in yet`;
    }
    throw error;
  }
}
