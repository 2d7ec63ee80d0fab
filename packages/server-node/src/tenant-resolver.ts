// Which tenant a request addresses: the `x-database-namespace` header, else the default.
import type { IncomingHttpHeaders } from "node:http";
import { validateNamespace } from "@baton/adapters-kysely";

export const NAMESPACE_HEADER = "x-database-namespace";

export function namespaceOf(headers: IncomingHttpHeaders, fallback: string): string {
  const value = headers[NAMESPACE_HEADER];
  const name = Array.isArray(value) ? value[0] : value;
  return name === undefined || name === "" ? fallback : validateNamespace(name);
}
