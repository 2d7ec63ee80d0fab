// The `session::*` SurrealQL functions: what the calling session knows of itself (FunctionContext
// session), NONE where it knows nothing.
import { NONE, RecordId, Uuid } from "@baton/codecs";
import { isPlainObject } from "../values/plain-object.js";
import { defineFunctions, fn, type FunctionDefinition } from "./function-definition.js";
import type { FunctionTable, SessionInfo } from "./function-types.js";

const field = (read: (session: SessionInfo) => unknown): FunctionDefinition =>
  fn([], (_, context) => read(context.session) ?? NONE);

/** A claim of the session's token, read from its verified claims. */
function claim(token: unknown, name: string): unknown {
  return isPlainObject(token) && typeof token[name] === "string" ? token[name] : undefined;
}

/** The record a record user signed in as: `$auth` itself when it is a record id, else its `id`. */
function recordUser(auth: unknown): RecordId | undefined {
  if (auth instanceof RecordId) return auth;
  return isPlainObject(auth) && auth["id"] instanceof RecordId ? auth["id"] : undefined;
}

/** SurrealDB answers the session id as a UUID. */
function sessionId(id: string | undefined): unknown {
  if (id === undefined) return undefined;
  try {
    return Uuid.parse(id);
  } catch {
    return id;
  }
}

export const sessionFunctions: FunctionTable = defineFunctions({
  // The access method a record or access user signed in through (the token's `AC` claim).
  "session::ac": field((session) => claim(session.token, "AC") ?? claim(session.token, "ac")),
  "session::db": field((session) => session.database),
  "session::id": field((session) => sessionId(session.id)),
  "session::ip": field((session) => session.ip),
  "session::ns": field((session) => session.namespace),
  "session::origin": field((session) => session.origin),
  "session::rd": field((session) => recordUser(session.auth)),
  "session::token": field((session) => (session.token === NONE ? undefined : session.token)),
});
