// Validators over the ahead-of-time compiled checks in generated/: a fast boolean check on the
// hot path, and a readable explanation (TypeBox's error iterator) only once a check has failed.
import type { Static, TSchema } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { validators as hranaValidators } from "../generated/hrana.validators.js";
import { validators as rpcValidators } from "../generated/rpc.validators.js";

const compiledById: Record<string, (value: unknown) => boolean> = { ...hranaValidators, ...rpcValidators };

export interface Validator<T> {
  /** True when `value` matches the schema. */
  check(value: unknown): value is T;
  /** The first mismatch as `path: message`, for an error sent back to the peer. */
  explain(value: unknown): string;
}

/** The compiled validator of a registered schema (one with a `$id`). */
export function validatorFor<S extends TSchema>(schema: S): Validator<Static<S>> {
  const id = schema.$id;
  const compiled = id === undefined ? undefined : compiledById[id];
  if (compiled === undefined) {
    throw new Error(`no compiled validator for schema ${String(id)}: run \`pnpm codegen\``);
  }
  return {
    check: compiled as (value: unknown) => value is Static<S>,
    explain(value) {
      const first = Value.Errors(schema, value).First();
      if (first === undefined) return "value does not match the schema";
      return `${first.path === "" ? "(root)" : first.path}: ${first.message}`;
    },
  };
}
