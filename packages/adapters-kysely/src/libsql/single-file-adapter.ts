// An embedded adapter over one database file: the default namespace is that file, every other
// namespace is NAMESPACE_NOT_FOUND. (`file:DIR` uses the directory adapter instead.)
import { constants } from "node:fs";
import { access, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { GatewayError } from "@baton/protocol-types";
import type { SqlAdapter, SqlDatabase } from "../executor.js";
import { embeddedPoolOptions, type EmbeddedEngine, type SqliteAdapterOptions } from "../sqlite/sqlite-adapter.js";
import { SqliteDatabase } from "../sqlite/sqlite-database.js";

export interface SingleFileAdapterOptions extends Omit<SqliteAdapterOptions, "directory" | "maxCachedDatabases"> {
  /** The database file (absolute); its directory is created if missing. */
  readonly file: string;
  /** The one namespace served. */
  readonly defaultNamespace: string;
}

export function createSingleFileAdapter(options: SingleFileAdapterOptions, engine: EmbeddedEngine): SqlAdapter {
  const { file, defaultNamespace } = options;
  const name = options.name ?? engine.defaultName;
  let database: SqliteDatabase | undefined;
  let ready: Promise<unknown> | undefined;
  let closed = false;

  const assertOpen = (): void => {
    if (closed) throw new GatewayError("SHUTTING_DOWN", `The ${engine.label} adapter is closed`);
  };

  return {
    name,
    dialect: engine.dialect,

    async database(namespace: string): Promise<SqlDatabase> {
      assertOpen();
      if (namespace !== defaultNamespace) {
        throw new GatewayError(
          "NAMESPACE_NOT_FOUND",
          `Adapter ${name} serves the single database file ${file}, as namespace "${defaultNamespace}" only; namespace "${namespace}" does not exist (a file: URL naming a directory keeps one file per namespace)`,
        );
      }
      if (database !== undefined) return database;
      await (ready ??= makeDirectory(dirname(file)).catch((error: unknown) => {
        ready = undefined;
        throw error;
      }));
      assertOpen();
      database ??= new SqliteDatabase(embeddedPoolOptions(options, { driver: engine.driver, file, name: namespace }));
      return database;
    },

    async ping(): Promise<void> {
      assertOpen();
      const directory = dirname(file);
      await makeDirectory(directory);
      try {
        await access(directory, constants.W_OK);
        await access(file, constants.R_OK | constants.W_OK).catch((error: unknown) => {
          if ((error as { code?: unknown }).code !== "ENOENT") throw error;
        });
      } catch (error) {
        throw cannotOpen(`Database file ${file} is not writable`, error);
      }
    },

    async close(): Promise<void> {
      closed = true;
      await database?.close();
    },
  };
}

async function makeDirectory(directory: string): Promise<void> {
  try {
    await mkdir(directory, { recursive: true });
  } catch (error) {
    throw cannotOpen(`Cannot create data directory ${directory}`, error);
  }
}

function cannotOpen(what: string, error: unknown): GatewayError {
  const reason = error instanceof Error ? error.message : String(error);
  return new GatewayError("SQLITE_CANTOPEN", `${what}: ${reason}`, { cause: error });
}
