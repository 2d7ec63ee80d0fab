// Runs one statement to its value: one arm per statement kind. The query runner decides where it
// runs (its own transaction, a BEGIN … COMMIT block, the call's transaction) and records results.
import { formatValue, NONE } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";
import { match } from "ts-pattern";
import type { Statement } from "../syntax/ast.js";
import { typed } from "./typed-value.js";
import { runDefine, runInfo, runRemove } from "./definition-statements.js";
import { checkDeadline, ReturnSignal, type Scope } from "./execution-scope.js";
import { evaluate } from "./expression-evaluator.js";
import { runInsert } from "./insert-statement.js";
import { fetchPaths } from "./projection.js";
import { runRelate } from "./relate-statement.js";
import { runSelect } from "./select-statement.js";
import { runCreate, runDelete, runUpdate } from "./write-statements.js";

/** Variables SurrealDB sets itself, which LET may not replace. */
const PROTECTED_VARIABLES: ReadonlySet<string> = new Set(["access", "auth", "token", "session", "this", "parent", "before", "after", "value", "input", "event"]);

/** ONLY: one value or NONE, never an array (reference section 11.3, rule 1). */
function only(flag: boolean, results: unknown[]): unknown {
  if (!flag) return results;
  if (results.length > 1) throw RpcError.validation("Expected a single result output when using the ONLY keyword");
  return results[0] ?? NONE;
}

/** LIVE SELECT and KILL parse, but live queries are not served yet. */
function liveNotSupported(): never {
  throw new RpcError("INTERNAL", "Baton does not run live queries yet (LIVE SELECT and KILL)", {
    kind: "Configuration",
    details: { kind: "LiveQueryNotSupported" },
  });
}

/** THROW's message, SurrealDB's "An error occurred: …". */
function thrown(value: unknown): RpcError {
  return new RpcError("THROWN", `An error occurred: ${typeof value === "string" ? value : formatValue(value)}`, { kind: "Thrown" });
}

export function runStatement(statement: Statement, scope: Scope): Promise<unknown> {
  checkDeadline(scope.context);
  const options = { scope, evaluate };
  return match(statement)
    .with({ kind: "select" }, async (s) => only(s.only, await runSelect(s, options)))
    .with({ kind: "create" }, async (s) => only(s.only, await runCreate(s, options)))
    .with({ kind: "update" }, { kind: "upsert" }, async (s) => only(s.only, await runUpdate(s, options)))
    .with({ kind: "delete" }, async (s) => only(s.only, await runDelete(s, options)))
    .with({ kind: "insert" }, (s) => runInsert(s, options))
    .with({ kind: "relate" }, async (s) => only(s.only, await runRelate(s, options)))
    .with({ kind: "let" }, async (s) => {
      if (PROTECTED_VARIABLES.has(s.name)) throw RpcError.validation(`'${s.name}' is a protected variable and cannot be set`);
      const value = await evaluate(s.value, scope);
      scope.variables.set(s.name, s.type === undefined ? value : typed(s.type, value, `Tried to set \`$${s.name}\`, but couldn't coerce value`));
      return NONE;
    })
    .with({ kind: "return" }, async (s) => {
      let value = await evaluate(s.value, scope);
      if (s.fetch !== undefined && s.fetch.length > 0) value = await fetchPaths(value, s.fetch, options);
      if (scope.returnable) throw new ReturnSignal(value);
      return value;
    })
    .with({ kind: "if" }, (s) => evaluate(s.expr, scope))
    .with({ kind: "throw" }, async (s) => {
      throw thrown(await evaluate(s.value, scope));
    })
    .with({ kind: "begin" }, { kind: "commit" }, { kind: "cancel" }, async () => {
      throw RpcError.validation("Transaction statements are allowed only at the top level of a query");
    })
    .with({ kind: "use" }, async (s) => {
      // Statements after USE run on the new tenant only when each gets its own store: inside a
      // block, a function or BEGIN … COMMIT the store is already chosen, so USE is refused there.
      if (!scope.context.allowUse || scope.depth > 0) {
        throw RpcError.validation("USE is allowed only as a statement of the query itself, outside BEGIN … COMMIT, blocks and functions");
      }
      return scope.context.host.use({ namespace: s.namespace, database: s.database });
    })
    .with({ kind: "info" }, (s) => runInfo(s, options))
    .with(
      { kind: "define-table" },
      { kind: "define-field" },
      { kind: "define-index" },
      { kind: "define-function" },
      { kind: "define-param" },
      (s) => runDefine(s, options),
    )
    .with({ kind: "remove" }, (s) => runRemove(s, options))
    .with({ kind: "live" }, { kind: "kill" }, async () => liveNotSupported())
    .with({ kind: "expression" }, (s) => evaluate(s.expr, scope))
    .exhaustive();
}
