// The libSQL adapter's URL: where the database is, and how tenants map onto it.
//
//   file:DIR                  a directory of `<namespace>.db` files, as the SQLite adapter keeps
//   file:PATH.db              one database file, serving only the default namespace
//   http://…, https://…       a remote libSQL server over Hrana-over-HTTP
//   libsql://host             the same as https:// (http:// with `?tls=0`, which needs a port)
//   ws://…, wss://…           a remote libSQL server over Hrana-over-WebSocket
//
// `file:` takes a path (`file:data`, `file:/srv/data`) or a file URL (`file:///srv/data`). A
// path names one file when it is an existing file, or ends in .db, .sqlite, .sqlite3 or .db3
// and is not an existing directory; otherwise a directory, created when first used.
//
// A remote URL is one database, serving only the default namespace, unless it contains
// `{namespace}` (`https://{namespace}.my-org.turso.io`, `http://sqld:8080/{namespace}/`): then
// every namespace is its own database at the URL with the placeholder replaced. Query
// parameters as @libsql/client takes them: `authToken` and `tls`.
import { statSync } from "node:fs";
import { extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { GatewayError } from "@baton/protocol-types";
import { parseLibsqlUrl } from "@libsql/hrana-client";

export type LibsqlLocation =
  | { readonly kind: "directory"; readonly directory: string }
  | { readonly kind: "file"; readonly file: string }
  | {
      readonly kind: "remote";
      readonly transport: "http" | "ws";
      readonly url: RemoteUrl;
      /** From the `authToken` query parameter, if any. */
      readonly authToken: string | undefined;
    };

export const NAMESPACE_PLACEHOLDER = "{namespace}";
// Stands in for the placeholder while the URL is parsed: valid in a host name and in a path,
// and unchanged by host normalisation (lower case, no percent-encoding needed).
const SENTINEL = "baton-ns-placeholder-0";
const FILE_EXTENSIONS = new Set([".db", ".sqlite", ".sqlite3", ".db3"]);

/** Where the adapter URL points; throws an Error saying what is wrong with it. */
export function parseLibsqlLocation(url: string): LibsqlLocation {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "file") return fileLocation(url);
  if (scheme === "http" || scheme === "https" || scheme === "libsql" || scheme === "ws" || scheme === "wss") {
    return remoteLocation(url);
  }
  throw new Error(`Unsupported libSQL URL ${redact(url)}: use file:PATH, http(s)://, libsql:// or ws(s)://`);
}

function fileLocation(url: string): LibsqlLocation {
  if (url.includes(NAMESPACE_PLACEHOLDER)) {
    throw new Error(`${NAMESPACE_PLACEHOLDER} is for remote URLs; file:DIR already keeps one file per namespace`);
  }
  const rest = url.slice("file:".length);
  if (rest === "" || rest === "//") throw new Error(`The libSQL file URL ${url} names no path`);
  let path: string;
  try {
    path = rest.startsWith("//") ? fileURLToPath(url) : resolve(rest);
  } catch (error) {
    throw new Error(`Invalid libSQL file URL ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return isSingleFile(path) ? { kind: "file", file: path } : { kind: "directory", directory: path };
}

function isSingleFile(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return FILE_EXTENSIONS.has(extname(path).toLowerCase());
  }
}

function remoteLocation(url: string): LibsqlLocation {
  let parsed: ReturnType<typeof parseLibsqlUrl>;
  try {
    parsed = parseLibsqlUrl(url.replaceAll(NAMESPACE_PLACEHOLDER, SENTINEL));
  } catch (error) {
    throw new Error(`Invalid libSQL URL ${redact(url)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // libsql:// has both; like @libsql/client in Node, Baton prefers HTTP.
  const http = parsed.hranaHttpUrl;
  const transport = http !== undefined ? "http" : "ws";
  const template = http ?? parsed.hranaWsUrl;
  if (template === undefined) throw new Error(`Invalid libSQL URL ${redact(url)}`);
  const path = new URL(template).pathname;
  if (transport === "http" && path.slice(path.lastIndexOf("/") + 1).includes(SENTINEL)) {
    // Hrana clients resolve `v2/pipeline` against the URL, which drops its last path segment
    // unless the URL ends with "/" (tursodatabase/libsql-client-ts#296): every namespace
    // would reach the same database.
    throw new Error(`In the libSQL URL ${redact(url)}, ${NAMESPACE_PLACEHOLDER} is in the last path segment: end the URL with "/"`);
  }
  return { kind: "remote", transport, url: new RemoteUrl(template), authToken: parsed.authToken };
}

/** A remote database URL, possibly with a namespace placeholder. */
export class RemoteUrl {
  readonly #template: string;
  /** The placeholder is in the host name, where case does not count. */
  readonly #inHost: boolean;

  constructor(template: string) {
    this.#template = template;
    this.#inHost = new URL(template).host.includes(SENTINEL);
  }

  /** True when every namespace has a database of its own. */
  get perNamespace(): boolean {
    return this.#template.includes(SENTINEL);
  }

  /** The URL as configured, with the placeholder shown (it holds no credentials). */
  toString(): string {
    return this.#template.replaceAll(SENTINEL, NAMESPACE_PLACEHOLDER);
  }

  /** The URL of `namespace`'s database; the namespace is already validated (tenant-name.ts). */
  forNamespace(namespace: string): string {
    if (this.#inHost && namespace !== namespace.toLowerCase()) {
      // `Acme` and `acme` would reach the same host: refuse rather than merge two tenants.
      throw new GatewayError(
        "NAMESPACE_INVALID",
        `Namespace ${JSON.stringify(namespace)} becomes part of a host name (${this.toString()}), where upper and lower case are the same: use lower case`,
      );
    }
    return this.#template.replaceAll(SENTINEL, namespace);
  }
}

/** The URL without the value of an `authToken` parameter. */
export function redact(url: string): string {
  return url.replace(/(authToken=)[^&#]*/gi, "$1***");
}
