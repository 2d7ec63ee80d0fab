// @baton/adapters-kysely: one SQL executor interface with SQLite (better-sqlite3) behind it,
// the SQL text tools adapters share, and Kysely running on a pinned connection.
export type {
  DescribeOutput,
  ImmediateSqlConnection,
  NamedValue,
  ResultColumn,
  SqlAdapter,
  SqlConnection,
  SqlDatabase,
  SqlValue,
  StatementInput,
  StatementResult,
} from "./executor.js";
export { createSqliteAdapter, type SqliteAdapterOptions } from "./sqlite/sqlite-adapter.js";
export { NAMESPACE_PATTERN, validateNamespace } from "./tenant-name.js";
export {
  identifierValue,
  significantTokens,
  tokenize,
  type Token,
  type TokenKind,
  type TokenizeOptions,
} from "./sql-text/sqlite-tokenizer.js";
export { analyzeParameters, MAX_PARAMETER_NUMBER, parameterTable, type ParameterTable } from "./sql-text/sql-parameters.js";
export { splitStatements } from "./sql-text/statement-splitter.js";
export { classifyStatement, firstKeywords, type StatementTraits } from "./sql-text/statement-classifier.js";
export { ConnectionDialect, kyselyFor, type KyselyDialectName } from "./kysely/connection-dialect.js";
export { AdapterRegistry, targetKey, type DatabaseRouter, type DatabaseTarget } from "./adapter-registry.js";
export { createLibsqlAdapter, type LibsqlAdapterOptions } from "./libsql/libsql-adapter.js";
export { createPostgresAdapter, type PostgresAdapterOptions } from "./postgres/postgres-adapter.js";
export { significantPostgresTokens, tokenizePostgres } from "./sql-text/postgres-tokenizer.js";
export { splitPostgresStatements } from "./sql-text/postgres-splitter.js";
export { createMysqlAdapter, type MysqlAdapterOptions } from "./mysql/mysql-adapter.js";
export { significantMysqlTokens, tokenizeMysql } from "./sql-text/mysql-tokenizer.js";
export { splitMysqlStatements } from "./sql-text/mysql-statement-splitter.js";
