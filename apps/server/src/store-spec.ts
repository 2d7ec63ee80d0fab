// STORE strings: which database an adapter serves.
import { resolve } from "node:path";
import { ConfigError } from "./config-error.js";

export type StoreConfig =
  | { readonly kind: "sqlite"; readonly directory: string }
  | { readonly kind: "postgres"; readonly url: string }
  | { readonly kind: "mysql"; readonly url: string }
  | { readonly kind: "libsql"; readonly url: string };

/**
 * `sqlite:DIR` (or `sqlite` for the data directory), `postgres://…`/`postgresql://…`,
 * `mysql://…`/`mariadb://…`, and for libSQL `libsql://…`, `file:…`, `http(s)://…`, `ws(s)://…`.
 */
export function parseStore(text: string, dataDir: string): StoreConfig {
  if (text === "" || text === "sqlite") return { kind: "sqlite", directory: dataDir };
  const sqlite = /^sqlite:(?:\/\/)?(.+)$/.exec(text);
  if (sqlite !== null) return { kind: "sqlite", directory: resolve(sqlite[1] as string) };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase() ?? "";
  switch (scheme) {
    case "postgres":
    case "postgresql":
      return { kind: "postgres", url: text };
    case "mysql":
      return { kind: "mysql", url: text };
    case "mariadb":
      return { kind: "mysql", url: `mysql:${text.slice("mariadb:".length)}` };
    case "libsql":
    case "file":
    case "http":
    case "https":
    case "ws":
    case "wss":
      return { kind: "libsql", url: text };
    default:
      throw new ConfigError(
        `Unsupported STORE ${JSON.stringify(text)}: use sqlite:DIR, postgres://…, mysql://…, libsql://… or file:…`,
      );
  }
}

/** A STORE for logs: passwords and tokens masked. */
export function describeStore(store: StoreConfig): string {
  if (store.kind === "sqlite") return `embedded SQLite in ${store.directory}`;
  try {
    const url = new URL(store.url);
    if (url.password !== "") url.password = "***";
    if (url.searchParams.has("authToken")) url.searchParams.set("authToken", "***");
    return `${store.kind} at ${url.toString()}`;
  } catch {
    return store.kind;
  }
}
