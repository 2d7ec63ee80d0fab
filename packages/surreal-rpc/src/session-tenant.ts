// The Baton tenant a session's namespace and database select (docs/record-model.md, "Tenants"):
// `ns` when ns == db, else `ns--db`. Joined names contain `--` and single ones do not, and the
// first `--` always ends `ns`, so no two (ns, db) pairs share a tenant.
import { validateNamespace } from "@baton/adapters-kysely";
import { GatewayError } from "@baton/protocol-types";

/** Checks a namespace on its own (at `use` time): a valid tenant name without `--`. */
export function validateRpcNamespace(namespace: string): string {
  validateNamespace(namespace);
  if (namespace.includes("--")) {
    throw new GatewayError("NAMESPACE_INVALID", `Invalid namespace ${JSON.stringify(namespace)}: it contains "--", which separates namespace and database in tenant names`);
  }
  return namespace;
}

/** The tenant of (namespace, database); throws NAMESPACE_INVALID saying why there is none. */
export function tenantFor(selection: { namespace: string; database: string }): string {
  const { namespace, database } = selection;
  validateRpcNamespace(namespace);
  validateNamespace(database);
  if (namespace === database) return namespace;
  if (namespace.endsWith("-")) {
    throw new GatewayError(
      "NAMESPACE_INVALID",
      `Invalid namespace ${JSON.stringify(namespace)}: it ends in "-", so "${namespace}--${database}" would not name it unambiguously`,
    );
  }
  const joined = `${namespace}--${database}`;
  if (joined.length > 63) {
    throw new GatewayError(
      "NAMESPACE_INVALID",
      `Invalid namespace and database ${JSON.stringify(namespace)}, ${JSON.stringify(database)}: their tenant "${joined}" is ${joined.length} characters long (at most 63)`,
    );
  }
  return validateNamespace(joined);
}
