// The default session of an RPC connection (WebSocket upgrade) or request (HTTP) as its headers
// describe it: `Surreal-NS`, `Surreal-DB` (before SurrealDB 2.0: `NS`, `DB`) and `Authorization`.
import type { IncomingHttpHeaders } from "node:http";
import type { ConnectionDefaults } from "@baton/surreal-rpc";
import { parseAuthorization } from "./credentials.js";

function first(headers: IncomingHttpHeaders, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers[name];
    const text = Array.isArray(value) ? value[0] : value;
    if (text !== undefined && text !== "") return text;
  }
  return undefined;
}

/** Throws AUTH_HEADER_MALFORMED (401) for an Authorization header that is neither Basic nor Bearer. */
export function rpcDefaultsFrom(headers: IncomingHttpHeaders): ConnectionDefaults {
  const namespace = first(headers, ["surreal-ns", "ns"]);
  const database = first(headers, ["surreal-db", "db"]);
  return {
    ...(namespace === undefined ? {} : { namespace }),
    ...(database === undefined ? {} : { database }),
    credential: parseAuthorization(headers.authorization),
  };
}
