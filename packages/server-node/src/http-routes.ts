// The HTTP route table: which path and method go where. Hrana's paths are served at the root
// and under `/database/api/` (the route family of existing plugin-database clients); SurrealDB
// RPC at `/rpc`, with SurrealDB's `/version` probe.
import type { HranaHttpEndpoint } from "./hrana-http-binding.js";
import type { HranaVersion } from "@baton/hrana";

export type HttpRoute =
  | { readonly kind: "health" }
  | { readonly kind: "index" }
  | { readonly kind: "hrana-probe"; readonly version: HranaVersion }
  | { readonly kind: "hrana"; readonly endpoint: HranaHttpEndpoint; readonly version: HranaVersion }
  | { readonly kind: "rpc" }
  | { readonly kind: "version" };

/** The path of SurrealDB RPC, over HTTP (POST) and WebSocket. */
export const RPC_PATH = "/rpc";

const HRANA_PREFIXES = ["/", "/database/api/"];

const hranaPaths: Record<string, HttpRoute> = {
  v2: { kind: "hrana-probe", version: 2 },
  v3: { kind: "hrana-probe", version: 3 },
  "v2/pipeline": { kind: "hrana", endpoint: "pipeline", version: 2 },
  "v3/pipeline": { kind: "hrana", endpoint: "pipeline", version: 3 },
  "v3/cursor": { kind: "hrana", endpoint: "cursor", version: 3 },
};

/** Routes that answer GET (the rest answer POST). */
const GET_KINDS = new Set<HttpRoute["kind"]>(["health", "index", "hrana-probe", "version"]);

/** The route for a path (query string already removed), or undefined. */
export function routeOf(path: string): HttpRoute | undefined {
  if (path === "/health") return { kind: "health" };
  if (path === "/") return { kind: "index" };
  if (path === RPC_PATH) return { kind: "rpc" };
  if (path === "/version") return { kind: "version" };
  // The `/database/api/` family's own pipeline path, with Hrana 3 semantics.
  if (path === "/database/api/pipeline") return { kind: "hrana", endpoint: "pipeline", version: 3 };
  for (const prefix of HRANA_PREFIXES) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length).replace(/\/$/, "");
    const route = Object.hasOwn(hranaPaths, rest) ? hranaPaths[rest] : undefined;
    if (route !== undefined) return route;
  }
  return undefined;
}

export function methodAllowed(route: HttpRoute, method: string | undefined): boolean {
  return GET_KINDS.has(route.kind) ? method === "GET" || method === "HEAD" : method === "POST";
}
