// The record store over one checked-out connection of one tenant: records as rows, tables and
// columns made as records and fields first appear (docs/record-model.md).
import type { SqlConnection, SqlDatabase, SqlValue, StatementResult } from "@baton/adapters-kysely";
import { GatewayError } from "@baton/protocol-types";
import { RecordId, type RecordIdKey } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { ColumnConflict, decodeRow, encodeRow, selectColumns, storedFields } from "./codec/row-codec.js";
import type { StoreDialect } from "./dialects/store-dialect.js";
import { SchemaChangeRefused } from "./schema-change-refused.js";
import { randomStringKey, uuidV7 } from "./keys/id-generator.js";
import { keyFromSql, keyKindOf, keyToSql } from "./keys/record-key.js";
import { keyInRange, rangeSelection } from "./keys/key-range.js";
import type {
  Definition,
  DefinitionFilter,
  DefinitionKey,
  KeyKind,
  PendingColumns,
  PendingSchema,
  RecordStore,
  ScanOptions,
  SelectOptions,
  SelectResult,
  TransactionOptions,
  SurrealObject,
  SurrealRecord,
  TableInfo,
} from "./record-store.js";
import { deleteDefinitions, readDefinitions, TABLE_KINDS, writeDefinition } from "./schema/definition-catalog.js";
import { fieldItem, tableItem, writeMeta, type MetaRow } from "./schema/meta-annotations.js";
import type { SchemaCache } from "./schema/schema-cache.js";
import { loadTable } from "./schema/schema-loader.js";
import { takeKeyLock } from "./locks/key-lock.js";
import { widenColumn } from "./schema/column-widening.js";
import {
  CATALOG_TABLE,
  HIDDEN_PREFIX,
  META_TABLE,
  TAGS_COLUMN,
  type CatalogTable,
  type ColumnInfo,
  type ColumnKind,
  type TableSchema,
} from "./schema/table-schema.js";
import { byCodePoint } from "./values/json-image.js";
import { translateCondition, type Translation } from "./query/condition-translation.js";
import { and, fragment, TRUE, type Fragment } from "./query/sql-fragment.js";
import { columnKindOf, widenedKind } from "./schema/column-kind-choice.js";
import { formatRecordIdText } from "./values/record-link.js";
import { tagsText } from "./values/type-tags.js";

export interface SqlRecordStoreOptions {
  readonly database: SqlDatabase;
  readonly connection: SqlConnection;
  readonly dialect: StoreDialect;
  readonly cache: SchemaCache;
}

// "No such table/column" from any database: the cached schema is stale (SQLite, Postgres
// 42P01/42703, MySQL 1146/1054).
const MISSING_OBJECT = /no such (table|column)|does not exist|unknown column|doesn't exist|has no column/i;

// A value refused by its column's type: the column may have been widened by another process
// since this schema was cached (Postgres 22P02/42804/22007/22008; MySQL 3140 invalid JSON,
// MariaDB 4025 its JSON check, 1292/1366 incorrect values).
const STALE_TYPE = /\b(?:Postgres error (?:22P02|42804|22007|22008)|MySQL error (?:3140|4025|1292|1366))\b/;

export class SqlRecordStore implements RecordStore {
  readonly #database: SqlDatabase;
  readonly #connection: SqlConnection;
  readonly #dialect: StoreDialect;
  readonly #cache: SchemaCache;
  #checkedVersion = false;
  #savepointDepth = 0;
  /** The open transaction changed definitions: read them on this connection, not from the shared cache. */
  #definitionsChanged = false;
  /** The caches' epochs when this store opened the current transaction. */
  #transactionEpochs: { readonly schema: number; readonly definitions: number } | undefined;
  /**
   * The open transaction changed tables: their schemas as only this connection sees them until it
   * commits, kept here, never in the shared cache, which holds what every connection sees.
   */
  #ownSchemas: Map<string, TableSchema | undefined> | undefined;
  /** The open transaction holds a key lock that needs locking reads (MySQL): `select` reads the latest committed rows. */
  #readsLatest = false;
  /** Tables `prepare` dropped for a refused `dropTable` (MySQL), which the next `dropTable` reports. */
  readonly #preparedDrops = new Set<string>();

  constructor(options: SqlRecordStoreOptions) {
    this.#database = options.database;
    this.#connection = options.connection;
    this.#dialect = options.dialect;
    this.#cache = options.cache;
  }

  async table(name: string): Promise<TableInfo | undefined> {
    const schema = await this.#schema(name);
    return schema === undefined ? undefined : { name: schema.name, origin: schema.origin, keyKind: schema.keyKind, edge: schema.edge };
  }

  async scan(table: string, options: ScanOptions = {}): Promise<SurrealRecord[]> {
    return (await this.select(table, { range: options.range })).records;
  }

  async select(table: string, options: SelectOptions = {}): Promise<SelectResult> {
    const { range, where, start = 0, limit } = options;
    for (const [name, count] of [["start", start], ["limit", limit ?? 0]] as const) {
      if (!Number.isSafeInteger(count) || count < 0) throw RpcError.validation(`The ${name} of a select must be a whole number of records, not ${count}`);
    }
    return this.#retrying(async () => {
      const schema = await this.#schema(table);
      if (schema === undefined) throw RpcError.tableNotFound(table);
      const keyRange = this.#keyRange(schema, options.range);
      if (keyRange === "empty") return { records: [], exact: true };
      const bounds: Translation | undefined = where === undefined ? undefined : translateCondition({ schema, dialect: this.#dialect }, where);
      const filter = and([keyRange.sql, bounds?.upper ?? TRUE]);
      // Every row SQL keeps is decided when the bounds are one predicate; else each row says.
      const decided = bounds === undefined || sameFragment(bounds.lower, bounds.upper);
      const window = keyRange.inSql && limit !== undefined ? { start, limit } : undefined;
      const read = async (rows: { start: number; limit: number } | undefined) => {
        const rowsWanted = rows === undefined ? undefined : decided ? rows : { start: 0, limit: rows.start + rows.limit };
        const selected = await this.#selectRows({ schema, filter, flag: decided ? undefined : bounds?.lower, rows: rowsWanted });
        const kept = range === undefined || keyRange.inSql ? selected : selected.filter(({ record }) => inRange(record, range));
        return { kept, exact: kept.every((row) => row.decided), windowed: rowsWanted !== undefined && decided };
      };
      const first = await read(window);
      if (first.exact) {
        const records = first.kept.map((row) => row.record);
        return { records: first.windowed ? records : records.slice(start, limit === undefined ? undefined : start + limit), exact: true };
      }
      // Undecided rows: the caller filters, so it needs every row that may match.
      const all = window === undefined ? first : await read(undefined);
      return { records: all.kept.map((row) => row.record), exact: false };
    });
  }

  /**
   * A record-id range as SQL on the key column, where the table orders keys as SurrealDB does
   * (Baton tables with int or string keys, binary collations); else filtered after reading.
   */
  #keyRange(schema: TableSchema, range: SelectOptions["range"]): { sql: Fragment; inSql: boolean } | "empty" {
    const keyColumn = schema.keyColumns.length === 1 ? schema.keyColumns[0] : undefined;
    if (range === undefined) return { sql: TRUE, inSql: true };
    if (schema.origin !== "baton" || keyColumn === undefined) return { sql: TRUE, inSql: false };
    const selection = rangeSelection(range, schema.keyKind);
    if (selection.kind !== "sql") return selection.kind === "empty" ? "empty" : { sql: TRUE, inSql: false };
    const q = this.#q(keyColumn.name);
    return { sql: and(selection.conditions.map((condition) => fragment(`${q} ${condition.op} ?`, [condition.value]))), inSql: true };
  }

  /** Rows of `schema` where `filter` holds, in key order, each with whether `flag` holds on it (decided). */
  async #selectRows(input: {
    schema: TableSchema;
    filter: Fragment;
    flag: Fragment | undefined;
    rows: { start: number; limit: number } | undefined;
  }): Promise<{ record: SurrealRecord; decided: boolean }[]> {
    const { schema, filter, flag, rows } = input;
    const order = schema.keyColumns.map((column) => this.#q(column.name)).join(", ");
    const where = filter === TRUE ? "" : ` WHERE ${filter.sql}`;
    const window = rows === undefined ? "" : " LIMIT ? OFFSET ?";
    const extra = flag === undefined ? undefined : `CASE WHEN ${flag.sql} THEN 1 ELSE 0 END`;
    const sql = `${this.#selectFrom(schema, extra)}${where}${order === "" ? "" : ` ORDER BY ${order}`}${window}${this.#lockingRead()}`;
    const args = [...(flag?.args ?? []), ...(where === "" ? [] : filter.args), ...(rows === undefined ? [] : [BigInt(rows.limit), BigInt(rows.start)])];
    const result = await this.#run(sql, args);
    const flagAt = selectColumns(schema).length;
    return result.rows.map((row) => ({
      record: decodeRow({ schema, dialect: this.#dialect, row }),
      decided: flag === undefined || Number(row[flagAt]) === 1,
    }));
  }

  /** The clause that makes a read see the latest committed rows while a key lock needs it, else "". */
  #lockingRead(): string {
    const lock = this.#dialect.keyLock;
    // A transaction that ended unseen by the store (none should) leaves no locking reads behind.
    if (this.#readsLatest && this.#connection.isAutocommit()) this.#readsLatest = false;
    return this.#readsLatest && lock.mode === "row" ? lock.lockingRead : "";
  }

  async lockKey(key: string): Promise<void> {
    // Outside a transaction a lock would end with its own statement: there is nothing to hold.
    if (this.#connection.isAutocommit()) return;
    const readsLatest = await takeKeyLock({
      lock: this.#dialect.keyLock,
      connection: this.#connection,
      onSide: (work) => this.#onSideConnection(work),
      known: this.#cache.lockKeys,
      key,
    });
    if (readsLatest) this.#readsLatest = true;
  }

  async get(id: RecordId): Promise<SurrealRecord | undefined> {
    return this.#retrying(async () => {
      const schema = await this.#schema(id.table);
      if (schema === undefined) return undefined;
      const where = this.#whereKey(schema, id);
      const result = await this.#run(`${this.#selectFrom(schema)} WHERE ${where.sql}`, where.args);
      const row = result.rows[0];
      return row === undefined ? undefined : decodeRow({ schema, dialect: this.#dialect, row });
    });
  }

  async insert(input: { table: string; id?: RecordIdKey | undefined; content: SurrealObject; edge?: boolean }): Promise<SurrealRecord> {
    return this.#retrying(async () => {
      const edge = input.edge ?? false;
      let schema = await this.#schema(input.table);
      if (schema === undefined) {
        const keyKind = input.id === undefined ? "string" : keyKindOf(input.id);
        schema = await this.#createTable({ table: input.table, keyKind, edge, content: input.content });
      }
      if (edge && !schema.edge) throw RpcError.validation(`The table '${schema.name}' is not a relation table`);
      let key = input.id ?? generatedKey(schema);
      schema = await this.#ensureColumns(schema, input.content);
      for (let attempt = 0; ; attempt++) {
        try {
          key = await this.#insertRow({ schema, key, content: input.content });
          break;
        } catch (error) {
          if (!isConstraintError(error)) throw error;
          // Postgres identities do not advance past explicit keys: move it past them, once.
          if (key === undefined && attempt === 0 && (await this.#resetIdentity(schema))) continue;
          if (key !== undefined && (await this.get(new RecordId(schema.name, key))) !== undefined) {
            // A generated key collided: draw once more, as SurrealDB would not hand out a taken key.
            if (input.id === undefined && attempt === 0) {
              key = generatedKey(schema);
              continue;
            }
            throw RpcError.recordExists(formatRecordIdText(new RecordId(schema.name, key)));
          }
          throw error;
        }
      }
      const stored = key === undefined ? undefined : await this.get(new RecordId(schema.name, key));
      if (stored === undefined) throw new RpcError("INTERNAL", `The record inserted into '${schema.name}' cannot be read back`);
      return stored;
    });
  }

  async prepare(input: PendingSchema): Promise<void> {
    switch (input.kind) {
      case "catalog":
        await this.#createCatalog();
        return;
      case "drop":
        if (await this.dropTable(input.table)) this.#preparedDrops.add(input.table);
        return;
      case undefined:
      case "columns":
        await this.#prepareColumns(input);
        return;
    }
  }

  async #prepareColumns(input: PendingColumns): Promise<void> {
    await this.#retrying(async () => {
      const schema = await this.#schema(input.table);
      if (schema !== undefined) {
        await this.#ensureColumns(schema, input.content);
        return;
      }
      const keyKind = input.id === undefined ? "string" : keyKindOf(input.id);
      await this.#createTable({ table: input.table, keyKind, edge: input.edge ?? false, content: input.content });
    });
  }

  async replace(id: RecordId, content: SurrealObject): Promise<SurrealRecord | undefined> {
    return this.#retrying(async () => {
      let schema = await this.#schema(id.table);
      if (schema === undefined) return undefined;
      const where = this.#whereKey(schema, id);
      const existing = await this.#run(`SELECT 1 FROM ${this.#q(schema.name)} WHERE ${where.sql}`, where.args);
      if (existing.rows.length === 0) return undefined;
      schema = await this.#ensureColumns(schema, content);
      const { values, tags } = this.#encode(schema, content);
      const sets = [...values.keys()].map((name) => `${this.#q(name)} = ${this.#placeholder(schema, name)}`);
      const args: SqlValue[] = [...values.values()];
      if (schema.origin === "baton") {
        sets.push(`${this.#q(TAGS_COLUMN)} = ?`);
        args.push(tagsText(tags));
      }
      if (sets.length > 0) await this.#run(`UPDATE ${this.#q(schema.name)} SET ${sets.join(", ")} WHERE ${where.sql}`, [...args, ...where.args]);
      return this.get(id);
    });
  }

  async delete(id: RecordId): Promise<SurrealRecord | undefined> {
    const before = await this.get(id);
    if (before === undefined) return undefined;
    const schema = await this.#schema(id.table);
    if (schema === undefined) return undefined;
    const where = this.#whereKey(schema, id);
    await this.#run(`DELETE FROM ${this.#q(schema.name)} WHERE ${where.sql}`, where.args);
    return before;
  }

  async tables(): Promise<TableInfo[]> {
    const names = await this.#onCatalogConnection((connection) => this.#dialect.tableNames(connection));
    const tables: TableInfo[] = [];
    for (const name of names.filter((name) => !name.startsWith(HIDDEN_PREFIX)).sort(byCodePoint)) {
      const info = await this.table(name);
      if (info !== undefined) tables.push(info);
    }
    return tables;
  }

  async dropTable(name: string): Promise<boolean> {
    if (this.#preparedDrops.delete(name)) return true;
    const schema = await this.#schema(name);
    if (schema !== undefined && this.#dialect.ddlCommits && !this.#connection.isAutocommit()) {
      throw new SchemaChangeRefused(`Removing the table '${name}' drops it: on MySQL, outside the transaction`, { kind: "drop", table: name });
    }
    const catalog = await this.#catalogExists();
    const meta = await this.#onCatalogConnection((connection) => this.#metaExists(connection));
    let removed = 0;
    // Annotations and definitions go first, atomically; MySQL's DROP then commits on its own.
    const forget = async () => {
      if (catalog) removed = await deleteDefinitions({ connection: this.#connection, dialect: this.#dialect, kinds: TABLE_KINDS, table: name });
      if (meta && schema !== undefined) await this.#run(`DELETE FROM ${this.#q(META_TABLE)} WHERE tb = ?`, [schema.name]);
    };
    const drop = async () => {
      if (schema !== undefined) await this.#run(`DROP TABLE IF EXISTS ${this.#q(schema.name)}`);
    };
    try {
      if (this.#dialect.ddlCommits) {
        await this.transaction(forget);
        await drop();
      } else {
        await this.transaction(async () => {
          await forget();
          await drop();
        });
      }
    } finally {
      if (schema !== undefined) this.#schemaChanged();
    }
    if (removed > 0) this.#definitionsWritten();
    return schema !== undefined || removed > 0;
  }

  async definitions(filter: DefinitionFilter = {}): Promise<Definition[]> {
    const { kind, table } = filter;
    const all = await this.#allDefinitions();
    return all.filter((definition) => (kind === undefined || definition.kind === kind) && (table === undefined || definition.table === table));
  }

  async define(definition: Definition): Promise<void> {
    if (!(await this.#catalogExists())) {
      if (this.#dialect.ddlCommits && !this.#connection.isAutocommit()) {
        throw new SchemaChangeRefused("The first definition creates Baton's catalog: on MySQL, outside the transaction", { kind: "catalog" });
      }
      await this.#createCatalog();
    }
    await writeDefinition({ connection: this.#connection, dialect: this.#dialect, definition });
    this.#definitionsWritten();
  }

  async undefine(key: DefinitionKey): Promise<boolean> {
    if (!(await this.#catalogExists())) return false;
    const removed = await deleteDefinitions({ connection: this.#connection, dialect: this.#dialect, kinds: [key.kind], table: key.table, name: key.name });
    if (removed > 0) this.#definitionsWritten();
    return removed > 0;
  }

  async transaction<T>(work: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (!this.#connection.isAutocommit()) return this.#savepoint(work);
    this.#transactionBegun();
    await this.#run(options.readOnly === true ? this.#dialect.beginReadStatement : this.#dialect.beginStatement);
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await this.rollback().catch(() => undefined);
      throw error;
    }
    await this.commit();
    return result;
  }

  /**
   * Runs `work` inside the open transaction as one unit: a savepoint rolled back when `work` fails,
   * so a method that fails half-way inside an interactive transaction leaves nothing of itself
   * while the transaction goes on. Every database here takes the same SAVEPOINT syntax.
   */
  async #savepoint<T>(work: () => Promise<T>): Promise<T> {
    const name = `baton_sp_${++this.#savepointDepth}`;
    try {
      await this.#run(`SAVEPOINT ${name}`);
      let result: T;
      try {
        result = await work();
      } catch (error) {
        // The work's own DDL (SQLite, Postgres) is undone with it: forget what the caches learnt.
        this.#forgetSchemas();
        await this.#run(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
        await this.#run(`RELEASE SAVEPOINT ${name}`).catch(() => undefined);
        throw error;
      }
      await this.#run(`RELEASE SAVEPOINT ${name}`);
      return result;
    } finally {
      this.#savepointDepth--;
    }
  }

  async begin(): Promise<void> {
    this.#transactionBegun();
    await this.#run(this.#dialect.beginStatement);
  }

  async commit(): Promise<void> {
    try {
      await this.#run("COMMIT");
    } finally {
      this.#transactionEnded();
    }
  }

  async rollback(): Promise<void> {
    try {
      await this.#run("ROLLBACK");
    } finally {
      // The rollback may have undone tables or columns the cache learnt inside the transaction.
      this.#cache.bump();
      this.#transactionEnded();
    }
  }

  // ---- definitions ----

  /** Every definition: the shared cache's, unless this transaction changed them (then its own view). */
  async #allDefinitions(): Promise<readonly Definition[]> {
    await this.#checkSchemaVersion();
    const cache = this.#cache.definitions;
    if (this.#definitionsChanged) {
      return (await this.#catalogExists()) ? readDefinitions(this.#connection, this.#dialect) : [];
    }
    const cached = cache.get();
    if (cached !== undefined) return cached;
    // What a transaction reads on its own connection may predate changes committed since it
    // began (a snapshot): it is kept only if nothing changed since then. MySQL reads elsewhere.
    const elsewhere = this.#dialect.ddlCommits || this.#connection.isAutocommit();
    const epoch = elsewhere ? cache.epoch : this.#transactionEpochs?.definitions;
    const definitions = await this.#onCatalogConnection(async (connection) =>
      (await this.#dialect.catalogTable(connection, CATALOG_TABLE)) === undefined ? [] : readDefinitions(connection, this.#dialect),
    );
    if (epoch !== undefined) cache.set(definitions, epoch);
    return definitions;
  }

  /** Whether `_baton_catalog` exists (as this connection sees it; MySQL in a transaction: as committed). */
  async #catalogExists(): Promise<boolean> {
    return this.#onCatalogConnection(async (connection) => (await this.#dialect.catalogTable(connection, CATALOG_TABLE)) !== undefined);
  }

  /** Creates `_baton_catalog` on this connection: in the open transaction, except on MySQL (prepare). */
  async #createCatalog(): Promise<void> {
    const serverVersion = this.#dialect.name === "mysql" ? await this.#serverVersion() : undefined;
    const create = this.#dialect.createCatalog(serverVersion);
    const lock = this.#dialect.schemaLock;
    try {
      if (lock === undefined) {
        await this.#run(create);
        // With the catalog (so before any DEFINE INDEX): made inside a transaction that had
        // already read, the lock table would be unusable to it (error 1412).
        if (this.#dialect.keyLock.mode === "row") await this.#run(this.#dialect.keyLock.createTable);
      }
      // Concurrent first definitions would race to create it (StoreDialect.schemaLock).
      else {
        await this.transaction(async () => {
          await this.#run(lock, [CATALOG_TABLE]);
          await this.#run(create);
        });
      }
    } finally {
      this.#cache.bump();
      this.#cache.definitions.bump();
    }
  }

  /** This store changed definitions: others re-read them; inside a transaction, this store reads its own. */
  #definitionsWritten(): void {
    this.#cache.definitions.bump();
    if (!this.#connection.isAutocommit()) this.#definitionsChanged = true;
  }

  #transactionBegun(): void {
    this.#transactionEpochs = { schema: this.#cache.epoch, definitions: this.#cache.definitions.epoch };
  }

  /** After COMMIT or ROLLBACK: changes made in the transaction are now everyone's, or gone. */
  #transactionEnded(): void {
    this.#transactionEpochs = undefined;
    this.#readsLatest = false;
    if (this.#ownSchemas !== undefined) {
      this.#ownSchemas = undefined;
      // What other connections read while the changes were uncommitted no longer holds.
      this.#cache.bump();
    }
    if (!this.#definitionsChanged) return;
    this.#definitionsChanged = false;
    this.#cache.definitions.bump();
  }

  // ---- schema ----

  /**
   * The table exactly named `name`: from this transaction's own view once it changed tables, else
   * from the shared cache, else from the catalog (docs/record-model.md, "Schema changes and
   * transactions").
   */
  async #schema(name: string): Promise<TableSchema | undefined> {
    if (name.startsWith(HIDDEN_PREFIX)) return undefined;
    await this.#checkSchemaVersion();
    const own = this.#ownSchemas;
    const cached = own === undefined ? this.#cache.get(name) : own.has(name) ? own.get(name) : "unknown";
    if (cached !== "unknown") return cached?.name === name ? cached : undefined;
    const epoch = this.#sharedEpoch();
    const schema = await this.#onCatalogConnection(async (connection) =>
      loadTable({ connection, dialect: this.#dialect, name, metaExists: await this.#metaExists(connection) }),
    );
    if (own !== undefined) own.set(name, schema);
    else if (epoch !== undefined) this.#cache.set(name, { schema, epoch });
    return schema?.name === name ? schema : undefined;
  }

  /** Whether `_baton_meta` exists as `connection` sees it: known to the shared cache, or read. */
  async #metaExists(connection: SqlConnection): Promise<boolean> {
    const own = this.#ownSchemas !== undefined;
    const known = own ? undefined : this.#cache.metaExists;
    if (known !== undefined) return known;
    const epoch = this.#sharedEpoch();
    const exists = (await this.#dialect.catalogTable(connection, META_TABLE)) !== undefined;
    if (!own && epoch !== undefined) this.#cache.keepMetaExists(exists, epoch);
    return exists;
  }

  /**
   * The epoch under which a catalog read made now may enter the shared cache: the current one,
   * except in a transaction reading on its own connection, whose snapshot (SQLite) may be as old
   * as its BEGIN; undefined when that is not known (kept nowhere).
   */
  #sharedEpoch(): number | undefined {
    const elsewhere = this.#dialect.ddlCommits || this.#connection.isAutocommit();
    return elsewhere ? this.#cache.epoch : this.#transactionEpochs?.schema;
  }

  /**
   * DDL ran on this connection: every store reloads. Inside a transaction where DDL is
   * transactional, the change is this connection's alone until commit: the store keeps its own
   * view from now until the transaction ends, out of the shared cache.
   */
  #schemaChanged(): void {
    this.#forgetSchemas();
    if (!this.#connection.isAutocommit() && !this.#dialect.ddlCommits) this.#ownSchemas ??= new Map();
  }

  /** Voids what the caches know of tables (the shared cache's and this transaction's own). */
  #forgetSchemas(): void {
    this.#cache.bump();
    this.#ownSchemas?.clear();
  }

  /**
   * Runs catalog reads on the store's connection, except inside a MySQL transaction: there,
   * reading `_baton_meta` would open the transaction's snapshot, and DDL run afterwards on
   * another connection would make the table unusable to it (error 1412).
   */
  async #onCatalogConnection<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T> {
    if (!this.#dialect.ddlCommits || this.#connection.isAutocommit()) return work(this.#connection);
    return this.#onSideConnection(work);
  }

  /**
   * Runs `work` on a second connection of this tenant while the store's own stays held. It is a
   * side connection (`SqlDatabase.acquireSide`), never an ordinary one: were every pooled
   * connection held by a transaction waiting for a second, none would be released, and all would
   * wait out the pool's timeout. `work` uses only the connection it is given and acquires nothing,
   * so side connections are always returned (docs/record-model.md, "Schema changes and
   * transactions").
   */
  async #onSideConnection<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T> {
    const database = this.#database;
    const other = await (database.acquireSide?.() ?? database.acquire());
    try {
      return await work(other);
    } finally {
      await database.release(other);
    }
  }

  /** SQLite: DDL run around Baton changes `PRAGMA schema_version`; seeing it change voids the cache. */
  async #checkSchemaVersion(): Promise<void> {
    if (this.#dialect.name !== "sqlite" || this.#checkedVersion) return;
    this.#checkedVersion = true;
    // The pragma's table-valued form: a PRAGMA statement would mark the connection as holding
    // connection-level state, and the pool would close it on release instead of reusing it.
    const version = (await this.#run("SELECT schema_version FROM pragma_schema_version")).rows[0]?.[0];
    if (typeof version !== "bigint") return;
    if (this.#cache.schemaVersion !== undefined && this.#cache.schemaVersion !== version) this.#cache.bump();
    this.#cache.schemaVersion = version;
  }

  async #createTable(input: { table: string; keyKind: KeyKind; edge: boolean; content: SurrealObject }): Promise<TableSchema> {
    const { table, keyKind, edge } = input;
    checkName(table, this.#dialect, "table");
    if (this.#dialect.foldsTableCase) {
      const other = await this.#dialect.catalogTable(this.#connection, table);
      if (other !== undefined && other.name !== table) {
        throw RpcError.validation(`The table '${table}' differs only in case from the existing table '${other.name}'`);
      }
    }
    if (keyKind === "none") throw RpcError.validation(`The table '${table}' needs keyed records`);
    const rows: MetaRow[] = [tableItem(table, keyKind, edge)];
    if (edge) {
      for (const column of ["in", "out"]) rows.push(fieldItem(table, { name: column, kind: "record", sql: this.#dialect.columnType("record") }));
    }
    const links = new Set(edge ? ["in", "out"] : []);
    const columns = this.#newColumns(input.content, (field) => links.has(field));
    for (const column of columns) rows.push(fieldItem(table, { ...column, sql: this.#dialect.columnType(column.kind) }));
    const serverVersion = this.#dialect.name === "mysql" ? await this.#serverVersion() : undefined;
    const statements = this.#dialect.createTable({ table, keyKind, edge, columns, serverVersion });
    // Created meanwhile by another writer: used as it stands, its key kind checked below.
    await this.#schemaChange({ table, plan: (current) => (current === undefined ? { rows, statements } : NO_CHANGE) });
    const schema = await this.#schema(table);
    if (schema === undefined) throw new RpcError("INTERNAL", `The table '${table}' was created but cannot be found`);
    if (schema.keyKind !== keyKind) {
      throw RpcError.validation(`The table '${table}' has ${schema.keyKind} keys; this record has a ${keyKind} key`);
    }
    return schema;
  }

  /**
   * Makes `schema` ready to store `content`: adds columns for fields that have none and widens
   * columns that cannot hold a value even by conversion (Baton tables); refuses both in SQL tables.
   */
  async #ensureColumns(schema: TableSchema, content: SurrealObject): Promise<TableSchema> {
    return this.#widenConflicts(await this.#addColumns(schema, content), content);
  }

  /** Adds columns for fields that have none (Baton tables); refuses them in SQL tables. */
  async #addColumns(schema: TableSchema, content: SurrealObject): Promise<TableSchema> {
    const missing = storedFields(content).filter(([field, value]) => !schema.columns.has(field) && value !== null);
    if (missing.length === 0) return schema;
    if (schema.origin === "sql") {
      const [field] = missing[0] ?? [""];
      throw RpcError.validation(`Found field '${field}', but no such field exists for table '${schema.name}'`);
    }
    if (this.#dialect.ddlCommits && !this.#connection.isAutocommit()) {
      // MySQL/MariaDB: a column added on another connection makes the table unusable to this
      // transaction (error 1412), and on this connection it would commit the transaction.
      const [field] = missing[0] ?? [""];
      throw new SchemaChangeRefused(
        `The field '${field}' is new to table '${schema.name}': on MySQL, add the field outside the transaction or DEFINE it first`,
        { table: schema.name, content, edge: schema.edge },
      );
    }
    const plan = (current: CatalogTable | undefined): SchemaPlan => {
      // Columns another writer added meanwhile are neither added again nor re-annotated.
      const taken = current?.columns.map((column) => column.name) ?? [...schema.columns.keys(), "id"];
      const columns = this.#newColumns(content, (field) => taken.includes(field));
      for (const { name } of columns) {
        const clash = this.#dialect.foldsColumnCase ? taken.find((other) => other.toLowerCase() === name.toLowerCase()) : undefined;
        if (clash !== undefined) throw RpcError.validation(`The field '${name}' differs only in case from the field '${clash}'`);
      }
      return {
        rows: columns.map((column) => fieldItem(schema.name, { ...column, sql: this.#dialect.columnType(column.kind) })),
        statements: columns.map((column) => this.#dialect.addColumn({ table: schema.name, column: column.name, kind: column.kind })),
      };
    };
    await this.#schemaChange({ table: schema.name, plan });
    return (await this.#schema(schema.name)) ?? schema;
  }

  /**
   * Widens, one at a time, the columns of a Baton table that cannot hold a value of `content`
   * (docs/record-model.md, "Type conflicts", step 2). SQL tables are never altered: there the
   * conflict is refused, naming the field. A column widens at most twice (int → float → JSON).
   */
  async #widenConflicts(schema: TableSchema, content: SurrealObject): Promise<TableSchema> {
    let current = schema;
    for (let round = 0; round <= 2 * current.columns.size; round++) {
      const conflict = columnConflict(current, this.#dialect, content);
      if (conflict === undefined) return current;
      if (current.origin === "sql" || this.#dialect.widening === undefined) throw this.#refusal(current, conflict);
      const kind = widenedKind(conflict.column.kind, conflict.value);
      if (this.#dialect.ddlCommits && !this.#connection.isAutocommit()) {
        // MySQL/MariaDB: the rewrite is DDL, which would commit the caller's transaction.
        throw new SchemaChangeRefused(
          `The field '${conflict.field}' of '${current.name}' must widen from ${conflict.column.sqlType} to ${this.#dialect.columnType(kind)}: on MySQL, outside the transaction`,
          { table: current.name, content, edge: current.edge },
        );
      }
      const widening = { connection: this.#connection, dialect: this.#dialect, schema: current, column: conflict.column, kind };
      try {
        if (this.#dialect.ddlCommits) await widenColumn(widening);
        else {
          await this.transaction(async () => {
            // The lock columns are added under, before the table's own: the two queue, never deadlock.
            await this.#lockSchema(this.#connection, current.name);
            await widenColumn(widening);
          });
        }
      } finally {
        this.#schemaChanged();
      }
      current = (await this.#schema(current.name)) ?? current;
    }
    throw new RpcError("INTERNAL", `The columns of '${current.name}' did not settle after widening`);
  }

  #refusal(schema: TableSchema, conflict: ColumnConflict): RpcError {
    return RpcError.validation(
      `Couldn't coerce value for field \`${conflict.field}\` of '${schema.name}': the column is ${conflict.column.sqlType}`,
    );
  }

  /** Columns for the fields of `content` that have none (`exists`), typed by their values; `null` needs none. */
  #newColumns(content: SurrealObject, exists: (field: string) => boolean): { name: string; kind: ColumnKind }[] {
    const columns: { name: string; kind: ColumnKind }[] = [];
    for (const [field, value] of storedFields(content)) {
      if (value === null || exists(field)) continue;
      checkName(field, this.#dialect, "field");
      const clash = this.#dialect.foldsColumnCase ? columns.find((c) => c.name.toLowerCase() === field.toLowerCase()) : undefined;
      if (clash !== undefined) throw RpcError.validation(`The field '${field}' differs only in case from the field '${clash.name}'`);
      columns.push({ name: field, kind: columnKindOf(value) });
    }
    return columns;
  }

  /**
   * Changes `table` as `plan` decides from its catalog entry as it stands once this session holds
   * the table's schema lock (another writer's change committed by then): annotations, then DDL.
   * In the open transaction where DDL is transactional, else committed at once.
   */
  async #schemaChange(input: { table: string; plan: (current: CatalogTable | undefined) => SchemaPlan }): Promise<void> {
    const dialect = this.#dialect;
    const apply = async (connection: SqlConnection) => {
      await this.#lockSchema(connection, input.table);
      const { rows, statements } = input.plan(await dialect.catalogTable(connection, input.table));
      if (rows.length === 0 && statements.length === 0) return;
      await writeMeta({ connection, dialect, rows });
      for (const sql of statements) {
        try {
          await connection.execute({ sql, args: [], namedArgs: [], wantRows: false });
        } catch (error) {
          // Another writer added the same column first.
          if (!(error instanceof Error && dialect.duplicateColumn?.test(error.message))) throw error;
        }
      }
    };
    if (dialect.ddlCommits && !this.#connection.isAutocommit()) {
      // MySQL DDL would commit the caller's transaction: it runs on another connection.
      await this.#onSideConnection(apply);
    } else if (dialect.ddlCommits) {
      await apply(this.#connection);
    } else {
      await this.transaction(() => apply(this.#connection));
    }
    this.#schemaChanged();
  }

  /**
   * Takes the schema locks (`StoreDialect.schemaLock`) for changing `table`, held to the end of
   * the transaction: `_baton_meta`'s first while it does not exist yet (its own creation races
   * too), then the table's; where the dialect needs none, nothing.
   */
  async #lockSchema(connection: SqlConnection, table: string): Promise<void> {
    const lock = this.#dialect.schemaLock;
    if (lock === undefined) return;
    const take = (name: string) => connection.execute({ sql: lock, args: [name], namedArgs: [], wantRows: true });
    const metaExists = this.#cache.metaExists === true || (await this.#dialect.catalogTable(connection, META_TABLE)) !== undefined;
    if (!metaExists) await take(META_TABLE);
    await take(table);
  }

  /**
   * MySQL/MariaDB read an explicit 0 in an AUTO_INCREMENT column as "assign the next key" unless
   * sql_mode has NO_AUTO_VALUE_ON_ZERO; `t:0` must be key 0. The mode is set for this one
   * statement only (MariaDB `SET STATEMENT … FOR`, MySQL's SET_VAR hint), never for the session.
   */
  async #keepingZeroKeys(insert: string): Promise<string> {
    this.#cache.sqlMode ??= String((await this.#run("SELECT @@SESSION.sql_mode")).rows[0]?.[0] ?? "");
    const modes = [...this.#cache.sqlMode.split(",").filter((mode) => /^[A-Z_]+$/.test(mode)), "NO_AUTO_VALUE_ON_ZERO"].join(",");
    const mariadb = /mariadb/i.test((await this.#serverVersion()) ?? "");
    return mariadb ? `SET STATEMENT sql_mode = '${modes}' FOR ${insert}` : insert.replace(/^INSERT /, `INSERT /*+ SET_VAR(sql_mode = '${modes}') */ `);
  }

  async #serverVersion(): Promise<string | undefined> {
    this.#cache.serverVersion ??= String((await this.#run("SELECT VERSION()")).rows[0]?.[0] ?? "");
    return this.#cache.serverVersion;
  }

  // ---- rows ----

  /** The row of `content`; a conflict left after `#ensureColumns` (a SQL table) is refused. */
  #encode(schema: TableSchema, content: SurrealObject) {
    try {
      return encodeRow({ schema, dialect: this.#dialect, content });
    } catch (error) {
      if (!(error instanceof ColumnConflict)) throw error;
      throw this.#refusal(schema, error);
    }
  }

  /** Moves the table's identity past its largest key; false where there is none to move. */
  async #resetIdentity(schema: TableSchema): Promise<boolean> {
    const [column] = schema.keyColumns;
    if (this.#dialect.resetIdentity === undefined || column === undefined || schema.keyKind !== "int") return false;
    const result = await this.#run(this.#dialect.resetIdentity({ table: schema.name, column: column.name }));
    return result.rows[0]?.[0] !== null && result.rows[0]?.[0] !== undefined;
  }

  /** Inserts the row; returns its key (the database's, when `key` is undefined). */
  async #insertRow(input: { schema: TableSchema; key: RecordIdKey | undefined; content: SurrealObject }): Promise<RecordIdKey> {
    const { schema, key, content } = input;
    const { values, tags } = this.#encode(schema, content);
    const names: string[] = [];
    const args: SqlValue[] = [];
    if (key !== undefined) {
      const where = this.#whereKey(schema, new RecordId(schema.name, key));
      schema.keyColumns.forEach((column, i) => {
        const value = where.args[i] ?? null;
        // A SQL table's key column is also a field: it may repeat the key, not contradict it.
        const field = values.get(column.name);
        if (field !== undefined && field !== null && String(field) !== String(value)) {
          throw RpcError.validation(`The field '${column.name}' contradicts the record id's key`);
        }
        names.push(column.name);
        args.push(value);
      });
    }
    for (const [name, value] of values) {
      if (value === null || names.includes(name)) continue;
      names.push(name);
      args.push(value);
    }
    if (schema.origin === "baton") {
      names.push(TAGS_COLUMN);
      args.push(tagsText(tags));
    }
    const columns = names.map((name) => this.#q(name)).join(", ");
    const placeholders = names.map((name) => this.#placeholder(schema, name)).join(", ");
    const sql =
      names.length === 0
        ? this.#dialect.name === "mysql"
          ? `INSERT INTO ${this.#q(schema.name)} () VALUES ()`
          : `INSERT INTO ${this.#q(schema.name)} DEFAULT VALUES`
        : `INSERT INTO ${this.#q(schema.name)} (${columns}) VALUES (${placeholders})`;
    const returning = key === undefined && this.#dialect.insertedKey === "returning";
    const zeroKey = key !== undefined && this.#dialect.name === "mysql" && args.slice(0, schema.keyColumns.length).some((arg) => arg === 0n);
    const statement = zeroKey ? await this.#keepingZeroKeys(sql) : sql;
    const result = await this.#run(returning ? `${statement} RETURNING ${this.#q(schema.keyColumns[0]?.name ?? "id")}` : statement, args);
    if (key !== undefined) return key;
    // The database assigned the key (rowid, identity, AUTO_INCREMENT).
    const assigned = returning ? (result.rows[0]?.[0] ?? null) : result.lastInsertRowid;
    if (assigned === null) throw new RpcError("INTERNAL", `The database assigned no key to the record inserted into '${schema.name}'`);
    return keyFromSql(assigned, schema.keyKind);
  }

  // ---- SQL helpers ----

  #q(name: string): string {
    return this.#dialect.quote(name);
  }

  /** `SELECT` of a record's columns (then `extra`, when given) `FROM` the table. */
  #selectFrom(schema: TableSchema, extra?: string): string {
    const expressions = selectColumns(schema).map((name) => {
      const column = columnNamed(schema, name);
      return (column === undefined ? undefined : this.#dialect.selectExpression?.(column)) ?? this.#q(name);
    });
    if (extra !== undefined) expressions.push(extra);
    return `SELECT ${expressions.join(", ")} FROM ${this.#q(schema.name)}`;
  }

  /** The placeholder a value of column `name` binds to (MySQL `TIMESTAMP`: `FROM_UNIXTIME(?)`). */
  #placeholder(schema: TableSchema, name: string): string {
    const column = columnNamed(schema, name);
    return (column === undefined ? undefined : this.#dialect.placeholder?.(column)) ?? "?";
  }

  #whereKey(schema: TableSchema, id: RecordId): { sql: string; args: SqlValue[] } {
    const [first] = schema.keyColumns;
    if (schema.keyKind === "none" || first === undefined) {
      throw RpcError.validation(`The table '${schema.name}' has no primary key: its records have no id`);
    }
    if (schema.origin === "sql" && schema.keyKind === "array") {
      const parts = Array.isArray(id.id) ? (id.id as readonly unknown[]) : [];
      if (parts.length !== schema.keyColumns.length) {
        throw RpcError.validation(`Records of '${schema.name}' have ${schema.keyColumns.length}-element array ids`);
      }
      const args = schema.keyColumns.map((column, i) => {
        const value = this.#dialect.write(parts[i], column);
        if (value === undefined) throw RpcError.validation(`The id of '${schema.name}' does not fit its key column '${column.name}'`);
        return value;
      });
      return { sql: schema.keyColumns.map((column) => `${this.#q(column.name)} = ${this.#placeholder(schema, column.name)}`).join(" AND "), args };
    }
    return { sql: `${this.#q(first.name)} = ?`, args: [keyToSql(id, schema.keyKind)] };
  }

  async #run(sql: string, args: readonly SqlValue[] = []): Promise<StatementResult> {
    try {
      return await this.#connection.execute({ sql, args, namedArgs: [], wantRows: true });
    } catch (error) {
      // MySQL/MariaDB: a table created or altered (on another connection) after this
      // transaction's snapshot cannot be used by it.
      if (error instanceof GatewayError && /\berror 1412\b/.test(error.message)) {
        throw new SchemaChangeRefused(
          "The table was created or changed after this transaction began reading: on MySQL, create the table or add the field outside the transaction, or DEFINE it first",
        );
      }
      throw error;
    }
  }

  /**
   * Runs `work`; a "no such table/column", or a value refused by its column's type, may come from
   * a stale cache: the schema is reloaded and `work` retried once.
   */
  async #retrying<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof GatewayError) || !(MISSING_OBJECT.test(error.message) || STALE_TYPE.test(error.message))) throw error;
      this.#cache.bump();
      return work();
    }
  }
}

/** What a schema change writes: annotations, then DDL. */
interface SchemaPlan {
  readonly rows: readonly MetaRow[];
  readonly statements: readonly string[];
}

/** A schema change another writer already made. */
const NO_CHANGE: SchemaPlan = { rows: [], statements: [] };

function inRange(record: SurrealRecord, range: NonNullable<SelectOptions["range"]>): boolean {
  return record["id"] instanceof RecordId && keyInRange(record["id"].id, range);
}

/** The same predicate: the same text with the same arguments. */
function sameFragment(a: Fragment, b: Fragment): boolean {
  return a.sql === b.sql && a.args.length === b.args.length && a.args.every((arg, i) => arg === b.args[i]);
}

function columnNamed(schema: TableSchema, name: string): ColumnInfo | undefined {
  return schema.columns.get(name) ?? schema.keyColumns.find((column) => column.name === name);
}

/** The first field of `content` its column cannot hold even by conversion, if any. */
function columnConflict(schema: TableSchema, dialect: StoreDialect, content: SurrealObject): ColumnConflict | undefined {
  try {
    encodeRow({ schema, dialect, content });
    return undefined;
  } catch (error) {
    if (error instanceof ColumnConflict) return error;
    throw error;
  }
}

function generatedKey(schema: TableSchema): RecordIdKey | undefined {
  switch (schema.keyKind) {
    case "string":
      return randomStringKey();
    case "uuid":
      return uuidV7();
    case "int":
      return undefined;
    case "array":
    case "object":
    case "none":
      throw RpcError.validation(`Records of '${schema.name}' need an id: the table has ${schema.keyKind} keys`);
  }
}

function isConstraintError(error: unknown): boolean {
  return error instanceof GatewayError && error.code.startsWith("SQLITE_CONSTRAINT");
}

function checkName(name: string, dialect: StoreDialect, what: "table" | "field"): void {
  if (name === "" || name.startsWith(HIDDEN_PREFIX)) throw RpcError.validation(`The ${what} name '${name}' is reserved`);
  if (what === "table" && name.includes(":")) throw RpcError.validation(`The table name '${name}' contains ':'`);
  if (name.includes("\u0000")) throw RpcError.validation(`The ${what} name contains U+0000`);
  const length = dialect.name === "postgres" ? Buffer.byteLength(name) : [...name].length;
  if (length > dialect.maxNameLength) throw RpcError.validation(`The ${what} name '${name}' is too long for this database`);
}
