// `$name`: the system variables SurrealDB sets (`$this`, `$parent`, `$auth`, `$token`,
// `$session`), then the query's and session's variables, then the database's `DEFINE PARAM`s.
import { NONE } from "@baton/codecs";
import type { Scope } from "./execution-scope.js";
import { definedParam } from "./definition-cache.js";

/** The `$session` object, with SurrealDB's field names. */
function sessionValue(scope: Scope): Record<string, unknown> {
  const { session } = scope.context.host;
  return {
    ac: NONE,
    db: session.database ?? NONE,
    exp: NONE,
    id: session.id ?? NONE,
    ip: session.ip ?? NONE,
    ns: session.namespace ?? NONE,
    or: session.origin ?? NONE,
    rd: NONE,
    tk: session.token ?? NONE,
  };
}

export async function lookupVariable(name: string, scope: Scope): Promise<unknown> {
  switch (name) {
    case "this":
    case "self":
      return scope.document;
    case "parent":
      return scope.parent;
    case "auth":
      return scope.context.host.session.auth ?? NONE;
    case "token":
      return scope.context.host.session.token ?? NONE;
    case "session":
      return sessionValue(scope);
  }
  const found = scope.variables.lookup(name);
  if (found !== undefined) return found.value;
  return definedParam(scope, name);
}
