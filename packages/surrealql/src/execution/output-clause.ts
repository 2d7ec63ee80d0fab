// RETURN NONE | NULL | BEFORE | AFTER | DIFF | fields of a write statement, per record written.
import { NONE } from "@baton/codecs";
import type { OutputClause } from "../syntax/ast.js";
import { diffValues } from "../values/json-patch.js";
import type { Scope } from "./execution-scope.js";
import type { Evaluate } from "./idiom-walker.js";
import { project } from "./projection.js";

/** Marks a record that RETURN NONE leaves out of the statement's result. */
export const LEFT_OUT: unique symbol = Symbol("left out");

export interface WrittenRecord {
  /** The record before the write (NONE for a new one). */
  readonly before: unknown;
  /** The record after the write (NONE for a deleted one). */
  readonly after: unknown;
}

/** What a written record contributes to the statement's result. */
export async function outputOf(
  written: WrittenRecord,
  options: { readonly clause: OutputClause | undefined; readonly fallback: "after" | "before" | "none"; readonly scope: Scope; readonly evaluate: Evaluate },
): Promise<unknown> {
  const kind = options.clause?.kind ?? options.fallback;
  switch (kind) {
    case "none":
      return LEFT_OUT;
    case "null":
      return null;
    case "before":
      return written.before;
    case "after":
      return written.after;
    case "diff":
      // A new record's diff replaces the whole (absent) document, as SurrealDB answers.
      if (written.before === NONE) return [{ op: "replace", path: "", value: written.after }];
      return diffValues(written.before, written.after === NONE ? {} : written.after);
    case "fields": {
      const clause = options.clause;
      if (clause?.kind !== "fields") return written.after;
      return project(clause.projection, written.after, options);
    }
  }
}

/** The results of a write statement, without the records RETURN NONE left out. */
export function keptOutputs(outputs: readonly unknown[]): unknown[] {
  return outputs.filter((output) => output !== LEFT_OUT);
}
