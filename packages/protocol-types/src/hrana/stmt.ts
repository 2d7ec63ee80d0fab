// Statements, batches and conditions (HRANA_3_SPEC "Statements", "Batches").
import { Type, type Static } from "@sinclair/typebox";
import { Int32, OptionalNullable, Uint32 } from "./common.js";
import { Value } from "./value.js";

export const NamedArg = Type.Object({ name: Type.String(), value: Value }, { $id: "NamedArg" });
export type NamedArg = Static<typeof NamedArg>;

/** One SQL statement: exactly one of `sql` / `sql_id` must be set (checked by the handler). */
export const Stmt = Type.Object(
  {
    sql: OptionalNullable(Type.String()),
    sql_id: OptionalNullable(Int32),
    args: Type.Optional(Type.Array(Value)),
    named_args: Type.Optional(Type.Array(NamedArg)),
    want_rows: OptionalNullable(Type.Boolean()),
  },
  { $id: "Stmt" },
);
export type Stmt = Static<typeof Stmt>;

/** Batch step conditions; `step` is a 0-based index of an earlier step. */
export const BatchCond = Type.Recursive(
  (Self) =>
    Type.Union([
      Type.Object({ type: Type.Literal("ok"), step: Uint32 }),
      Type.Object({ type: Type.Literal("error"), step: Uint32 }),
      Type.Object({ type: Type.Literal("not"), cond: Self }),
      Type.Object({ type: Type.Literal("and"), conds: Type.Array(Self) }),
      Type.Object({ type: Type.Literal("or"), conds: Type.Array(Self) }),
      Type.Object({ type: Type.Literal("is_autocommit") }),
    ]),
  { $id: "BatchCond" },
);
export type BatchCond = Static<typeof BatchCond>;

export const BatchStep = Type.Object(
  { condition: OptionalNullable(BatchCond), stmt: Stmt },
  { $id: "BatchStep" },
);
export type BatchStep = Static<typeof BatchStep>;

export const Batch = Type.Object({ steps: Type.Array(BatchStep) }, { $id: "Batch" });
export type Batch = Static<typeof Batch>;
