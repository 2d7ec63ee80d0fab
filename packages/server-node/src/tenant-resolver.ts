// Which database a request addresses. In order: the `x-database-adapter` /
// `x-database-namespace` headers; a path prefix `/adapter/<name>/` and/or `/ns/<namespace>/`
// (for clients such as @libsql/client that cannot send headers); the first label of the Host
// header when enabled (as sqld does); else the default namespace on the default adapter.
import type { IncomingHttpHeaders } from "node:http";
import { isIP } from "node:net";
import { validateNamespace, type DatabaseTarget } from "@baton/adapters-kysely";
import { GatewayError } from "@baton/protocol-types";

export const NAMESPACE_HEADER = "x-database-namespace";
export const ADAPTER_HEADER = "x-database-adapter";

export interface TenancySettings {
  /** The namespace of requests that name none. */
  readonly defaultNamespace: string;
  /** Take the namespace from the first label of the Host header (`acme.db.example.com`). */
  readonly namespaceFromHost: boolean;
}

export interface ResolvedRequest {
  readonly target: DatabaseTarget;
  /** The path with the tenant prefix removed, for routing. */
  readonly path: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === "" ? undefined : first;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GatewayError("NAMESPACE_INVALID", `Malformed path segment ${JSON.stringify(segment)}`);
  }
}

const PREFIXES = [
  ["adapter", /^\/adapter\/([^/]+)(\/.*)?$/],
  ["ns", /^\/ns\/([^/]+)(\/.*)?$/],
] as const;

/** Splits `/adapter/<a>/ns/<n>/rest` into its parts; either prefix may be absent. */
function pathPrefix(path: string): { adapter?: string; namespace?: string; rest: string } {
  const out: { adapter?: string; namespace?: string; rest: string } = { rest: path };
  if (!path.startsWith("/adapter/") && !path.startsWith("/ns/")) return out;
  for (const [key, pattern] of PREFIXES) {
    const match = pattern.exec(out.rest);
    if (match === null) continue;
    const value = decodeSegment(match[1] as string);
    if (key === "adapter") out.adapter = value;
    else out.namespace = value;
    out.rest = match[2] ?? "/";
  }
  return out;
}

function hostLabel(host: string | undefined): string | undefined {
  if (host === undefined) return undefined;
  const name = host.startsWith("[") ? host : host.replace(/:\d+$/, "");
  if (isIP(name.replace(/^\[|\]$/g, "")) !== 0) return undefined;
  const labels = name.split(".");
  return labels.length >= 2 && labels[0] !== "" ? labels[0] : undefined;
}

function pick(what: string, fromHeader: string | undefined, fromPath: string | undefined): string | undefined {
  if (fromHeader !== undefined && fromPath !== undefined && fromHeader !== fromPath) {
    throw new GatewayError(
      what === "adapter" ? "ADAPTER_NOT_FOUND" : "NAMESPACE_INVALID",
      `The ${what} header (${JSON.stringify(fromHeader)}) and the URL path (${JSON.stringify(fromPath)}) disagree`,
    );
  }
  return fromHeader ?? fromPath;
}

export function resolveTarget(
  request: { headers: IncomingHttpHeaders; path: string },
  settings: TenancySettings,
): ResolvedRequest {
  const prefix = pathPrefix(request.path);
  // `http://host/ns/acme` without the trailing slash makes @libsql/client post to
  // `/ns/v2/pipeline` (it resolves "v2/pipeline" against the URL): say so plainly.
  if (prefix.namespace !== undefined && /^v\d/.test(prefix.namespace) && /^\/(pipeline|cursor)$/.test(prefix.rest)) {
    throw new GatewayError(
      "NAMESPACE_INVALID",
      "A namespace URL must end with a slash, e.g. http://host:8000/ns/acme/ (the libSQL client drops the last path segment otherwise)",
    );
  }
  const adapter = pick("adapter", header(request.headers, ADAPTER_HEADER), prefix.adapter);
  const named = pick("namespace", header(request.headers, NAMESPACE_HEADER), prefix.namespace);
  const fromHost = settings.namespaceFromHost ? hostLabel(request.headers.host) : undefined;
  const namespace = validateNamespace(named ?? fromHost ?? settings.defaultNamespace);
  return { target: { adapter, namespace }, path: prefix.rest };
}
